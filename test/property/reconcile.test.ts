// Properties of the value comparator over generated schema-valid claims: it never throws, the order
// in which two claims arrive changes nothing, the same statement made twice agrees with itself, and
// every value and scope becomes a well-formed interval.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueInterval } from '../../server/core/compare.js';
import { dateInterval, dateSpan } from '../../server/core/dates.js';
import { contains } from '../../server/core/interval.js';
import { quantityInterval } from '../../server/core/quantities.js';
import { DEFAULT_RECONCILE_SETTINGS, prepareClaim, reconcile } from '../../server/core/reconcile.js';
import { comparePair } from '../../server/core/pairs.js';
import { scopeTime } from '../../server/core/scope.js';
import type { Claim } from '../../server/core/schema-types.js';
import { claimAndCopy, claimPair, dateValue, quantityValue, scope, type ClaimPair } from './arbitraries.js';

const RUNS = { numRuns: 400 };

const compare = ({ property, a, b }: ClaimPair, order: 'ab' | 'ba') =>
  reconcile({ claims: order === 'ab' ? [a, b] : [b, a], properties: [property] }).comparisons;

const prepared = (claim: Claim) => prepareClaim(claim, DEFAULT_RECONCILE_SETTINGS);

/** Exact statements: no comparator widening the value, so the value is one point or one calendar span. */
function isExact(claim: Claim): boolean {
  const v = claim.value;
  if (v.type === 'quantity') return v.comparator === 'exact';
  if (v.type === 'date') return (v.date.comparator ?? 'exact') === 'exact';
  return true;
}

describe('reconcile on two generated claims', () => {
  it('never throws, and compares the pair at most once', () => {
    fc.assert(
      fc.property(claimPair, (pair) => {
        expect(compare(pair, 'ab').length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('is symmetric: (a, b) and (b, a) give the same verdict, basis, reason and gap', () => {
    fc.assert(
      fc.property(claimPair, (pair) => {
        expect(compare(pair, 'ba')).toEqual(compare(pair, 'ab'));
      }),
      RUNS,
    );
  });

  it('decides the verdict and basis whichever claim is taken as the first', () => {
    fc.assert(
      fc.property(claimPair, ({ property, a, b }) => {
        const ab = comparePair(prepared(a), prepared(b), property);
        const ba = comparePair(prepared(b), prepared(a), property);
        expect({ verdict: ba?.verdict, basis: ba?.basis, gap: ba?.gap?.absolute }).toEqual({
          verdict: ab?.verdict,
          basis: ab?.basis,
          gap: ab?.gap?.absolute,
        });
      }),
      RUNS,
    );
  });

  it('is reflexive: an exact value stated twice agrees with itself', () => {
    fc.assert(
      fc.property(
        claimAndCopy.filter(({ a }) => isExact(a)),
        (pair) => {
          const [comparison] = compare(pair, 'ab');
          expect(comparison, 'the copy is compared with the original').toBeDefined();
          expect(comparison).toMatchObject({ verdict: 'agrees', basis: pair.a.value.type === 'entity' ? 'relation' : 'equal' });
        },
      ),
      RUNS,
    );
  });
});

describe('values and scopes as intervals', () => {
  const wellFormed = (i: { lo: number; hi: number } | undefined) => {
    expect(i).toBeDefined();
    expect(Number.isNaN(i!.lo) || Number.isNaN(i!.hi)).toBe(false);
    expect(i!.lo).toBeLessThanOrEqual(i!.hi);
  };

  it('a quantity is an interval with lo <= hi', () => {
    fc.assert(
      fc.property(quantityValue, (value) => wellFormed(quantityInterval(value))),
      RUNS,
    );
  });

  it('a date is an interval with lo <= hi, and its comparator only ever widens its span', () => {
    fc.assert(
      fc.property(dateValue, (date) => {
        const span = dateSpan(date);
        wellFormed(span);
        wellFormed(dateInterval(date));
        if (date.comparator !== 'before' && date.comparator !== 'after') expect(contains(dateInterval(date), span)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a claim value is an interval exactly when it is a quantity or a date', () => {
    fc.assert(
      fc.property(claimPair, ({ a }) => {
        const interval = valueInterval(a, DEFAULT_RECONCILE_SETTINGS);
        if (a.value.type === 'quantity' || a.value.type === 'date') wellFormed(interval);
        else expect(interval).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('a scope covers a well-formed span of days, or none', () => {
    fc.assert(
      fc.property(scope, (s) => {
        const time = scopeTime(s);
        if (time) wellFormed(time);
      }),
      RUNS,
    );
  });
});

// Once a bug (dayNumber lost the roll of month 13 into the next year), found by these properties:
// spans ending in December must be well-formed and agree with themselves.
describe('spans ending in December', () => {
  const december = { value: '1918-12', precision: 'month' as const };

  it('"December 1918" ends after it starts', () => {
    const span = dateSpan(december);
    expect(span.lo).toBeLessThanOrEqual(span.hi);
  });

  it('"December 1918" stated twice agrees with itself', () => {
    const property = { id: 'p-date', label: 'date', valueType: 'date' as const };
    const claim = (id: string): Claim => ({
      id,
      source: id,
      subject: 'japan',
      property: 'p-date',
      value: { type: 'date', date: december },
      wording: 'December 1918',
      quote: { exact: 'December 1918', start: 0, end: 13 },
      citations: [],
      status: 'reviewed',
    });
    expect(reconcile({ claims: [claim('a'), claim('b')], properties: [property] }).comparisons).toMatchObject([{ verdict: 'agrees' }]);
  });
});
