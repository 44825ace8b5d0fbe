// Bibliographic records from a reference manager (Zotero and the like export CSL-JSON, BibTeX and
// RIS), read with citation-js: the source's own record, and full records for its numbered references
// so that claim → footnote → reference resolves to the work itself. Records are kept in a small,
// fixed shape (BibliographicRecord), not as whatever fields an export happens to carry.
import type { Cite as CiteClass, CslItem, CslName } from '@citation-js/core';
import { createRequire } from 'node:module';
import type { BibliographicRecord, Reference } from '../core/schema-types.js';
import { DocumentRefused } from './types.js';

// citation-js and its plugins (CommonJS) are loaded on the first bibliography, not when the server
// starts: most ingests carry none, and loading them costs about half a second.
let citeClass: typeof CiteClass | undefined;
function loadCite(): typeof CiteClass {
  if (!citeClass) {
    const require = createRequire(import.meta.url);
    for (const plugin of ['@citation-js/plugin-bibtex', '@citation-js/plugin-ris', '@citation-js/plugin-csl']) require(plugin);
    citeClass = (require('@citation-js/core') as { Cite: typeof CiteClass }).Cite;
  }
  return citeClass;
}

const FIELD_CHARS = 1000;
const MAX_NAMES = 200;
const clip = (text: unknown, max = FIELD_CHARS): string | undefined => {
  if (text === undefined || text === null) return undefined;
  const clean = String(text)
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean ? clean.slice(0, max) : undefined;
};

function nameOf(n: CslName): string | undefined {
  if (n.literal) return clip(n.literal, 300);
  const family = clip(n.family, 300);
  const given = clip(n.given, 300);
  return family ? (given ? `${family}, ${given}` : family) : given;
}

function yearOf(item: CslItem): string | undefined {
  const first = item.issued?.['date-parts']?.[0]?.[0];
  const year = first !== undefined ? String(first) : /\b(\d{4})\b/.exec(String(item.issued?.raw ?? item.issued?.literal ?? ''))?.[1];
  return year && /^-?\d{1,4}$/.test(year) ? year : undefined;
}

/** One CSL item in the store's record shape. */
export function recordOf(item: CslItem): BibliographicRecord {
  const record: BibliographicRecord = { type: clip(item.type, 50) ?? 'document' };
  const set = <K extends keyof BibliographicRecord>(key: K, value: BibliographicRecord[K] | undefined) => {
    if (value !== undefined && (!Array.isArray(value) || value.length > 0)) record[key] = value;
  };
  set('title', clip(item.title));
  set(
    'authors',
    (item.author ?? [])
      .map(nameOf)
      .filter((n): n is string => !!n)
      .slice(0, MAX_NAMES),
  );
  set(
    'editors',
    (item.editor ?? [])
      .map(nameOf)
      .filter((n): n is string => !!n)
      .slice(0, MAX_NAMES),
  );
  set('year', yearOf(item));
  set('container', clip(item['container-title']));
  set('publisher', clip(item.publisher));
  set('place', clip(item['publisher-place']));
  set('volume', clip(item.volume, 50));
  set('issue', clip(item.issue, 50));
  set('pages', clip(item.page, 100));
  set('doi', clip(item.DOI, 200));
  const url = clip(item.URL, 2000);
  if (url && /^https?:\/\//i.test(url)) set('url', url);
  set('isbn', clip(item.ISBN, 100));
  set('citation', clip(formatted(item), 2000));
  return record;
}

/** The record as a reference list would print it (APA, citation-js's bundled style). */
function formatted(item: CslItem): string | undefined {
  try {
    return new (loadCite())([{ ...item, id: item.id ?? 'item' }])
      .format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })
      .trim();
  } catch {
    return undefined;
  }
}

/** Every entry of a CSL-JSON, BibTeX or RIS text (the format is recognised from the text). */
export function parseBibliography(text: string, what = 'bibliography'): CslItem[] {
  let items: CslItem[];
  try {
    const trimmed = text.trim();
    // CSL-JSON arrives as text: parse it first, so a JSON mistake is named as one.
    items = new (loadCite())(trimmed.startsWith('[') || trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed).data;
  } catch (err) {
    throw new DocumentRefused(400, `the ${what} is not CSL-JSON, BibTeX or RIS that can be read (${(err as Error).message})`);
  }
  if (items.length === 0) throw new DocumentRefused(400, `the ${what} has no entries`);
  return items;
}

const fold = (t: string) =>
  t
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** How well a record matches a reference as the source prints it: first author's surname and year, then title words. */
function matchScore(reference: Reference, record: BibliographicRecord): number {
  const text = fold(reference.text);
  const surname = record.authors?.[0]?.split(',')[0] ?? record.editors?.[0]?.split(',')[0];
  if (!surname || !text.includes(fold(surname))) return 0;
  let score = 1;
  if (record.year && text.includes(record.year)) score += 2;
  const words = new Set(
    fold(record.title ?? '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3),
  );
  for (const w of words) if (text.includes(w)) score += 0.5;
  return score;
}

export interface AttachedReferences {
  references: Reference[];
  /** Records that matched no reference, in words, for the person to see. */
  unmatched: string[];
}

/**
 * Puts each record on the reference it belongs to (surname and year in the printed reference, title
 * words as tie-breaker); a source with no reference list of its own gets the records as its list.
 */
export function attachRecords(references: readonly Reference[], records: readonly BibliographicRecord[]): AttachedReferences {
  if (references.length === 0) {
    return {
      references: records.map((record, i) => ({ number: i + 1, text: record.citation ?? record.title ?? `Entry ${i + 1}`, record })),
      unmatched: [],
    };
  }
  // Each reference takes its best record; a work cited in several footnotes resolves from all of them.
  const used = new Set<number>();
  const out = references.map((reference) => {
    let best = -1;
    let bestScore = 2; // the surname alone is not enough: it needs the year or title words too
    records.forEach((record, i) => {
      const score = matchScore(reference, record);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) return { ...reference };
    used.add(best);
    return { ...reference, record: records[best]! };
  });
  const unmatched = records.filter((_, i) => !used.has(i)).map((r) => r.citation ?? r.title ?? r.type);
  return { references: out, unmatched };
}
