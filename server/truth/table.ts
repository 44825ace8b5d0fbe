// The CLI's tabular format (the DAFNA / AllegatorTrack layout of truth-discovery benchmarks):
// one claim per row, ObjectID + PropertyID name the item, PropertyValue is the value, SourceID the source.
import { readColumns, type ReadOptions } from './csv.js';
import type { Observation } from './types.js';

export const CLAIM_COLUMNS = ['ObjectID', 'PropertyID', 'PropertyValue', 'SourceID'] as const;
export const GOLD_COLUMNS = ['ObjectID', 'PropertyID', 'PropertyValue'] as const;

/** Plain decimal numerals become numbers (so close values can support each other); anything else stays text. */
const NUMERAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseValue(text: string): number | string {
  const trimmed = text.trim();
  if (NUMERAL.test(trimmed)) {
    const n = Number(trimmed);
    if (Number.isFinite(n)) return n;
  }
  return text;
}

/** Item key of an (object, property) pair; the unit separator cannot occur in ordinary names. */
export function itemKey(object: string, property: string): string {
  return `${object}\u001f${property}`;
}

export function splitItemKey(key: string): [string, string] {
  const at = key.indexOf('\u001f');
  return [key.slice(0, at), key.slice(at + 1)];
}

export interface ClaimTable {
  observations: Observation[];
  /** The value as written in the file, per observation: output echoes it rather than a re-printed number. */
  texts: string[];
}

export async function readClaimTable(file: string, options?: ReadOptions): Promise<ClaimTable> {
  const rows = await readColumns(file, CLAIM_COLUMNS, options);
  const observations: Observation[] = new Array(rows.length);
  const texts: string[] = new Array(rows.length);
  rows.forEach(([object, property, value, source], i) => {
    observations[i] = { item: itemKey(object!, property!), source: source!, value: parseValue(value!) };
    texts[i] = value!;
  });
  return { observations, texts };
}

/** Gold value per item key. */
export async function readGold(file: string): Promise<Map<string, string>> {
  const rows = await readColumns(file, GOLD_COLUMNS);
  return new Map(rows.map(([object, property, value]) => [itemKey(object!, property!), value!]));
}
