// Value classes against the pairwise rule: on random small groups with repeated statements, the
// records the class path gives, expanded to the claim pairs they stand for, carry exactly the
// verdicts and bases that comparing every pair gives; the neighbour sweep (many classes) gives a
// subset of them, never a verdict of its own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile, DEFAULT_RECONCILE_SETTINGS, type ReconcileSettings } from '../../server/core/reconcile.js';
import type { Comparison } from '../../server/core/types.js';
import type { Claim, Property } from '../../server/core/schema-types.js';
import { dateValue, entityValue, propertyFor, quantityValue, scope, textValue } from './arbitraries.js';

const RUNS = { numRuns: 300 };

/** Every group, however small, goes through the class path; `classPairs` decides all pairs of classes or the sweep. */
const byClass = (classPairs: number): ReconcileSettings => ({
  ...DEFAULT_RECONCILE_SETTINGS,
  classes: { pairwiseUpTo: 1, allClassPairsUpTo: classPairs },
});
const pairwise: ReconcileSettings = { ...DEFAULT_RECONCILE_SETTINGS, classes: { pairwiseUpTo: Infinity, allClassPairsUpTo: Infinity } };

interface Group {
  property: Property;
  claims: Claim[];
}

const valuesOf = {
  quantity: quantityValue,
  date: dateValue.map((date) => ({ type: 'date' as const, date })),
  entity: entityValue,
  text: textValue,
};

/**
 * 2–14 claims, each one of 1–3 values in one of up to 3 scopes (or none), so that most groups repeat
 * a statement and many state one value in several scopes.
 */
const group: fc.Arbitrary<Group> = fc
  .tuple(fc.constantFrom('quantity', 'date', 'entity', 'text' as const), fc.boolean())
  .chain(([valueType, functional]) => {
    const property = propertyFor(valueType, functional);
    const values = fc.array(valuesOf[valueType] as fc.Arbitrary<Claim['value']>, { minLength: 1, maxLength: 3 });
    const scopes = fc.array(fc.option(scope, { nil: undefined }), { minLength: 1, maxLength: 3 });
    return fc.tuple(values, scopes).chain(([vs, ss]) =>
      fc
        .array(
          fc.tuple(
            fc.nat({ max: vs.length - 1 }),
            fc.nat({ max: ss.length - 1 }),
            fc.constantFrom('s1', 's2', 's3'),
            fc.constantFrom('reviewed', 'extracted' as const),
          ),
          { minLength: 2, maxLength: 14 },
        )
        .map((picks) => ({
          property,
          claims: picks.map(([v, k, source, status], i): Claim => ({
            id: `c${String(i).padStart(2, '0')}`,
            source,
            subject: 'japan',
            property: property.id,
            value: vs[v]!,
            wording: 'as stated',
            ...(ss[k] ? { scope: ss[k] } : {}),
            quote: { exact: 'as stated', start: 0, end: 9 },
            citations: [],
            status,
          })),
        })),
    );
  });

/** Verdict and basis of every claim pair a list of records stands for (pairs key "x|y", x < y). */
function expand(comparisons: readonly Comparison[]): Map<string, string> {
  const classes = new Map<string, readonly string[]>();
  for (const c of comparisons) if (c.members) classes.set(c.a, c.members);
  const out = new Map<string, string>();
  const put = (x: string, y: string, c: Comparison) => {
    const key = x < y ? `${x}|${y}` : `${y}|${x}`;
    expect(out.has(key), `pair ${key} stood for twice`).toBe(false);
    out.set(key, `${c.verdict} ${c.basis}`);
  };
  for (const c of comparisons) {
    if (c.members) {
      for (let i = 0; i < c.members.length; i++) for (let j = i + 1; j < c.members.length; j++) put(c.members[i]!, c.members[j]!, c);
    } else if (c.counts) {
      const a = classes.get(c.a) ?? [c.a];
      const b = classes.get(c.b) ?? [c.b];
      expect([a.length, b.length]).toEqual([c.counts.a, c.counts.b]);
      for (const x of a) for (const y of b) put(x, y, c);
    } else put(c.a, c.b, c);
  }
  return out;
}

describe('value classes', () => {
  it('stand for exactly the verdicts of every pair compared one by one', () => {
    fc.assert(
      fc.property(group, ({ property, claims }) => {
        const want = expand(reconcile({ claims, properties: [property] }, pairwise).comparisons);
        const got = expand(reconcile({ claims, properties: [property] }, byClass(1000)).comparisons);
        expect(got).toEqual(want);
      }),
      RUNS,
    );
  });

  it('compared by neighbours only (many classes), say nothing the pairs do not say', () => {
    fc.assert(
      fc.property(group, ({ property, claims }) => {
        const want = expand(reconcile({ claims, properties: [property] }, pairwise).comparisons);
        const got = expand(reconcile({ claims, properties: [property] }, byClass(0)).comparisons);
        for (const [pair, verdict] of got) expect(want.get(pair), pair).toBe(verdict);
      }),
      RUNS,
    );
  });

  it('are pending exactly when one side has no reviewed claim', () => {
    fc.assert(
      fc.property(group, ({ property, claims }) => {
        const { comparisons } = reconcile({ claims, properties: [property] }, byClass(1000));
        const status = new Map(claims.map((c) => [c.id, c.status]));
        const classes = new Map<string, readonly string[]>();
        for (const c of comparisons) if (c.members) classes.set(c.a, c.members);
        for (const c of comparisons) {
          const reviewed = (ids: readonly string[]) => ids.filter((id) => status.get(id) !== 'extracted').length;
          const expected = c.members
            ? reviewed(c.members) < 2
            : reviewed(classes.get(c.a) ?? [c.a]) === 0 || reviewed(classes.get(c.b) ?? [c.b]) === 0;
          expect(Boolean(c.pending), c.id).toBe(expected);
        }
      }),
      RUNS,
    );
  });
});
