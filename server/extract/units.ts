// Units and counted nouns of figures, read once from words/units.json (data, generic English): units of
// measure, plurals without a final s, the denominators of spelled-out fractions, and the words before a
// four-digit number that make it a year. Also the one test dates.ts and quantity-claims.ts share: whether
// a bare four-digit number ("about 2000 miles", "1163 patients were included") counts something rather
// than naming a year.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface UnitsFile {
  measures: string[];
  irregularPlurals: string[];
  fractions: Record<string, number>;
  yearPrepositions: string[];
}

const units = JSON.parse(readFileSync(path.join(import.meta.dirname, 'words', 'units.json'), 'utf8')) as UnitsFile;

/** Units of measure: a number before one is a measurement. */
export const MEASURES: ReadonlySet<string> = new Set(units.measures);
/** Plurals with no final s ("feet", "police"): what a spelled-out number counts. */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(units.irregularPlurals);
/** "third" → 3: the denominators of spelled-out fractions. */
export const FRACTION_DENOMINATORS: ReadonlyMap<string, number> = new Map(Object.entries(units.fractions));
const YEAR_WORDS = new Set(units.yearPrepositions);
/** Words that put a clause in the text's future (words/tense.json). */
export const FUTURE_WORDS: readonly string[] = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, 'words', 'tense.json'), 'utf8')) as { future: string[] }
).future;

const WORD_AFTER = /^[ \t\u00A0]*(?:\r?\n[ \t\u00A0]*)?(\p{L}[\p{L}'’-]*)/u;
const WORD_BEFORE = /(\p{L}+)\.?[ \t\u00A0]*(?:\r?\n[ \t\u00A0]*)?$/u;

/**
 * Whether the four-digit number at s[start, end) counts what follows it instead of naming a year: a unit
 * of measure follows ("about 2000 miles"), or a lower-case plural noun does and no word that introduces a
 * year comes before it ("1163 patients were included"; not "in 1918 troops landed", "the 1920 elections").
 */
export function countsRatherThanYear(s: string, start: number, end: number): boolean {
  const next = WORD_AFTER.exec(s.slice(end, end + 40))?.[1];
  if (!next) return false;
  const lower = next.toLowerCase();
  if (MEASURES.has(lower)) return true;
  if (next !== lower || !(/[^s']s$/.test(lower) || IRREGULAR_PLURALS.has(lower))) return false;
  if (/[,;:(]\s*$|\d\s*$/.test(s.slice(Math.max(0, start - 3), start))) return false; // "October 12, 1918 troops", "(1918"
  const before = WORD_BEFORE.exec(s.slice(Math.max(0, start - 24), start))?.[1];
  return before === undefined || !YEAR_WORDS.has(before.toLowerCase());
}
