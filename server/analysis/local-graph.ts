// The part of a revision's graph around one entity or source, built from the analysis without the
// whole graph (which costs tens of seconds at 100,000 claims): the hub, its claims, every claim
// they are compared with, the comparisons of those, and the entities, sources and citations all of
// these link to. It holds every node and edge an entity's or a source's view (views.ts) can take
// from the whole graph, with the same attributes, so the view is the same one
// (test/analysis/local-graph.test.ts).
import type { Analysis } from './analyse.js';
import { buildGraph, comparisonEdgeKeys, nodeKey, verdictCounts, type ConcordanceGraph } from './graph.js';
import { viewGraph, type ViewSpec } from './views.js';
import type { Comparison } from '../core/types.js';

/**
 * Derived once per corpus and comparisons: every analysis sharing the comparisons shares the corpus
 * (a write makes new ones), so trust learnt after a write keeps what was derived before it.
 */
function perAnalysis<T>(derive: (analysis: Analysis) => T): (analysis: Analysis) => T {
  const cache = new WeakMap<readonly Comparison[], T>();
  return (analysis) => {
    let value = cache.get(analysis.comparisons);
    if (value === undefined) cache.set(analysis.comparisons, (value = derive(analysis)));
    return value;
  };
}

const verdicts = new WeakMap<readonly Comparison[], Map<string, { agrees: number; conflicts: number }>>();

/**
 * Per claim, the claims it agrees and conflicts with (graph.ts verdictCounts over every comparison):
 * what its node says. Kept per comparisons (trust learnt after a write keeps them, and so these).
 */
export function claimVerdicts(analysis: Analysis): ReadonlyMap<string, { agrees: number; conflicts: number }> {
  let counts = verdicts.get(analysis.comparisons);
  if (!counts) verdicts.set(analysis.comparisons, (counts = verdictCounts(analysis.comparisons)));
  return counts;
}

/** Live claims by the entity or source node they link to (subject, object, source), in corpus order. */
export const claimsByHub = perAnalysis((analysis) => {
  const byHub = new Map<string, string[]>();
  const add = (key: string, claim: string) => {
    const list = byHub.get(key);
    if (list) list.push(claim);
    else byHub.set(key, [claim]);
  };
  for (const c of analysis.corpus.claims) {
    if (c.status === 'rejected') continue;
    add(nodeKey.entity(c.subject), c.id);
    if (c.value.type === 'entity' && c.value.entity !== c.subject) add(nodeKey.entity(c.value.entity), c.id);
    add(nodeKey.source(c.source), c.id);
  }
  return byHub;
});

/** Comparisons by the id of each claim their edges join (graph.ts comparisonEdgeKeys: `a` and each other end). */
const comparisonsByEnd = perAnalysis((analysis) => {
  const byEnd = new Map<string, Comparison[]>();
  const add = (id: string, cmp: Comparison) => {
    const list = byEnd.get(id);
    if (!list) byEnd.set(id, [cmp]);
    else if (list[list.length - 1] !== cmp) list.push(cmp);
  };
  for (const cmp of analysis.comparisons) {
    add(cmp.a, cmp);
    for (const { other } of comparisonEdgeKeys(cmp)) add(other, cmp);
  }
  return byEnd;
});

/**
 * The graph around an entity or source node (`entity:…`, `source:…`) or a claim (`claim:…`): the node,
 * the claims it links (its own, for a hub), their comparisons' claims, their context. Without the node when there is none.
 */
export function localGraph(analysis: Analysis, node: string): ConcordanceGraph {
  const { corpus } = analysis;
  const byEnd = comparisonsByEnd(analysis);
  const claim = node.startsWith('claim:') ? analysis.index.claim.get(node.slice(6)) : undefined;
  const hubClaims = node.startsWith('claim:')
    ? claim && claim.status !== 'rejected'
      ? [claim.id]
      : []
    : (claimsByHub(analysis).get(node) ?? []);
  // The hub's claims and the claims their comparisons join them to: what the view may choose.
  const choosable = new Set(hubClaims);
  for (const id of hubClaims) for (const cmp of byEnd.get(id) ?? []) for (const end of ends(cmp)) choosable.add(end);
  // Every comparison between those, and the claims each names (an edge is drawn only when all are there).
  const comparisons = new Set<Comparison>();
  const claims = new Set<string>();
  for (const id of choosable) {
    for (const cmp of byEnd.get(id) ?? []) {
      comparisons.add(cmp);
      for (const end of ends(cmp)) claims.add(end);
      claims.add(cmp.b);
    }
    claims.add(id);
  }
  const sources = new Set<string>();
  const entities = new Set<string>();
  if (node.startsWith('source:')) sources.add(node.slice(7));
  else if (node.startsWith('entity:')) entities.add(node.slice(7));
  const subset = corpus.claims.filter((c) => claims.has(c.id));
  for (const c of subset) {
    sources.add(c.source);
    entities.add(c.subject);
    if (c.value.type === 'entity') entities.add(c.value.entity);
  }
  // In the whole graph's order (corpus order; comparisons in theirs), so that neighbours come in the same order.
  return buildGraph(
    {
      ...corpus,
      sources: corpus.sources.filter((s) => sources.has(s.id)),
      entities: corpus.entities.filter((e) => entities.has(e.id)),
      claims: subset,
    },
    analysis.comparisons.filter((cmp) => comparisons.has(cmp)),
    analysis.likely,
    claimVerdicts(analysis),
  );
}

function ends(cmp: Comparison): string[] {
  return [cmp.a, ...comparisonEdgeKeys(cmp).map((e) => e.other)];
}

/** The views local graphs answer: an entity's, a source's, and the one-hop neighbourhood of one of those or of a claim. */
export function isLocalView(spec: ViewSpec): boolean {
  return (
    spec.kind === 'entity' ||
    spec.kind === 'source' ||
    (spec.kind === 'neighbourhood' && spec.hops <= 1 && /^(claim|entity|source):/.test(spec.node))
  );
}

/**
 * A view isLocalView() accepts, made from its local graph: the same nodes, edges and attributes as
 * from the whole graph, whose size `total` gives and whose headline counts `counts` are.
 */
export function localView(
  analysis: Analysis,
  spec: ViewSpec,
  whole: { total: { nodes: number; edges: number }; counts: unknown },
): ConcordanceGraph {
  const node =
    spec.kind === 'entity'
      ? nodeKey.entity(spec.id)
      : spec.kind === 'source'
        ? nodeKey.source(spec.id)
        : spec.kind === 'neighbourhood'
          ? spec.node
          : '';
  if (!isLocalView(spec)) throw new Error(`not a local view: ${spec.kind}`);
  const view = viewGraph(localGraph(analysis, node), spec, whole.total);
  view.setAttribute('counts', whole.counts);
  return view;
}
