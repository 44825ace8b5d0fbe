// Brings the graph sigma is drawing in line with new server data, in place: nodes and edges that
// went away are dropped, new ones added, changed attributes updated. Positions already on screen
// are kept (the camera and the user's mental map stay put); a new node starts beside its
// neighbours, or at the centre when it has none yet.
import type { SerializedGraph } from 'graphology-types';
import { fnv1a } from '../../../server/common/hash.js';
import { prepareNode, type AppGraph, type EdgeAttrs } from './load.js';

type SerialNode = SerializedGraph['nodes'][number];
type SerialEdge = SerializedGraph['edges'][number];

/** Several exports (views) as one: each node and edge once, the first copy winning. */
export function unionOf(parts: readonly SerializedGraph[]): SerializedGraph {
  if (parts.length === 1) return parts[0]!;
  const nodes = new Map<string, SerialNode>();
  const edges = new Map<string, SerialEdge>();
  for (const part of parts) {
    for (const n of part.nodes) if (!nodes.has(n.key)) nodes.set(n.key, n);
    for (const e of part.edges) {
      const key = e.key ?? `${e.source}->${e.target}`;
      if (!edges.has(key)) edges.set(key, e);
    }
  }
  return {
    attributes: parts[0]?.attributes ?? {},
    options: parts[0]?.options ?? {},
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}

export interface SyncResult {
  added: string[];
  removed: number;
}

/** `serverPlaced`: the data's positions are the server's for the whole graph (views of a large one): new nodes keep them. */
export function syncGraph(graph: AppGraph, data: SerializedGraph, options: { serverPlaced?: boolean } = {}): SyncResult {
  const nodeKeys = new Set(data.nodes.map((n) => n.key));
  const edgeKeys = new Set(data.edges.map((e) => e.key).filter((k): k is string => typeof k === 'string'));
  let removed = 0;
  for (const edge of graph.edges()) {
    if (!edgeKeys.has(edge)) {
      graph.dropEdge(edge);
      removed++;
    }
  }
  for (const node of graph.nodes()) {
    if (!nodeKeys.has(node)) {
      graph.dropNode(node);
      removed++;
    }
  }
  const added: string[] = [];
  for (const n of data.nodes) {
    const attrs = (n.attributes ?? {}) as Record<string, unknown>;
    if (graph.hasNode(n.key)) {
      const { x, y } = graph.getNodeAttributes(n.key);
      // Keep where it is drawn; take everything else (status, counts, trust...) from the server.
      graph.replaceNodeAttributes(n.key, prepareNode({ ...attrs, x, y }, n.key, 0));
    } else {
      graph.addNode(n.key, prepareNode({ ...attrs }, n.key, 0));
      added.push(n.key);
    }
  }
  for (const e of data.edges) {
    if (!e.key || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const attrs = (e.attributes ?? {}) as EdgeAttrs;
    if (graph.hasEdge(e.key)) graph.replaceEdgeAttributes(e.key, attrs);
    else graph.addDirectedEdgeWithKey(e.key, e.source, e.target, attrs);
  }
  if (!options.serverPlaced) placeNewNodes(graph, added);
  // Degrees changed: sizes follow.
  graph.updateEachNodeAttributes((key, attrs) => prepareNode(attrs, key, graph.degree(key)));
  if (data.attributes) graph.replaceAttributes({ ...data.attributes });
  return { added, removed };
}

/**
 * New nodes go beside the mean of their already-placed neighbours (a few passes, so chains of new
 * nodes follow each other in), with a small deterministic offset so they do not stack.
 */
function placeNewNodes(graph: AppGraph, added: readonly string[]): void {
  if (added.length === 0) return;
  const pending = new Set(added);
  const spread = spanOf(graph, pending) / 60 || 1;
  for (let pass = 0; pass < 4 && pending.size > 0; pass++) {
    for (const key of [...pending]) {
      let sx = 0;
      let sy = 0;
      let n = 0;
      graph.forEachNeighbor(key, (other, a) => {
        if (pending.has(other)) return;
        sx += a.x;
        sy += a.y;
        n++;
      });
      if (n === 0) continue;
      const [dx, dy] = offset(key, spread);
      graph.mergeNodeAttributes(key, { x: sx / n + dx, y: sy / n + dy });
      pending.delete(key);
    }
  }
  const centre = centreOf(graph, new Set(added));
  for (const key of pending) {
    const [dx, dy] = offset(key, spread * 4);
    graph.mergeNodeAttributes(key, { x: centre.x + dx, y: centre.y + dy });
  }
}

function offset(key: string, radius: number): [number, number] {
  const hash = fnv1a(key);
  const angle = ((hash % 3600) / 3600) * 2 * Math.PI;
  const r = radius * (0.5 + ((hash >>> 12) % 100) / 100);
  return [Math.cos(angle) * r, Math.sin(angle) * r];
}

function spanOf(graph: AppGraph, skip: ReadonlySet<string>): number {
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  graph.forEachNode((key, a) => {
    if (skip.has(key)) return;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  return Number.isFinite(minX) ? Math.max(maxX - minX, maxY - minY) : 0;
}

function centreOf(graph: AppGraph, skip: ReadonlySet<string>): { x: number; y: number } {
  let x = 0,
    y = 0,
    n = 0;
  graph.forEachNode((key, a) => {
    if (skip.has(key)) return;
    x += a.x;
    y += a.y;
    n++;
  });
  return n ? { x: x / n, y: y / n } : { x: 0, y: 0 };
}
