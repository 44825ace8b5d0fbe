// Builds the graphology graph that is the product's wire format (its export() JSON).
// Node keys are stable ids prefixed by kind; edge keys derive from the records they stand for.
import { MultiDirectedGraph } from 'graphology';
import { useDictionaryAdjacency } from './adjacency.js';
import { indexCorpus, type Corpus } from './model.js';
import type { LikelySummary } from './likely.js';
import type { Comparison } from './reconcile.js';
import type { Claim } from './schema-types.js';

export type NodeKind = 'source' | 'entity' | 'claim' | 'citation';
export type EdgeKind = 'about' | 'object' | 'from' | 'cites' | 'agrees' | 'conflicts';

export interface NodeAttributes {
  kind: NodeKind;
  label: string;
  x: number;
  y: number;
  [extra: string]: unknown;
}

export interface EdgeAttributes {
  kind: EdgeKind;
  [extra: string]: unknown;
}

export type ConcordanceGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const nodeKey = {
  source: (id: string) => `source:${id}`,
  entity: (id: string) => `entity:${id}`,
  claim: (id: string) => `claim:${id}`,
  citation: (sourceId: string, ref: number) => `citation:${sourceId}:${ref}`,
};

export function buildGraph(corpus: Corpus, comparisons: readonly Comparison[], likely?: Pick<LikelySummary, 'trust' | 'likelyClaims'>): ConcordanceGraph {
  useDictionaryAdjacency();
  const graph: ConcordanceGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  const index = indexCorpus(corpus);
  const entityLabel = (id: string) => index.entity.get(id)?.label ?? id;
  const counts = verdictCounts(comparisons);
  const place = seededPlacement();

  for (const source of corpus.sources) {
    graph.addNode(nodeKey.source(source.id), {
      kind: 'source', label: source.title, ...place('source'),
      sourceId: source.id, publisher: source.publisher, sourceKind: source.kind, url: source.url,
      trust: likely?.trust.get(source.id)?.score ?? null, trustLowEvidence: likely?.trust.get(source.id)?.lowEvidence ?? true,
    });
    for (const ref of source.references) {
      graph.addNode(nodeKey.citation(source.id, ref.number), {
        kind: 'citation', label: `[${ref.number}] ${ref.text}`, ...place('citation'),
        source: source.id, number: ref.number, text: ref.text, work: ref.work, pages: ref.pages, ...(ref.record ? { record: ref.record } : {}),
      });
    }
  }
  for (const entity of corpus.entities) {
    if (entity.status === 'rejected') continue;
    graph.addNode(nodeKey.entity(entity.id), {
      kind: 'entity', label: entity.label, ...place('entity'),
      entityId: entity.id, entityType: entity.type, aliases: entity.aliases.map((a) => a.name), status: entity.status ?? 'reviewed',
    });
  }
  for (const claim of corpus.claims) {
    if (claim.status === 'rejected') continue;
    const property = index.property.get(claim.property);
    const c = counts.get(claim.id);
    const key = nodeKey.claim(claim.id);
    // Claims are nearly all of a large graph's nodes and of its export: they carry what the explorer
    // draws and filters on, not what the claim's own views give (its id is in its key; its
    // mention, citations and agreement count come with /api/claims/:id/trace).
    graph.addNode(key, {
      kind: 'claim', label: `${entityLabel(claim.subject)} · ${property?.label ?? claim.property}: ${claim.wording}`, ...place('claim'),
      source: claim.source, subject: claim.subject, property: claim.property,
      propertyLabel: property?.label ?? claim.property, valueText: claim.wording,
      status: claim.status, conflicts: c?.conflicts ?? 0,
      orphaned: corpus.orphaned?.has(claim.id) ?? false, likely: likely?.likelyClaims.has(claim.id) ?? false,
    });
    addStructuralEdges(graph, claim);
  }
  for (const cmp of comparisons) {
    const [a, b] = [nodeKey.claim(cmp.a), nodeKey.claim(cmp.b)];
    if (!graph.hasNode(a)) continue;
    // A value class is drawn as one bundle: its first member linked to each of the others.
    const others = cmp.parts ?? (cmp.members ? cmp.members.slice(1) : [cmp.b]);
    const many = cmp.parts !== undefined || cmp.members !== undefined;
    for (const other of others) {
      const target = nodeKey.claim(other);
      if (!graph.hasNode(target) || target === a || !graph.hasNode(b)) continue;
      const attributes: EdgeAttributes = { kind: cmp.verdict, comparison: cmp.id, basis: cmp.basis, reason: cmp.reason, scope: cmp.scope };
      if (cmp.members) attributes.members = cmp.members.length;
      if (cmp.counts) attributes.counts = cmp.counts;
      if (cmp.pending) attributes.pending = true;
      graph.addDirectedEdgeWithKey(`${cmp.verdict}:${cmp.id}${many ? `:${other}` : ''}`, a, target, attributes);
    }
  }
  graph.setAttribute('counts', comparisonCounts(comparisons));
  return graph;
}

function addStructuralEdges(graph: ConcordanceGraph, claim: Claim): void {
  const key = nodeKey.claim(claim.id);
  const link = (edgeKey: string, target: string, kind: EdgeKind) => {
    if (graph.hasNode(target)) graph.addDirectedEdgeWithKey(edgeKey, key, target, { kind });
  };
  link(`about:${claim.id}`, nodeKey.entity(claim.subject), 'about');
  if (claim.value.type === 'entity') link(`object:${claim.id}`, nodeKey.entity(claim.value.entity), 'object');
  link(`from:${claim.id}`, nodeKey.source(claim.source), 'from');
  for (const c of claim.citations) {
    if (c.kind === 'reference') link(`cites:${claim.id}:${c.ref}`, nodeKey.citation(claim.source, c.ref), 'cites');
  }
}

/** Headline figures of the graph (its `counts` attribute): comparisons by verdict, those resting on unreviewed claims apart. */
export interface ComparisonCounts {
  conflicts: number;
  agreements: number;
  /** Conflicts and agreements that rest on a claim nobody has reviewed: not in the figures above. */
  pending: { conflicts: number; agreements: number };
}

export function comparisonCounts(comparisons: readonly Comparison[]): ComparisonCounts {
  const counts: ComparisonCounts = { conflicts: 0, agreements: 0, pending: { conflicts: 0, agreements: 0 } };
  for (const cmp of comparisons) {
    const into = cmp.pending ? counts.pending : counts;
    if (cmp.verdict === 'conflicts') into.conflicts++;
    else into.agreements++;
  }
  return counts;
}

/**
 * Per claim, how many claims it agrees and conflicts with. A value class counts every other member;
 * a comparison between classes counts, for each member of one side, every member of the other.
 */
function verdictCounts(comparisons: readonly Comparison[]): Map<string, { agrees: number; conflicts: number }> {
  const counts = new Map<string, { agrees: number; conflicts: number }>();
  const bump = (id: string, verdict: 'agrees' | 'conflicts', by: number) => {
    const c = counts.get(id) ?? { agrees: 0, conflicts: 0 };
    c[verdict] += by;
    counts.set(id, c);
  };
  const classes = new Map<string, readonly string[]>();
  for (const cmp of comparisons) if (cmp.members) classes.set(cmp.a, cmp.members);
  for (const cmp of comparisons) {
    if (cmp.members) for (const id of cmp.members) bump(id, cmp.verdict, cmp.members.length - 1);
    else if (cmp.counts) {
      for (const id of classes.get(cmp.a) ?? [cmp.a]) bump(id, cmp.verdict, cmp.counts.b);
      for (const id of classes.get(cmp.b) ?? [cmp.b]) bump(id, cmp.verdict, cmp.counts.a);
    } else for (const id of new Set([cmp.a, cmp.b, ...(cmp.parts ?? [])])) bump(id, cmp.verdict, 1);
  }
  return counts;
}

/**
 * Deterministic starting positions (a golden-angle spiral per kind, kinds on separate rings) so the
 * first frame can be drawn before any layout runs, and so the same data always starts the same way.
 */
function seededPlacement(): (kind: NodeKind) => { x: number; y: number } {
  const counters: Record<NodeKind, number> = { source: 0, entity: 0, claim: 0, citation: 0 };
  const ring: Record<NodeKind, number> = { source: 0, entity: 40, claim: 80, citation: 120 };
  const golden = Math.PI * (3 - Math.sqrt(5));
  return (kind) => {
    const i = counters[kind]++;
    const r = ring[kind] + 6 * Math.sqrt(i + 1);
    // Hundredths of a graph unit are far below a pixel: short numbers in the export, quick to parse.
    return { x: Math.round(100 * r * Math.cos(i * golden)) / 100, y: Math.round(100 * r * Math.sin(i * golden)) / 100 };
  };
}
