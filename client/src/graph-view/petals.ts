// The who-says-what arrangement, applied after the deterministic ForceAtlas2 pass of a small graph:
// each entity's claims sit on a ring around it, grouped by property and, within one property, by
// source, so the claims stating one figure are side by side; entities are spread until their rings
// do not overlap; footnotes sit beside the claims citing them; sources stand apart on an outer ring
// (at the centre they overlapped, pulled by every claim). Pure arithmetic on the positions: the same
// graph always gets the same picture.
import type { AppGraph } from './load.js';

/** Distance between neighbouring claims on a ring, and the smallest ring, in units of the entities' spacing. */
const CLAIM_GAP = 0.3;
const MIN_RING = 0.6;

interface Point {
  x: number;
  y: number;
}

export function whoSaysWhatLayout(graph: AppGraph): void {
  const claimsOf = new Map<string, string[]>();
  graph.forEachEdge((_e, attrs, source, target) => {
    if (attrs.kind !== 'about' || graph.getNodeAttribute(source, 'kind') !== 'claim') return;
    const list = claimsOf.get(target);
    if (list) list.push(source);
    else claimsOf.set(target, [source]);
  });
  const entities = graph.filterNodes((_k, a) => a.kind === 'entity');
  if (entities.length === 0) return;
  // The unit: how far apart entities typically are after ForceAtlas2 (median nearest neighbour).
  const unit = medianNearest(graph, entities);
  const ring = new Map(entities.map((e) => [e, unit * ringRadius(claimsOf.get(e)?.length ?? 0)]));
  spreadEntities(graph, entities, ring, unit);
  for (const [entity, claims] of claimsOf) placeRing(graph, entity, claims, ring.get(entity)!);
  placeCitations(graph, unit);
  placeSources(graph, unit);
}

function ringRadius(claims: number): number {
  return claims === 0 ? 0.2 : Math.max(MIN_RING, ((claims * CLAIM_GAP) / (2 * Math.PI)) * 1.15);
}

function medianNearest(graph: AppGraph, nodes: readonly string[]): number {
  if (nodes.length < 2) return 1;
  const pts = nodes.map((n) => graph.getNodeAttributes(n));
  const nearest = pts.map((p, i) =>
    pts.reduce((best, q, j) => (i === j ? best : Math.min(best, Math.hypot(p.x - q.x, p.y - q.y))), Infinity),
  );
  nearest.sort((a, b) => a - b);
  return nearest[Math.floor(nearest.length / 2)] || 1;
}

/**
 * Scales the entities' positions about their centre until most rings clear their nearest
 * neighbour, then pushes apart the pairs that still overlap (a fixed number of passes).
 */
function spreadEntities(graph: AppGraph, entities: readonly string[], ring: ReadonlyMap<string, number>, unit: number): void {
  const at = new Map<string, Point>(entities.map((e) => [e, { x: graph.getNodeAttribute(e, 'x'), y: graph.getNodeAttribute(e, 'y') }]));
  const centre = mean([...at.values()]);
  const needs: number[] = [];
  for (const a of entities) {
    let best = Infinity;
    for (const b of entities) {
      if (a === b) continue;
      const d = Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y) || 1e-6;
      best = Math.min(best, d / (ring.get(a)! + ring.get(b)! + 0.4 * unit));
    }
    if (Number.isFinite(best)) needs.push(1 / best);
  }
  needs.sort((x, y) => x - y);
  // The 90th percentile: a few entities stacked on one spot must not blow the whole map up.
  const scale = Math.max(1, needs[Math.floor(needs.length * 0.9)] ?? 1);
  graph.updateEachNodeAttributes(
    (_k, a) => {
      a.x = centre.x + (a.x - centre.x) * scale;
      a.y = centre.y + (a.y - centre.y) * scale;
      return a;
    },
    { attributes: ['x', 'y'] },
  );
  const points = entities.map((e) => ({
    key: e,
    r: ring.get(e)!,
    p: { x: graph.getNodeAttribute(e, 'x'), y: graph.getNodeAttribute(e, 'y') },
  }));
  if (points.length > 1500) return;
  for (let pass = 0; pass < 40; pass++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i]!;
        const b = points[j]!;
        const want = a.r + b.r + 0.4 * unit;
        let dx = b.p.x - a.p.x;
        let dy = b.p.y - a.p.y;
        let d = Math.hypot(dx, dy);
        if (d >= want) continue;
        if (d < 1e-9) [dx, dy, d] = [Math.cos(i + j), Math.sin(i + j), 1];
        const push = (want - d) / 2;
        a.p.x -= (dx / d) * push;
        a.p.y -= (dy / d) * push;
        b.p.x += (dx / d) * push;
        b.p.y += (dy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (const { key, p } of points) graph.mergeNodeAttributes(key, { x: p.x, y: p.y });
}

/** Claims on a ring around their subject: by property, then by source, so one figure's claims are neighbours. */
function placeRing(graph: AppGraph, entity: string, claims: string[], radius: number): void {
  const { x, y } = graph.getNodeAttributes(entity);
  const key = (c: string) => {
    const a = graph.getNodeAttributes(c);
    return `${String(a.propertyLabel ?? a.property ?? '')}\u0001${String(a.source ?? '')}\u0001${c}`;
  };
  const ordered = [...claims].sort((p, q) => key(p).localeCompare(key(q)));
  const step = (2 * Math.PI) / ordered.length;
  // Start at the top, going clockwise as a reader would.
  ordered.forEach((claim, i) => {
    const angle = -Math.PI / 2 + i * step;
    graph.mergeNodeAttributes(claim, { x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
  });
}

/** A footnote beside the claims citing it, a little further out than they are. */
function placeCitations(graph: AppGraph, unit: number): void {
  const centre = mean(graph.filterNodes((_k, a) => a.kind === 'entity').map((k) => graph.getNodeAttributes(k)));
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'citation') return;
    const citing = graph
      .inNeighbors(key)
      .filter((n) => graph.getNodeAttribute(n, 'kind') === 'claim')
      .map((n) => graph.getNodeAttributes(n));
    if (citing.length === 0) return;
    const m = mean(citing);
    const dx = m.x - centre.x;
    const dy = m.y - centre.y;
    const d = Math.hypot(dx, dy) || 1;
    graph.mergeNodeAttributes(key, { x: m.x + (dx / d) * 0.3 * unit, y: m.y + (dy / d) * 0.3 * unit });
  });
}

/** Sources evenly on a ring outside everything else, in id order from the top. */
function placeSources(graph: AppGraph, unit: number): void {
  const sources = graph.filterNodes((_k, a) => a.kind === 'source').sort();
  if (sources.length === 0) return;
  const others = graph.filterNodes((_k, a) => a.kind !== 'source').map((k) => graph.getNodeAttributes(k));
  const centre = mean(others);
  const reach = others.reduce((r, p) => Math.max(r, Math.hypot(p.x - centre.x, p.y - centre.y)), 0);
  const radius = reach + 1.5 * unit;
  const offset = sources.length === 2 ? 0 : -Math.PI / 2;
  sources.forEach((s, i) => {
    const angle = offset + (i * 2 * Math.PI) / sources.length;
    graph.mergeNodeAttributes(s, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });
}

function mean(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}
