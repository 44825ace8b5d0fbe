// The explorer's colours and sizes as data, so that a file opened in Gephi looks like the explorer.
// The client's graph-view/style.ts holds the same palette for drawing; keep the two in step (a test
// compares them).
export const KIND_COLOR = {
  source: '#1f6fd1',
  entity: '#d9770b',
  claim: '#7048e8',
  citation: '#7c8591',
} as const;

export const EDGE_COLOR = {
  conflicts: '#e03131',
  agrees: '#2f9e44',
  from: '#96a0af',
  structure: '#cfd4dc',
} as const;

const BASE_SIZE = { source: 9, entity: 5, claim: 3, citation: 2.5 } as const;

export type PaletteKind = keyof typeof KIND_COLOR;

export function exportNodeColor(kind: string): string {
  return kind in KIND_COLOR ? KIND_COLOR[kind as PaletteKind] : KIND_COLOR.citation;
}

export function exportNodeSize(kind: string, degree: number): number {
  const base = kind in BASE_SIZE ? BASE_SIZE[kind as PaletteKind] : 2.5;
  return Math.min(28, base + 1.6 * Math.sqrt(degree));
}

export function exportEdgeColor(kind: string): string {
  if (kind === 'conflicts') return EDGE_COLOR.conflicts;
  if (kind === 'agrees') return EDGE_COLOR.agrees;
  if (kind === 'from') return EDGE_COLOR.from;
  return EDGE_COLOR.structure;
}

export function exportEdgeThickness(kind: string): number {
  return kind === 'conflicts' ? 3 : kind === 'agrees' ? 2 : 0.6;
}
