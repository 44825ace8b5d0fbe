// One call from a loaded corpus to everything derived from it: comparisons, groups, the graph.
import type { ConcordanceGraph } from './graph.js';
import { LayeredMap } from './layered-map.js';
import { continueGraph, startGraph } from './live-graph.js';
import { discoverLikely, judgeGroups, mergeLikely, type Judged, type LikelySummary } from './likely.js';
import { byId, indexCorpus, type Corpus, type CorpusIndex } from '../core/model.js';
import { DEFAULT_RECONCILE_SETTINGS, reconcile, reconcileGroups, type GroupsView, type ReconcileSettings } from '../core/reconcile.js';
import { allComparisons, ClaimHints, comparisonsOf, indexComparisons, nextComparisonIndex, type ComparisonIndex } from './write-index.js';
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
 * changed claim, before and after the change) and keeps every other comparison as it was. What it
 * reads of the rest of the corpus comes from indexes kept write to write (write-index.ts), so that
 * its cost follows the groups it re-runs, not the corpus.
 */
export function reanalyse(
  previous: Analysis,
  corpus: Corpus,
  changed: { before?: Claim; after?: Claim }[],
  settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS,
): Analysis {
  const steps = reanalysing(previous, corpus, changed, settings);
  let step = steps.next();
  while (!step.done) {
    const pause = step.value;
    step = steps.next(
      pause.kind === 'judge'
        ? judgeGroups(pause.groups, pause.affected, pause.index, previous.likely.reviewer, (s) => previous.likely.trust.get(s)?.score)
        : undefined,
    );
  }
  return step.value;
}

/** Where reanalysing pauses: for a turn of the event loop, or for the affected groups' likely values to be judged (judgeGroups). */
export type ReanalysePause =
  { kind: 'turn' } | { kind: 'judge'; groups: ReadonlyMap<string, readonly string[]>; affected: ReadonlySet<string>; index: CorpusIndex };

/**
 * reanalyse() for a write that must not hold the event loop (an ingest of tens of thousands of claims):
 * the same steps, with a turn of the event loop between them, and the likely values judged by `judge`
 * (likely-worker.ts: in a worker thread when the groups are large). The analysis is the same.
 */
export async function reanalyseInTurns(
  previous: Analysis,
  corpus: Corpus,
  changed: { before?: Claim; after?: Claim }[],
  judge: (pause: Extract<ReanalysePause, { kind: 'judge' }>, likely: LikelySummary) => Promise<Judged>,
  settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS,
): Promise<Analysis> {
  const steps = reanalysing(previous, corpus, changed, settings);
  let step = steps.next();
  while (!step.done) {
    const pause = step.value;
    if (pause.kind === 'judge') step = steps.next(await judge(pause, previous.likely));
    else {
      await new Promise((resolve) => setImmediate(resolve));
      step = steps.next();
    }
  }
  return step.value;
}

function* reanalysing(
  previous: Analysis,
  corpus: Corpus,
  changed: { before?: Claim; after?: Claim }[],
  settings: ReconcileSettings,
): Generator<ReanalysePause, Analysis, Judged | undefined> {
  const index = nextIndex(previous, corpus, changed);
  const hints = nextHints(previous, corpus, index, changed);
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
  const groups = nextGroups(previous, index, hints, changed, affected);
  yield { kind: 'turn' };
  const fresh = reconcileGroups({ ...corpus, entityLabel }, affected, settings, groupsView(index, groups, hints, affected));
  yield { kind: 'turn' };
  // The comparisons taken out are found by group and by claim (the index), not by a pass over all.
  const before = comparisonIndexOf(previous);
  const removedSet = comparisonsOf(before, affected, touched);
  const removed = [...removedSet];
  const added: Comparison[] = [];
  for (const cmp of fresh) {
    // A comparison kept (a judgement across groups, in a group not re-run) is not added twice.
    const same = sameComparison(before, cmp, affected);
    if (!same || removedSet.has(same)) added.push(cmp);
  }
  const comparisonIndex = nextComparisonIndex(before, removedSet, added);
  yield { kind: 'turn' };
  // Trust is learned across every set, so one edit can move any likely value; but learning it costs
  // the whole corpus. The write re-judges its own sets with the trust as it stands; settleTrust()
  // re-learns it in the background.
  const judged = yield { kind: 'judge', groups, affected, index };
  const likely = mergeLikely(previous.likely, previous.groups, affected, judged!);
  yield { kind: 'turn' };
  const mayChange = new Set(touched);
  for (const key of affected) for (const ids of [previous.groups.get(key), groups.get(key)]) for (const id of ids ?? []) mayChange.add(id);
  const next = continueGraph(
    previous,
    withComparisons({ corpus, index, groups, likely, trust: 'updating' as const }, comparisonIndex),
    { claims: touched, removed, added, likely: mayChange, trust: false },
    true,
  );
  steps.set(next, { base: serialOf(previous), claims: changed, removed, added });
  claimHints.set(next, hints);
  return next;
}

/** Claims by place, by total and by source (write-index.ts), shared along a line of analyses. */
const claimHints = new WeakMap<Analysis, ClaimHints>();
/** Comparisons by group and by claim, per analysis. */
const comparisonIndexes = new WeakMap<object, ComparisonIndex>();

/**
 * Builds the indexes a write reads, if `analysis` has none yet (one walk of its claims and
 * comparisons): the store does it when it opens, so that the first write does not pay for it.
 */
export function prepareWrites(analysis: Analysis): void {
  hintsOf(analysis);
  comparisonIndexOf(analysis);
}

/** The claims of a source, in corpus order (what its claims file holds), from the index rather than a walk of every claim. */
export function sourceClaims(analysis: Analysis, source: string): Claim[] {
  return hintsOf(analysis).ofSource(source, analysis.index.claim);
}

/** Where the claim likely stands in `analysis.corpus.claims` (exact until a claim is removed): a guess to check, not a walk. */
export function claimPlaceHint(analysis: Analysis, id: string): number {
  return hintsOf(analysis).placeOf(id);
}

function hintsOf(analysis: Analysis): ClaimHints {
  let hints = claimHints.get(analysis);
  if (!hints) claimHints.set(analysis, (hints = new ClaimHints(analysis.corpus.claims)));
  return hints;
}

function comparisonIndexOf(analysis: Analysis): ComparisonIndex {
  let index = comparisonIndexes.get(analysis);
  if (!index) comparisonIndexes.set(analysis, (index = indexComparisons(analysis.comparisons)));
  return index;
}

/**
 * The comparison of `index` bearing `cmp`'s id, if any. Ids are unique and a pair's id names its
 * claims: one kept in a group not re-run is a judgement across groups, listed by the claims it names.
 */
function sameComparison(index: ComparisonIndex, cmp: Comparison, affected: ReadonlySet<string>): Comparison | undefined {
  for (const id of [cmp.a, cmp.b]) for (const other of index.crossing.get(id) ?? []) if (other.id === cmp.id) return other;
  if (!affected.has(cmp.group)) for (const other of index.byGroup.get(cmp.group) ?? []) if (other.id === cmp.id) return other;
  return undefined;
}

/**
 * The analysis, with its comparisons made an array from the index when first read (the views and
 * a full rebuild of the graph read them; a write does not, so it does not pay for the array).
 */
function withComparisons<A extends Omit<Analysis, 'graph' | 'comparisons'>>(
  analysis: A,
  index: ComparisonIndex,
): A & { comparisons: Comparison[] } {
  let list: Comparison[] | undefined;
  Object.defineProperty(analysis, 'comparisons', {
    enumerable: true,
    configurable: true,
    get: () => (list ??= allComparisons(index)),
  });
  comparisonIndexes.set(analysis, index);
  return analysis as A & { comparisons: Comparison[] };
}

/** The hints after a write: the same (shared), with the claims it appended added; built afresh when the index was. */
function nextHints(
  previous: Analysis,
  corpus: Corpus,
  index: CorpusIndex,
  changed: readonly { before?: Claim; after?: Claim }[],
): ClaimHints {
  if (freshIndexes.has(index)) return new ClaimHints(corpus.claims);
  const hints = hintsOf(previous);
  for (const { before, after } of changed) if (after && (!before || before.id !== after.id)) hints.append(after);
  return hints;
}

/** Indexes nextIndex built from the corpus rather than from the previous one and the change list. */
const freshIndexes = new WeakSet<CorpusIndex>();

/** What reconcileGroups reads of the corpus, from the analysis's indexes: the affected groups' claims, live claims by id, parts of totals. */
function groupsView(
  index: CorpusIndex,
  groups: ReadonlyMap<string, readonly string[]>,
  hints: ClaimHints,
  affected: ReadonlySet<string>,
): GroupsView {
  const liveClaim = (id: string): Claim | undefined => {
    const claim = index.claim.get(id);
    return claim && claim.status !== 'rejected' ? claim : undefined;
  };
  // A group's place: its first live claim's. The sweep meets groups in that order.
  const rank = (key: string) => hints.placeOf(groups.get(key)?.[0] ?? '');
  const keys = [...affected].filter((key) => groups.has(key)).sort((x, y) => rank(x) - rank(y));
  const claims: Claim[] = [];
  for (const key of keys) for (const id of groups.get(key)!) claims.push(index.claim.get(id)!);
  return {
    claims,
    live: { get: liveClaim, has: (id) => liveClaim(id) !== undefined },
    partsOf: (totals) => {
      const parts: { claim: Claim; rank: number; place: number }[] = [];
      for (const total of totals)
        for (const claim of hints.partsOf(total, index.claim))
          if (claim.status !== 'rejected') parts.push({ claim, rank: rank(groupKey(claim)), place: hints.placeOf(claim.id) });
      return parts.sort((x, y) => x.rank - y.rank || x.place - y.place).map((p) => p.claim);
    },
  };
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
  const fresh = claim.size !== corpus.claims.length;
  const index = {
    source: same(corpus.sources, previous.corpus.sources, previous.index.source),
    entity: same(corpus.entities, previous.corpus.entities, previous.index.entity),
    property: same(corpus.properties, previous.corpus.properties, previous.index.property),
    // A caller whose change list does not account for every claim gets the index built afresh.
    claim: fresh ? byId(corpus.claims) : claim,
  };
  if (fresh) freshIndexes.add(index);
  return index;
}

/**
 * The groups after a write, each group's claims in corpus order, layered over the previous ones (not
 * copied). A changed claim keeps its place in the corpus and a new one comes last, so a group's list
 * is its previous one with the changed claims replaced, dropped, or put in at their place.
 */
function nextGroups(
  previous: Analysis,
  index: CorpusIndex,
  hints: ClaimHints,
  changed: readonly { before?: Claim; after?: Claim }[],
  affected: ReadonlySet<string>,
): Map<string, string[]> {
  const live = (c: Claim | undefined): c is Claim => c !== undefined && c.status !== 'rejected';
  const changes: [string, string[] | undefined][] = [];
  const entering = new Map<string, string[]>();
  for (const { before, after } of changed) {
    if (!live(after)) continue;
    const key = groupKey(after);
    // Already listed in its group (changed where it stands) unless new, restored, or moved in.
    if (before && live(before) && groupKey(before) === key && before.id === after.id) continue;
    const ids = entering.get(key);
    if (ids) ids.push(after.id);
    else entering.set(key, [after.id]);
  }
  for (const key of affected) {
    const ids = (previous.groups.get(key) ?? []).filter((id) => {
      const claim = index.claim.get(id);
      return live(claim) && groupKey(claim) === key;
    });
    const newcomers = entering.get(key);
    if (newcomers) {
      const listed = new Set(ids);
      for (const id of newcomers) if (!listed.has(id)) ids.push(id);
      // In corpus order: a claim moved in or restored goes where it stands, not last.
      if (ids.length > newcomers.length) ids.sort((x, y) => hints.placeOf(x) - hints.placeOf(y));
    }
    changes.push([key, ids.length > 0 ? ids : undefined]);
  }
  return LayeredMap.of(previous.groups, changes);
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
  const { corpus, index } = analysis;
  // The comparisons as they are: still to be made an array, if they were (withComparisons).
  const indexed = comparisonIndexes.get(analysis);
  const next = continueGraph(
    analysis,
    indexed
      ? withComparisons({ corpus, index, groups, likely, trust: 'settled' as const }, indexed)
      : { corpus, index, comparisons: analysis.comparisons, groups, likely, trust: 'settled' as const },
    { claims: [], removed: [], added: [], likely: flipped, trust: true },
    false,
  );
  steps.set(next, { base: serialOf(analysis), claims: [], removed: [], added: [] });
  const hints = claimHints.get(analysis);
  if (hints) claimHints.set(next, hints);
  return next;
}
