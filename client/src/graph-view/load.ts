// Fetches the graph (graphology export JSON), prepares what sigma draws (size by degree, colour by
// kind, short labels) and runs a short deterministic layout so every visit starts from the same map.
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { isNodeKind, type NodeKind } from '../state/types.js';
import { forceAtlas2 } from './fa2.js';
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

export function prepareGraph(data: SerializedGraph): AppGraph {
  const graph = MultiDirectedGraph.from(data as SerializedGraph<NodeAttrs, EdgeAttrs>) as AppGraph;
  graph.updateEachNodeAttributes((key, attrs) => {
    const kind: NodeKind = isNodeKind(attrs.kind) ? attrs.kind : 'entity';
    const fullLabel = String(attrs.label ?? key);
    return {
      ...attrs,
      kind,
      fullLabel,
      label: shortLabel(kind, attrs, fullLabel),
      x: Number.isFinite(attrs.x) ? attrs.x : 0,
      y: Number.isFinite(attrs.y) ? attrs.y : 0,
      size: nodeSize(kind, graph.degree(key)),
      color: KIND_COLOR[kind],
    };
  });
  return graph;
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

export function layoutSettings(graph: AppGraph) {
  return { ...forceAtlas2.inferSettings(graph), outboundAttractionDistribution: true, edgeWeightInfluence: 1 };
}

/** A few hundred synchronous ForceAtlas2 iterations from the server's seeded positions: deterministic. */
export function preLayout(graph: AppGraph): void {
  if (graph.order < 2) return;
  const iterations = Math.max(60, Math.min(400, Math.round(150_000 / graph.order)));
  forceAtlas2.assign(graph, { iterations, getEdgeWeight: layoutWeight, settings: { ...layoutSettings(graph), slowDown: 2 } });
}

function shortLabel(kind: NodeKind, attrs: Record<string, unknown>, full: string): string {
  if (kind === 'claim' && typeof attrs.valueText === 'string') {
    const property = typeof attrs.propertyLabel === 'string' ? `${attrs.propertyLabel}: ` : '';
    return truncate(`${property}${attrs.valueText}`, 42);
  }
  return truncate(full, kind === 'citation' ? 32 : 44);
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
