// Labels that never overlap: after each camera move (and each change of what is shown), every label
// the reducers would draw is measured on screen and accepted greedily, most important first (the
// selection and its neighbours, then sources, then entities by size, then claims in conflict), when
// its box does not touch one already accepted. Sigma then draws exactly those. For graphs too large
// to measure on every move, sigma's own label grid does the thinning instead.
import type Sigma from 'sigma';
import type { AppGraph, EdgeAttrs, NodeAttrs } from './load.js';
import type { NodeView } from './reducers.js';

/** Above this many nodes the placer steps aside (sigma's grid thins labels cheaply). */
export const PLACED_LABELS_MAX_NODES = 5000;
const CELL = 48;
const PAD = 2;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const KIND_RANK: Record<string, number> = { source: 3, entity: 2, claim: 1, citation: 0 };

export class LabelPlacer {
  /** Nodes whose label is drawn; null: not placing (large graph), sigma decides. */
  allowed: Set<string> | null = null;
  private readonly widths = new Map<string, number>();
  private readonly ctx = document.createElement('canvas').getContext('2d');

  constructor(
    private readonly graph: AppGraph,
    private readonly font: string,
    private readonly threshold: () => number,
  ) {}

  get active(): boolean {
    return this.graph.order <= PLACED_LABELS_MAX_NODES;
  }

  /** Chooses the labels to draw for the camera as it is now. `base` is the reducer before placement. */
  place(sigma: Sigma<NodeAttrs, EdgeAttrs>, base: (node: string, attrs: NodeAttrs) => NodeView): void {
    if (!this.active) {
      this.allowed = null;
      return;
    }
    const { width, height } = sigma.getDimensions();
    const ratio = sigma.getCamera().getState().ratio;
    const candidates: { key: string; rank: number; box: Box }[] = [];
    this.graph.forEachNode((key, attrs) => {
      const view = base(key, attrs);
      if (view.hidden || view.dimmed || !view.label) return;
      const radius = (view.size ?? attrs.size) / Math.sqrt(ratio);
      const forced = view.forceLabel === true;
      if (!forced && radius < this.threshold()) return;
      const p = sigma.graphToViewport({ x: attrs.x, y: attrs.y });
      if (p.x < -200 || p.y < -20 || p.x > width + 20 || p.y > height + 20) return;
      const w = this.widthOf(view.label);
      const box = { x0: p.x + radius + 1, y0: p.y - 9, x1: p.x + radius + 4 + w, y1: p.y + 7 };
      const rank =
        (view.highlighted ? 1000 : 0) +
        (forced ? 500 : 0) +
        (KIND_RANK[attrs.kind] ?? 0) * 100 +
        Math.min(99, radius * 4) +
        (Number(attrs.conflicts ?? 0) > 0 ? 50 : 0);
      candidates.push({ key, rank, box });
    });
    candidates.sort((a, b) => b.rank - a.rank || (a.key < b.key ? -1 : 1));
    const grid = new Map<string, Box[]>();
    const allowed = new Set<string>();
    for (const c of candidates) {
      if (overlaps(grid, c.box)) continue;
      allowed.add(c.key);
      for (const cell of cellsOf(c.box)) {
        const list = grid.get(cell);
        if (list) list.push(c.box);
        else grid.set(cell, [c.box]);
      }
    }
    this.allowed = allowed;
  }

  private widthOf(label: string): number {
    let w = this.widths.get(label);
    if (w === undefined) {
      if (this.ctx) {
        this.ctx.font = this.font;
        w = this.ctx.measureText(label).width;
      } else w = label.length * 7;
      this.widths.set(label, w);
    }
    return w;
  }
}

function cellsOf(b: Box): string[] {
  const out: string[] = [];
  for (let x = Math.floor(b.x0 / CELL); x <= Math.floor(b.x1 / CELL); x++) {
    for (let y = Math.floor(b.y0 / CELL); y <= Math.floor(b.y1 / CELL); y++) out.push(`${x},${y}`);
  }
  return out;
}

function overlaps(grid: ReadonlyMap<string, Box[]>, b: Box): boolean {
  for (const cell of cellsOf(b)) {
    for (const o of grid.get(cell) ?? []) {
      if (b.x0 < o.x1 + PAD && o.x0 < b.x1 + PAD && b.y0 < o.y1 + PAD && o.y0 < b.y1 + PAD) return true;
    }
  }
  return false;
}
