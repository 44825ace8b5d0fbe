// Colours and sizes: one palette for the graph, the legend and the panels.
import type { EdgeKind, NodeKind } from '../state/types.js';

export const KIND_COLOR: Record<NodeKind, string> = {
  source: '#1f6fd1',
  entity: '#d9770b',
  claim: '#7048e8',
  citation: '#7c8591',
};

export const KIND_LABEL: Record<NodeKind, string> = {
  source: 'Sources',
  entity: 'Entities',
  claim: 'Claims',
  citation: 'Citations',
};

export const KIND_HINT: Record<NodeKind, string> = {
  source: 'documents that make claims',
  entity: 'people, forces, places the claims are about',
  claim: 'one checkable statement, quoted',
  citation: 'footnotes a source gives',
};

export const CONFLICT_RING = '#e03131';
export const AGREE_COLOR = '#2f9e44';
export const STRUCTURE_COLOR = '#cfd4dc';
export const DIM_NODE = '#e4e7eb';
export const DIM_EDGE = '#eef0f3';

/** Claim → source links are the most numerous and the least informative: the faintest. */
export const SOURCE_LINK_COLOR = 'rgba(150, 160, 175, 0.28)';

export function edgeColor(kind: EdgeKind | undefined): string {
  if (kind === 'conflicts') return CONFLICT_RING;
  if (kind === 'agrees') return AGREE_COLOR;
  if (kind === 'from') return SOURCE_LINK_COLOR;
  if (kind === 'disputes') return DISPUTE_COLOR;
  return STRUCTURE_COLOR;
}

/** The overview's source → entity links that carry contradictions: a softer red than a conflict edge. */
export const DISPUTE_COLOR = 'rgba(224, 49, 49, 0.45)';

/** An overview link's width follows how many contradictions it stands for (1 → 1 px, 64 → 4 px). */
export function disputeSize(weight: number): number {
  return Math.min(5, 1 + Math.log2(Math.max(1, weight)) / 2);
}

export function edgeSize(kind: EdgeKind | undefined): number {
  return kind === 'conflicts' ? 3 : kind === 'agrees' ? 2 : 0.6;
}

const BASE_SIZE: Record<NodeKind, number> = { source: 9, entity: 5, claim: 3, citation: 2.5 };

/**
 * Size grows with the square root of degree, so hubs stand out without swallowing the view. A
 * source's size also follows its trust (when the server rates it): from 70 % at 0 to 130 % at 1.
 */
export function nodeSize(kind: NodeKind, degree: number, trust: number | null = null): number {
  const base = Math.min(28, BASE_SIZE[kind] + 1.6 * Math.sqrt(degree));
  return kind === 'source' && trust !== null ? base * (0.7 + 0.6 * trust) : base;
}

/**
 * Labels and edges by graph size: a few hundred nodes can all be labelled and drawn while the
 * camera moves; tens of thousands cannot. Labels then appear only as the user zooms in (sigma
 * draws a label once its node is rendered above the size threshold, and thins them on a grid).
 */
export function densitySettings(order: number) {
  const large = order > 5000;
  return {
    labelDensity: large ? 0.25 : 0.6,
    labelGridCellSize: large ? 120 : 100,
    labelRenderedSizeThreshold: large ? 11 : 7,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
  };
}
