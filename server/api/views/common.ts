// Lookups and small shapes every view shares. Views are pure functions of an Analysis: no Express,
// no I/O, so they can be unit-tested and reused by a CLI or an export.
import type { Analysis } from '../../analysis/analyse.js';
import { claimsStoodFor, classMembers } from '../../core/classes.js';
import { mentionOf } from '../../core/compare.js';
import type { Comparison } from '../../core/types.js';
export { labelledClaim } from '../../analysis/report.js';
import { isUndecided } from '../../analysis/likely.js';
import type { Claim } from '../../core/schema-types.js';

export interface SourceRef {
  id: string;
  title: string;
}

export interface LabelRef {
  id: string;
  label: string;
}

export interface VerdictCounts {
  agrees: number;
  conflicts: number;
}

/** A comparison as the API shows it beside the claims it compares. */
export interface ComparisonView {
  id: string;
  a: string;
  b: string;
  parts?: string[];
  verdict: Comparison['verdict'];
  basis: Comparison['basis'];
  scope: Comparison['scope'];
  reason: string;
  gap?: Comparison['gap'];
  members?: Comparison['members'];
  counts?: Comparison['counts'];
  pending?: Comparison['pending'];
}

/**
 * Derives a value once per snapshot. An Analysis is never mutated (the repository publishes a new
 * one on every write), so a WeakMap keyed by it is a cache that can never go stale.
 */
export function perAnalysis<T>(derive: (analysis: Analysis) => T): (analysis: Analysis) => T {
  const cache = new WeakMap<Analysis, T>();
  return (analysis) => {
    let value = cache.get(analysis);
    if (value === undefined) {
      value = derive(analysis);
      cache.set(analysis, value);
    }
    return value;
  };
}

/** Every claim a comparison involves: both sides, for arithmetic checks every part, for a value class every member. */
export function claimsCompared(cmp: Comparison): string[] {
  return [...new Set([cmp.a, cmp.b, ...(cmp.parts ?? []), ...(cmp.members ?? [])])];
}

/** Items by key, in their original order; an item with several keys is listed under each. */
export function groupBy<T>(items: Iterable<T>, keys: (item: T) => string | readonly string[] | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = keys(item);
    for (const key of typeof k === 'string' ? [k] : (k ?? [])) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

/** Comparisons by the id of each claim they involve. */
export const comparisonsByClaim = perAnalysis((analysis): ReadonlyMap<string, readonly Comparison[]> => {
  // A comparison between value classes concerns every member of both classes.
  const classes = classMembers(analysis.comparisons);
  return groupBy(analysis.comparisons, (cmp) => claimsStoodFor(cmp, classes));
});

/** Comparisons by reconciliation group ("subject|property"). */
export const comparisonsByGroup = perAnalysis((analysis): ReadonlyMap<string, readonly Comparison[]> =>
  groupBy(analysis.comparisons, (cmp) => cmp.group),
);

export function comparisonsOf(analysis: Analysis, claimId: string): readonly Comparison[] {
  return comparisonsByClaim(analysis).get(claimId) ?? [];
}

export function verdictsOf(analysis: Analysis, claimId: string): VerdictCounts {
  const counts: VerdictCounts = { agrees: 0, conflicts: 0 };
  for (const cmp of comparisonsOf(analysis, claimId)) counts[cmp.verdict]++;
  return counts;
}

export function sourceRef(analysis: Analysis, id: string): SourceRef {
  return { id, title: analysis.index.source.get(id)?.title ?? id };
}

export function entityRef(analysis: Analysis, id: string): LabelRef {
  return { id, label: analysis.index.entity.get(id)?.label ?? id };
}

export function propertyRef(analysis: Analysis, id: string): LabelRef {
  return { id, label: analysis.index.property.get(id)?.label ?? id };
}

/** How a claim's value reads in a reason: "'over 72,000'", "25 October 1922", "Grigory Semyonov". */
export function mention(analysis: Analysis, claim: Claim): string {
  return mentionOf(claim, (id) => entityRef(analysis, id).label);
}

export function comparisonView(cmp: Comparison): ComparisonView {
  const { id, a, b, parts, verdict, basis, scope, reason, gap, members, counts, pending } = cmp;
  return {
    id,
    a,
    b,
    ...(parts ? { parts } : {}),
    verdict,
    basis,
    scope,
    reason,
    ...(gap ? { gap } : {}),
    ...(members ? { members } : {}),
    ...(counts ? { counts } : {}),
    ...(pending ? { pending } : {}),
  };
}

/** The claims that are not rejected: what the reconciliation and the graph count. */
export function isLive(claim: Claim): boolean {
  return claim.status !== 'rejected';
}

/** The likely value of one comparable set, as the API shows it; null for a set of one claim (nothing to weigh). */
export interface LikelyView {
  value: string;
  claims: string[];
  confidence: number;
  lowEvidence: boolean;
  lowEvidenceReason: string | null;
  /** The best values scored (almost) the same: the evidence favours none of them. */
  undecided: boolean;
  explanation: string;
  /** The other values, most likely first. */
  alternatives: { claims: string[]; confidence: number }[];
}

export function likelyOfSet(analysis: Analysis, setKey: string | undefined): LikelyView | null {
  if (setKey === undefined) return null;
  const verdict = [...(analysis.likely.byGroup.get(setKey.slice(0, setKey.indexOf('#'))) ?? [])].find((v) => v.group === setKey);
  if (!verdict || verdict.claimIds.length + verdict.alternatives.reduce((n, a) => n + a.claimIds.length, 0) < 2) return null;
  const first = analysis.index.claim.get(verdict.claimIds[0]!);
  const undecided = isUndecided(verdict);
  return {
    value: first ? mentionOf(first, (id) => analysis.index.entity.get(id)?.label ?? id) : verdict.wording,
    claims: verdict.claimIds,
    confidence: verdict.confidence,
    lowEvidence: verdict.lowEvidence,
    lowEvidenceReason: verdict.lowEvidenceReason ?? null,
    undecided,
    explanation: undecided ? `No value is favoured: the sources are split evenly. ${verdict.explanation}` : verdict.explanation,
    alternatives: verdict.alternatives.map((a) => ({ claims: a.claimIds, confidence: a.confidence })),
  };
}

/** The likely value of the set a claim belongs to. */
export function likelyOfClaim(analysis: Analysis, claimId: string): LikelyView | null {
  return likelyOfSet(analysis, analysis.likely.setOf.get(claimId));
}
