// Fetches the graph (graphology export JSON), prepares what sigma draws (size by degree, colour by
// kind, short labels) and runs a short deterministic layout so every visit starts from the same map.
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { isNodeKind, type NodeKind } from '../state/types.js';
import { useDictionaryAdjacency } from '../../../server/common/graph-adjacency.js';
import { forceAtlas2 } from './fa2.js';
import { registerSources, sourceStyleOf } from './source-registry.js';
import { KIND_COLOR, nodeSize } from './style.js';

export interface NodeAttrs {
  kind: NodeKind;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** The label as the data gives it; `label` is the short form drawn on the canvas. */
  fullLabel: string;
  [extra: string]: unknown;
}

export interface EdgeAttrs {
  kind: string;
  reason?: string;
  basis?: string;
  scope?: string;
  comparison?: string;
  [extra: string]: unknown;
}

export type AppGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

/** `complete`: the data is the whole graph, so every source is known (each gets its own colour). */
export function prepareGraph(data: SerializedGraph, complete = true): AppGraph {
  useDictionaryAdjacency();
  registerSources(data.nodes, complete);
  const graph = MultiDirectedGraph.from({ ...data, edges: layered(data.edges) } as SerializedGraph<NodeAttrs, EdgeAttrs>) as AppGraph;
  // In place: the attribute objects are fresh from JSON.parse and ours alone. (A copy per node was
  // a measurable share of the first frame at 50,000 nodes, mostly in garbage collection.)
  graph.updateEachNodeAttributes((key, attrs) => prepareNode(attrs, key, graph.degree(key)));
  return graph;
}

/**
 * What sigma draws for a node of the server's data: kind, short label, colour, size by degree (and
 * trust). Writes into `attrs` and returns it.
 */
export function prepareNode(attrs: Record<string, unknown>, key: string, degree: number): NodeAttrs {
  const kind: NodeKind = isNodeKind(attrs.kind) ? attrs.kind : 'entity';
  const fullLabel = String(attrs.fullLabel ?? attrs.label ?? key);
  const x = Number(attrs.x);
  const y = Number(attrs.y);
  const node = attrs as NodeAttrs;
  node.kind = kind;
  node.fullLabel = fullLabel;
  node.label = shortLabel(kind, attrs, fullLabel);
  node.x = Number.isFinite(x) ? x : 0;
  node.y = Number.isFinite(y) ? y : 0;
  node.size = nodeSize(kind, degree, typeof attrs.trust === 'number' ? attrs.trust : null);
  // Claims and sources wear their source's colour: who says what, at a glance.
  const sourceId = kind === 'claim' ? attrs.source : kind === 'source' ? (attrs.sourceId ?? key.slice(key.indexOf(':') + 1)) : undefined;
  node.color = typeof sourceId === 'string' ? sourceStyleOf(sourceId).colour : KIND_COLOR[kind];
  return node;
}

/**
 * Edges in drawing order: structure, then agreements, then conflicts on top. Sigma draws in graph
 * order when it does not sort by zIndex (large graphs), so the order of import is the layering.
 */
function layered(edges: SerializedGraph['edges']): SerializedGraph['edges'] {
  const layers: SerializedGraph['edges'][] = [[], [], []];
  for (const e of edges) {
    const kind = (e.attributes as { kind?: unknown } | undefined)?.kind;
    layers[kind === 'conflicts' || kind === 'disputes' ? 2 : kind === 'agrees' ? 1 : 0]!.push(e);
  }
  return layers.flat();
}

/**
 * How strongly each kind of edge pulls in the layout. Every claim links to its source, so at full
 * weight two source hubs would swallow everything; weakened, claims gather around their subjects
 * and compared claims sit side by side.
 */
const LAYOUT_WEIGHT: Record<string, number> = { about: 1, object: 0.5, from: 0.08, cites: 0.3, agrees: 1.5, conflicts: 1.5 };

export function layoutWeight(_edge: string, attrs: EdgeAttrs): number {
  return LAYOUT_WEIGHT[attrs.kind] ?? 1;
}

/** inferSettings turns Barnes-Hut on above 2,000 nodes: O(n log n) repulsion instead of O(n²). */
export function layoutSettings(graph: AppGraph) {
  return {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 2000,
    outboundAttractionDistribution: true,
    edgeWeightInfluence: 1,
  };
}

/**
 * Above this many nodes the first frame is drawn from the server's positions and ForceAtlas2 runs
 * in its worker afterwards: the synchronous pass below would hold the first frame back by seconds.
 */
export const PRELAYOUT_MAX_NODES = 2000;

/** A few hundred synchronous ForceAtlas2 iterations from the server's seeded positions: deterministic. */
export function preLayout(graph: AppGraph): boolean {
  if (graph.order < 2 || graph.order > PRELAYOUT_MAX_NODES) return false;
  const iterations = Math.max(60, Math.min(400, Math.round(150_000 / graph.order)));
  forceAtlas2.assign(graph, { iterations, getEdgeWeight: layoutWeight, settings: { ...layoutSettings(graph), slowDown: 2 } });
  return true;
}

/**
 * What the canvas shows: a claim names its source and its value ("RB · over 72,000"), a source is
 * marked as one ("▤ RB · How the Japanese…") so it never reads like an entity of the same name.
 */
function shortLabel(kind: NodeKind, attrs: Record<string, unknown>, full: string): string {
  if (kind === 'claim' && typeof attrs.valueText === 'string') {
    const source = typeof attrs.source === 'string' ? `${sourceStyleOf(attrs.source).abbreviation} · ` : '';
    return truncate(`${source}${attrs.valueText}`, 40);
  }
  if (kind === 'source') {
    const style = sourceStyleOf(String(attrs.sourceId ?? ''));
    return truncate(`▤ ${style.abbreviation} · ${full}`, 44);
  }
  return truncate(full, kind === 'citation' ? 32 : 44);
}

export function truncate(text: string, max: number): string {
  // Most labels are short single-line text: skip the regex for them (50,000 labels at load).
  if (text.length <= max && !/\s\s|[\n\t\r]|^\s|\s$/.test(text)) return text;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
