// Scoring of extracted candidate claims against the unseen-text annotations, exactly as
// bench/unseen/README.md ("How the scorer judges") defines it. Pure: no I/O, no extractor.
import { dateInterval } from '../../server/core/dates.js';
import type { Claim, Entity, Property } from '../../server/core/schema-types.js';
import type { AnnotatedItem, AnnotatedName } from './data.js';

/** A property the extraction proposes (not in the vocabulary), as far as the result describes it. */
export interface ProposedPropertyInfo {
  id: string;
  label?: string;
  name?: string;
}

export interface ScoreInput {
  text: string;
  items: readonly AnnotatedItem[];
  names: readonly AnnotatedName[];
  claims: readonly Claim[];
  proposedEntities: readonly Entity[];
  proposedProperties?: readonly ProposedPropertyInfo[];
  vocabulary: { entities: readonly Entity[]; properties: readonly Property[] };
}

export interface ItemResult {
  item: AnnotatedItem;
  claim?: Claim;
  subjectRight: boolean;
  propertyRight: boolean;
  /** The assigned claim's subject and property as a reader sees them. */
  subjectName?: string;
  propertyName?: string;
}

export interface TextScore {
  items: number;
  valueFound: number;
  valueAndSubject: number;
  propertyRight: number;
  /** Quantity and date candidates (other value types are not annotated here). */
  candidates: number;
  /** Candidates that stand for some annotated item. */
  candidatesMatching: number;
  /** Candidates assigned one to one. */
  candidatesAssigned: number;
  otherCandidates: number;
  proposedEntities: number;
  /** Proposals naming neither a proper name of the text nor an annotated subject. */
  junkEntities: number;
  /** Proposals naming no proper name of the text (the strict count, subjects not excepted). */
  notProperNames: number;
  results: ItemResult[];
  unmatchedCandidates: Claim[];
  junk: Entity[];
}

/** NFKD without combining marks, lower case, non-alphanumerics to single spaces, a leading "the " removed. */
export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

const close = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export function sameValue(claim: Claim, item: AnnotatedItem): boolean {
  const v = claim.value;
  const w = item.value;
  if (v.type === 'quantity' && w.type === 'quantity') return v.comparator === w.comparator && close(v.amount, w.amount) && (w.comparator !== 'range' || close(v.upper, w.upper));
  if (v.type === 'date' && w.type === 'date') {
    const a = dateInterval(v.date);
    const b = dateInterval(w);
    return a.lo === b.lo && a.hi === b.hi;
  }
  return false;
}

/** Whether the claim's value lies over the item's span: an occurrence of its wording in its quote, else the quote. */
export function liesOver(claim: Claim, item: AnnotatedItem): boolean {
  const overlaps = (start: number, end: number) => start < item.end && item.start < end;
  const { exact, start } = claim.quote;
  if (claim.wording) {
    let found = false;
    for (let at = exact.indexOf(claim.wording); at !== -1; at = exact.indexOf(claim.wording, at + 1)) {
      found = true;
      if (overlaps(start + at, start + at + claim.wording.length)) return true;
    }
    if (found) return false;
  }
  return overlaps(claim.quote.start, claim.quote.end);
}

function entityNames(e: Entity | undefined, id: string): string[] {
  return [id.replace(/-/g, ' '), ...(e ? [e.label, ...e.aliases.map((a) => a.name)] : [])];
}

/** Each keyword word a prefix of the corresponding word of the name, somewhere in it. */
export function keywordInName(keyword: string, name: string): boolean {
  const k = normaliseName(keyword).split(' ').filter(Boolean);
  const n = normaliseName(name).split(' ').filter(Boolean);
  if (k.length === 0) return false;
  for (let i = 0; i + k.length <= n.length; i++) if (k.every((kw, j) => n[i + j]!.startsWith(kw))) return true;
  return false;
}

export function scoreText(input: ScoreInput): TextScore {
  const entities = new Map<string, Entity>([...input.vocabulary.entities, ...input.proposedEntities].map((e) => [e.id, e]));
  const vocabularyProperties = new Map(input.vocabulary.properties.map((p) => [p.id, p]));
  const proposedProperties = new Map((input.proposedProperties ?? []).map((p) => [p.id, p]));
  const propertyName = (id: string) => vocabularyProperties.get(id)?.label ?? proposedProperties.get(id)?.label ?? proposedProperties.get(id)?.name ?? id.replace(/-/g, ' ');
  const subjectName = (id: string) => entities.get(id)?.label ?? id;

  const subjectRight = (c: Claim, item: AnnotatedItem) => {
    if (item.subject.entityIds.includes(c.subject)) return true;
    const accepted = new Set([item.subject.name, ...item.subject.aliases].map(normaliseName));
    return entityNames(entities.get(c.subject), c.subject).some((n) => accepted.has(normaliseName(n)));
  };
  const propertyRight = (c: Claim, item: AnnotatedItem) => {
    if (vocabularyProperties.has(c.property)) return item.property.propertyIds.includes(c.property);
    const name = propertyName(c.property);
    return item.property.keywords.some((k) => keywordInName(k, name));
  };

  const candidates = input.claims.filter((c) => c.value.type === 'quantity' || c.value.type === 'date');
  const pairs: { item: AnnotatedItem; claim: Claim; index: number; tier: number; subject: boolean; property: boolean }[] = [];
  candidates.forEach((claim, index) => {
    for (const item of input.items) {
      if (!sameValue(claim, item) || !liesOver(claim, item)) continue;
      const subject = subjectRight(claim, item);
      const property = propertyRight(claim, item);
      pairs.push({ item, claim, index, tier: (subject ? 2 : 0) + (property ? 1 : 0), subject, property });
    }
  });
  pairs.sort((a, b) => b.tier - a.tier || a.item.start - b.item.start || a.index - b.index);
  const assigned = new Map<string, (typeof pairs)[number]>();
  const usedClaims = new Set<Claim>();
  for (const p of pairs) {
    if (assigned.has(p.item.id) || usedClaims.has(p.claim)) continue;
    assigned.set(p.item.id, p);
    usedClaims.add(p.claim);
  }
  const results: ItemResult[] = input.items.map((item) => {
    const p = assigned.get(item.id);
    return p
      ? { item, claim: p.claim, subjectRight: p.subject, propertyRight: p.property, subjectName: subjectName(p.claim.subject), propertyName: propertyName(p.claim.property) }
      : { item, subjectRight: false, propertyRight: false };
  });
  const matching = new Set(pairs.map((p) => p.claim));
  // A proposal is junk when it names neither a proper name of the text nor what an annotated figure or
  // date is about: "participants" proposed for "1163 patients" is the subject a reader files it under.
  // The strict count (proper names only, this scorer's first definition) is kept beside it.
  const names = new Set(input.names.flatMap((n) => [n.name, ...n.aliases]).map(normaliseName));
  const subjects = new Set(input.items.flatMap((i) => [i.subject.name, ...i.subject.aliases]).map(normaliseName));
  const spellings = (e: Entity) => [e.label, ...e.aliases.map((a) => a.name)].map(normaliseName);
  const notProper = input.proposedEntities.filter((e) => !spellings(e).some((n) => names.has(n)));
  const junk = notProper.filter((e) => !spellings(e).some((n) => subjects.has(n)));
  return {
    items: input.items.length,
    valueFound: results.filter((r) => r.claim).length,
    valueAndSubject: results.filter((r) => r.claim && r.subjectRight).length,
    propertyRight: results.filter((r) => r.claim && r.propertyRight).length,
    candidates: candidates.length,
    candidatesMatching: matching.size,
    candidatesAssigned: usedClaims.size,
    otherCandidates: input.claims.length - candidates.length,
    proposedEntities: input.proposedEntities.length,
    junkEntities: junk.length,
    notProperNames: notProper.length,
    results,
    unmatchedCandidates: candidates.filter((c) => !matching.has(c)),
    junk,
  };
}

/** 95 % Wilson score interval of k successes in n trials. */
export function wilson(k: number, n: number, z = 1.959964): { p: number; lo: number; hi: number } {
  if (n === 0) return { p: NaN, lo: NaN, hi: NaN };
  const p = k / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

type Counted = Omit<TextScore, 'results' | 'unmatchedCandidates' | 'junk'>;
const COUNTS: (keyof Counted)[] = ['items', 'valueFound', 'valueAndSubject', 'propertyRight', 'candidates', 'candidatesMatching', 'candidatesAssigned', 'otherCandidates', 'proposedEntities', 'junkEntities', 'notProperNames'];

/** The texts' counts added together (proportions are then pooled over all items and candidates). */
export function pool(scores: readonly TextScore[]): Counted {
  const out = Object.fromEntries(COUNTS.map((k) => [k, 0])) as unknown as Counted;
  for (const s of scores) for (const k of COUNTS) out[k] += s[k];
  return out;
}
