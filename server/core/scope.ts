// Whether two claims talk about the same thing at the same time. Claims about different moments
// are a series, not a conflict — unless one is a total or peak that bounds the other.
import { dateSpan } from './dates.js';
import { overlaps, type Interval } from './interval.js';
import type { Claim, Scope } from './schema-types.js';

export type ScopeRelation =
  | { kind: 'same' }
  /** `bounding` is a total or peak that can be no smaller than `bounded`. */
  | { kind: 'bound'; bounding: Claim; bounded: Claim }
  | { kind: 'series' }
  | { kind: 'different' };

const BOUNDING = new Set(['total', 'peak']);

/** The days a claim's scope covers: its point in time or period, undefined when it has none. */
export function scopeTime(scope: Scope | undefined): Interval | undefined {
  if (!scope) return undefined;
  if (scope.pointInTime) return dateSpan(scope.pointInTime);
  const { start, end } = scope.period ?? {};
  if (!start && !end) return undefined;
  return { lo: start ? dateSpan(start).lo : -Infinity, hi: end ? dateSpan(end).hi : Infinity };
}

export function scopeRelation(a: Claim, b: Claim, timeA = scopeTime(a.scope), timeB = scopeTime(b.scope)): ScopeRelation {
  const relation = relate(a, b, timeA, timeB);
  // Callers get their own record, as before the shared ones below.
  return relation.kind === 'bound' ? relation : { kind: relation.kind };
}

// Shared, frozen results and an empty scope: `relate` runs for every pair (millions), and these
// were an allocation or two each time.
const SAME: ScopeRelation = Object.freeze({ kind: 'same' });
const SERIES: ScopeRelation = Object.freeze({ kind: 'series' });
const DIFFERENT: ScopeRelation = Object.freeze({ kind: 'different' });
const NO_SCOPE: Scope = Object.freeze({});

/** scopeRelation with the scope times given (undefined meaning none) and shared results: for the pair loop. */
export function relate(a: Claim, b: Claim, timeA: Interval | undefined, timeB: Interval | undefined): ScopeRelation {
  const sa = a.scope ?? NO_SCOPE;
  const sb = b.scope ?? NO_SCOPE;
  // Most pairs carry the same population string (usually none): normalising is for the rest.
  if (sa.population !== sb.population && normalise(sa.population) !== normalise(sb.population)) return DIFFERENT;
  if (sa.place && sb.place && sa.place !== sb.place) return DIFFERENT;
  const timesApart = timeA !== undefined && timeB !== undefined && !overlaps(timeA, timeB);

  if (sa.aggregate === sb.aggregate) return timesApart ? SERIES : SAME;
  // A total or peak bounds any count at one moment, and a total bounds a peak.
  if (a.value.type !== 'quantity' || b.value.type !== 'quantity') return DIFFERENT;
  const aBounds = isBounding(sa, sb, timeB);
  const bBounds = isBounding(sb, sa, timeA);
  if (aBounds && !bBounds) return { kind: 'bound', bounding: a, bounded: b };
  if (bBounds && !aBounds) return { kind: 'bound', bounding: b, bounded: a };
  // One side has an aggregate, the other states no scope at all: read them as the same figure.
  if (isUnscoped(sa) || isUnscoped(sb)) return SAME;
  return DIFFERENT;
}

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

/** relate() on flattened facts (one object shape, no lookups across shapes): for the pair loop. */
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
