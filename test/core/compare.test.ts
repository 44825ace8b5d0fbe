import { describe, expect, it } from 'vitest';
import { reconcile, type Comparison } from '../../server/core/reconcile.js';
import type { Claim, Value } from '../../server/core/schema-types.js';
import { claim, date, properties, qty } from './fixtures.js';

function verdictOf(a: Claim, b: Claim): Comparison | undefined {
  const { comparisons } = reconcile({ claims: [a, b], properties });
  expect(comparisons.length).toBeLessThanOrEqual(1);
  return comparisons[0];
}

function pair(va: Value, vb: Value, extraA: Partial<Claim> = {}, extraB: Partial<Claim> = {}) {
  return verdictOf(claim(va, { source: 's1', ...extraA }), claim(vb, { source: 's2', ...extraB }));
}

describe('quantity comparators as intervals', () => {
  it('over 72,000 vs 70,000 conflicts, with the gap measured against the bound', () => {
    const r = pair(qty('exact', 70000), qty('gt', 72000), { id: 'a', wording: '70,000' }, { id: 'b', wording: 'over 72,000' });
    expect(r).toMatchObject({ verdict: 'conflicts', basis: 'disjoint', scope: 'between' });
    expect(r!.reason).toBe("70,000 is below the lower bound of 'over 72,000' (−2.8 %)");
    expect(r!.gap!.relative).toBeCloseTo(-2000 / 72000, 6);
  });

  it('up to 3,000 vs 1,399 + 1,717 = 3,116 conflicts', () => {
    const sum: Value = { type: 'quantity', comparator: 'exact', amount: 3116, unit: 'soldiers', parts: [{ amount: 1399, label: 'killed' }, { amount: 1717, label: 'died of disease' }] };
    const r = pair(qty('lte', 3000), sum, { id: 'a', wording: 'up to 3,000' }, { id: 'b' });
    expect(r!.verdict).toBe('conflicts');
    expect(r!.reason).toBe("1,399 + 1,717 = 3,116 is above the upper bound of 'up to 3,000' (+3.9 %)");
  });

  it.each([
    ['exact equal', qty('exact', 500), qty('exact', 500), 'agrees', 'equal'],
    ['exact differs', qty('exact', 500), qty('exact', 501), 'conflicts', 'disjoint'],
    ['approx covers ±10 %', qty('approx', 5000), qty('exact', 5400), 'agrees', 'compatible'],
    ['approx does not reach 3,116', qty('approx', 5000), qty('exact', 3116), 'conflicts', 'disjoint'],
    ['almost 800 allows 750', qty('almost', 800), qty('exact', 750), 'agrees', 'compatible'],
    ['almost 800 excludes 800 itself', qty('almost', 800), qty('exact', 800), 'conflicts', 'disjoint'],
    ['gt excludes its bound', qty('gt', 900), qty('exact', 900), 'conflicts', 'disjoint'],
    ['gte includes its bound', qty('gte', 900), qty('exact', 900), 'agrees', 'compatible'],
    ['lt excludes its bound', qty('lt', 100), qty('exact', 100), 'conflicts', 'disjoint'],
    ['lte includes its bound', qty('lte', 3000), qty('exact', 3000), 'agrees', 'compatible'],
    ['range contains', qty('range', 10, 20), qty('exact', 15), 'agrees', 'compatible'],
    ['range misses', qty('range', 10, 20), qty('exact', 25), 'conflicts', 'disjoint'],
    ['two open intervals overlap', qty('gt', 72000), qty('gt', 100000), 'agrees', 'compatible'],
    ['up to vs over, disjoint', qty('lte', 3000), qty('gt', 4000), 'conflicts', 'disjoint'],
    ['approx vs up to, disjoint', qty('approx', 5000), qty('lte', 3000), 'conflicts', 'disjoint'],
  ] as const)('%s', (_name, a, b, verdict, basis) => {
    expect(pair(a, b)).toMatchObject({ verdict, basis });
  });

  it('is symmetric: swapping the claims gives the same verdict, basis and reason', () => {
    const a = claim(qty('exact', 70000), { id: 'x1', source: 's1', wording: '70,000' });
    const b = claim(qty('gt', 72000), { id: 'x2', source: 's2', wording: 'over 72,000' });
    expect(verdictOf(a, b)).toEqual(verdictOf(b, a));
  });

  it('does not compare quantities in different units', () => {
    expect(pair(qty('exact', 5), { type: 'quantity', comparator: 'exact', amount: 5, unit: 'companies' })).toBeUndefined();
  });
});

describe('dates compared as ranges at their precision', () => {
  it('October 25, 1922 agrees with October 25 1922', () => {
    expect(pair(date('1922-10-25', 'day'), date('1922-10-25', 'day'))).toMatchObject({ verdict: 'agrees', basis: 'equal', reason: 'both give 25 October 1922' });
  });

  it('two equal months are equal, not one within the other', () => {
    expect(pair(date('1922-11', 'month'), date('1922-11', 'month'))).toMatchObject({ verdict: 'agrees', basis: 'equal', reason: 'both give November 1922' });
  });

  it('quotes a date phrase with a comparator in the reason', () => {
    expect(pair(date('1920', 'year'), date('1925', 'year', { comparator: 'by' }))!.reason).toBe("1920 lies within 'by 1925'");
  });

  it('"April 6" (1920) agrees with "April 1920"', () => {
    const r = pair(date('1920-04-06', 'day'), date('1920-04', 'month'));
    expect(r).toMatchObject({ verdict: 'agrees', basis: 'compatible', reason: '6 April 1920 lies within April 1920' });
  });

  it.each([
    ['day in year', date('1918-10-05', 'day'), date('1918', 'year'), 'agrees'],
    ['month outside year', date('1919-01', 'month'), date('1918', 'year'), 'conflicts'],
    ['early 1920 contains February 1920', date('1920', 'season', { part: 'early' }), date('1920-02', 'month'), 'agrees'],
    ['early 1920 excludes June 1920', date('1920', 'season', { part: 'early' }), date('1920-06', 'month'), 'conflicts'],
    ['summer 1919 contains July 1919', date('1919', 'season', { part: 'summer' }), date('1919-07-14', 'day'), 'agrees'],
    ['fall 1919 excludes August', date('1919', 'season', { part: 'fall' }), date('1919-08', 'month'), 'conflicts'],
    ['winter 1919 reaches back to December 1918', date('1919', 'season', { part: 'winter' }), date('1918-12-20', 'day'), 'agrees'],
    ['decade contains year', date('1920', 'decade'), date('1925', 'year'), 'agrees'],
    ['by 1925 allows 1920', date('1925', 'year', { comparator: 'by' }), date('1920', 'year'), 'agrees'],
    ['by May 15, 1925 excludes June 1925', date('1925-05-15', 'day', { comparator: 'by' }), date('1925-06', 'month'), 'conflicts'],
    ['before excludes the day itself', date('1922-10-25', 'day', { comparator: 'before' }), date('1922-10-25', 'day'), 'conflicts'],
    ['after allows later', date('1918', 'year', { comparator: 'after' }), date('1919-03', 'month'), 'agrees'],
    ['about 1920 allows 1921', date('1920', 'year', { comparator: 'approx' }), date('1921-06', 'month'), 'agrees'],
  ] as const)('%s', (_name, a, b, verdict) => {
    expect(pair(a, b, {}, {}, )?.verdict ?? 'none').toBe(verdict);
  });

  it('24 June 1922 vs 25 October 1922 conflicts with the gap in days', () => {
    const r = pair(date('1922-06-24', 'day'), date('1922-10-25', 'day'), { property: 'end-date' }, { property: 'end-date' });
    expect(r).toMatchObject({ verdict: 'conflicts', reason: '24 June 1922 is 123 days before 25 October 1922' });
  });
});

describe('relations and texts', () => {
  const ent = (entity: string, negated = false): Value => ({ type: 'entity', entity, ...(negated ? { negated } : {}) });
  const text = (t: string): Value => ({ type: 'text', text: t });

  it('the same relation agrees, an asserted and a denied one conflict', () => {
    expect(pair(ent('semyonov'), ent('semyonov'), { property: 'supported' }, { property: 'supported' })).toMatchObject({ verdict: 'agrees', basis: 'relation' });
    expect(pair(ent('kolchak'), ent('kolchak', true), { property: 'supported' }, { property: 'supported' })).toMatchObject({ verdict: 'conflicts', basis: 'relation' });
  });

  it('different objects conflict only for a single-valued property', () => {
    expect(pair(ent('semyonov'), ent('kalmykov'), { property: 'supported' }, { property: 'supported' })).toBeUndefined();
    expect(pair(ent('otani'), ent('yui'), { property: 'commanded-by' }, { property: 'commanded-by' })).toMatchObject({ verdict: 'conflicts', basis: 'single-valued' });
  });

  it('texts agree when equal up to case and accents; differ only matter when single-valued', () => {
    expect(pair(text('Vice Admiral'), text('vice admiral'), { property: 'rank' }, { property: 'rank' })).toMatchObject({ verdict: 'agrees' });
    expect(pair(text('Vice Admiral'), text('Rear Admiral'), { property: 'rank' }, { property: 'rank' })).toMatchObject({ verdict: 'conflicts', basis: 'single-valued' });
    expect(pair(text('buffer state'), text('annexation'), { property: 'motive' }, { property: 'motive' })).toBeUndefined();
  });
});

describe('December', () => {
  it('a month or part of a year ending in December is a well-formed span', () => {
    expect(pair(date('1918-12', 'month'), date('1918-12-31', 'day'))).toMatchObject({ verdict: 'agrees', basis: 'compatible' });
    expect(pair(date('1919', 'season', { part: 'late' }), date('1919-12-24', 'day'))).toMatchObject({ verdict: 'agrees' });
    expect(pair(date('1918-12', 'month'), date('1919-01-01', 'day'))).toMatchObject({ verdict: 'conflicts' });
  });

  it('years before 100 are not read as 1900s', () => {
    expect(pair(date('0079', 'year'), date('1979', 'year'))).toMatchObject({ verdict: 'conflicts' });
  });
});

describe('almost zero', () => {
  it('"almost 0" agrees with itself instead of being an empty range', () => {
    expect(pair(qty('almost', 0), qty('almost', 0))).toMatchObject({ verdict: 'agrees' });
  });
});
