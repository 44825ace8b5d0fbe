// Server-side views of the graph, so a browser never has to draw a million claims: the
// contradictions first, one entity or one source with what surrounds it, or the k-hop
// neighbourhood of a selection — each capped at a node budget.
import { MultiDirectedGraph } from 'graphology';
import type { ConcordanceGraph, EdgeAttributes, NodeAttributes } from './graph.js';

export type ViewSpec =
  | { kind: 'all' }
  | { kind: 'conflicts'; limit: number }
  | { kind: 'entity'; id: string; limit: number }
  | { kind: 'source'; id: string; limit: number }
  | { kind: 'neighbourhood'; node: string; hops: number; limit: number };

export interface ViewInfo {
  kind: ViewSpec['kind'];
  /** The view left nodes out to stay within its budget. */
  truncated: boolean;
  total: { nodes: number; edges: number };
}

export const DEFAULT_VIEW_LIMIT = 5000;

/** The edges that make a claim readable, as opposed to its comparisons with other claims. */
const STRUCTURAL = new Set(['about', 'object', 'from', 'cites']);

export class UnknownViewTarget extends Error {}

/** The nodes of a view, in the order they were chosen (most relevant first). Undefined for "all". */
export function viewNodes(graph: ConcordanceGraph, spec: ViewSpec): string[] | undefined {
  switch (spec.kind) {
    case 'all':
      return undefined;
    case 'conflicts': {
      const claims = graph
        .filterNodes((_, a) => a.kind === 'claim' && Number(a.conflicts) > 0)
        .sort(
          (x, y) => Number(graph.getNodeAttribute(y, 'conflicts')) - Number(graph.getNodeAttribute(x, 'conflicts')) || (x < y ? -1 : 1),
        );
      return withContext(graph, claims, spec.limit);
    }
    case 'entity':
      return aroundHub(graph, `entity:${spec.id}`, spec.limit);
    case 'source':
      return aroundHub(graph, `source:${spec.id}`, spec.limit);
    case 'neighbourhood': {
      if (!graph.hasNode(spec.node)) throw new UnknownViewTarget(`no node ${spec.node}`);
      return breadthFirst(graph, spec.node, spec.hops, spec.limit);
    }
  }
}

/**
 * The view as a graph of its own (the whole graph itself for "all"), its info in the `view` attribute.
 * `graph` may be a part of the whole holding all the view can choose (local-graph.ts): `total` is then the whole's size.
 */
export function viewGraph(
  graph: ConcordanceGraph,
  spec: ViewSpec,
  total: { nodes: number; edges: number } = { nodes: graph.order, edges: graph.size },
): ConcordanceGraph {
  const nodes = viewNodes(graph, spec);
  if (!nodes || spec.kind === 'all') return graph;
  const keep = new Set(nodes);
  const view: ConcordanceGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  for (const key of nodes) view.addNode(key, graph.getNodeAttributes(key));
  graph.forEachEdge((edge, attributes, source, target) => {
    if (keep.has(source) && keep.has(target)) view.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  const truncated = spec.kind === 'conflicts' ? nodes.length >= spec.limit : nodes.length >= spec.limit && nodes.length < total.nodes;
  view.setAttribute('view', { kind: spec.kind, truncated, total } satisfies ViewInfo);
  // The headline figures are the whole graph's, whatever part of it the view sends.
  if (graph.hasAttribute('counts')) view.setAttribute('counts', graph.getAttribute('counts'));
  return view;
}

/** Claims plus what makes them readable: their subject, object, source and citations. */
function withContext(graph: ConcordanceGraph, claims: string[], limit: number): string[] {
  const chosen = new Set<string>();
  for (const claim of claims) {
    const context: string[] = [];
    graph.forEachOutEdge(claim, (_, attributes, _source, target) => {
      if (STRUCTURAL.has(attributes.kind)) context.push(target);
    });
    if (chosen.size + 1 + context.length > limit) break;
    chosen.add(claim);
    for (const n of context) chosen.add(n);
  }
  return [...chosen];
}

/** An entity or source, the claims attached to it, their comparison partners, and their context. */
function aroundHub(graph: ConcordanceGraph, hub: string, limit: number): string[] {
  if (!graph.hasNode(hub)) throw new UnknownViewTarget(`no node ${hub}`);
  const claims = graph.inNeighbors(hub).filter((n) => graph.getNodeAttribute(n, 'kind') === 'claim');
  const partners = new Set<string>();
  for (const claim of claims) {
    graph.forEachEdge(claim, (_, attributes, source, target) => {
      if (attributes.kind === 'agrees' || attributes.kind === 'conflicts') partners.add(source === claim ? target : source);
    });
  }
  for (const c of claims) partners.delete(c);
  return [hub, ...withContext(graph, [...claims, ...partners], Math.max(0, limit - 1)).filter((n) => n !== hub)];
}

function breadthFirst(graph: ConcordanceGraph, start: string, hops: number, limit: number): string[] {
  const seen = new Set([start]);
  let frontier = [start];
  for (let depth = 0; depth < hops && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const n of graph.neighbors(node)) {
        if (seen.has(n)) continue;
        if (seen.size >= limit) return [...seen];
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return [...seen];
}
