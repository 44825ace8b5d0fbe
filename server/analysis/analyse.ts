// One call from a loaded corpus to everything derived from it: comparisons, groups, the graph.
import type { ConcordanceGraph } from './graph.js';
import { LayeredMap } from './layered-map.js';
import { continueGraph, startGraph } from './live-graph.js';
import { discoverLikely, updateLikely, type LikelySummary } from './likely.js';
import { byId, indexCorpus, type Corpus, type CorpusIndex } from '../core/model.js';
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

export interface AnalyseOptions {
  /**
   * Leave source trust and likely values to be learnt later (the store's trust worker): the analysis
   * comes marked `trust: 'updating'` with no verdicts yet. Learning them is most of a large store's
   * start (3 of 3.4 s of analysis at 100,000 claims), and the server can answer before it is done.
   */
  deferTrust?: boolean;
}

export function analyse(corpus: Corpus, settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS, options: AnalyseOptions = {}): Analysis {
  const index = indexCorpus(corpus);
  const entityLabel = (id: string) => index.entity.get(id)?.label ?? id;
  const { comparisons, groups } = reconcile({ ...corpus, entityLabel }, settings);
  if (options.deferTrust) {
    const likely: LikelySummary = {
      method: 'pending',
      convergence: { iterations: 0, delta: 0, converged: false },
      byGroup: new Map(),
      setOf: new Map(),
      trust: new Map(),
      likelyClaims: new Set(),
      reviewer: corpus.trust ?? [],
    };
    return startGraph({ corpus, index, comparisons, groups, likely, trust: 'updating' as const }, true);
  }
  const likely = discoverLikely(groups, index, comparisons, corpus.trust);
  return startGraph({ corpus, index, comparisons, groups, likely, trust: 'settled' as const }, false);
}

/**
 * After claims changed, re-runs reconciliation for the affected groups only (the groups of every
 * changed claim, before and after the change) and keeps every other comparison as it was.
 */
export function reanalyse(
  previous: Analysis,
  corpus: Corpus,
  changed: { before?: Claim; after?: Claim }[],
  settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS,
): Analysis {
  const index = nextIndex(previous, corpus, changed);
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
  const fresh = reconcileGroups({ ...corpus, entityLabel }, affected, settings);
  // One pass over the comparisons, without a set of every id (that alone cost more than the rest).
  const freshIds = new Set(fresh.map((c) => c.id));
  const kept: Comparison[] = [];
  const removed: Comparison[] = [];
  const keptFresh = new Set<string>();
  for (const cmp of previous.comparisons) {
    if (
      affected.has(cmp.group) ||
      touched.has(cmp.a) ||
      touched.has(cmp.b) ||
      (cmp.parts !== undefined && cmp.parts.some((p) => touched.has(p)))
    )
      removed.push(cmp);
    else {
      kept.push(cmp);
      if (freshIds.has(cmp.id)) keptFresh.add(cmp.id);
    }
  }
  const added = keptFresh.size > 0 ? fresh.filter((c) => !keptFresh.has(c.id)) : fresh;
  const comparisons = kept.concat(added);
  const groups = nextGroups(previous, corpus, index, changed, affected);
  // Trust is learned across every set, so one edit can move any likely value; but learning it costs
  // the whole corpus. The write re-judges its own sets with the trust as it stands; settleTrust()
  // re-learns it in the background.
  const likely = updateLikely(previous.likely, previous.groups, groups, affected, index);
  const mayChange = new Set(touched);
  for (const key of affected) for (const ids of [previous.groups.get(key), groups.get(key)]) for (const id of ids ?? []) mayChange.add(id);
  const next = continueGraph(
    previous,
    { corpus, index, comparisons, groups, likely, trust: 'updating' as const },
    { claims: touched, removed, added, likely: mayChange, trust: false },
    true,
  );
  steps.set(next, { base: serialOf(previous), claims: changed, removed, added });
  return next;
}

/** The index after a write: the records unchanged are the same maps, the claims' map the previous one with the changed claims put in (layered, not copied). */
function nextIndex(previous: Analysis, corpus: Corpus, changed: readonly { before?: Claim; after?: Claim }[]): CorpusIndex {
  const same = <T extends { id: string }>(now: readonly T[], before: readonly T[], map: Map<string, T>) =>
    now === before ? map : byId(now);
  const changes: [string, Claim | undefined][] = [];
  for (const { before, after } of changed) {
    if (before && before.id !== after?.id) changes.push([before.id, undefined]);
    if (after) changes.push([after.id, after]);
  }
  const claim = LayeredMap.of(previous.index.claim, changes);
  return {
    source: same(corpus.sources, previous.corpus.sources, previous.index.source),
    entity: same(corpus.entities, previous.corpus.entities, previous.index.entity),
    property: same(corpus.properties, previous.corpus.properties, previous.index.property),
    // A caller whose change list does not account for every claim gets the index built afresh.
    claim: claim.size === corpus.claims.length ? claim : byId(corpus.claims),
  };
}

/**
 * The groups after a write, each group's claims in corpus order. A changed claim keeps its place in
 * the corpus and a new one comes last, so a group's list is its previous one with the changed claims
 * replaced, dropped or appended; only a claim moving into a group it was not in (an edit of its
 * subject or property, a rejection undone) needs the corpus walked to find its place.
 */
function nextGroups(
  previous: Analysis,
  corpus: Corpus,
  index: CorpusIndex,
  changed: readonly { before?: Claim; after?: Claim }[],
  affected: ReadonlySet<string>,
): Map<string, string[]> {
  const groups = new Map(previous.groups);
  for (const key of affected) groups.delete(key);
  const live = (c: Claim | undefined): c is Claim => c !== undefined && c.status !== 'rejected';
  const walk = changed.some(({ before, after }) => before && live(after) && (!live(before) || groupKey(before) !== groupKey(after)));
  const rebuilt = new Map<string, string[]>();
  if (walk) {
    // Appended in place: copying the list for each claim made a pasted group of k claims cost k²/2.
    for (const claim of corpus.claims) {
      const key = groupKey(claim);
      if (!affected.has(key) || claim.status === 'rejected') continue;
      const ids = rebuilt.get(key);
      if (ids) ids.push(claim.id);
      else rebuilt.set(key, [claim.id]);
    }
  } else {
    for (const key of affected) {
      const ids = (previous.groups.get(key) ?? []).filter((id) => live(index.claim.get(id)) && groupKey(index.claim.get(id)!) === key);
      if (ids.length > 0) rebuilt.set(key, ids);
    }
    for (const { before, after } of changed) {
      if (before || !live(after)) continue;
      const key = groupKey(after);
      const ids = rebuilt.get(key);
      if (ids) ids.push(after.id);
      else rebuilt.set(key, [after.id]);
    }
  }
  for (const [key, ids] of rebuilt) groups.set(key, ids);
  return groups;
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
export function learnTrust(
  records: Omit<Corpus, 'claims' | 'texts'>,
  groups: ReadonlyMap<string, readonly string[]>,
  index: CorpusIndex,
  comparisons: readonly Comparison[],
): LikelySummary {
  return discoverLikely(groups, index, comparisons, records.trust);
}

/** `analysis` with trust learned in full (`likely`, over `groups` in corpus order), its graph's flags set to match. */
export function withLearnedTrust(analysis: Analysis, groups: Map<string, string[]>, likely: LikelySummary): Analysis {
  const flipped = new Set<string>();
  for (const id of likely.likelyClaims) if (!analysis.likely.likelyClaims.has(id)) flipped.add(id);
  for (const id of analysis.likely.likelyClaims) if (!likely.likelyClaims.has(id)) flipped.add(id);
  const { corpus, index, comparisons } = analysis;
  const next = continueGraph(
    analysis,
    { corpus, index, comparisons, groups, likely, trust: 'settled' as const },
    { claims: [], removed: [], added: [], likely: flipped, trust: true },
    false,
  );
  steps.set(next, { base: serialOf(analysis), claims: [], removed: [], added: [] });
  return next;
}
