// What the overview and the server's layout (overview.ts, ranking.ts, positions.ts) read of a
// revision: its entities and sources, each live claim's subject, source and contradictions, the
// whole graph's size. Read either from the graphology graph, or straight from the analysis (its
// corpus, indexes and comparisons) without building the graph: at 100,000 claims building it
// costs tens of seconds, and a large graph's first view (the overview) needs none of it. Both
// readers give the same facts (test/api/overview-fast.test.ts), so the views have one implementation.
import type { Analysis } from '../../analysis/analyse.js';
import { claimsByHub, claimVerdicts } from '../../analysis/local-graph.js';
import {
  comparisonCounts,
  comparisonEdges,
  entityNodeAttributes,
  nodeKey,
  sourceNodeAttributes,
  structuralEdges,
  withPlace,
  type ComparisonCounts,
  type ConcordanceGraph,
  type NodeAttributes,
} from '../../analysis/graph.js';

/** A live claim as the views read it. */
export interface ClaimFacts {
  subject: string;
  source: string;
  property: string;
  /** The claims it conflicts with (graph.ts verdictCounts). */
  conflicts: number;
}

export interface ViewFacts {
  /** Entity and source node keys (the hubs), in the graph's order. */
  entities(): string[];
  sources(): string[];
  hasHub(key: string): boolean;
  /** A hub's node attributes as the graph holds them (its seeded position aside: every view places it). */
  hubAttributes(key: string): NodeAttributes;
  forEachClaim(callback: (key: string, claim: ClaimFacts) => void): void;
  forEachCitation(callback: (key: string, source: string, number: number) => void): void;
  /** The hubs a hub's claims link it to (its claims' subjects, objects and sources), itself included. */
  forEachLinked(hub: string, callback: (other: string) => void): void;
  /** The whole graph's size. */
  totals(): { nodes: number; edges: number };
  counts(): ComparisonCounts | undefined;
}

/** What the views are computed from: a revision's graph, or its analysis (the graph left unbuilt). */
export type FactsSource = ConcordanceGraph | Analysis;

const cache = new WeakMap<object, ViewFacts>();

export function factsOf(from: FactsSource): ViewFacts {
  let facts = cache.get(from);
  if (!facts) {
    // An Analysis has a corpus; reading `graph` off it would build the graph, which is the point not to.
    facts = 'corpus' in from ? analysisFacts(from) : graphFacts(from);
    cache.set(from, facts);
  }
  return facts;
}

function graphFacts(graph: ConcordanceGraph): ViewFacts {
  return {
    entities: () => graph.filterNodes((_k, a) => a.kind === 'entity'),
    sources: () => graph.filterNodes((_k, a) => a.kind === 'source'),
    hasHub: (key) => graph.hasNode(key),
    hubAttributes: (key) => graph.getNodeAttributes(key),
    forEachClaim: (callback) =>
      graph.forEachNode((key, a) => {
        if (a.kind !== 'claim') return;
        callback(key, {
          subject: String(a.subject),
          source: String(a.source),
          property: String(a.property),
          conflicts: Number(a.conflicts) || 0,
        });
      }),
    forEachCitation: (callback) =>
      graph.forEachNode((key, a) => {
        if (a.kind === 'citation') callback(key, String(a.source), Number(a.number));
      }),
    forEachLinked: (hub, callback) =>
      graph.forEachInNeighbor(hub, (claim, a) => {
        if (a.kind === 'claim') graph.forEachOutNeighbor(claim, callback);
      }),
    totals: () => ({ nodes: graph.order, edges: graph.size }),
    counts: () => (graph.hasAttribute('counts') ? (graph.getAttribute('counts') as ComparisonCounts) : undefined),
  };
}

function analysisFacts(analysis: Analysis): ViewFacts {
  const { corpus, index } = analysis;
  const live = <T extends { status?: string }>(r: T | undefined): r is T => r !== undefined && r.status !== 'rejected';
  const hasHub = (key: string) =>
    key.startsWith('entity:') ? live(index.entity.get(key.slice(7))) : key.startsWith('source:') && index.source.has(key.slice(7));
  let totals: { nodes: number; edges: number } | undefined;
  return {
    entities: () => corpus.entities.filter((e) => e.status !== 'rejected').map((e) => nodeKey.entity(e.id)),
    sources: () => corpus.sources.map((s) => nodeKey.source(s.id)),
    hasHub,
    hubAttributes: (key) =>
      withPlace(
        key.startsWith('entity:')
          ? entityNodeAttributes(index.entity.get(key.slice(7))!)
          : sourceNodeAttributes(index.source.get(key.slice(7))!, analysis.likely),
        { x: 0, y: 0 },
      ),
    forEachClaim: (callback) => {
      const conflicts = claimVerdicts(analysis);
      for (const c of corpus.claims) {
        if (c.status === 'rejected') continue;
        callback(nodeKey.claim(c.id), {
          subject: c.subject,
          source: c.source,
          property: c.property,
          conflicts: conflicts.get(c.id)?.conflicts ?? 0,
        });
      }
    },
    forEachCitation: (callback) => {
      for (const s of corpus.sources) for (const r of s.references) callback(nodeKey.citation(s.id, r.number), s.id, r.number);
    },
    forEachLinked: (hub, callback) => {
      for (const id of claimsByHub(analysis).get(hub) ?? []) {
        for (const { target } of structuralEdges(index.claim.get(id)!)) if (hasHub(target)) callback(target);
      }
    },
    totals: () => (totals ??= totalsOf(analysis, hasHub)),
    counts: () => comparisonCounts(analysis.comparisons),
  };
}

/** graph.order and graph.size of the graph buildGraph would make, counted without making it. */
function totalsOf(analysis: Analysis, hasHub: (key: string) => boolean): { nodes: number; edges: number } {
  // The same for every analysis sharing these comparisons (and so this corpus): trust learnt after a write changes neither.
  let totals = totalsByComparisons.get(analysis.comparisons);
  if (totals) return totals;
  const { corpus, index } = analysis;
  const citations = new Set<string>();
  for (const s of corpus.sources) for (const r of s.references) citations.add(nodeKey.citation(s.id, r.number));
  let claims = 0;
  for (const c of corpus.claims) if (c.status !== 'rejected') claims++;
  let entities = 0;
  for (const e of corpus.entities) if (e.status !== 'rejected') entities++;
  const has = (key: string) => {
    if (key.startsWith('claim:')) {
      const claim = index.claim.get(key.slice(6));
      return claim !== undefined && claim.status !== 'rejected';
    }
    return key.startsWith('citation:') ? citations.has(key) : hasHub(key);
  };
  let edges = 0;
  for (const c of corpus.claims) {
    if (c.status === 'rejected') continue;
    for (const { target } of structuralEdges(c)) if (has(target)) edges++;
  }
  for (const cmp of analysis.comparisons) edges += comparisonEdges(cmp, has).length;
  totals = { nodes: corpus.sources.length + citations.size + entities + claims, edges };
  totalsByComparisons.set(analysis.comparisons, totals);
  return totals;
}

const totalsByComparisons = new WeakMap<readonly unknown[], { nodes: number; edges: number }>();
