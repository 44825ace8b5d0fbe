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
import { factsOf, type FactsSource, type ViewFacts } from './view-facts.js';

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

/**
 * A revision's positions: every entity and source placed when first asked (the overview needs
 * only these), each hub's claims and citations placed around it the first time one of them is.
 */
export class Positions {
  /** Claims and citations by the hub they are placed around, with the order they take on its rings (filled on first use). */
  private around: Map<string, { key: string; order: string }[]> | undefined;
  private petals = new Map<string, Point>();
  private ringed = new Set<string>();

  constructor(
    private readonly facts: ViewFacts,
    /** Entities and sources. */
    readonly hubs: Map<string, Point>,
    /** Positions made with the same key share the claims-by-hub lists (an analysis's comparisons: the same corpus). */
    private readonly shareKey?: object,
  ) {}

  private aroundHubs(): Map<string, { key: string; order: string }[]> {
    if (this.around) return this.around;
    let around = this.shareKey ? sharedAround.get(this.shareKey) : undefined;
    if (!around) {
      around = aroundHubs(this.facts, this.hubs);
      if (this.shareKey) sharedAround.set(this.shareKey, around);
    }
    return (this.around = around);
  }

  get(key: string): Point | undefined {
    const hub = this.hubs.get(key);
    if (hub) return hub;
    if (!key.startsWith('claim:') && !key.startsWith('citation:')) return undefined;
    let at = this.petals.get(key);
    if (!at) {
      this.aroundHubs();
      const hub = this.hubOf.get(key);
      if (hub !== undefined && !this.ringed.has(hub)) {
        this.ringed.add(hub);
        petals(this.hubs.get(hub), this.around!.get(hub) ?? [], this.petals);
        at = this.petals.get(key);
      }
      // Anything left (a claim whose entity and source are both missing): at its key's hash seed.
      at ??= seed(key, SPACING * 10);
    }
    return at;
  }

  /** Each claim's and citation's hub (kept with the lists it is read from). */
  private get hubOf(): Map<string, string> {
    const around = this.around!;
    let index = hubIndexes.get(around);
    if (!index) {
      index = new Map();
      for (const [hub, list] of around) for (const { key } of list) index.set(key, hub);
      hubIndexes.set(around, index);
    }
    return index;
  }

  /** Every node's position (claims and citations too): what a test compares. */
  all(): Map<string, Point> {
    const out = new Map(this.hubs);
    this.aroundHubs();
    // (Keys first: placing a hub's petals sorts its list.)
    const keys = [...this.around!.values()].flatMap((list) => list.map((p) => p.key));
    for (const key of keys) out.set(key, this.get(key)!);
    return out;
  }
}

const cache = new WeakMap<FactsSource, Positions>();
const sharedAround = new WeakMap<object, Map<string, { key: string; order: string }[]>>();
const hubIndexes = new WeakMap<object, Map<string, string>>();
/** The positions computed last in this process: a write's new revision keeps them (see below). */
let previous: Positions | null = null;
/** Share of a revision's entities and sources that must have been placed before to keep their places. */
const KEEP_OVERLAP = 0.9;

/** The positions of a revision, given as its analysis (the graph left unbuilt) or its graph. */
export function positionsOf(from: FactsSource): Positions {
  let positions = cache.get(from);
  if (!positions) {
    positions = new Positions(factsOf(from), computeHubs(from, previous?.hubs ?? null), 'corpus' in from ? from.comparisons : undefined);
    cache.set(from, positions);
    previous = positions;
  }
  return positions;
}

/** The layout of a fresh start (no earlier revision to keep places from): what a new process computes. */
export function layoutAfresh(from: FactsSource): Map<string, Point> {
  return new Positions(factsOf(from), computeHubs(from, null)).all();
}

/**
 * The view with every node at its position, and sources under their readable names (fresh attribute
 * objects: the view shares the revision's own). `whole` is the revision the view is of.
 */
export function placed(view: ConcordanceGraph, whole: FactsSource): ConcordanceGraph {
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
function computeHubs(from: FactsSource, before: Map<string, Point> | null): Map<string, Point> {
  const facts = factsOf(from);
  const out = new Map<string, Point>();
  const hubs = [...facts.sources(), ...facts.entities()];
  // (The claims and citations are placed afresh from their hubs either way: Positions.get.)
  const kept = before ? hubs.filter((k) => before.has(k)).length : 0;
  if (before && hubs.length > 0 && kept >= KEEP_OVERLAP * hubs.length) {
    for (const k of hubs) if (before.has(k)) out.set(k, before.get(k)!);
    placeNewHubs(
      facts,
      out,
      hubs.filter((k) => !before.has(k)),
    );
  } else {
    const radius = layoutHubs(from, out);
    spiralTheRest(from, out, radius);
  }
  return out;
}

function seed(key: string, radius: number): Point {
  const h = fnv1a(key);
  const angle = ((h % 3600) / 3600) * 2 * Math.PI;
  const r = radius * Math.sqrt(((h >>> 12) % 1000) / 1000);
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}

/** ForceAtlas2 over the top of the overview (entities and sources linked by what they say). Returns its radius. */
function layoutHubs(from: FactsSource, out: Map<string, Point>): number {
  const nodes = overviewNodes(from, FORCE_NODES);
  if (nodes.length === 0) return 0;
  const { sourcesOf } = rankingOf(from);
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
function spiralTheRest(from: FactsSource, out: Map<string, Point>, inner: number): void {
  const { entities } = rankingOf(from);
  const rest = [...entities, ...factsOf(from).sources().sort()].filter((k) => !out.has(k));
  const start = inner + SPACING;
  rest.forEach((key, i) => {
    // Area grows with i: SPACING² per node, in an annulus starting at `start`.
    const r = Math.sqrt(start * start + (SPACING * SPACING * i) / Math.PI);
    out.set(key, { x: round(r * Math.cos(i * GOLDEN)), y: round(r * Math.sin(i * GOLDEN)) });
  });
}

/** Entities and sources new since the last revision: beside the hubs their claims link them to, or outside. */
function placeNewHubs(facts: ViewFacts, out: Map<string, Point>, added: readonly string[]): void {
  let radius = 0;
  for (const p of out.values()) radius = Math.max(radius, Math.hypot(p.x, p.y));
  added.forEach((key, i) => {
    const linked = new Set<string>();
    facts.forEachLinked(key, (other) => {
      if (other !== key && out.has(other)) linked.add(other);
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

/** Claims around their subject (or, when it is not in the graph, their source); citations around their source; each with its order on the rings. */
function aroundHubs(facts: ViewFacts, hubs: ReadonlyMap<string, Point>): Map<string, { key: string; order: string }[]> {
  const around = new Map<string, { key: string; order: string }[]>();
  const put = (hub: string, key: string, order: string) => {
    let list = around.get(hub);
    if (!list) around.set(hub, (list = []));
    list.push({ key, order });
  };
  facts.forEachClaim((key, a) => {
    let hub = `entity:${a.subject}`;
    if (!hubs.has(hub)) hub = `source:${a.source}`;
    put(hub, key, `${a.property}\u0001${a.source}\u0001${key}`);
  });
  facts.forEachCitation((key, source, number) => put(`source:${source}`, key, String(number).padStart(6, '0')));
  return around;
}

/** One hub's claims and citations in rings around it (by property, then source; citations by number). */
function petals(centre: Point | undefined, list: { key: string; order: string }[], out: Map<string, Point>): void {
  if (!centre) return;
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

/** Hundredths of a unit: below a pixel, and short in the export. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
