// One call from a loaded corpus to everything derived from it: comparisons, groups, the graph.
import { buildGraph, type ConcordanceGraph } from './graph.js';
import { discoverLikely, type LikelySummary } from './likely.js';
import { indexCorpus, type Corpus, type CorpusIndex } from './model.js';
import { DEFAULT_RECONCILE_SETTINGS, groupKey, reconcile, reconcileGroups, type Comparison, type ReconcileSettings } from './reconcile.js';
import type { Claim } from './schema-types.js';

export interface Analysis {
  corpus: Corpus;
  index: CorpusIndex;
  comparisons: Comparison[];
  groups: Map<string, string[]>;
  /** Likely values per comparable set and trust per source (truth discovery). */
  likely: LikelySummary;
  graph: ConcordanceGraph;
}

export function analyse(corpus: Corpus, settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS): Analysis {
  const index = indexCorpus(corpus);
  const entityLabel = (id: string) => index.entity.get(id)?.label ?? id;
  const { comparisons, groups } = reconcile({ ...corpus, entityLabel }, settings);
  const likely = discoverLikely(groups, index, comparisons);
  return { corpus, index, comparisons, groups, likely, graph: buildGraph(corpus, comparisons, likely) };
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
  const kept = previous.comparisons.filter(
    (cmp) => !affected.has(cmp.group) && !touched.has(cmp.a) && !touched.has(cmp.b) && !(cmp.parts ?? []).some((p) => touched.has(p)),
  );
  // Arithmetic checks live in the total's group; bring in the groups of totals whose parts changed.
  for (const id of touched) {
    const claim = index.claim.get(id);
    if (claim) affected.add(groupKey(claim));
  }
  const fresh = reconcileGroups({ ...corpus, entityLabel }, affected, settings);
  const seen = new Set(kept.map((c) => c.id));
  const comparisons = [...kept, ...fresh.filter((c) => !seen.has(c.id))];
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
  // Trust is learned across every set, so one edit can move any likely value: truth discovery runs whole.
  const likely = discoverLikely(groups, index, comparisons);
  return { corpus, index, comparisons, groups, likely, graph: buildGraph(corpus, comparisons, likely) };
}
