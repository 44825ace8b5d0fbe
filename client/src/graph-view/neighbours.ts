// Arrow-key walking: from the selected node, the visible neighbour lying most in the pressed
// direction on screen; ties and empty directions fall back to the next neighbour in turn.
import type Sigma from 'sigma';
import type { AppGraph, EdgeAttrs, NodeAttrs } from './load.js';

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function isArrow(key: string): boolean {
  return key in DIRECTIONS;
}

export function neighbourInDirection(
  graph: AppGraph,
  sigma: Sigma<NodeAttrs, EdgeAttrs>,
  from: string,
  arrow: string,
  isVisible: (node: string) => boolean,
  previous: string | null,
): string | undefined {
  const dir = DIRECTIONS[arrow];
  if (!dir) return undefined;
  const origin = sigma.getNodeDisplayData(from);
  const candidates = [...new Set(graph.neighbors(from))].filter(isVisible).sort();
  if (!origin || candidates.length === 0) return undefined;
  const o = sigma.framedGraphToViewport(origin);
  let best: { node: string; score: number } | undefined;
  for (const node of candidates) {
    const d = sigma.getNodeDisplayData(node);
    if (!d) continue;
    const p = sigma.framedGraphToViewport(d);
    const dx = p.x - o.x;
    const dy = p.y - o.y;
    const dist = Math.hypot(dx, dy) || 1;
    const cos = (dx * dir[0] + dy * dir[1]) / dist;
    if (cos < 0.35) continue;
    // Prefer the neighbour best aligned with the arrow, then the nearer one.
    const score = cos * 2 - dist / 2000;
    if (!best || score > best.score) best = { node, score };
  }
  if (best) return best.node;
  // Nothing that way: step through the neighbours in a stable order so every one stays reachable.
  const at = previous ? candidates.indexOf(previous) : -1;
  const step = arrow === 'ArrowLeft' || arrow === 'ArrowUp' ? -1 : 1;
  return candidates[(at + step + candidates.length) % candidates.length];
}
