// Whether two claims talk about the same thing at the same time. Claims about different moments
// are a series, not a conflict — unless one is a total or peak that bounds the other.
import { dateSpan } from './dates.js';
import { overlaps, type Interval } from './interval.js';
import type { Claim, Scope } from './schema-types.js';

const BOUNDING = new Set(['total', 'peak']);

/** The days a claim's scope covers: its point in time or period, undefined when it has none. */
export function scopeTime(scope: Scope | undefined): Interval | undefined {
  if (!scope) return undefined;
  if (scope.pointInTime) return dateSpan(scope.pointInTime);
  const { start, end } = scope.period ?? {};
  if (!start && !end) return undefined;
  return { lo: start ? dateSpan(start).lo : -Infinity, hi: end ? dateSpan(end).hi : Infinity };
}

// An empty scope shared by claims that state none (no object made per claim).
const NO_SCOPE: Scope = Object.freeze({});

/** The scope facts relateFacts() reads, flattened onto a prepared claim. */
export interface ScopeFacts {
  type: Claim['value']['type'];
  population: string | undefined;
  place: string | undefined;
  aggregate: Scope['aggregate'];
  unscoped: boolean;
}

export function scopeFacts(claim: Claim): ScopeFacts {
  const s = claim.scope ?? NO_SCOPE;
  return { type: claim.value.type, population: s.population, place: s.place, aggregate: s.aggregate, unscoped: isUnscoped(s) };
}

/** relateFacts() results: the relation, and which side bounds the other. */
export const RELATION = { same: 0, series: 1, different: 2, aBounds: 3, bBounds: 4 } as const;

/**
 * How two claims' scopes relate, read from the facts flattened onto prepared claims (one object
 * shape, no lookups across shapes): same scope (values compare), a series over time, unrelated, or
 * one side a total or peak that bounds the other.
 */
export function relateFacts(a: ScopeFacts, b: ScopeFacts, timeA: Interval | undefined, timeB: Interval | undefined): number {
  if (a.population !== b.population && normalise(a.population) !== normalise(b.population)) return RELATION.different;
  if (a.place && b.place && a.place !== b.place) return RELATION.different;
  const timesApart = timeA !== undefined && timeB !== undefined && !overlaps(timeA, timeB);
  if (a.aggregate === b.aggregate) return timesApart ? RELATION.series : RELATION.same;
  if (a.type !== 'quantity' || b.type !== 'quantity') return RELATION.different;
  const aBounds = isBounding(a, b, timeB);
  const bBounds = isBounding(b, a, timeA);
  if (aBounds && !bBounds) return RELATION.aBounds;
  if (bBounds && !aBounds) return RELATION.bBounds;
  if (a.unscoped || b.unscoped) return RELATION.same;
  return RELATION.different;
}

function isBounding(outer: Pick<Scope, 'aggregate'>, inner: Pick<Scope, 'aggregate'>, innerTime: Interval | undefined): boolean {
  if (!outer.aggregate || !BOUNDING.has(outer.aggregate)) return false;
  if (outer.aggregate === 'total' && inner.aggregate === 'peak') return true;
  // The bounded count must be taken at a moment: a dated count with no aggregate of its own.
  return inner.aggregate === undefined && innerTime !== undefined;
}

function isUnscoped(s: Scope): boolean {
  return !s.aggregate && !s.pointInTime && !s.period;
}

function normalise(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "by October 1918", "(total)", "1922 only": the scope as a reader would mention it. */
export function describeScope(scope: Scope | undefined): string {
  if (!scope) return '';
  if (scope.wording) return midSentence(scope.wording);
  return [scope.aggregate && `(${scope.aggregate})`, scope.population].filter(Boolean).join(' ');
}

/** "By October 1918" opens a sentence in the source but sits mid-sentence in a reason. */
function midSentence(phrase: string): string {
  return /^(By|In|During|From|Until|Before|After|At|On|Since|Between)\b/.test(phrase) ? phrase[0]!.toLowerCase() + phrase.slice(1) : phrase;
}

/**
 * A key shared by claims that state the same figure in the same scope: same aggregate, population,
 * place and time span. Truth discovery picks one value per such set; a series over time is several sets.
 */
export function scopeSignature(claim: Claim): string {
  const s = claim.scope ?? {};
  const time = scopeTime(s);
  return [s.aggregate ?? '', normalise(s.population), s.place ?? '', time ? `${time.lo}..${time.hi}` : ''].join('|');
}
