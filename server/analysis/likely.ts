// Which value is right: truth discovery (server/truth) run over our own claims. Claims that state one
// figure in one scope form a set (a group split by scope: a series over time is several sets); each
// set gets its likely value, and every source a trust earned across all sets.
import { likelyValues, type GroupVerdict } from '../truth/claims.js';
import type { Convergence } from '../truth/types.js';
import { claimsStoodFor, classMembers } from '../core/classes.js';
import type { CorpusIndex } from '../core/model.js';
import type { Comparison } from '../core/types.js';
import { scopeSignature } from '../core/scope.js';
import { LayeredMap, LayeredSet } from './layered-map.js';
import type { Claim, TrustJudgement } from '../core/schema-types.js';

export type { GroupVerdict };

export interface SourceTrustView {
  score: number;
  /** Too few figures shared with other sources to learn how far to trust this one. */
  lowEvidence: boolean;
  explanation: string;
  /** Comparisons with claims of other sources that agree. */
  agreements: number;
  /** Comparisons with claims of other sources, agreeing or conflicting. */
  comparable: number;
}

export interface LikelySummary {
  method: string;
  convergence: Convergence;
  /** Verdicts of the sets of each group (subject|property), the set with most claims first. */
  byGroup: Map<string, GroupVerdict[]>;
  /** The set key of each claim. */
  setOf: Map<string, string>;
  trust: Map<string, SourceTrustView>;
  /** Claims that state their set's likely value, in sets of two claims or more. */
  likelyClaims: Set<string>;
  /** Reviewers' judgements of sources the values were judged with (priors, server/truth/reviewer.ts). */
  reviewer: readonly TrustJudgement[];
}

/**
 * Between-source comparisons per source: the record a historian can check claim by claim. A value
 * class, or a comparison between two, counts once for each source it involves, against the others.
 */
function comparedWithOthers(
  comparisons: readonly Comparison[],
  index: CorpusIndex,
): Map<string, { agrees: number; conflicts: number; others: Set<string> }> {
  const out = new Map<string, { agrees: number; conflicts: number; others: Set<string> }>();
  const classes = classMembers(comparisons);
  const sourceOf = (id: string) => index.claim.get(id)?.source;
  for (const cmp of comparisons) {
    if (cmp.scope !== 'between') continue;
    let involved: string[];
    if (cmp.members || cmp.counts) {
      const sources = new Set<string>();
      for (const id of claimsStoodFor(cmp, classes)) {
        const source = sourceOf(id);
        if (source) sources.add(source);
      }
      involved = [...sources];
    } else {
      const a = sourceOf(cmp.a);
      const b = sourceOf(cmp.b);
      if (!a || !b) continue;
      involved = [a, b];
    }
    if (involved.length < 2) continue;
    for (const self of new Set(involved)) {
      const r = out.get(self) ?? { agrees: 0, conflicts: 0, others: new Set<string>() };
      r[cmp.verdict === 'agrees' ? 'agrees' : 'conflicts']++;
      for (const other of involved) if (other !== self) r.others.add(other);
      out.set(self, r);
    }
  }
  return out;
}

/**
 * A likely value that beats an alternative by less than this much confidence is no choice at all:
 * with two sources, TruthFinder's confidences differ in the fourth decimal, which is noise.
 */
export const UNDECIDED_MARGIN = 0.05;

export function isUndecided(verdict: Pick<GroupVerdict, 'confidence' | 'alternatives'>): boolean {
  return verdict.alternatives.some((a) => verdict.confidence - a.confidence < UNDECIDED_MARGIN);
}

/** Below this many figures shared with other sources, a trust score is a hint, not a measure. */
export const MIN_SHARED_FOR_TRUST = 3;

/** The claims of the given groups split into sets (one figure in one scope), each set's group and each claim's set. */
export function setsOf(groups: ReadonlyMap<string, readonly string[]>, keys: Iterable<string>, index: Pick<CorpusIndex, 'claim'>) {
  const sets = new Map<string, Claim[]>();
  const setOf = new Map<string, string>();
  const groupOfSet = new Map<string, string>();
  for (const group of keys) {
    for (const id of groups.get(group) ?? []) {
      const claim = index.claim.get(id);
      if (!claim) continue;
      const key = `${group}#${scopeSignature(claim)}`;
      setOf.set(id, key);
      groupOfSet.set(key, group);
      const members = sets.get(key);
      if (members) members.push(claim);
      else sets.set(key, [claim]);
    }
  }
  return { sets, setOf, groupOfSet };
}

/**
 * Truth discovery over the given groups' sets: the verdicts per group, most claims first, and the
 * claims stating their set's likely value. With `knownTrust` the sets are scored with that trust
 * (nothing learned); without it trust is learned from these sets. One code for the full run and
 * the incremental one, so a set's verdict cannot depend on which of the two made it.
 */
function judgeSets(
  groups: ReadonlyMap<string, readonly string[]>,
  keys: Iterable<string>,
  index: Pick<CorpusIndex, 'claim' | 'entity'>,
  reviewer: readonly TrustJudgement[],
  knownTrust?: (source: string) => number | undefined,
) {
  const { sets, setOf, groupOfSet } = setsOf(groups, keys, index);
  const truth = likelyValues(sets, {
    entityLabel: (id) => index.entity.get(id)?.label ?? id,
    reviewer,
    ...(knownTrust ? { knownTrust } : {}),
  });
  const byGroup = new Map<string, GroupVerdict[]>();
  const likelyClaims = new Set<string>();
  for (const [key, verdict] of truth.groups) {
    const group = groupOfSet.get(key)!;
    const list = byGroup.get(group) ?? [];
    list.push(verdict);
    byGroup.set(group, list);
    if ((sets.get(key)?.length ?? 0) >= 2) for (const id of verdict.claimIds) likelyClaims.add(id);
  }
  for (const list of byGroup.values())
    list.sort((x, y) => (sets.get(`${y.group}`)?.length ?? 0) - (sets.get(`${x.group}`)?.length ?? 0) || (x.group < y.group ? -1 : 1));
  return { sets, setOf, truth, byGroup, likelyClaims };
}

export function discoverLikely(
  groups: ReadonlyMap<string, readonly string[]>,
  index: CorpusIndex,
  comparisons: readonly Comparison[] = [],
  reviewer: readonly TrustJudgement[] = [],
): LikelySummary {
  const { sets, setOf, truth, byGroup, likelyClaims } = judgeSets(groups, groups.keys(), index, reviewer);
  const record = comparedWithOthers(comparisons, index);
  const alone = uncorroborated(sets);
  const trust = new Map(
    truth.sources.map((s) => {
      const r = record.get(s.source) ?? { agrees: 0, conflicts: 0, others: new Set<string>() };
      const compared = r.agrees + r.conflicts;
      // One other source to compare with cannot tell which of the two is right: say so.
      const lowEvidence = r.others.size < 2 || compared < MIN_SHARED_FOR_TRUST;
      const title = index.source.get(s.source)?.title ?? s.source;
      const explanation =
        reviewerNote(reviewer, s.source, index) +
        (compared === 0
          ? `${title} states nothing another source also states, so there is nothing to weigh it by.`
          : `${title} agrees with other sources on ${r.agrees} of ${compared} compared statements (${r.conflicts} in conflict), against ${r.others.size} other source${r.others.size === 1 ? '' : 's'}. ` +
            `Trust ${s.trust.toFixed(2)} (${truth.method}).${aloneNote(alone.get(s.source))}${lowEvidence ? ` Low evidence: ${r.others.size < 2 ? 'with a single other source there is no majority to learn from' : 'too few shared statements'}.` : ''}`);
      return [s.source, { score: s.trust, lowEvidence, explanation, agreements: r.agrees, comparable: compared } satisfies SourceTrustView];
    }),
  );
  return { method: truth.method, convergence: truth.convergence, byGroup, setOf, trust, likelyClaims, reviewer };
}

/** What judging some groups' sets gives a write: their verdicts, each claim's set, the claims stating a likely value. */
export interface Judged {
  byGroup: Map<string, GroupVerdict[]>;
  setOf: Map<string, string>;
  likelyClaims: Set<string>;
}

/**
 * The likely values of the `keys` groups judged with `trust` (per source; a source it does not know
 * counts as unknown), nothing learned. What a write runs for its own groups, on the event loop or in
 * the likely worker (likely-worker.ts), which gets the same answer from the same code.
 */
export function judgeGroups(
  groups: ReadonlyMap<string, readonly string[]>,
  keys: Iterable<string>,
  index: Pick<CorpusIndex, 'claim' | 'entity'>,
  reviewer: readonly TrustJudgement[],
  trust: (source: string) => number | undefined,
): Judged {
  const { byGroup, setOf, likelyClaims } = judgeSets(groups, keys, index, reviewer, trust);
  return { byGroup, setOf, likelyClaims };
}

/**
 * After a write: the likely values of the `affected` groups judged again with every source's trust as
 * it stands (a source new since then counts as unknown), every other set's verdict kept. Trust itself
 * is not re-learned here: that is the full run's job (`discoverLikely`), done off the write path.
 * `before` are the groups as they were, to forget the sets the affected groups had.
 */
export function updateLikely(
  previous: LikelySummary,
  before: ReadonlyMap<string, readonly string[]>,
  groups: ReadonlyMap<string, readonly string[]>,
  affected: ReadonlySet<string>,
  index: CorpusIndex,
): LikelySummary {
  const fresh = judgeGroups(groups, affected, index, previous.reviewer, (source) => previous.trust.get(source)?.score);
  return mergeLikely(previous, before, affected, fresh);
}

/** `previous` with the `affected` groups' verdicts replaced by `fresh` (judgeGroups over them, with `previous`'s trust). */
export function mergeLikely(
  previous: LikelySummary,
  before: ReadonlyMap<string, readonly string[]>,
  affected: ReadonlySet<string>,
  fresh: Judged,
): LikelySummary {
  // The previous maps with the affected groups' entries replaced, layered over them: not copies
  // (at a million claims a copy of each cost more than the rest of a write).
  const groupChanges: [string, GroupVerdict[] | undefined][] = [];
  const setChanges: [string, string | undefined][] = [];
  const likelyChanges: [string, boolean][] = [];
  for (const group of affected) {
    groupChanges.push([group, undefined]);
    for (const id of before.get(group) ?? []) {
      setChanges.push([id, undefined]);
      likelyChanges.push([id, false]);
    }
  }
  for (const [group, verdicts] of fresh.byGroup) groupChanges.push([group, verdicts]);
  for (const [id, key] of fresh.setOf) setChanges.push([id, key]);
  for (const id of fresh.likelyClaims) likelyChanges.push([id, true]);
  const byGroup = LayeredMap.of(previous.byGroup, groupChanges);
  const setOf = LayeredMap.of(previous.setOf, setChanges);
  const likelyClaims = LayeredSet.of(previous.likelyClaims, likelyChanges);
  return {
    method: previous.method,
    convergence: previous.convergence,
    byGroup,
    setOf,
    trust: previous.trust,
    likelyClaims,
    reviewer: previous.reviewer,
  };
}

/** Per source, how many of its weighed figures no other source states, out of how many it has. */
function uncorroborated(sets: ReadonlyMap<string, readonly Claim[]>): Map<string, { alone: number; total: number }> {
  const counts = new Map<string, { alone: number; total: number }>();
  for (const claims of sets.values()) {
    const single = claims.every((c) => c.source === claims[0]!.source);
    for (const claim of claims) {
      const c = counts.get(claim.source) ?? { alone: 0, total: 0 };
      c.total++;
      if (single) c.alone++;
      counts.set(claim.source, c);
    }
  }
  return counts;
}

// Why a source that agrees nearly always can still have a middling score: its figures nobody else
// states are evidence neither way and count at 0.5 in the average.
function aloneNote(c: { alone: number; total: number } | undefined): string {
  if (!c || c.alone === 0) return '';
  const share = c.alone / c.total;
  return ` ${c.alone} of its ${c.total} figures are stated by no other source and count as no evidence either way (0.5)${share >= 0.5 ? ', which holds its score near 0.5' : ''}.`;
}

/** What a reviewer said of the source, first in its trust explanation: the score rests on it. */
function reviewerNote(reviewer: readonly TrustJudgement[], source: string, index: CorpusIndex): string {
  const j = reviewer.find((r) => r.source === source);
  if (!j) return '';
  if (j.primary)
    return 'A reviewer marked it as a primary source: its trust starts high and is held there unless the figures say otherwise. ';
  const original = index.source.get(j.derivativeOf!)?.title ?? j.derivativeOf!;
  return `A reviewer marked it as derivative of ${original}: where both state a figure, its word counts for little. `;
}
