// Where every node of a large graph is drawn, decided once per revision on the server, so that
// every view of it (the overview, an entity, a neighbourhood) places a node at the same spot, a
// reload shows the same picture, and the browser never has to lay out tens of thousands of nodes.
// Deterministic: on a fresh start a function of the graph alone (ForceAtlas2 from seeds by rank
// and hash, a fixed number of iterations); after a write, every entity and source keeps its place.
// The most disputed entities and their sources are laid out by force; the rest wait on a spiral
// around them in rank order; each entity's claims sit in rings around it (grouped by property,
// then source), each source's citations around the source.
import { MultiGraph } from 'graphology';
import fa2Module from 'graphology-layout-forceatlas2';
import { fnv1a } from '../../common/hash.js';
import type { ConcordanceGraph } from '../../analysis/graph.js';
import { overviewNodes, rankingOf } from './ranking.js';
import { sourceNames } from './source-name.js';

type Interop<T> = T | { default: T };
const forceAtlas2 = ((m: Interop<typeof fa2Module.default>) => ('default' in m ? m.default : m))(
  fa2Module as unknown as Interop<typeof fa2Module.default>,
);

export interface Point {
  x: number;
  y: number;
}

/** Nodes laid out by force (the default overview and then some); the others go on the spiral. */
export const FORCE_NODES = 1500;
const ITERATIONS = 80;
/** Mean distance between neighbouring laid-out nodes, in graph units. */
const SPACING = 10;
/** Distance between rings of claims around their entity. */
const PETAL = 4;

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

const cache = new WeakMap<ConcordanceGraph, Map<string, Point>>();
/** The positions computed last in this process: a write's new revision keeps them (see below). */
let previous: Map<string, Point> | null = null;
/** Share of a revision's entities and sources that must have been placed before to keep their places. */
const KEEP_OVERLAP = 0.9;

export function positionsOf(graph: ConcordanceGraph): Map<string, Point> {
  let positions = cache.get(graph);
  if (!positions) {
    positions = computePositions(graph, previous);
    cache.set(graph, positions);
    previous = positions;
  }
  return positions;
}

/** The layout of a fresh start (no earlier revision to keep places from): what a new process computes. */
export function layoutAfresh(graph: ConcordanceGraph): Map<string, Point> {
  return computePositions(graph, null);
}

/**
 * The view with every node at its position, and sources under their readable names (fresh attribute
 * objects: the view shares the revision's own).
 */
export function placed(view: ConcordanceGraph, whole: ConcordanceGraph): ConcordanceGraph {
  const positions = positionsOf(whole);
  view.updateEachNodeAttributes((key, attrs) => {
    const at = positions.get(key) ?? { x: attrs.x, y: attrs.y };
    return { ...attrs, ...(attrs.kind === 'source' ? sourceNames(attrs.label) : {}), x: at.x, y: at.y };
  });
  return view;
}

/**
 * After a write (a new revision of the graph last placed: nearly all its entities and sources were
 * placed before), every entity and source keeps its place and only new ones are placed, beside
 * what they link to: the picture does not move on an edit. A fresh start lays everything out.
 */
function computePositions(graph: ConcordanceGraph, before: Map<string, Point> | null): Map<string, Point> {
  const out = new Map<string, Point>();
  const hubs = graph.filterNodes((_k, a) => a.kind === 'entity' || a.kind === 'source');
  // (The claims and citations are placed afresh from their hubs either way: petals() below.)
  const kept = before ? hubs.filter((k) => before.has(k)).length : 0;
  if (before && hubs.length > 0 && kept >= KEEP_OVERLAP * hubs.length) {
    for (const k of hubs) if (before.has(k)) out.set(k, before.get(k)!);
    placeNewHubs(
      graph,
      out,
      hubs.filter((k) => !before.has(k)),
    );
  } else {
    const radius = layoutHubs(graph, out);
    spiralTheRest(graph, out, radius);
  }
  petals(graph, out);
  return out;
}

function seed(key: string, radius: number): Point {
  const h = fnv1a(key);
  const angle = ((h % 3600) / 3600) * 2 * Math.PI;
  const r = radius * Math.sqrt(((h >>> 12) % 1000) / 1000);
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}

/** ForceAtlas2 over the top of the overview (entities and sources linked by what they say). Returns its radius. */
function layoutHubs(graph: ConcordanceGraph, out: Map<string, Point>): number {
  const nodes = overviewNodes(graph, FORCE_NODES);
  if (nodes.length === 0) return 0;
  const { sourcesOf } = rankingOf(graph);
  const g = new MultiGraph<{ x: number; y: number }, { weight: number }>();
  // Seeds: entities on a golden-angle spiral in rank order (the most disputed in the middle), each
  // source at the mean of the entities it speaks of, a little aside; ForceAtlas2 then refines.
  const chosen = new Set(nodes);
  const entities = nodes.filter((k) => k.startsWith('entity:'));
  entities.forEach((key, i) => {
    const r = SPACING * 1.6 * Math.sqrt(i + 0.5);
    g.addNode(key, { x: r * Math.cos(i * GOLDEN), y: r * Math.sin(i * GOLDEN) });
  });
  const linked = new Map<string, string[]>();
  for (const key of entities) {
    for (const [source, t] of sourcesOf.get(key) ?? []) {
      if (!chosen.has(source)) continue;
      if (!g.hasNode(source)) {
        const jitter = seed(source, SPACING * 0.8);
        const at = g.getNodeAttributes(key);
        g.addNode(source, { x: at.x + jitter.x, y: at.y + jitter.y });
      }
      g.addEdge(source, key, { weight: 1 + t.conflicts });
      const list = linked.get(source) ?? [];
      list.push(key);
      linked.set(source, list);
    }
  }
  for (const [source, list] of linked) {
    if (list.length < 2) continue;
    const jitter = seed(source, SPACING * 0.8);
    const mean = list.reduce(
      (m, k) => ({ x: m.x + g.getNodeAttribute(k, 'x') / list.length, y: m.y + g.getNodeAttribute(k, 'y') / list.length }),
      { x: 0, y: 0 },
    );
    g.mergeNodeAttributes(source, { x: mean.x + jitter.x, y: mean.y + jitter.y });
  }
  if (g.order > 1) {
    forceAtlas2.assign(g, {
      iterations: ITERATIONS,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500, edgeWeightInfluence: 0.5, slowDown: 2 },
    });
  }
  // Scaled so that the root-mean-square radius is SPACING·√n: about one SPACING between neighbours.
  let cx = 0,
    cy = 0;
  g.forEachNode((_k, a) => {
    cx += a.x;
    cy += a.y;
  });
  cx /= g.order;
  cy /= g.order;
  let sq = 0;
  g.forEachNode((_k, a) => {
    sq += (a.x - cx) ** 2 + (a.y - cy) ** 2;
  });
  const rms = Math.sqrt(sq / g.order) || 1;
  const scale = (SPACING * Math.sqrt(g.order) * 0.5) / rms;
  let radius = 0;
  g.forEachNode((key, a) => {
    const p = { x: round((a.x - cx) * scale), y: round((a.y - cy) * scale) };
    radius = Math.max(radius, Math.hypot(p.x, p.y));
    out.set(key, p);
  });
  return radius;
}

/** Entities and sources not laid out: on a golden-angle spiral outside the laid-out disc, most disputed nearest. */
function spiralTheRest(graph: ConcordanceGraph, out: Map<string, Point>, inner: number): void {
  const { entities } = rankingOf(graph);
  const rest = [...entities, ...graph.filterNodes((_k, a) => a.kind === 'source').sort()].filter((k) => !out.has(k));
  const start = inner + SPACING;
  rest.forEach((key, i) => {
    // Area grows with i: SPACING² per node, in an annulus starting at `start`.
    const r = Math.sqrt(start * start + (SPACING * SPACING * i) / Math.PI);
    out.set(key, { x: round(r * Math.cos(i * GOLDEN)), y: round(r * Math.sin(i * GOLDEN)) });
  });
}

/** Entities and sources new since the last revision: beside the hubs their claims link them to, or outside. */
function placeNewHubs(graph: ConcordanceGraph, out: Map<string, Point>, added: readonly string[]): void {
  let radius = 0;
  for (const p of out.values()) radius = Math.max(radius, Math.hypot(p.x, p.y));
  added.forEach((key, i) => {
    const linked = new Set<string>();
    graph.forEachInNeighbor(key, (claim, a) => {
      if (a.kind !== 'claim') return;
      graph.forEachOutNeighbor(claim, (other) => {
        if (other !== key && out.has(other)) linked.add(other);
      });
    });
    const jitter = seed(key, SPACING * 0.8);
    if (linked.size > 0) {
      let x = 0,
        y = 0;
      for (const k of linked) {
        x += out.get(k)!.x;
        y += out.get(k)!.y;
      }
      out.set(key, { x: round(x / linked.size + jitter.x), y: round(y / linked.size + jitter.y) });
    } else {
      const r = radius + SPACING * (1 + Math.sqrt(i + 1));
      out.set(key, { x: round(r * Math.cos(i * GOLDEN)), y: round(r * Math.sin(i * GOLDEN)) });
    }
  });
}

/** Claims in rings around their subject (by property, then source); citations around their source. */
function petals(graph: ConcordanceGraph, out: Map<string, Point>): void {
  const around = new Map<string, { key: string; order: string }[]>();
  graph.forEachNode((key, a) => {
    let hub: string;
    let order: string;
    if (a.kind === 'claim') {
      hub = `entity:${String(a.subject)}`;
      if (!out.has(hub)) hub = `source:${String(a.source)}`;
      order = `${String(a.property)}\u0001${String(a.source)}\u0001${key}`;
    } else if (a.kind === 'citation') {
      hub = `source:${String(a.source)}`;
      order = String(a.number).padStart(6, '0');
    } else return;
    let list = around.get(hub);
    if (!list) around.set(hub, (list = []));
    list.push({ key, order });
  });
  for (const [hub, list] of around) {
    const centre = out.get(hub);
    if (!centre) continue;
    list.sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : 0));
    // Ring k holds 6k items; items of one property stay together along the rings.
    let ring = 1;
    let slot = 0;
    for (const { key } of list) {
      const capacity = 6 * ring;
      const angle = (slot / capacity) * 2 * Math.PI + ring * 0.5;
      out.set(key, { x: round(centre.x + PETAL * ring * Math.cos(angle)), y: round(centre.y + PETAL * ring * Math.sin(angle)) });
      if (++slot >= capacity) {
        ring++;
        slot = 0;
      }
    }
  }
  // Anything left (a claim whose entity and source are both missing): at the centre's hash seed.
  graph.forEachNode((key) => {
    if (!out.has(key)) out.set(key, seed(key, SPACING * 10));
  });
}

/** Hundredths of a unit: below a pixel, and short in the export. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
