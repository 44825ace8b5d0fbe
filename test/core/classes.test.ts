// Large groups by value class: output linear in the group's size, one bundle per value drawn in the
// graph, classes' sizes carried between them, judgements and pending review kept.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/analysis/analyse.js';
import { buildReport, formatReport } from '../../server/analysis/report.js';
import { reconcile } from '../../server/core/reconcile.js';
import type { Corpus } from '../../server/core/model.js';
import type { Claim, Value } from '../../server/core/schema-types.js';
import { claim, properties, qty } from './fixtures.js';

const copies = (n: number, value: Value, prefix: string, extra: Partial<Claim> = {}): Claim[] =>
  Array.from({ length: n }, (_, i) =>
    claim(value, { id: `${prefix}-${String(i).padStart(5, '0')}`, source: `s${i % 3}`, wording: 'x', ...extra }),
  );

function corpusOf(claims: Claim[]): Corpus {
  const sources = [...new Set(claims.map((c) => c.source))].map((id) => ({
    id,
    title: id,
    publisher: id,
    kind: 'web' as const,
    text: { file: `${id}.txt`, sha256: '0'.repeat(64) },
    references: [],
  }));
  return { sources, texts: new Map(), entities: [], properties, claims, judgements: [] } as unknown as Corpus;
}

const drawnComparisons = (corpus: Corpus) => {
  const { graph } = analyse(corpus);
  return graph.filterEdges((_, a) => a.kind === 'agrees' || a.kind === 'conflicts').map((e) => graph.getEdgeAttributes(e));
};

describe('a group of identical claims', () => {
  const claims = copies(10_000, qty('exact', 1_000_000), 'same');

  it('is one record listing its members, not 10,000 × 9,999 / 2', () => {
    const { comparisons } = reconcile({ claims, properties });
    expect(comparisons).toHaveLength(1);
    expect(comparisons[0]).toMatchObject({
      id: 'same-same-00000',
      a: 'same-00000',
      b: 'same-00001',
      verdict: 'agrees',
      basis: 'equal',
      scope: 'between',
    });
    expect(comparisons[0]!.members).toHaveLength(10_000);
    expect(comparisons[0]!.reason).toBe('both give 1,000,000 (10,000 claims)');
  });

  it('is drawn as one bundle: fewer than 2 × 10,000 comparison edges, all from the first member', () => {
    const edges = drawnComparisons(corpusOf(claims));
    expect(edges.length).toBeLessThan(2 * 10_000);
    expect(edges).toHaveLength(9_999);
    expect(new Set(edges.map((e) => e.comparison))).toEqual(new Set(['same-same-00000']));
    expect(edges[0]).toMatchObject({ kind: 'agrees', members: 10_000 });
  });
});

describe('classes compared with each other', () => {
  const big = copies(40, qty('exact', 70_000), 'big', { wording: '70,000' });
  const small = copies(3, qty('exact', 60_000), 'small', { wording: '60,000' });
  const lone = claim(qty('gt', 50_000), { id: 'lone', source: 's9', wording: 'over 50,000' });

  it('give one record per pair of classes, with the number of claims on each side', () => {
    const { comparisons } = reconcile({ claims: [...big, ...small, lone], properties });
    const between = comparisons.filter((c) => !c.members).map(({ a, b, verdict, counts }) => ({ a, b, verdict, counts }));
    expect(between).toEqual(
      expect.arrayContaining([
        { a: 'big-00000', b: 'small-00000', verdict: 'conflicts', counts: { a: 40, b: 3 } },
        { a: 'big-00000', b: 'lone', verdict: 'agrees', counts: { a: 40, b: 1 } },
        { a: 'lone', b: 'small-00000', verdict: 'agrees', counts: { a: 1, b: 3 } },
      ]),
    );
    expect(between).toHaveLength(3);
    expect(
      comparisons
        .filter((c) => c.members)
        .map((c) => c.members!.length)
        .sort(),
    ).toEqual([3, 40]);
  });

  it('count, on each claim node, every claim of the other class it conflicts with', () => {
    const { graph } = analyse(corpusOf([...big, ...small, lone]));
    expect(graph.getNodeAttribute('claim:big-00017', 'conflicts')).toBe(3);
    expect(graph.getNodeAttribute('claim:small-00002', 'conflicts')).toBe(40);
    expect(graph.getNodeAttribute('claim:lone', 'conflicts')).toBe(0);
  });

  it("count once per source involved in a source's record of agreements and conflicts (trust)", () => {
    const { likely } = analyse(corpusOf([...big, ...small]));
    // The class of 70,000 and the class of 60,000 each agree across s0–s2; the two classes conflict.
    for (const source of ['s0', 's1', 's2']) expect(likely.trust.get(source)).toMatchObject({ agreements: 2, comparable: 3 });
  });

  it('beyond the class limit, compare each value with its neighbours only: linear for all-distinct values', () => {
    const distinct = Array.from({ length: 2_000 }, (_, i) =>
      claim(qty('exact', 1000 + i), { id: `d${String(i).padStart(4, '0')}`, source: 's1' }),
    );
    const { comparisons } = reconcile({ claims: distinct, properties });
    expect(comparisons).toHaveLength(1_999);
    expect(comparisons.every((c) => c.verdict === 'conflicts' && c.basis === 'disjoint')).toBe(true);
    expect(comparisons[0]).toMatchObject({ a: 'd0000', b: 'd0001', scope: 'within' });
  });

  it('keep the judgements that name claims of a large group', () => {
    const judged = [claim(qty('exact', 5), { id: 'j1', source: 'a' }), claim(qty('exact', 5), { id: 'j2', source: 'b' })];
    const { comparisons } = reconcile({
      claims: [...big, ...judged],
      properties,
      judgements: [{ id: 'jj', a: 'j2', b: 'j1', verdict: 'agrees', reason: 'a person said so' }],
    });
    expect(comparisons.filter((c) => c.basis === 'curated')).toEqual([
      expect.objectContaining({ id: 'j1--j2', verdict: 'agrees', reason: 'a person said so' }),
    ]);
  });
});

describe('comparisons resting on unreviewed claims', () => {
  const reviewed = claim(qty('exact', 72_000), { id: 'r', source: 'a', wording: '72,000' });
  const candidate = claim(qty('exact', 2_900), { id: 'x', source: 'b', wording: '2,900', status: 'extracted' });
  const other = claim(qty('exact', 70_000), { id: 'o', source: 'c', wording: '70,000' });

  it('are pending, and counted apart from the headline in the graph and the report', () => {
    const corpus = corpusOf([reviewed, candidate, other]);
    const { comparisons } = reconcile(corpus);
    expect(
      comparisons
        .filter((c) => c.pending)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['o--x', 'r--x']);
    const analysis = analyse(corpus);
    expect(analysis.graph.getAttribute('counts')).toEqual({ conflicts: 1, agreements: 0, pending: { conflicts: 2, agreements: 0 } });
    expect(analysis.graph.getEdgeAttribute('conflicts:o--x', 'pending')).toBe(true);
    expect(analysis.graph.hasEdgeAttribute('conflicts:o--r', 'pending')).toBe(false);
    const report = buildReport(analysis);
    expect(report.conflicts).toHaveLength(3);
    expect(report.pending).toEqual({ conflicts: 2, agreements: 0 });
    const text = formatReport(report);
    expect(text).toMatch(/^CONTRADICTIONS \(1\)$/m);
    expect(text).toMatch(/^PENDING REVIEW: CONTRADICTIONS \(2\)$/m);
    expect(text.indexOf('[x]')).toBeGreaterThan(text.indexOf('PENDING REVIEW'));
  });

  it('stop being pending once the claim is reviewed', () => {
    const { comparisons } = reconcile({ claims: [reviewed, { ...candidate, status: 'reviewed' }, other], properties });
    expect(comparisons.some((c) => c.pending)).toBe(false);
  });
});
