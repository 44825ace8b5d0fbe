import { describe, expect, it } from 'vitest';
import type { Claim } from '../../server/core/schema-types.js';
import { claimObservation, likelyValues } from '../../server/truth/claims.js';
import { claim, quantity } from './fixtures.js';

const mapping = { compare: { quantity: { approxTolerance: 0.1, almostTolerance: 0.1 }, date: { approxWidening: 1 } }, dateScaleDays: 1 };

describe('claims to observations', () => {
  it.each([
    [quantity(70_000), { value: 70_000 }],
    [quantity(5_000, 'approx'), { value: 5_000, interval: [4_500, 5_500] }],
    [quantity(72_000, 'gt'), { value: 72_000, interval: [72_000, Infinity] }],
    [quantity(3_000, 'lte'), { value: 3_000, interval: [-Infinity, 3_000] }],
    [quantity(10_000, 'almost'), { value: 10_000, interval: [9_000, 10_000] }],
    [{ type: 'quantity', comparator: 'range', amount: 10, upper: 20, unit: 'soldiers' } as const, { value: 10, interval: [10, 20] }],
    [{ type: 'entity', entity: 'japan' } as const, { value: 'entity:japan' }],
    [{ type: 'entity', entity: 'japan', negated: true } as const, { value: 'not entity:japan' }],
    [{ type: 'text', text: ' strained ' } as const, { value: 'text:strained' }],
  ])('%j', (value, expected) => {
    const o = claimObservation(claim('src', value, 'x'), 'g', 'soldiers', mapping);
    expect(o).toEqual({ item: 'g', source: 'src', ...expected });
  });

  it('dates become day numbers with their precision as the interval and an absolute scale', () => {
    const day = claimObservation(
      claim('s', { type: 'date', date: { value: '1970-01-02', precision: 'day' } }, '2 January 1970'),
      'g',
      undefined,
      mapping,
    );
    expect(day).toEqual({ item: 'g', source: 's', value: 1, interval: [1, 1], scale: 1 });
    const month = claimObservation(
      claim('s', { type: 'date', date: { value: '1970-02', precision: 'month' } }, 'February 1970'),
      'g',
      undefined,
      mapping,
    );
    expect(month).toMatchObject({ interval: [31, 58], value: 44 });
  });

  it('a quantity in another unit than the group mostly uses stays comparable only by equality', () => {
    expect(claimObservation(claim('s', quantity(5, 'exact', 'ships'), '5 ships'), 'g', 'soldiers', mapping).value).toBe('quantity:5 ships');
  });
});

describe('likelyValues', () => {
  const group = (claims: Claim[]) => new Map([['battle|troops', claims]]);

  it('answers in the claims own terms: which claims, in whose wording, with alternatives by claim id', () => {
    const a = claim('alpha', quantity(70_000), '70,000');
    const b = claim('beta', quantity(72_000, 'gt'), 'over 72,000');
    const c = claim('gamma', quantity(75_000), '75,000');
    const d = claim('delta', quantity(75_000), '75,000 men');
    const result = likelyValues(group([a, b, c, d]));
    const verdict = result.groups.get('battle|troops')!;
    expect(verdict.claimIds).toEqual([c.id, d.id]);
    expect(verdict.value).toEqual(quantity(75_000));
    expect(verdict.wording).toBe('75,000');
    expect(verdict.sources.map((s) => s.source).sort()).toEqual(['delta', 'gamma']);
    expect(verdict.alternatives.map((x) => x.claimIds)).toContainEqual([a.id]);
    expect(verdict.alternatives.map((x) => x.claimIds)).toContainEqual([b.id]);
    // "over 72,000" is consistent with 75,000 and supports it; 70,000 is not.
    expect(verdict.explanation).toContain(`close to 'over 72,000' (${b.id}) (similarity 1.00)`);
    expect(verdict.lowEvidence).toBe(true);
    expect(result.sources.map((s) => s.source).sort()).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(result.convergence.converged).toBe(true);
  });

  it('dates: a day inside a month supports it, a different year does not', () => {
    const day = claim('a', { type: 'date', date: { value: '1918-11-11', precision: 'day' } }, '11 November 1918');
    const month = claim('b', { type: 'date', date: { value: '1918-11', precision: 'month' } }, 'November 1918');
    const other = claim('c', { type: 'date', date: { value: '1919-06-28', precision: 'day' } }, '28 June 1919');
    const verdict = likelyValues(group([day, month, other])).groups.get('battle|troops')!;
    expect([[day.id], [month.id]]).toContainEqual(verdict.claimIds);
    expect(verdict.alternatives.at(-1)!.claimIds).toEqual([other.id]);
  });

  it('entities compare by identity, and rejected claims are left out', () => {
    const a = claim('a', { type: 'entity', entity: 'semyonov' }, 'Semyonov');
    const b = claim('b', { type: 'entity', entity: 'semyonov' }, 'Ataman Semyonov');
    const c = claim('c', { type: 'entity', entity: 'kolchak' }, 'Kolchak');
    const rejected = claim('d', { type: 'entity', entity: 'kolchak' }, 'Kolchak', { status: 'rejected' });
    const e = claim('e', { type: 'entity', entity: 'kolchak' }, 'Kolchak', { status: 'rejected' });
    const verdict = likelyValues(group([a, b, c, rejected, e])).groups.get('battle|troops')!;
    expect(verdict.claimIds).toEqual([a.id, b.id]);
    expect(verdict.value).toEqual({ type: 'entity', entity: 'semyonov' });
    expect(verdict.alternatives).toEqual([{ claimIds: [c.id], confidence: expect.any(Number) }]);
  });

  it('keeps groups apart and runs the vote baseline on request', () => {
    const groups = new Map([
      ['g1', [claim('a', quantity(1), '1'), claim('b', quantity(1), 'one'), claim('c', quantity(9), '9')]],
      ['g2', [claim('a', { type: 'text', text: 'yes' }, 'yes')]],
    ]);
    const result = likelyValues(groups, { method: 'vote' });
    expect(result.method).toBe('vote');
    expect(result.groups.get('g1')!.confidence).toBeCloseTo(2 / 3);
    expect(result.groups.get('g2')!.wording).toBe('yes');
  });
});
