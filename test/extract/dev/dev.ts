// Development texts (test/extract/dev/): written for development, read with the bundled graph's
// entities and vocabulary as a user's paste would be, and scored against a hand annotation of every
// figure and date each states. Shared by test/extract/dev.test.ts, bench/extract.ts and
// bench/extract-libraries.ts. Scores: value found (any candidate at the annotated words with that
// value), with the right subject, with an acceptable property (a vocabulary id the annotation names,
// or a proposed property where it says "new"), candidate precision (candidates whose value is
// annotated), statements read from running heads, page numbers or footnotes, and junk entity proposals.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Claim, Entity, Property } from '../../../server/core/schema-types.js';
import { extractClaims, foldName, type ExtractionResult } from '../../../server/extract/index.js';

const dir = path.resolve(import.meta.dirname);

/**
 * Every annotated text of the folder (a .txt with its .json beside it), in name order: helpers add
 * texts without editing a shared list, and a text whose annotation is not written yet is not scored.
 */
export const DEV_TEXTS: readonly string[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt') && existsSync(path.join(dir, f.replace(/\.txt$/, '.json'))))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

export interface Expected {
  at: string;
  value: number | string;
  subject: string[];
  property: string[];
  role?: string;
}

export interface DevFixture {
  origin: string;
  expected: Expected[];
  notClaims: string[];
  junk: string[];
  /**
   * Every proper name the text states (people, places, bodies, things named). Where given, a proposed
   * entity whose label neither contains one of these nor is contained in one counts as junk too, so page
   * furniture and labels are caught without listing each one.
   */
  names?: string[];
}

export interface DevScore {
  name: string;
  expected: number;
  found: number;
  withSubject: number;
  withProperty: number;
  candidates: number;
  candidatesRight: number;
  fromApparatus: string[];
  proposals: string[];
  junk: string[];
  misses: string[];
}

export function loadDev(name: string): { text: string; fixture: DevFixture } {
  return {
    text: readFileSync(path.join(dir, `${name}.txt`), 'utf8'),
    fixture: JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as DevFixture,
  };
}

/** Where an annotated wording is: its first occurrence. */
export function spanOf(text: string, at: string): { start: number; end: number } {
  const start = text.indexOf(at);
  if (start === -1) throw new Error(`annotated words not in the text: ${JSON.stringify(at)}`);
  return { start, end: start + at.length };
}

function valueOf(c: Claim): number | string | undefined {
  if (c.value.type === 'quantity') return c.value.amount;
  if (c.value.type === 'date') return c.value.date.value;
  return undefined;
}

/** Where the claim's wording lies in the text (inside its quote). */
function wordingSpan(text: string, c: Claim): { start: number; end: number } {
  const inQuote = c.quote.exact.replace(/\s+/g, ' ').indexOf(c.wording);
  const exact = c.quote.exact;
  // The quote keeps the text's own white space; the wording has it collapsed: map back by searching loosely.
  const pattern = new RegExp(
    c.wording
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
  );
  const m = pattern.exec(exact);
  if (m) return { start: c.quote.start + m.index, end: c.quote.start + m.index + m[0].length };
  return inQuote === -1
    ? { start: c.quote.start, end: c.quote.end }
    : { start: c.quote.start + inQuote, end: c.quote.start + inQuote + c.wording.length };
}

export function scoreDev(
  name: string,
  result: ExtractionResult,
  text: string,
  fixture: DevFixture,
  vocabulary: readonly Property[],
  entities: readonly Entity[],
): DevScore {
  const known = new Set(vocabulary.map((p) => p.id));
  const byId = new Map<string, Entity>([...entities, ...result.proposedEntities].map((e) => [e.id, e]));
  const names = (id: string) => {
    const e = byId.get(id);
    return e ? [e.id, e.label, ...e.aliases.map((a) => a.name)].map(foldName) : [foldName(id)];
  };
  const subjectFits = (c: Claim, x: Expected) =>
    x.subject.some((s) => s === c.subject || names(c.subject).some((n) => n.includes(foldName(s))));
  const propertyFits = (c: Claim, x: Expected) => x.property.includes(c.property) || (x.property.includes('new') && !known.has(c.property));
  const spans = new Map(result.claims.map((c) => [c, wordingSpan(text, c)]));
  const at = (c: Claim, x: Expected) => {
    const w = spans.get(c)!;
    const e = spanOf(text, x.at);
    return w.start < e.end && e.start < w.end && valueOf(c) === x.value;
  };
  let found = 0;
  let withSubject = 0;
  let withProperty = 0;
  const misses: string[] = [];
  for (const x of fixture.expected) {
    const hits = result.claims.filter((c) => at(c, x));
    if (hits.length > 0) found++;
    const subj = hits.filter((c) => subjectFits(c, x));
    if (subj.length > 0) withSubject++;
    if (subj.some((c) => propertyFits(c, x))) withProperty++;
    else
      misses.push(
        `${x.at.replace(/\s+/g, ' ')} → ${hits.length === 0 ? 'not found' : hits.map((c) => `${c.subject} ${c.property} ${valueOf(c)}`).join(' | ')}`,
      );
  }
  const candidatesRight = result.claims.filter((c) => fixture.expected.some((x) => at(c, x))).length;
  const fromApparatus = result.claims
    .filter((c) =>
      fixture.notClaims.some((n) => {
        const s = spanOf(text, n);
        const w = spans.get(c)!;
        return w.start < s.end && s.start < w.end;
      }),
    )
    .map((c) => c.wording);
  const proposals = result.proposedEntities.map((e) => e.id);
  const named = (fixture.names ?? []).map(foldName).filter((n) => n.length > 0);
  const isName = (e: Entity) =>
    [e.label, ...e.aliases.map((a) => a.name)].map(foldName).some((l) => l.length > 1 && named.some((n) => l.includes(n) || n.includes(l)));
  const junk = result.proposedEntities
    .filter((e) => fixture.junk.includes(e.id) || (fixture.names !== undefined && !isName(e)))
    .map((e) => e.id);
  return {
    name,
    expected: fixture.expected.length,
    found,
    withSubject,
    withProperty,
    candidates: result.claims.length,
    candidatesRight,
    fromApparatus,
    proposals,
    junk,
    misses,
  };
}

export function measureDev(entities: Entity[], properties: Property[], minConfidence = 0.5): DevScore[] {
  return DEV_TEXTS.map((name) => {
    const { text, fixture } = loadDev(name);
    const result = extractClaims(text, { sourceId: name, entities, properties }, { minConfidence });
    return scoreDev(name, result, text, fixture, properties, entities);
  });
}
