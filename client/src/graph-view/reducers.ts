// What each node and edge looks like right now, derived from the view state and the hover: sigma's
// nodeReducer / edgeReducer. They return new display objects and never write to the graph.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ViewState } from '../state/types.js';
import type { AppGraph, EdgeAttrs, NodeAttrs } from './load.js';
import { CONFLICT_RING, DIM_EDGE, DIM_NODE, disputeSize, edgeColor, edgeSize } from './style.js';

/** Above this many focused nodes, sigma's label grid picks which neighbours get a label. */
const MAX_FORCED_LABELS = 16;

/** Above this many nodes a focus no longer greys the rest of the graph (see Highlight.quiet). */
export const QUIET_FOCUS_NODES = 10_000;

export interface NodeView extends Partial<NodeDisplayData> {
  ringColor?: string;
  /** Greyed by the lens or by a focus elsewhere (still drawn, but not part of what is shown). */
  dimmed?: boolean;
}

export interface EdgeView extends Partial<EdgeDisplayData> {
  dimmed?: boolean;
}

/** Derived once per change of selection, hover or data, so the reducers stay cheap per item. */
export class Highlight {
  /** Nodes on at least one conflicts edge. */
  readonly conflictNodes = new Set<string>();
  /** The focused nodes (hovered, selected, or both ends of the selected edge) and their neighbours. */
  focus: Set<string> | null = null;
  centres = new Set<string>();
  hovered: string | null = null;
  /**
   * Quiet focus, for large graphs: the focus is highlighted but the rest is not greyed, so a hover
   * or a selection redraws only the items around it instead of every node and edge.
   */
  quiet = false;

  constructor(private readonly graph: AppGraph) {
    this.recountConflicts();
    this.quiet = graph.order > QUIET_FOCUS_NODES;
  }

  recountConflicts(): void {
    this.conflictNodes.clear();
    this.graph.forEachEdge((_e, attrs, source, target) => {
      if (attrs.kind === 'conflicts') {
        this.conflictNodes.add(source);
        this.conflictNodes.add(target);
      }
    });
  }

  update(state: ViewState): void {
    const centres = new Set<string>();
    if (this.hovered && this.graph.hasNode(this.hovered)) centres.add(this.hovered);
    if (state.node && this.graph.hasNode(state.node)) centres.add(state.node);
    if (state.edge && this.graph.hasEdge(state.edge)) {
      centres.add(this.graph.source(state.edge));
      centres.add(this.graph.target(state.edge));
    }
    this.centres = centres;
    if (centres.size === 0) {
      this.focus = null;
      return;
    }
    const focus = new Set<string>(centres);
    for (const c of centres) this.graph.forEachNeighbor(c, (n) => focus.add(n));
    this.focus = focus;
  }
}

/**
 * The reducers return small objects of the display fields only (sigma copies the attributes before
 * calling them and fills in defaults after): with tens of thousands of items, spreading every
 * attribute of every node and edge on each refresh was most of the time to first frame.
 */
export function makeNodeReducer(getState: () => ViewState, hl: Highlight) {
  return (node: string, data: NodeAttrs): NodeView => {
    const state = getState();
    // Every field sigma would otherwise add with its default: one object shape for all nodes.
    const res: NodeView = {
      x: data.x,
      y: data.y,
      size: data.size,
      color: data.color,
      label: data.label,
      type: 'circle',
      hidden: false,
      highlighted: false,
      forceLabel: false,
      zIndex: 0,
    };
    if (state.hidden.includes(data.kind)) {
      res.hidden = true;
      return res;
    }
    if (data.kind === 'claim' && Number(data.conflicts ?? 0) > 0) {
      res.type = 'ring';
      res.ringColor = CONFLICT_RING;
    }
    const inFocus = hl.focus?.has(node) ?? false;
    const lensDims = state.lens && !hl.conflictNodes.has(node);
    const focusDims = !hl.quiet && hl.focus !== null && !inFocus;
    if ((lensDims && !inFocus) || focusDims) {
      res.color = DIM_NODE;
      res.ringColor = DIM_NODE;
      res.label = null;
      res.dimmed = true;
      res.zIndex = 0;
      res.forceLabel = false;
      return res;
    }
    if (inFocus) {
      // Labels of every neighbour of a hub would pile up: force them only for small neighbourhoods.
      res.forceLabel = hl.centres.has(node) || (hl.focus?.size ?? 0) <= MAX_FORCED_LABELS;
      res.zIndex = hl.centres.has(node) ? 3 : 2;
      if (hl.centres.has(node)) res.highlighted = true;
    } else if (state.lens) {
      res.forceLabel = true;
      res.zIndex = 2;
    }
    return res;
  };
}

/**
 * The edge reducer. An edge drawn as its kind says (most of them, and all of them in the first
 * frame) gets its kind's shared display object: sigma keeps what a reducer returns and fills in its
 * defaults, the same for every edge of a kind, and never writes into an edge's display data after.
 * One object per kind instead of one per edge: 100,000 fewer allocations per full refresh at 50k
 * nodes. Anything that differs from the plain style is a fresh object.
 */
export function makeEdgeReducer(getState: () => ViewState, hl: Highlight, graph: AppGraph) {
  const plain = new Map<string, EdgeView>();
  const plainOf = (kind: string): EdgeView => {
    let view = plain.get(kind);
    if (!view) {
      const k = kind as Parameters<typeof edgeColor>[0];
      view = { color: edgeColor(k), size: edgeSize(k), zIndex: kind === 'conflicts' ? 2 : kind === 'agrees' ? 1 : 0 };
      plain.set(kind, view);
    }
    return view;
  };
  return (edge: string, data: EdgeAttrs): EdgeView => {
    const state = getState();
    const kind = data.kind;
    // Overview links are few (thousands at most): each gets its own width, by its weight.
    const res = kind === 'disputes' ? { ...plainOf(kind), size: disputeSize(Number(data.weight) || 1), zIndex: 2 } : plainOf(kind);
    // Extremities are looked up only when a filter or a focus needs them.
    if (state.hidden.length > 0 || hl.focus) {
      const [s, t] = graph.extremities(edge);
      if (state.hidden.includes(graph.getNodeAttribute(s, 'kind')) || state.hidden.includes(graph.getNodeAttribute(t, 'kind'))) {
        return { ...res, hidden: true };
      }
      if (edge === state.edge) return { ...res, size: (res.size ?? 1) * 1.5, zIndex: 3 };
      if (hl.focus) {
        const incident = hl.centres.has(s) || hl.centres.has(t);
        if (!incident) return hl.quiet ? res : { ...res, color: DIM_EDGE, dimmed: true, zIndex: 0 };
        if (kind !== 'conflicts' && kind !== 'agrees' && kind !== 'disputes') return { ...res, color: '#8d96a3' };
        return res;
      }
    }
    if (edge === state.edge) return { ...res, size: (res.size ?? 1) * 1.5, zIndex: 3 };
    if (state.lens && kind !== 'conflicts' && kind !== 'disputes') return { ...res, hidden: true, dimmed: true };
    return res;
  };
}
