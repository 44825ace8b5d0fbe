import { describe, expect, it } from 'vitest';
import { reconcile, reconcileGroups } from '../../server/core/reconcile.js';
import { groupKey } from '../../server/core/grouping.js';
import type { Claim, Value } from '../../server/core/schema-types.js';
import { claim, date, properties, qty } from './fixtures.js';

const at = (value: string, precision: 'month' | 'year' | 'season', part?: 'early') => ({
  pointInTime: { value, precision, ...(part ? { part } : {}) },
});

describe('scope decides what is comparable', () => {
  it('counts at different moments are a series, not a conflict', () => {
    const oct1918 = claim(qty('gt', 72000), { source: 's1', scope: { ...at('1918-10', 'month'), wording: 'by October 1918' } });
    const early1920 = claim(qty('gt', 100000), { source: 's1', scope: { ...at('1920', 'season', 'early'), wording: 'by early 1920' } });
    expect(reconcile({ claims: [oct1918, early1920], properties }).comparisons).toEqual([]);
  });

  it('a total below a count at one moment conflicts: 70,000 (total) vs over 72,000 by October 1918', () => {
    const total = claim(qty('exact', 70000), { id: 'wp', source: 'wp', wording: '70,000', scope: { aggregate: 'total' } });
    const moment = claim(qty('gt', 72000), {
      id: 'rb',
      source: 'rb',
      wording: 'over 72,000',
      scope: { ...at('1918-10', 'month'), wording: 'By October 1918' },
    });
    const [c] = reconcile({ claims: [total, moment], properties }).comparisons;
    expect(c).toMatchObject({ verdict: 'conflicts', basis: 'bound', a: 'rb', b: 'wp', scope: 'between' });
    expect(c!.reason).toBe(
      "70,000 (total) is below the lower bound of 'over 72,000' by October 1918 (−2.8 %): a total cannot be smaller than the count at one moment",
    );
  });

  it('a total that can include the count gives no edge', () => {
    const total = claim(qty('exact', 80000), { source: 'wp', scope: { aggregate: 'total' } });
    const moment = claim(qty('gt', 72000), { source: 'rb', scope: at('1918-10', 'month') });
    expect(reconcile({ claims: [total, moment], properties }).comparisons).toEqual([]);
  });

  it('a total bounds a peak', () => {
    const total = claim(qty('exact', 50000), { source: 'a', scope: { aggregate: 'total' } });
    const peak = claim(qty('exact', 60000), { source: 'b', scope: { aggregate: 'peak' } });
    expect(reconcile({ claims: [total, peak], properties }).comparisons[0]).toMatchObject({ verdict: 'conflicts', basis: 'bound' });
  });

  it('two totals compare directly; an unscoped figure is read as the same figure', () => {
    const t1 = claim(qty('exact', 3116), { source: 'a', property: 'deaths', scope: { aggregate: 'total' } });
    const t2 = claim(qty('lte', 3000), { source: 'b', property: 'deaths', scope: { aggregate: 'total' } });
    const bare = claim(qty('approx', 5000), { source: 'a', property: 'deaths' });
    const result = reconcile({ claims: [t1, t2, bare], properties }).comparisons;
    expect(result).toHaveLength(3);
    expect(result.every((c) => c.verdict === 'conflicts')).toBe(true);
    expect(result.filter((c) => c.scope === 'within')).toHaveLength(1);
  });

  it('a population restriction ("1922 only") keeps figures apart', () => {
    const a = claim(qty('exact', 7791), { property: 'casualties', scope: { population: '1922 only' } });
    const b = claim(qty('exact', 20000), { property: 'casualties', source: 's2' });
    expect(reconcile({ claims: [a, b], properties }).comparisons).toEqual([]);
  });

  it('different places keep figures apart', () => {
    const a = claim(date('1922-10-25', 'day'), { property: 'end-date', scope: { place: 'vladivostok' } });
    const b = claim(date('1925-05-15', 'day'), { property: 'end-date', source: 's2', scope: { place: 'northern-sakhalin' } });
    expect(reconcile({ claims: [a, b], properties }).comparisons).toEqual([]);
  });
});

describe('grouping', () => {
  it('only compares claims with the same subject and property', () => {
    const claims = [
      claim(qty('exact', 1), { subject: 'x', source: 'a' }),
      claim(qty('exact', 2), { subject: 'y', source: 'b' }),
      claim(qty('exact', 3), { subject: 'x', property: 'deaths', source: 'c' }),
    ];
    const { comparisons, groups } = reconcile({ claims, properties });
    expect(comparisons).toEqual([]);
    expect([...groups.keys()].sort()).toEqual(['x|deaths', 'x|troop-strength', 'y|troop-strength']);
  });

  it('leaves rejected claims out', () => {
    const a = claim(qty('exact', 1), { source: 'a' });
    const b = claim(qty('exact', 2), { source: 'b', status: 'rejected' });
    expect(reconcile({ claims: [a, b], properties }).comparisons).toEqual([]);
  });

  it('compares within groups only: work grows with group sizes, not with all pairs', () => {
    // 2,000 claims in 1,000 groups of two: all-pairs would be ~2 million comparisons.
    const claims: Claim[] = [];
    for (let g = 0; g < 1000; g++) {
      claims.push(claim(qty('exact', g), { subject: `s${g}`, source: 'a' }), claim(qty('exact', g + 1), { subject: `s${g}`, source: 'b' }));
    }
    const { comparisons } = reconcile({ claims, properties });
    expect(comparisons).toHaveLength(1000);
    expect(new Set(comparisons.map((c) => c.group)).size).toBe(1000);
  });

  it('re-runs only the groups it is given', () => {
    const claims = [
      claim(qty('exact', 1), { subject: 'x', source: 'a' }),
      claim(qty('exact', 2), { subject: 'x', source: 'b' }),
      claim(qty('exact', 3), { subject: 'y', source: 'a' }),
      claim(qty('exact', 4), { subject: 'y', source: 'b' }),
    ];
    const only = reconcileGroups({ claims, properties }, [groupKey(claims[0]!)]);
    expect(only.map((c) => c.group)).toEqual(['x|troop-strength']);
  });
});

describe('arithmetic and intra-source checks', () => {
  const part = (amount: number, property: string, partOf: string, id: string) =>
    claim(
      { type: 'quantity', comparator: 'exact', amount, unit: 'casualties' },
      { id, property, partOf, subject: 'red-army', source: 'wp' },
    );

  it('parts that do not add up to their total conflict: 698 + 2,189 + 1,421 + 3,482 = 7,790 vs 7,791', () => {
    const total = claim(
      { type: 'quantity', comparator: 'exact', amount: 7791, unit: 'casualties' },
      { id: 'total', property: 'casualties', subject: 'red-army', source: 'wp', wording: '7,791' },
    );
    const parts = [
      part(698, 'killed', 'total', 'p1'),
      part(2189, 'disease', 'total', 'p2'),
      part(1421, 'wounded', 'total', 'p3'),
      part(3482, 'sick', 'total', 'p4'),
    ];
    const props = [
      ...properties,
      ...['killed', 'disease', 'wounded', 'sick'].map((id) => ({ id, label: id, valueType: 'quantity' as const })),
    ];
    const [sum] = reconcile({ claims: [total, ...parts], properties: props }).comparisons;
    expect(sum).toMatchObject({
      id: 'sum-total',
      verdict: 'conflicts',
      basis: 'arithmetic',
      scope: 'within',
      a: 'total',
      parts: ['p1', 'p2', 'p3', 'p4'],
    });
    expect(sum!.reason).toBe('the parts do not add up: 698 + 2,189 + 1,421 + 3,482 = 7,790, not the stated total 7,791 (−1)');
  });

  it('parts that add up agree', () => {
    const total = claim(
      { type: 'quantity', comparator: 'exact', amount: 3116, unit: 'dead' },
      { id: 't', property: 'deaths', source: 'wp' },
    );
    const parts = [
      claim(
        { type: 'quantity', comparator: 'exact', amount: 1399, unit: 'dead' },
        { id: 'k', property: 'killed', partOf: 't', source: 'wp' },
      ),
      claim(
        { type: 'quantity', comparator: 'exact', amount: 1717, unit: 'dead' },
        { id: 'd', property: 'disease', partOf: 't', source: 'wp' },
      ),
    ];
    const [sum] = reconcile({ claims: [total, ...parts], properties }).comparisons;
    expect(sum).toMatchObject({ verdict: 'agrees', basis: 'arithmetic' });
  });

  it('marks pairs from one source as within', () => {
    const a = claim(qty('exact', 3116), { source: 'wp', property: 'deaths', scope: { aggregate: 'total' } });
    const b = claim(qty('approx', 5000), { source: 'wp', property: 'deaths', scope: { aggregate: 'total' } });
    expect(reconcile({ claims: [a, b], properties }).comparisons[0]).toMatchObject({ scope: 'within', verdict: 'conflicts' });
  });
});

describe('curated judgements', () => {
  const ent = (entity: string): Value => ({ type: 'entity', entity });
  it("carry a person's verdict between claims no rule compares, and override the rule for a pair", () => {
    const supported = claim(ent('kolchak'), { id: 'wp-supported', property: 'supported', subject: 'japan', source: 'wp' });
    const strained = claim(ent('kolchak'), { id: 'rb-strained', property: 'strained-relations-with', subject: 'japan', source: 'rb' });
    const judgements = [
      { id: 'j1', a: 'rb-strained', b: 'wp-supported', verdict: 'conflicts' as const, reason: 'strained relations vs continued support' },
    ];
    const props = [...properties, { id: 'strained-relations-with', label: 'strained relations with', valueType: 'entity' as const }];
    const [c] = reconcile({ claims: [supported, strained], properties: props, judgements }).comparisons;
    expect(c).toMatchObject({
      verdict: 'conflicts',
      basis: 'curated',
      reason: 'strained relations vs continued support',
      scope: 'between',
    });
  });
});
