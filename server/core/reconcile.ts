// The reconciliation engine: groups claims by subject and property (never all pairs), decides which
// pairs share a scope, compares them, checks stated parts against stated totals, and applies
// curated judgements. Pure: no I/O, so the CLI, the server, the benchmarks and the tests share it.
import { compareValues, disjointReason, mentionOf, valueInterval, type CompareSettings, type Outcome, type PreparedClaim } from './compare.js';
import { DEFAULT_QUANTITY_SETTINGS, formatNumber } from './quantities.js';
import { entirelyBelow, overlaps, sumIntervals } from './interval.js';
import { describeScope, scopeRelation, scopeTime } from './scope.js';
import type { Claim, Judgement, Property } from './schema-types.js';

export interface Comparison extends Outcome {
  /** Stable id, derived from the claims compared. */
  id: string;
  a: string;
  b: string;
  /** Arithmetic checks: every part claim summed against the total `a`. */
  parts?: string[];
  /** subject|property of the group the pair came from. */
  group: string;
  /** Whether the two claims come from different sources or the same one. */
  scope: 'between' | 'within';
}

export interface ReconcileInput {
  claims: readonly Claim[];
  properties: readonly Property[];
  judgements?: readonly Judgement[];
  /** Labels for entity mentions in reasons; ids are used when absent. */
  entityLabel?: (id: string) => string;
}

export type ReconcileSettings = CompareSettings;

export const DEFAULT_RECONCILE_SETTINGS: ReconcileSettings = {
  quantity: DEFAULT_QUANTITY_SETTINGS,
  date: { approxWidening: 1 },
};

export interface ReconcileResult {
  comparisons: Comparison[];
  /** Claim ids by group key, rejected claims left out. */
  groups: Map<string, string[]>;
}

export function groupKey(claim: Pick<Claim, 'subject' | 'property'>): string {
  return `${claim.subject}|${claim.property}`;
}

export function reconcile(input: ReconcileInput, settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS): ReconcileResult {
  const live = input.claims.filter((c) => c.status !== 'rejected');
  const groups = new Map<string, Claim[]>();
  for (const claim of live) {
    const key = groupKey(claim);
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  const comparisons = compareGroups(groups, input, settings);
  const groupIds = new Map<string, string[]>();
  for (const [key, claims] of groups) groupIds.set(key, claims.map((c) => c.id));
  return { comparisons, groups: groupIds };
}

/** Re-runs only the given groups (after an edit), with arithmetic and judgements touching them. */
export function reconcileGroups(input: ReconcileInput, keys: Iterable<string>, settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS): Comparison[] {
  const wanted = new Set(keys);
  const groups = new Map<string, Claim[]>();
  for (const claim of input.claims) {
    const key = groupKey(claim);
    if (claim.status === 'rejected' || !wanted.has(key)) continue;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  // Arithmetic checks span groups (parts have their own properties): include totals whose parts moved.
  return compareGroups(groups, input, settings, input.claims.filter((c) => c.status !== 'rejected'));
}

function compareGroups(groups: Map<string, Claim[]>, input: ReconcileInput, settings: ReconcileSettings, allClaims?: readonly Claim[]): Comparison[] {
  const properties = new Map(input.properties.map((p) => [p.id, p]));
  const prepared = new Map<string, PreparedClaim>();
  const prepare = (claim: Claim): PreparedClaim => {
    let p = prepared.get(claim.id);
    if (!p) {
      p = { claim, interval: valueInterval(claim, settings), time: scopeTime(claim.scope), mention: mentionOf(claim, input.entityLabel) };
      prepared.set(claim.id, p);
    }
    return p;
  };
  const curated = curatedByPair(input.judgements ?? []);
  const comparisons: Comparison[] = [];
  const usedJudgements = new Set<string>();

  for (const [key, claims] of groups) {
    const property = properties.get(claims[0]!.property);
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const [a, b] = ordered(claims[i]!, claims[j]!);
        const judgement = curated.get(pairKey(a.id, b.id));
        if (judgement) {
          usedJudgements.add(judgement.id);
          comparisons.push(fromJudgement(judgement, a, b, key));
          continue;
        }
        const outcome = comparePair(prepare(a), prepare(b), property);
        if (outcome) comparisons.push(comparison(a, b, key, outcome));
      }
    }
  }

  // Judgements between claims of different groups (a relation against a text claim, say).
  const inScope = new Set<string>();
  for (const claims of groups.values()) for (const c of claims) inScope.add(c.id);
  const byId = new Map((allClaims ?? [...groups.values()].flat()).map((c) => [c.id, c]));
  for (const judgement of input.judgements ?? []) {
    if (usedJudgements.has(judgement.id) || !(inScope.has(judgement.a) || inScope.has(judgement.b))) continue;
    const ca = byId.get(judgement.a);
    const cb = byId.get(judgement.b);
    if (!ca || !cb) continue;
    const [a, b] = ordered(ca, cb);
    comparisons.push(fromJudgement(judgement, a, b, groupKey(a)));
  }

  comparisons.push(...arithmeticChecks(allClaims ?? [...groups.values()].flat(), inScope, prepare));
  return comparisons;
}

function comparePair(a: PreparedClaim, b: PreparedClaim, property: Property | undefined): Outcome | undefined {
  const relation = scopeRelation(a.claim, b.claim, a.time, b.time);
  if (relation.kind === 'same') return compareValues(a, b, property);
  if (relation.kind !== 'bound') return undefined;
  const outer = relation.bounding === a.claim ? a : b;
  const inner = outer === a ? b : a;
  if (!outer.interval || !inner.interval || !entirelyBelow(outer.interval, inner.interval)) return undefined;
  if (outer.claim.value.type !== 'quantity' || inner.claim.value.type !== 'quantity') return undefined;
  if (outer.claim.value.unit.toLowerCase() !== inner.claim.value.unit.toLowerCase()) return undefined;
  const aggregate = outer.claim.scope?.aggregate ?? 'total';
  const innerScope = describeScope(inner.claim.scope);
  const low = { ...outer, mention: `${outer.mention} (${aggregate})` };
  const high = { ...inner, mention: innerScope ? `${inner.mention} ${innerScope}` : inner.mention };
  const { reason, gap } = disjointReason(low, high, { below: 'below', above: 'above', lowerBound: 'lower bound', upperBound: 'upper bound', unit: outer.claim.value.unit, relative: true });
  const what = inner.claim.scope?.aggregate === 'peak' ? 'the peak' : 'the count at one moment';
  return { verdict: 'conflicts', basis: 'bound', reason: `${reason}: a ${aggregate} cannot be smaller than ${what}`, gap };
}

/** Parts stated as separate claims (`partOf`) must add up to their stated total. */
function arithmeticChecks(claims: readonly Claim[], inScope: Set<string>, prepare: (c: Claim) => PreparedClaim): Comparison[] {
  const partsOf = new Map<string, Claim[]>();
  for (const c of claims) {
    if (!c.partOf || c.value.type !== 'quantity') continue;
    const list = partsOf.get(c.partOf);
    if (list) list.push(c);
    else partsOf.set(c.partOf, [c]);
  }
  const byId = new Map(claims.map((c) => [c.id, c]));
  const out: Comparison[] = [];
  for (const [totalId, parts] of partsOf) {
    const total = byId.get(totalId);
    if (!total || total.value.type !== 'quantity') continue;
    if (!inScope.has(totalId) && !parts.some((p) => inScope.has(p.id))) continue;
    const totalInterval = prepare(total).interval!;
    const sum = sumIntervals(parts.map((p) => prepare(p).interval!));
    const stated = parts.map((p) => formatNumber((p.value as { amount: number }).amount)).join(' + ');
    // Parts are stated figures; their sum is read as the sum of the stated amounts.
    const sumText = formatNumber(sum.lo);
    const totalMention = prepare(total).mention;
    const agrees = overlaps(sum, totalInterval);
    const difference = sum.lo - total.value.amount;
    const reason = agrees
      ? `the parts add up: ${stated} = ${sumText}, consistent with the stated total ${totalMention}`
      : `the parts do not add up: ${stated} = ${sumText}, not the stated total ${totalMention} (${difference > 0 ? '+' : '−'}${formatNumber(Math.abs(difference))})`;
    const sorted = [...parts].sort((x, y) => (x.id < y.id ? -1 : 1));
    out.push({
      id: `sum-${totalId}`,
      a: totalId,
      b: sorted[0]!.id,
      parts: sorted.map((p) => p.id),
      group: groupKey(total),
      scope: parts.every((p) => p.source === total.source) ? 'within' : 'between',
      verdict: agrees ? 'agrees' : 'conflicts',
      basis: 'arithmetic',
      reason,
      gap: { absolute: difference, unit: total.value.unit },
    });
  }
  return out;
}

function comparison(a: Claim, b: Claim, group: string, outcome: Outcome): Comparison {
  return { id: `${a.id}--${b.id}`, a: a.id, b: b.id, group, scope: a.source === b.source ? 'within' : 'between', ...outcome };
}

function fromJudgement(j: Judgement, a: Claim, b: Claim, group: string): Comparison {
  return comparison(a, b, group, { verdict: j.verdict, basis: 'curated', reason: j.reason });
}

function curatedByPair(judgements: readonly Judgement[]): Map<string, Judgement> {
  return new Map(judgements.map((j) => [pairKey(j.a, j.b), j]));
}

/** Canonical order so that comparing (a, b) and (b, a) gives the same record. */
function ordered(x: Claim, y: Claim): [Claim, Claim] {
  return x.id < y.id ? [x, y] : [y, x];
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}
