// The view state: everything the screen shows that a link should reproduce. Plain data, no DOM.

export const NODE_KINDS = ['source', 'entity', 'claim', 'citation'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** disputes / says: the entity overview's source → entity links (weighted by contradictions, or none). */
export const EDGE_KINDS = ['about', 'object', 'from', 'cites', 'agrees', 'conflicts', 'disputes', 'says'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/**
 * Which side panel is open: the details of the selection, the source reader of the selection's
 * source, or the review queue of that source's extracted claims.
 */
export type PanelName = 'details' | 'reader' | 'review';

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  /** Selected node key (`claim:wp-7`), or null. At most one of node / edge is set. */
  node: string | null;
  /** Selected edge key (`conflicts:...`), or null. */
  edge: string | null;
  /** Node kinds hidden by the legend filter, in NODE_KINDS order. */
  hidden: NodeKind[];
  /** Contradictions lens: everything not on a conflicts edge is greyed. */
  lens: boolean;
  /** The conflicts list is open. */
  list: boolean;
  /** The timeline lens is open (dated claims of the selected entity on a time axis). */
  timeline: boolean;
  panel: PanelName | null;
  /** Sigma camera state; null means the default framing. */
  camera: CameraView | null;
  /** Load the whole graph even when it is large (by default a large graph opens on its entity overview). */
  full: boolean;
  /** Open on the entity overview even when the graph is small enough to draw whole. */
  overview: boolean;
}

export const DEFAULT_STATE: ViewState = Object.freeze({
  node: null,
  edge: null,
  hidden: [],
  lens: false,
  list: false,
  timeline: false,
  panel: null,
  camera: null,
  full: false,
  overview: false,
}) as ViewState;

export const DEFAULT_CAMERA: CameraView = Object.freeze({ x: 0.5, y: 0.5, ratio: 1 });

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

export function kindOfKey(key: string): NodeKind | undefined {
  const kind = key.slice(0, key.indexOf(':'));
  return isNodeKind(kind) ? kind : undefined;
}
