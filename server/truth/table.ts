// The CLI's tabular format (the DAFNA / AllegatorTrack layout of truth-discovery benchmarks):
// one claim per row, ObjectID + PropertyID name the item, PropertyValue is the value, SourceID the source.
import { readColumns, type ReadOptions } from './csv.js';
import { resolvePersonLists } from './person-values.js';
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

/**
 * What the values of a table are. number: numerals compared by closeness (anything else as text);
 * persons: lists of names compared person by person (core/persons.ts); text: equality only.
 */
export type ValueType = 'number' | 'persons' | 'text';
export const VALUE_TYPES: readonly ValueType[] = ['number', 'persons', 'text'];

/**
 * Property names that hold lists of persons, the way graph-data/properties.json declares a property's
 * value type: a vocabulary of kinds of value, not a rule about one file.
 */
const PERSON_PROPERTIES =
  /^(authors?|editors?|creators?|contributors?|writers?|commanders?|leaders?|members?|persons?|people|participants?)$/i;

/** The value type a property's name declares; number (numerals by closeness, the rest as text) otherwise. */
export function valueTypeOf(property: string): ValueType {
  return PERSON_PROPERTIES.test(property.trim()) ? 'persons' : 'number';
}

export interface ClaimTable {
  observations: Observation[];
  /**
   * The value as written in the file, per observation, so output echoes it rather than a re-printed
   * number; for person lists, the list in canonical form.
   */
  texts: string[];
  /** Value type per property, as read (from --values or the property's name). */
  valueTypes: Map<string, ValueType>;
  /** Rows left out because their value names no one ("Not Available", empty): a person list only. */
  skipped: number;
}

export interface ClaimTableOptions extends ReadOptions {
  /** Force one value type for every property instead of the one each property's name declares. */
  valueType?: ValueType;
}

export async function readClaimTable(file: string, options: ClaimTableOptions = {}): Promise<ClaimTable> {
  const rows = await readColumns(file, CLAIM_COLUMNS, options);
  const valueTypes = new Map<string, ValueType>();
  for (const [, property] of rows) if (!valueTypes.has(property!)) valueTypes.set(property!, options.valueType ?? valueTypeOf(property!));
  const personRows = rows.filter(([, property]) => valueTypes.get(property!) === 'persons');
  const resolved = resolvePersonLists(personRows.map(([object, property, value]) => ({ item: itemKey(object!, property!), text: value! })));
  const observations: Observation[] = [];
  const texts: string[] = [];
  let k = 0;
  let skipped = 0;
  for (const [object, property, value, source] of rows) {
    const item = itemKey(object!, property!);
    const type = valueTypes.get(property!)!;
    if (type === 'persons') {
      const list = resolved[k++];
      if (!list) {
        skipped++;
        continue;
      }
      observations.push({ item, source: source!, value: list.canonical, members: list.members });
      texts.push(list.canonical);
    } else {
      observations.push({ item, source: source!, value: type === 'number' ? parseValue(value!) : value! });
      texts.push(value!);
    }
  }
  return { observations, texts, valueTypes, skipped };
}

/** Gold value per item key. */
export async function readGold(file: string): Promise<Map<string, string>> {
  const rows = await readColumns(file, GOLD_COLUMNS);
  return new Map(rows.map(([object, property, value]) => [itemKey(object!, property!), value!]));
}
