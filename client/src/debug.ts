// A read-only window onto what is drawn, for browser tests and for curious users in the console:
// it reports the reducers' output and the store, and changes nothing.
import type { GraphFeed } from './graph-view/feed.js';
import type { LayoutRunner } from './graph-view/layout.js';
import { perf, type PerfRecord } from './perf.js';
import type { GraphView } from './graph-view/renderer.js';
import type { Store } from './state/store.js';
import type { ViewState } from './state/types.js';

export interface DebugHook {
  ready: true;
  state(): ViewState;
  /** Nodes drawn in full: not hidden by the filter and not greyed by the lens or a focus. */
  visibleNodeKeys(): string[];
  /** The reducer's output for one node (what sigma draws), or null for an unknown key. */
  nodeDisplay(key: string): Record<string, unknown> | null;
  edgeDisplay(key: string): Record<string, unknown> | null;
  positions(): Record<string, { x: number; y: number }>;
  camera(): { x: number; y: number; ratio: number };
  /** The camera is gliding (an animation is under way): it is not where it will rest. */
  cameraMoving(): boolean;
  layoutRunning(): boolean;
  counts(): { nodes: number; edges: number };
  /** The whole graph's size on the server, and whether only part of it is drawn. */
  extent(): { partial: boolean; total: { nodes: number; edges: number } };
  /** performance.now() of the first frame sigma drew (ms since navigation start), or null. */
  readonly firstFrameAt: number | null;
  /** Boot timings and the number of frames drawn so far. */
  perf(): PerfRecord;
  /** Where a node is drawn in the graph container (CSS pixels), or null. */
  viewportPosition(key: string): { x: number; y: number } | null;
  /** The node under the pointer, as the hover highlight sees it. */
  hovered(): string | null;
}

export function installDebugHook(store: Store, view: GraphView, layout: LayoutRunner, feed: GraphFeed): void {
  const { graph } = view;
  const hook: DebugHook = {
    ready: true,
    state: () => structuredClone(store.state),
    visibleNodeKeys: () =>
      graph.filterNodes((key, attrs) => {
        const d = view.nodeReducer(key, attrs);
        return !d.hidden && !d.dimmed;
      }),
    nodeDisplay: (key) => (graph.hasNode(key) ? { ...view.nodeReducer(key, graph.getNodeAttributes(key)) } : null),
    edgeDisplay: (key) => (graph.hasEdge(key) ? { ...view.edgeReducer(key, graph.getEdgeAttributes(key)) } : null),
    positions: () => {
      const out: Record<string, { x: number; y: number }> = {};
      graph.forEachNode((key, a) => (out[key] = { x: a.x, y: a.y }));
      return out;
    },
    camera: () => view.cameraView(),
    cameraMoving: () => view.sigma.getCamera().isAnimated(),
    layoutRunning: () => layout.running,
    counts: () => ({ nodes: graph.order, edges: graph.size }),
    extent: () => ({ partial: feed.partial, total: { ...feed.total } }),
    get firstFrameAt() {
      return perf.marks.firstFrame ?? null;
    },
    perf: () => structuredClone(perf),
    viewportPosition: (key) => view.viewportPosition(key),
    hovered: () => view.highlight.hovered,
  };
  Object.defineProperty(window, '__concordance', { value: Object.freeze(hook), configurable: false, writable: false });
}
