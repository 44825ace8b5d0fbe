// The graph after a write, made from the graph before it: only the nodes and edges of what the write
// touched are replaced, in place. Copying the graph first cost more than the rest of a write (graphology's
// copy re-adds every edge: 2–3 s at 50,000 claims, bench/results/writes.md), so the patch changes the
// one graph; live-graph.ts decides when (the first time the new analysis's graph is looked at, which
// is after the write is on disk) and rebuilds for anyone still holding an older analysis.
import {
  addCitationNodes,
  addComparisonEdges,
  addStructuralEdges,
  buildGraph,
  claimNodeAttributes,
  comparisonCounts,
  comparisonEdgeKeys,
  entityNodeAttributes,
  nodeKey,
  type ComparisonCounts,
  seededPlacement,
  sourceNodeAttributes,
  verdictCounts,
  withPlace,
  type ConcordanceGraph,
  type NodeAttributes,
  type NodeKind,
  type Unplaced,
} from './graph.js';
import type { LikelySummary } from './likely.js';
import type { Corpus, CorpusIndex } from '../core/model.js';
import { classMembers } from '../core/classes.js';
import type { Comparison } from '../core/types.js';

export interface GraphState {
  corpus: Corpus;
  index: CorpusIndex;
  comparisons: readonly Comparison[];
  likely: Pick<LikelySummary, 'trust' | 'likelyClaims'>;
}

export interface GraphChange {
  /** Claims added, changed or removed (ids). */
  claims: Iterable<string>;
  /** Comparisons no longer there, and those new (or recomputed) since. */
  removed: readonly Comparison[];
  added: readonly Comparison[];
  /** Claims whose likely flag may have changed. */
  likely: Iterable<string>;
  /** Source trust changed (after a full re-estimation): every source node's trust is set again. */
  trust: boolean;
}

/** Graph attribute present while source trust is being re-estimated in the background. */
export const TRUST_UPDATING = 'updating';

/**
 * The next graph: `graph`, which shows `previous`, patched in place to show `next`, equal to
 * buildGraph(next) but for the starting positions of nodes placed after a removal (a full build
 * numbers nodes afresh). Returns a full build instead, leaving `graph` alone, for changes it does not
 * patch: sources or properties edited in place, an entity brought back from rejection.
 */
export function patchGraph(
  graph: ConcordanceGraph,
  previous: GraphState,
  next: GraphState,
  change: GraphChange,
  updating: boolean,
): ConcordanceGraph {
  const steps = patchSteps(graph, previous, next, change, updating);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Records (nodes or edges) patched between two pauses of patchSteps. */
const PATCH_SLICE = 500;

/**
 * patchGraph in steps: pauses (yields) every PATCH_SLICE records, so that a caller can patch for a
 * paste of tens of thousands of claims between other work (live-graph.ts). Between two steps the
 * graph is half-patched: the caller must let no one read it until the last step is done.
 */
export function* patchSteps(
  graph: ConcordanceGraph,
  previous: GraphState,
  next: GraphState,
  change: GraphChange,
  updating: boolean,
): Generator<void, ConcordanceGraph> {
  if (patchable(previous, next)) yield* applyPatch(graph, previous, next, change);
  else graph = buildGraph(next.corpus, next.comparisons, next.likely);
  if (updating) graph.setAttribute('trust', TRUST_UPDATING);
  else graph.removeAttribute('trust');
  return graph;
}

/** How many records a change patches: small ones are patched at once (live-graph.ts). */
export function changeSize(change: GraphChange): number {
  let size = change.removed.length + change.added.length;
  for (const ids of [change.claims, change.likely]) for (const _ of ids) size++;
  return size;
}

function patchable(previous: GraphState, next: GraphState): boolean {
  if (next.corpus.properties !== previous.corpus.properties) {
    for (const p of next.corpus.properties) {
      const before = previous.index.property.get(p.id);
      if (before && before.label !== p.label) return false;
    }
  }
  if (next.corpus.sources !== previous.corpus.sources) {
    for (const s of next.corpus.sources) {
      const before = previous.index.source.get(s.id);
      if (before && before !== s) return false;
    }
  }
  if (next.corpus.entities !== previous.corpus.entities) {
    for (const e of next.corpus.entities) {
      const before = previous.index.entity.get(e.id);
      if (before && before.status === 'rejected' && e.status !== 'rejected') return false;
    }
  }
  return true;
}

function* applyPatch(graph: ConcordanceGraph, previous: GraphState, next: GraphState, change: GraphChange): Generator<void, void> {
  let done = 0;
  // A pause every PATCH_SLICE records (never inside a record's own changes).
  const pauseDue = () => ++done % PATCH_SLICE === 0;
  const { corpus, index } = next;
  const placed = nodeCounts(previous, graph.order);
  // Read before anything changes: the counts and each touched claim's conflicts as they were.
  const countsBefore = graph.getAttribute('counts') as ComparisonCounts | undefined;
  const place = seededPlacement(placed);
  const replace = (key: string, attributes: Unplaced) => {
    const { x, y } = graph.getNodeAttributes(key);
    graph.replaceNodeAttributes(key, withPlace(attributes, { x, y }));
  };

  if (corpus.sources !== previous.corpus.sources) {
    for (const s of previous.corpus.sources) {
      if (index.source.has(s.id)) continue;
      graph.dropNode(nodeKey.source(s.id));
      for (const ref of s.references) graph.dropNode(nodeKey.citation(s.id, ref.number));
    }
    for (const s of corpus.sources) {
      if (previous.index.source.has(s.id)) continue;
      graph.addNode(nodeKey.source(s.id), withPlace(sourceNodeAttributes(s, next.likely), place('source')));
      addCitationNodes(graph, s, place);
    }
  }
  if (corpus.entities !== previous.corpus.entities) {
    for (const e of previous.corpus.entities)
      if (!index.entity.has(e.id) && graph.hasNode(nodeKey.entity(e.id))) graph.dropNode(nodeKey.entity(e.id));
    for (const e of corpus.entities) {
      const key = nodeKey.entity(e.id);
      const before = previous.index.entity.get(e.id);
      if (e.status === 'rejected') {
        if (graph.hasNode(key)) graph.dropNode(key);
      } else if (!before) graph.addNode(key, withPlace(entityNodeAttributes(e), place('entity')));
      else if (before !== e) {
        replace(key, entityNodeAttributes(e));
        // Claims about it carry its label in theirs.
        if (before.label !== e.label)
          graph.forEachInEdge(key, (_edge, attributes, claimKey) => {
            if (attributes.kind !== 'about') return;
            const claim = index.claim.get(claimKey.slice(nodeKey.claim('').length));
            if (claim) graph.mergeNodeAttributes(claimKey, { label: claimNodeAttributes(claim, corpus, index, 0).label });
          });
      }
    }
  }

  // Claim counts move by what the removed comparisons counted and what the added ones count. A value
  // class is compared within its group, so a class-to-class comparison that comes or goes brings its
  // classes' records along: the classes are those of the change, not of every comparison.
  const conflicts = new Map<string, number>();
  const before = verdictCounts(change.removed, classMembers(change.removed));
  const after = verdictCounts(change.added, classMembers(change.added));
  const conflictsOf = (id: string) =>
    graph.hasNode(nodeKey.claim(id)) ? (graph.getNodeAttribute(nodeKey.claim(id), 'conflicts') as number) : 0;
  for (const id of new Set([...before.keys(), ...after.keys()]))
    conflicts.set(id, conflictsOf(id) - (before.get(id)?.conflicts ?? 0) + (after.get(id)?.conflicts ?? 0));
  const pastConflicts = new Map<string, number>();
  for (const id of new Set(change.claims)) pastConflicts.set(id, conflicts.get(id) ?? conflictsOf(id));

  // New claims come in the order the write lists them, which is corpus order: placed as a full build would.
  for (const id of new Set(change.claims)) {
    if (pauseDue()) yield;
    const key = nodeKey.claim(id);
    const claim = index.claim.get(id);
    const live = claim !== undefined && claim.status !== 'rejected';
    if (!live) {
      if (graph.hasNode(key)) graph.dropNode(key);
      continue;
    }
    const attributes = claimNodeAttributes(claim, corpus, index, pastConflicts.get(id)!, next.likely);
    if (graph.hasNode(key)) {
      replace(key, attributes);
      graph.forEachOutEdge(key, (edge, a) => {
        if (a.kind === 'about' || a.kind === 'object' || a.kind === 'from' || a.kind === 'cites') graph.dropEdge(edge);
      });
    } else graph.addNode(key, withPlace(attributes, place('claim')));
    addStructuralEdges(graph, claim);
  }
  for (const [id, n] of conflicts) {
    if (pauseDue()) yield;
    const key = nodeKey.claim(id);
    if (graph.hasNode(key)) graph.setNodeAttribute(key, 'conflicts', n);
  }

  for (const cmp of change.removed) {
    if (pauseDue()) yield;
    for (const { key } of comparisonEdgeKeys(cmp)) if (graph.hasEdge(key)) graph.dropEdge(key);
  }
  for (const cmp of change.added) {
    if (pauseDue()) yield;
    addComparisonEdges(graph, cmp);
  }

  for (const id of change.likely) {
    if (pauseDue()) yield;
    const key = nodeKey.claim(id);
    if (graph.hasNode(key)) graph.setNodeAttribute(key, 'likely', next.likely.likelyClaims.has(id));
  }
  if (change.trust) {
    for (const s of corpus.sources) {
      const { trust, trustLowEvidence } = sourceNodeAttributes(s, next.likely);
      graph.mergeNodeAttributes(nodeKey.source(s.id), { trust, trustLowEvidence } as Partial<NodeAttributes>);
    }
  }
  // The headline counts move by what left and what came: no walk over every comparison.
  graph.setAttribute('counts', countsBefore ? movedCounts(countsBefore, change) : comparisonCounts(next.comparisons));
}

function movedCounts(before: ComparisonCounts, change: GraphChange): ComparisonCounts {
  const gone = comparisonCounts(change.removed);
  const come = comparisonCounts(change.added);
  return {
    conflicts: before.conflicts - gone.conflicts + come.conflicts,
    agreements: before.agreements - gone.agreements + come.agreements,
    pending: {
      conflicts: before.pending.conflicts - gone.pending.conflicts + come.pending.conflicts,
      agreements: before.pending.agreements - gone.pending.agreements + come.pending.agreements,
    },
  };
}

/** Nodes of each kind in the previous graph (of `order` nodes): where the next new node of a kind is placed. */
function nodeCounts(previous: GraphState, order: number): Record<NodeKind, number> {
  let citations = 0;
  for (const s of previous.corpus.sources) citations += s.references.length;
  let entities = 0;
  for (const e of previous.corpus.entities) if (e.status !== 'rejected') entities++;
  const sources = previous.corpus.sources.length;
  return { source: sources, citation: citations, entity: entities, claim: order - sources - citations - entities };
}
