import { describe, expect, it } from 'vitest';
import { reconcile } from '../../server/core/reconcile.js';
import type { Comparison } from '../../server/core/types.js';
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

describe('round figures: a difference inside the rounding a figure is stated with is no contradiction', () => {
  it('"more than 70,000" vs "70,000" agrees (the issue\'s −0.00 % conflict)', () => {
    const r = pair(qty('gt', 70000), qty('exact', 70000), { id: 'a', wording: 'more than 70,000' }, { id: 'b', wording: '70,000' });
    expect(r).toMatchObject({ verdict: 'agrees', basis: 'compatible' });
    expect(r!.reason).toBe("'more than 70,000' and 70,000 differ by less than the rounding they are stated with (±5,000)");
  });

  it('72,000 vs 70,000 stays a conflict: 72,000 is stated to the thousand, and 2,000 is more than ±500', () => {
    expect(pair(qty('exact', 72000), qty('exact', 70000))).toMatchObject({ verdict: 'conflicts', basis: 'disjoint' });
    expect(pair(qty('gt', 72000), qty('exact', 70000))).toMatchObject({ verdict: 'conflicts', basis: 'disjoint' });
  });

  it.each([
    ['"under 5,000" vs 5,000', qty('lt', 5000), qty('exact', 5000), 'agrees'],
    ['"almost 800" vs 800', qty('almost', 800), qty('exact', 800), 'agrees'],
    ['"over 3,116" vs 3,116: stated to the unit, no allowance', qty('gt', 3116), qty('exact', 3116), 'conflicts'],
    ['70,000 vs 60,000: 10,000 apart, beyond ±5,000', qty('exact', 70000), qty('exact', 60000), 'conflicts'],
    ['70,000 vs 65,000: the finer figure (±500) decides', qty('exact', 70000), qty('exact', 65000), 'conflicts'],
    ['range 60,000–70,000 vs over 70,000', qty('range', 60000, 70000), qty('gt', 70000), 'agrees'],
    ['range 60,000–69,999 vs over 70,000', qty('range', 60000, 69999), qty('gt', 70000), 'conflicts'],
  ] as const)('%s', (_name, a, b, verdict) => {
    expect(pair(a, b)?.verdict).toBe(verdict);
  });

  it('a round total that only touches a dated count ("70,000 (total)" vs "more than 70,000" by October 1918) is no bound conflict; 72,000 is', () => {
    const total = { scope: { aggregate: 'total' as const } };
    const dated = (wording: string) => ({ wording, scope: { pointInTime: { value: '1918-10', precision: 'month' as const } } });
    expect(pair(qty('exact', 70000), qty('gt', 70000), total, dated('more than 70,000'))).toBeUndefined();
    expect(pair(qty('exact', 70000), qty('gt', 72000), total, dated('over 72,000'))).toMatchObject({
      verdict: 'conflicts',
      basis: 'bound',
    });
  });

  it("reads the precision from the stated figure: trailing zeros, a range's finer end, the finest stated part", async () => {
    const { statedPrecision } = await import('../../server/core/quantities.js');
    expect(statedPrecision({ type: 'quantity', comparator: 'exact', amount: 70000, unit: 'x' })).toBe(10000);
    expect(statedPrecision({ type: 'quantity', comparator: 'exact', amount: 72000, unit: 'x' })).toBe(1000);
    expect(statedPrecision({ type: 'quantity', comparator: 'exact', amount: 3116, unit: 'x' })).toBe(1);
    expect(statedPrecision({ type: 'quantity', comparator: 'exact', amount: 2.5, unit: 'x' })).toBe(0);
    expect(statedPrecision({ type: 'quantity', comparator: 'range', amount: 60000, upper: 65000, unit: 'x' })).toBe(1000);
    expect(
      statedPrecision({
        type: 'quantity',
        comparator: 'exact',
        amount: 3100,
        unit: 'x',
        parts: [
          { amount: 1400, label: 'a' },
          { amount: 1700, label: 'b' },
        ],
      }),
    ).toBe(100);
  });
});

describe('quantity comparators as intervals', () => {
  it('over 72,000 vs 70,000 conflicts, with the gap measured against the bound', () => {
    const r = pair(qty('exact', 70000), qty('gt', 72000), { id: 'a', wording: '70,000' }, { id: 'b', wording: 'over 72,000' });
    expect(r).toMatchObject({ verdict: 'conflicts', basis: 'disjoint', scope: 'between' });
    expect(r!.reason).toBe("70,000 is below the lower bound of 'over 72,000' (−2.8 %)");
    expect(r!.gap!.relative).toBeCloseTo(-2000 / 72000, 6);
  });

  it('up to 3,000 vs 1,399 + 1,717 = 3,116 conflicts', () => {
    const sum: Value = {
      type: 'quantity',
      comparator: 'exact',
      amount: 3116,
      unit: 'soldiers',
      parts: [
        { amount: 1399, label: 'killed' },
        { amount: 1717, label: 'died of disease' },
      ],
    };
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
    ['almost 803 excludes 803 itself', qty('almost', 803), qty('exact', 803), 'conflicts', 'disjoint'],
    ['gt excludes its bound (stated to the unit)', qty('gt', 901), qty('exact', 901), 'conflicts', 'disjoint'],
    ['gte includes its bound', qty('gte', 900), qty('exact', 900), 'agrees', 'compatible'],
    ['lt excludes its bound (stated to the unit)', qty('lt', 101), qty('exact', 101), 'conflicts', 'disjoint'],
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
    expect(pair(date('1922-10-25', 'day'), date('1922-10-25', 'day'))).toMatchObject({
      verdict: 'agrees',
      basis: 'equal',
      reason: 'both give 25 October 1922',
    });
  });

  it('two equal months are equal, not one within the other', () => {
    expect(pair(date('1922-11', 'month'), date('1922-11', 'month'))).toMatchObject({
      verdict: 'agrees',
      basis: 'equal',
      reason: 'both give November 1922',
    });
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
    expect(pair(a, b, {}, {})?.verdict ?? 'none').toBe(verdict);
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
    expect(pair(ent('semyonov'), ent('semyonov'), { property: 'supported' }, { property: 'supported' })).toMatchObject({
      verdict: 'agrees',
      basis: 'relation',
    });
    expect(pair(ent('kolchak'), ent('kolchak', true), { property: 'supported' }, { property: 'supported' })).toMatchObject({
      verdict: 'conflicts',
      basis: 'relation',
    });
  });

  it('different objects conflict only for a single-valued property', () => {
    expect(pair(ent('semyonov'), ent('kalmykov'), { property: 'supported' }, { property: 'supported' })).toBeUndefined();
    expect(pair(ent('otani'), ent('yui'), { property: 'commanded-by' }, { property: 'commanded-by' })).toMatchObject({
      verdict: 'conflicts',
      basis: 'single-valued',
    });
  });

  it('texts agree when equal up to case and accents; differ only matter when single-valued', () => {
    expect(pair(text('Vice Admiral'), text('vice admiral'), { property: 'rank' }, { property: 'rank' })).toMatchObject({
      verdict: 'agrees',
    });
    expect(pair(text('Vice Admiral'), text('Rear Admiral'), { property: 'rank' }, { property: 'rank' })).toMatchObject({
      verdict: 'conflicts',
      basis: 'single-valued',
    });
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
