// What each node and edge looks like right now, derived from the view state and the hover: sigma's
// nodeReducer / edgeReducer. They return new display objects and never write to the graph.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ViewState } from '../state/types.js';
import type { AppGraph, EdgeAttrs, NodeAttrs } from './load.js';
import { CONFLICT_RING, DIM_EDGE, DIM_NODE, edgeColor, edgeSize } from './style.js';

/** Above this many focused nodes, sigma's label grid picks which neighbours get a label. */
const MAX_FORCED_LABELS = 16;

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

  constructor(private readonly graph: AppGraph) {
    this.recountConflicts();
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

export function makeNodeReducer(getState: () => ViewState, hl: Highlight) {
  return (node: string, data: NodeAttrs): NodeView => {
    const state = getState();
    const res: NodeView = { ...data, label: data.label };
    if (state.hidden.includes(data.kind)) return { ...res, hidden: true };
    if (data.kind === 'claim' && Number(data.conflicts ?? 0) > 0) {
      res.type = 'ring';
      res.ringColor = CONFLICT_RING;
    }
    const inFocus = hl.focus?.has(node) ?? false;
    const lensDims = state.lens && !hl.conflictNodes.has(node);
    const focusDims = hl.focus !== null && !inFocus;
    if ((lensDims && !inFocus) || focusDims) {
      return { ...res, color: DIM_NODE, ringColor: DIM_NODE, label: null, dimmed: true, zIndex: 0, forceLabel: false };
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

export function makeEdgeReducer(getState: () => ViewState, hl: Highlight, graph: AppGraph) {
  return (edge: string, data: EdgeAttrs): EdgeView => {
    const state = getState();
    const kind = data.kind as Parameters<typeof edgeColor>[0];
    const res: EdgeView = { ...data, color: edgeColor(kind), size: edgeSize(kind), zIndex: kind === 'conflicts' ? 2 : kind === 'agrees' ? 1 : 0 };
    const [s, t] = graph.extremities(edge);
    const hiddenKinds = state.hidden;
    if (hiddenKinds.includes(graph.getNodeAttribute(s, 'kind')) || hiddenKinds.includes(graph.getNodeAttribute(t, 'kind'))) {
      return { ...res, hidden: true };
    }
    if (edge === state.edge) return { ...res, size: (res.size ?? 1) * 1.5, zIndex: 3 };
    if (hl.focus) {
      const incident = hl.centres.has(s) || hl.centres.has(t);
      if (!incident) return { ...res, color: DIM_EDGE, dimmed: true, zIndex: 0 };
      if (kind !== 'conflicts' && kind !== 'agrees') res.color = '#8d96a3';
      return res;
    }
    if (state.lens && kind !== 'conflicts') return { ...res, hidden: true, dimmed: true };
    return res;
  };
}
