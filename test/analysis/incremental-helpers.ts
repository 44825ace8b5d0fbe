// Writes applied to a corpus as the store applies them (a changed claim replaced in place, new
// claims appended, a deleted source's claims and judgements gone), each followed by reanalyse(); and
// the comparison of an incremental analysis with a full one.
import { expect } from 'vitest';
import type { Analysis } from '../../server/analysis/analyse.js';
import { reanalyse } from '../../server/analysis/analyse.js';
import { indexCorpus, type Corpus } from '../../server/core/model.js';
import { reconcile } from '../../server/core/reconcile.js';
import type { Claim, Source } from '../../server/core/schema-types.js';

export type Write =
  | { kind: 'ingest'; copies: number[]; shift: number }
  | { kind: 'accept' | 'reject' | 'restore'; claim: number }
  | { kind: 'edit'; claim: number; shift: number; moveTo?: number }
  | { kind: 'delete-source'; source: number };

let sourceCounter = 0;

/** Applies one write to `analysis` incrementally; indices wrap round the claims (or sources) there are. */
export function applyWrite(analysis: Analysis, write: Write): Analysis {
  const corpus = analysis.corpus;
  const at = (list: readonly Claim[], i: number) => list[((i % list.length) + list.length) % list.length]!;
  if (write.kind === 'ingest') {
    const id = `ingested-${++sourceCounter}`;
    const template = corpus.sources[0]!;
    const source: Source = { ...template, id, title: `Ingested ${sourceCounter}`, references: [] };
    const claims = write.copies.map((i, n): Claim => {
      const from = at(corpus.claims, i);
      return { ...shifted(from, write.shift * (n + 1)), id: `${id}-c${n + 1}`, source: id, status: 'extracted', citations: [] };
    });
    const next: Corpus = {
      ...corpus,
      sources: [...corpus.sources, source],
      texts: new Map(corpus.texts).set(id, corpus.texts.get(template.id) ?? ''),
      claims: [...corpus.claims, ...claims],
    };
    return reanalyse(
      analysis,
      next,
      claims.map((after) => ({ after })),
    );
  }
  if (write.kind === 'delete-source') {
    if (corpus.sources.length <= 2) return analysis;
    const source = corpus.sources[write.source % corpus.sources.length]!;
    const gone = corpus.claims.filter((c) => c.source === source.id);
    const ids = new Set(gone.map((c) => c.id));
    const texts = new Map(corpus.texts);
    texts.delete(source.id);
    const next: Corpus = {
      ...corpus,
      texts,
      sources: corpus.sources.filter((s) => s.id !== source.id),
      claims: corpus.claims.filter((c) => !ids.has(c.id)),
      judgements: corpus.judgements.filter((j) => !ids.has(j.a) && !ids.has(j.b)),
    };
    return reanalyse(
      analysis,
      next,
      gone.map((before) => ({ before })),
    );
  }
  const before = at(corpus.claims, write.claim);
  let after: Claim;
  if (write.kind === 'accept') after = { ...before, status: 'reviewed' };
  else if (write.kind === 'reject') after = { ...before, status: 'rejected' };
  else if (write.kind === 'restore') after = { ...before, status: 'extracted' };
  else if (write.kind === 'edit') {
    after = shifted(before, write.shift);
    if (write.moveTo !== undefined) {
      // Moved to another claim's subject (same property kept valid only if that claim shares the value type).
      const other = at(corpus.claims, write.moveTo);
      if (other.value.type === before.value.type) after = { ...after, subject: other.subject, property: other.property };
    }
  } else throw new Error('unknown write');
  after = { ...after, version: (before.version ?? 1) + 1 };
  const claims = corpus.claims.map((c) => (c.id === before.id ? after : c));
  return reanalyse(analysis, { ...corpus, claims }, [{ before, after }]);
}

/** The claim with its figure moved by `shift` percent (other values keep their value, wording marked). */
function shifted(claim: Claim, shift: number): Claim {
  const v = claim.value;
  if (v.type === 'quantity' && v.comparator !== 'range' && !v.parts && shift !== 0) {
    const amount = Math.round(v.amount * (1 + shift / 100));
    return { ...claim, value: { ...v, amount }, wording: `${amount.toLocaleString('en')}` };
  }
  return claim;
}

type Exported = ReturnType<Analysis['graph']['export']>;

/** Nodes and edges by key; node starting positions left out (a patch keeps a node where it was first placed). */
export function graphContent(graph: Analysis['graph']) {
  const data: Exported = graph.export();
  const nodes = Object.fromEntries(
    data.nodes.map((n) => {
      const { x: _x, y: _y, ...rest } = n.attributes ?? {};
      return [n.key, rest];
    }),
  );
  const edges = Object.fromEntries(data.edges.map((e) => [e.key, { source: e.source, target: e.target, attributes: e.attributes }]));
  return { attributes: data.attributes, nodes, edges };
}

const byKey = (groups: ReadonlyMap<string, readonly string[]>) => [...groups].sort(([x], [y]) => (x < y ? -1 : 1));
const sortedById = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Everything analyse() derives, incremental against full. */
export function expectSameAnalysis(incremental: Analysis, full: Analysis): void {
  expect(incremental.trust).toBe('settled');
  expect(sortedById(incremental.comparisons)).toEqual(sortedById(full.comparisons));
  // Each group's claims in corpus order; the groups' own order is not kept by writes (the store's trust worker keeps it as writes left it).
  expect(byKey(incremental.groups)).toEqual(byKey(full.groups));
  const likely = (a: Analysis) => ({
    byGroup: [...a.likely.byGroup].sort(([x], [y]) => (x < y ? -1 : 1)),
    setOf: [...a.likely.setOf].sort(([x], [y]) => (x < y ? -1 : 1)),
    trust: [...a.likely.trust].sort(([x], [y]) => (x < y ? -1 : 1)),
    likelyClaims: [...a.likely.likelyClaims].sort(),
    method: a.likely.method,
  });
  expect(likely(incremental)).toEqual(likely(full));
  expect(graphContent(incremental.graph)).toEqual(graphContent(full.graph));
}

/** The comparisons and groups of an analysis kept write by write, against a reconciliation of its whole corpus. */
export function expectSameReconciliation(analysis: Analysis): void {
  const index = indexCorpus(analysis.corpus);
  const full = reconcile({ ...analysis.corpus, entityLabel: (id) => index.entity.get(id)?.label ?? id });
  expect(sortedById(analysis.comparisons)).toEqual(sortedById(full.comparisons));
  expect(byKey(analysis.groups)).toEqual(byKey(full.groups));
}
