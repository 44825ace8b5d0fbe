// The unseen-text benchmark's data: texts, hand annotations and their origins (bench/unseen/README.md
// says what is annotated and how). Loading checks nothing; `benchmarkProblems` lists every way the
// data could be wrong, so the data test and the scorer refuse the same things.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { calendarProblem } from '../../server/core/dates.js';
import type { DateValue, QuantityValue } from '../../server/core/schema-types.js';

export const UNSEEN_DIR = path.resolve(import.meta.dirname);

export type AnnotatedValue = ({ type: 'quantity' } & Omit<QuantityValue, 'type' | 'parts'>) | ({ type: 'date' } & DateValue);

export interface AnnotatedItem {
  id: string;
  /** The value's wording, byte-identical to text.slice(start, end). */
  quote: string;
  start: number;
  end: number;
  value: AnnotatedValue;
  subject: { name: string; aliases: string[]; entityIds: string[] };
  property: { name: string; keywords: string[]; propertyIds: string[] };
  role: string;
  note?: string;
}

export interface AnnotatedName {
  name: string;
  aliases: string[];
}

export interface Annotation {
  /** Path of the text relative to the benchmark folder. */
  text: string;
  items: AnnotatedItem[];
  entities: AnnotatedName[];
}

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  genre: string;
  subject: string;
  origin: { url?: string; repository?: string; path?: string; commit?: string; [key: string]: string | undefined };
  licence: string;
  excerpt: string;
  retrieved: string;
  bytes: number;
  sha256: string;
}

export interface BenchmarkText {
  id: string;
  text: string;
  annotation: Annotation;
  source: SourceRecord | undefined;
}

/** Every text of the benchmark folder, with its annotation and its source record (ids sorted). */
export function loadBenchmark(dir = UNSEEN_DIR): BenchmarkText[] {
  const sources = JSON.parse(readFileSync(path.join(dir, 'sources.json'), 'utf8')) as { sources: SourceRecord[] };
  return readdirSync(path.join(dir, 'annotations'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.json$/, '');
      const annotation = JSON.parse(readFileSync(path.join(dir, 'annotations', file), 'utf8')) as Annotation;
      const textPath = path.join(dir, annotation.text);
      return { id, text: existsSync(textPath) ? readFileSync(textPath, 'utf8') : '', annotation, source: sources.sources.find((s) => s.id === id) };
    });
}

const COMPARATORS = new Set(['exact', 'approx', 'almost', 'gt', 'gte', 'lt', 'lte', 'range']);
const PRECISIONS = new Set(['day', 'month', 'season', 'year', 'decade']);
const nonEmpty = (x: unknown) => typeof x === 'string' && x.trim().length > 0;

/** What is wrong with one text's data, as readable sentences naming the text and the item. */
export function textProblems(t: BenchmarkText, dir = UNSEEN_DIR): string[] {
  const out: string[] = [];
  const where = (what: string) => `${t.id}: ${what}`;
  const file = path.join(dir, t.annotation.text ?? '');
  if (!existsSync(file)) return [where(`text file ${t.annotation.text} is missing`)];
  const bytes = readFileSync(file);
  if (!Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) out.push(where('text is not valid UTF-8'));
  const ids = new Set<string>();
  for (const item of t.annotation.items ?? []) {
    const at = (what: string) => where(`item ${item.id}: ${what}`);
    if (ids.has(item.id)) out.push(at('duplicate id'));
    ids.add(item.id);
    if (!Number.isInteger(item.start) || !Number.isInteger(item.end) || item.start < 0 || item.end > t.text.length || item.start >= item.end) out.push(at(`offsets [${item.start}, ${item.end}) are not a span of the text`));
    else if (t.text.slice(item.start, item.end) !== item.quote) out.push(at(`quote ${JSON.stringify(item.quote)} differs from the text at its offsets: ${JSON.stringify(t.text.slice(item.start, item.end))}`));
    const v = item.value;
    if (v?.type === 'quantity') {
      if (!COMPARATORS.has(v.comparator)) out.push(at(`unknown comparator ${v.comparator}`));
      if (!Number.isFinite(v.amount)) out.push(at('amount is not a number'));
      if (v.comparator === 'range' && !(Number.isFinite(v.upper) && v.upper! > v.amount)) out.push(at('a range needs an upper bound above its amount'));
      if (!nonEmpty(v.unit)) out.push(at('no unit'));
    } else if (v?.type === 'date') {
      if (!PRECISIONS.has(v.precision)) out.push(at(`unknown precision ${v.precision}`));
      const bad = calendarProblem(v.value);
      if (bad) out.push(at(`date ${v.value}: ${bad}`));
    } else out.push(at('value is neither a quantity nor a date'));
    if (!nonEmpty(item.subject?.name) || !Array.isArray(item.subject?.aliases) || !Array.isArray(item.subject?.entityIds)) out.push(at('subject needs a name, aliases and entityIds'));
    if (!nonEmpty(item.property?.name) || !Array.isArray(item.property?.keywords) || item.property.keywords.length === 0 || !Array.isArray(item.property?.propertyIds)) out.push(at('property needs a name, at least one keyword and propertyIds'));
    if (!nonEmpty(item.role)) out.push(at('no role'));
  }
  if ((t.annotation.items ?? []).length === 0) out.push(where('no annotated items'));
  if ((t.annotation.entities ?? []).length === 0) out.push(where('no proper names listed'));
  for (const e of t.annotation.entities ?? []) if (!nonEmpty(e.name) || !Array.isArray(e.aliases)) out.push(where(`proper name ${JSON.stringify(e)} needs a name and aliases`));
  const s = t.source;
  if (!s) out.push(where('no record in sources.json'));
  else {
    const origin = s.origin ?? {};
    if (!nonEmpty(origin.url) && !(nonEmpty(origin.repository) && nonEmpty(origin.path) && /^[0-9a-f]{40}$/.test(origin.commit ?? ''))) out.push(where('origin needs a URL, or repository + path + commit'));
    for (const field of ['title', 'publisher', 'genre', 'subject', 'licence', 'excerpt'] as const) if (!nonEmpty(s[field])) out.push(where(`source record has no ${field}`));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.retrieved ?? '')) out.push(where('source record has no retrieval date (YYYY-MM-DD)'));
    if (s.bytes !== bytes.length || s.sha256 !== createHash('sha256').update(bytes).digest('hex')) out.push(where('text differs from the size or SHA-256 recorded in sources.json'));
  }
  return out;
}

export function benchmarkProblems(texts: readonly BenchmarkText[], dir = UNSEEN_DIR): string[] {
  return texts.flatMap((t) => textProblems(t, dir));
}
