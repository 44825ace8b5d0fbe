// One call from a loaded corpus to everything derived from it: comparisons, groups, the graph.
import type { ConcordanceGraph } from './graph.js';
import { continueGraph, startGraph } from './live-graph.js';
import { discoverLikely, updateLikely, type LikelySummary } from './likely.js';
import { indexCorpus, type Corpus, type CorpusIndex } from '../core/model.js';
import { DEFAULT_RECONCILE_SETTINGS, reconcile, reconcileGroups, type ReconcileSettings } from '../core/reconcile.js';
import { groupKey } from '../core/grouping.js';
import type { Comparison } from '../core/types.js';
import type { Claim } from '../core/schema-types.js';

export interface Analysis {
  corpus: Corpus;
  index: CorpusIndex;
  comparisons: Comparison[];
  groups: Map<string, string[]>;
  /** Likely values per comparable set and trust per source (truth discovery). */
  likely: LikelySummary;
  /** Built or patched when first read (live-graph.ts). */
  readonly graph: ConcordanceGraph;
  /**
   * 'settled': trust learned over the whole corpus as it is. 'updating': a write re-judged its own
   * sets with the trust learned before it; `settleTrust` gives the full estimate (run off the write path).
   */
  trust: 'settled' | 'updating';
}

/**
 * What a write changed, from the analysis before it (named by its serial, not held: a line of
 * analyses must not keep every earlier one alive). The background trust worker mirrors the corpus
 * by these steps instead of being sent the whole of it after every write.
 */
export interface AnalysisStep {
  base: number;
  claims: readonly { before?: Claim; after?: Claim }[];
  removed: readonly Comparison[];
  added: readonly Comparison[];
}

const serials = new WeakMap<Analysis, number>();
const steps = new WeakMap<Analysis, AnalysisStep>();
let lastSerial = 0;

/** A number naming `analysis` among all made in this process. */
export function serialOf(analysis: Analysis): number {
  let serial = serials.get(analysis);
  if (serial === undefined) serials.set(analysis, (serial = ++lastSerial));
  return serial;
}

/** How `analysis` was made from an earlier one (reanalyse, settleTrust), if it was. */
export function stepOf(analysis: Analysis): AnalysisStep | undefined {
  return steps.get(analysis);
}

export function analyse(corpus: Corpus, settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS): Analysis {
  const index = indexCorpus(corpus);
  const entityLabel = (id: string) => index.entity.get(id)?.label ?? id;
  const { comparisons, groups } = reconcile({ ...corpus, entityLabel }, settings);
  const likely = discoverLikely(groups, index, comparisons, corpus.trust);
  return startGraph({ corpus, index, comparisons, groups, likely, trust: 'settled' as const });
}

/**
 * After claims changed, re-runs reconciliation for the affected groups only (the groups of every
 * changed claim, before and after the change) and keeps every other comparison as it was.
 */
export function reanalyse(previous: Analysis, corpus: Corpus, changed: { before?: Claim; after?: Claim }[], settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS): Analysis {
  const index = indexCorpus(corpus);
  const entityLabel = (id: string) => index.entity.get(id)?.label ?? id;
  const affected = new Set<string>();
  const touched = new Set<string>();
  for (const { before, after } of changed) {
    for (const c of [before, after]) {
      if (!c) continue;
      affected.add(groupKey(c));
      touched.add(c.id);
      if (c.partOf) touched.add(c.partOf);
    }
  }
  // Arithmetic checks live in the total's group; bring in the groups of totals whose parts changed,
  // and of totals with a part in an affected group: a check lists its parts group by group, in the
  // order the groups first appear, which a claim moved into or out of a group can change.
  for (const id of touched) {
    const claim = index.claim.get(id);
    if (claim) affected.add(groupKey(claim));
  }
  for (const key of [...affected]) {
    // The group's members now are these and the changed claims, whose totals are already touched.
    for (const id of previous.groups.get(key) ?? []) {
      const total = (index.claim.get(id) ?? previous.index.claim.get(id))?.partOf;
      const claim = total ? index.claim.get(total) : undefined;
      if (claim) affected.add(groupKey(claim));
    }
  }
  const kept = previous.comparisons.filter(
    (cmp) => !affected.has(cmp.group) && !touched.has(cmp.a) && !touched.has(cmp.b) && !(cmp.parts ?? []).some((p) => touched.has(p)),
  );
  const fresh = reconcileGroups({ ...corpus, entityLabel }, affected, settings);
  const seen = new Set(kept.map((c) => c.id));
  const added = fresh.filter((c) => !seen.has(c.id));
  const comparisons = [...kept, ...added];
  const keptIds = new Set(seen);
  const removed = previous.comparisons.filter((c) => !keptIds.has(c.id));
  const groups = new Map(previous.groups);
  for (const key of affected) groups.delete(key);
  // Appended in place: copying the list for each claim made a pasted group of k claims cost k²/2.
  const rebuilt = new Map<string, string[]>();
  for (const claim of corpus.claims) {
    const key = groupKey(claim);
    if (!affected.has(key) || claim.status === 'rejected') continue;
    const ids = rebuilt.get(key);
    if (ids) ids.push(claim.id);
    else rebuilt.set(key, [claim.id]);
  }
  for (const [key, ids] of rebuilt) groups.set(key, ids);
  // Trust is learned across every set, so one edit can move any likely value; but learning it costs
  // the whole corpus. The write re-judges its own sets with the trust as it stands; settleTrust()
  // re-learns it in the background.
  const likely = updateLikely(previous.likely, previous.groups, groups, affected, index);
  const mayChange = new Set(touched);
  for (const key of affected) for (const ids of [previous.groups.get(key), groups.get(key)]) for (const id of ids ?? []) mayChange.add(id);
  const next = continueGraph(previous, { corpus, index, comparisons, groups, likely, trust: 'updating' as const }, { claims: touched, removed, added, likely: mayChange, trust: false }, true);
  steps.set(next, { base: serialOf(previous), claims: changed, removed, added });
  return next;
}

/**
 * The full re-estimation after writes: trust learned over every set, every likely value judged with
 * it, the graph's trust and likely flags set to match. The result is what analyse() gives for the
 * same corpus (the groups put back in corpus order, the order analyse() learns them in).
 */
export function settleTrust(analysis: Analysis): Analysis {
  if (analysis.trust === 'settled') return analysis;
  const groups = groupsInCorpusOrder(analysis.corpus.claims, (key) => analysis.groups.get(key) ?? []);
  return withLearnedTrust(analysis, groups, learnTrust(analysis.corpus, groups, analysis.index, analysis.comparisons));
}

/** The groups of the claims (rejected ones left out), in the order they first appear: the order analyse() learns them in. */
export function groupsInCorpusOrder(claims: Iterable<Claim>, members: (key: string) => string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const claim of claims) {
    if (claim.status === 'rejected') continue;
    const key = groupKey(claim);
    if (!groups.has(key)) groups.set(key, members(key));
  }
  return groups;
}

/**
 * Source trust learned over every set, and every set judged with it: what settleTrust runs here and
 * the trust worker in its thread. `records` are the corpus but its claims and texts (the worker holds
 * the claims as it can): the reviewers' judgements of sources are priors.
 */
export function learnTrust(records: Omit<Corpus, 'claims' | 'texts'>, groups: ReadonlyMap<string, readonly string[]>, index: CorpusIndex, comparisons: readonly Comparison[]): LikelySummary {
  return discoverLikely(groups, index, comparisons, records.trust);
}

/** `analysis` with trust learned in full (`likely`, over `groups` in corpus order), its graph's flags set to match. */
export function withLearnedTrust(analysis: Analysis, groups: Map<string, string[]>, likely: LikelySummary): Analysis {
  const flipped = new Set<string>();
  for (const id of likely.likelyClaims) if (!analysis.likely.likelyClaims.has(id)) flipped.add(id);
  for (const id of analysis.likely.likelyClaims) if (!likely.likelyClaims.has(id)) flipped.add(id);
  const { corpus, index, comparisons } = analysis;
  const next = continueGraph(analysis, { corpus, index, comparisons, groups, likely, trust: 'settled' as const }, { claims: [], removed: [], added: [], likely: flipped, trust: true }, false);
  steps.set(next, { base: serialOf(analysis), claims: [], removed: [], added: [] });
  return next;
}
