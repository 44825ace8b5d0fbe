// Builds the graphology graph that is the product's wire format (its export() JSON).
// Node keys are stable ids prefixed by kind; edge keys derive from the records they stand for.
import { MultiDirectedGraph } from 'graphology';
import { useDictionaryAdjacency } from '../common/graph-adjacency.js';
import { indexCorpus, type Corpus, type CorpusIndex } from '../core/model.js';
import type { LikelySummary } from './likely.js';
import type { Comparison } from '../core/types.js';
import type { Claim, Entity, Source } from '../core/schema-types.js';

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

export function buildGraph(
  corpus: Corpus,
  comparisons: readonly Comparison[],
  likely?: Pick<LikelySummary, 'trust' | 'likelyClaims'>,
  /** Per claim, its verdicts when `comparisons` are a part of the corpus's (local-graph.ts). */
  counts?: ReadonlyMap<string, { conflicts: number }>,
): ConcordanceGraph {
  const steps = graphBuilder(corpus, comparisons, likely, counts);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Records added between two pauses of graphBuilder. */
const SLICE = 500;

/**
 * buildGraph in slices: pauses (yields) every few hundred records, so that a caller can build a large
 * graph between other work (live-graph.ts builds it so after a large store's start) and finish it at once when needed.
 */
export function* graphBuilder(
  corpus: Corpus,
  comparisons: readonly Comparison[],
  likely?: Pick<LikelySummary, 'trust' | 'likelyClaims'>,
  counts: ReadonlyMap<string, { conflicts: number }> = verdictCounts(comparisons),
): Generator<void, ConcordanceGraph> {
  useDictionaryAdjacency();
  const graph: ConcordanceGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  const index = indexCorpus(corpus);
  const place = seededPlacement();
  let n = 0;

  for (const source of corpus.sources) {
    graph.addNode(nodeKey.source(source.id), withPlace(sourceNodeAttributes(source, likely), place('source')));
    addCitationNodes(graph, source, place);
    if (++n % SLICE === 0) yield;
  }
  for (const entity of corpus.entities) {
    if (entity.status === 'rejected') continue;
    graph.addNode(nodeKey.entity(entity.id), withPlace(entityNodeAttributes(entity), place('entity')));
    if (++n % SLICE === 0) yield;
  }
  for (const claim of corpus.claims) {
    if (claim.status === 'rejected') continue;
    graph.addNode(
      nodeKey.claim(claim.id),
      withPlace(claimNodeAttributes(claim, corpus, index, counts.get(claim.id)?.conflicts ?? 0, likely), place('claim')),
    );
    addStructuralEdges(graph, claim);
    if (++n % SLICE === 0) yield;
  }
  for (const cmp of comparisons) {
    addComparisonEdges(graph, cmp);
    if (++n % SLICE === 0) yield;
  }
  graph.setAttribute('counts', comparisonCounts(comparisons));
  return graph;
}

// What each node carries, without its position: shared by the full build and the patch (graph-patch.ts).
// Attribute order matters to the export's bytes, so x and y stay right after the label.
export interface Unplaced {
  kind: NodeKind;
  label: string;
  [extra: string]: unknown;
}

export function sourceNodeAttributes(source: Source, likely?: Pick<LikelySummary, 'trust'>): Unplaced {
  return {
    kind: 'source',
    label: source.title,
    sourceId: source.id,
    publisher: source.publisher,
    sourceKind: source.kind,
    url: source.url,
    trust: likely?.trust.get(source.id)?.score ?? null,
    trustLowEvidence: likely?.trust.get(source.id)?.lowEvidence ?? true,
  };
}

export function addCitationNodes(graph: ConcordanceGraph, source: Source, place: (kind: NodeKind) => { x: number; y: number }): void {
  for (const ref of source.references) {
    graph.addNode(
      nodeKey.citation(source.id, ref.number),
      withPlace(
        {
          kind: 'citation',
          label: `[${ref.number}] ${ref.text}`,
          source: source.id,
          number: ref.number,
          text: ref.text,
          work: ref.work,
          pages: ref.pages,
          ...(ref.record ? { record: ref.record } : {}),
        },
        place('citation'),
      ),
    );
  }
}

export function entityNodeAttributes(entity: Entity): Unplaced {
  return {
    kind: 'entity',
    label: entity.label,
    entityId: entity.id,
    entityType: entity.type,
    aliases: entity.aliases.map((a) => a.name),
    status: entity.status ?? 'reviewed',
  };
}

export function claimNodeAttributes(
  claim: Claim,
  corpus: Pick<Corpus, 'orphaned'>,
  index: Pick<CorpusIndex, 'entity' | 'property'>,
  conflicts: number,
  likely?: Pick<LikelySummary, 'likelyClaims'>,
): Unplaced {
  const property = index.property.get(claim.property);
  // Claims are nearly all of a large graph's nodes and of its export: they carry what the explorer
  // draws and filters on, not what the claim's own views give (its id is in its key; its
  // mention, citations and agreement count come with /api/claims/:id/trace).
  return {
    kind: 'claim',
    label: `${index.entity.get(claim.subject)?.label ?? claim.subject} · ${property?.label ?? claim.property}: ${claim.wording}`,
    source: claim.source,
    subject: claim.subject,
    property: claim.property,
    propertyLabel: property?.label ?? claim.property,
    valueText: claim.wording,
    status: claim.status,
    conflicts,
    orphaned: corpus.orphaned?.has(claim.id) ?? false,
    likely: likely?.likelyClaims.has(claim.id) ?? false,
  };
}

/** Attributes with the position inserted after the label, where the export has always had it. */
export function withPlace(attributes: Unplaced, at: { x: number; y: number }): NodeAttributes {
  const { kind, label, ...rest } = attributes;
  return { kind, label, ...at, ...rest };
}

/** The keys of the edges that draw one comparison (a value class: its first member linked to each other). */
export function comparisonEdgeKeys(cmp: Comparison): { key: string; other: string }[] {
  const others = cmp.parts ?? (cmp.members ? cmp.members.slice(1) : [cmp.b]);
  const many = cmp.parts !== undefined || cmp.members !== undefined;
  return others.map((other) => ({ key: `${cmp.verdict}:${cmp.id}${many ? `:${other}` : ''}`, other }));
}

/** The edges a comparison draws in a graph holding the nodes `has` says it holds: key and target (its source is the claim `a`). */
export function comparisonEdges(cmp: Comparison, has: (node: string) => boolean): { key: string; target: string }[] {
  const [a, b] = [nodeKey.claim(cmp.a), nodeKey.claim(cmp.b)];
  if (!has(a) || !has(b)) return [];
  const out: { key: string; target: string }[] = [];
  for (const { key, other } of comparisonEdgeKeys(cmp)) {
    const target = nodeKey.claim(other);
    if (has(target) && target !== a) out.push({ key, target });
  }
  return out;
}

export function addComparisonEdges(graph: ConcordanceGraph, cmp: Comparison): void {
  const a = nodeKey.claim(cmp.a);
  for (const { key, target } of comparisonEdges(cmp, (node) => graph.hasNode(node))) {
    const attributes: EdgeAttributes = { kind: cmp.verdict, comparison: cmp.id, basis: cmp.basis, reason: cmp.reason, scope: cmp.scope };
    if (cmp.members) attributes.members = cmp.members.length;
    if (cmp.counts) attributes.counts = cmp.counts;
    if (cmp.pending) attributes.pending = true;
    graph.addDirectedEdgeWithKey(key, a, target, attributes);
  }
}

/** The edges that make a claim readable (about, object, from, cites), each drawn when its target is in the graph. */
export function structuralEdges(claim: Claim): { key: string; target: string; kind: EdgeKind }[] {
  const out = [{ key: `about:${claim.id}`, target: nodeKey.entity(claim.subject), kind: 'about' as EdgeKind }];
  if (claim.value.type === 'entity') out.push({ key: `object:${claim.id}`, target: nodeKey.entity(claim.value.entity), kind: 'object' });
  out.push({ key: `from:${claim.id}`, target: nodeKey.source(claim.source), kind: 'from' });
  for (const c of claim.citations) {
    if (c.kind === 'reference')
      out.push({ key: `cites:${claim.id}:${c.ref}`, target: nodeKey.citation(claim.source, c.ref), kind: 'cites' });
  }
  return out;
}

export function addStructuralEdges(graph: ConcordanceGraph, claim: Claim): void {
  const key = nodeKey.claim(claim.id);
  for (const { key: edgeKey, target, kind } of structuralEdges(claim)) {
    if (graph.hasNode(target)) graph.addDirectedEdgeWithKey(edgeKey, key, target, { kind });
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
export function verdictCounts(
  comparisons: readonly Comparison[],
  classesOf?: ReadonlyMap<string, readonly string[]>,
): Map<string, { agrees: number; conflicts: number }> {
  const counts = new Map<string, { agrees: number; conflicts: number }>();
  const bump = (id: string, verdict: 'agrees' | 'conflicts', by: number) => {
    const c = counts.get(id) ?? { agrees: 0, conflicts: 0 };
    c[verdict] += by;
    counts.set(id, c);
  };
  // A part of the comparisons (a patch's) names classes whose records may lie outside it: `classesOf` gives them.
  const classes = classesOf ?? new Map<string, readonly string[]>();
  if (!classesOf) for (const cmp of comparisons) if (cmp.members) (classes as Map<string, readonly string[]>).set(cmp.a, cmp.members);
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
export function seededPlacement(start: Partial<Record<NodeKind, number>> = {}): (kind: NodeKind) => { x: number; y: number } {
  const counters: Record<NodeKind, number> = { source: 0, entity: 0, claim: 0, citation: 0, ...start };
  return (kind) => placementAt(kind, counters[kind]++);
}

const RING: Record<NodeKind, number> = { source: 0, entity: 40, claim: 80, citation: 120 };
const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/** The starting position of the i-th node of a kind. */
export function placementAt(kind: NodeKind, i: number): { x: number; y: number } {
  const r = RING[kind] + 6 * Math.sqrt(i + 1);
  // Hundredths of a graph unit are far below a pixel: short numbers in the export, quick to parse.
  return { x: Math.round(100 * r * Math.cos(i * GOLDEN)) / 100, y: Math.round(100 * r * Math.sin(i * GOLDEN)) / 100 };
}
