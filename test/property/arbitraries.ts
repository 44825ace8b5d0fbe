// Generators of schema-valid claims for property tests: every comparator, precision, part and scope
// the schemas allow, including the odd corners (negative and fractional amounts, year 0, BCE years,
// "31 February", points in time and open-ended periods). Two claims of one pair share subject and
// property, as reconciliation requires before it compares anything.
import fc from 'fast-check';
import { dateSpan } from '../../server/core/dates.js';
import type { Claim, DateValue, Property, Scope } from '../../server/core/schema-types.js';

export const ENTITY_IDS = ['japan', 'semyonov', 'kolchak', 'otani'];
const UNITS = ['soldiers', 'Soldiers', 'dead'];

/** One property per value type, functional or not (functional changes the entity and text verdicts). */
export function propertyFor(valueType: Property['valueType'], functional: boolean): Property {
  return { id: `p-${valueType}`, label: `${valueType} property`, valueType, functional };
}

const amount = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);

export const quantityValue = fc.oneof(
  fc
    .record({
      comparator: fc.constantFrom('exact', 'approx', 'almost', 'gt', 'gte', 'lt', 'lte' as const),
      amount,
      unit: fc.constantFrom(...UNITS),
    })
    .map((v) => ({ type: 'quantity' as const, ...v })),
  // A range's upper end is never below its amount (the store refuses one that is).
  fc.tuple(amount, amount, fc.constantFrom(...UNITS)).map(([x, y, unit]) => ({
    type: 'quantity' as const,
    comparator: 'range' as const,
    amount: Math.min(x, y),
    upper: Math.max(x, y),
    unit,
  })),
  // Stated parts: the amount is their sum (integers, so the sum is exact).
  fc
    .tuple(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 2, maxLength: 4 }), fc.constantFrom(...UNITS))
    .map(([parts, unit]) => ({
      type: 'quantity' as const,
      comparator: 'exact' as const,
      unit,
      amount: parts.reduce((s, p) => s + p, 0),
      parts: parts.map((p, i) => ({ amount: p, label: `part ${i + 1}` })),
    })),
);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** "1919", "0919", "-44", "1918-02", "1918-02-31": every shape the DateValue pattern admits. */
const dateString = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.integer({ min: 0, max: 9999 }),
    fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
  )
  .map(
    ([sign, year, month, day]) =>
      `${sign}${year}${month === undefined ? '' : `-${pad(month, 2)}${day === undefined ? '' : `-${pad(day, 2)}`}`}`,
  );

export const dateValue: fc.Arbitrary<DateValue> = fc.record(
  {
    value: dateString,
    precision: fc.constantFrom('day', 'month', 'season', 'year', 'decade' as const),
    part: fc.constantFrom('early', 'mid', 'late', 'spring', 'summer', 'fall', 'winter' as const),
    comparator: fc.constantFrom('exact', 'approx', 'before', 'after', 'by' as const),
  },
  { requiredKeys: ['value', 'precision'] },
);

export const entityValue = fc
  .record({ entity: fc.constantFrom(...ENTITY_IDS), negated: fc.boolean() }, { requiredKeys: ['entity'] })
  .map((v) => ({ type: 'entity' as const, ...v }));
const PERSON_POOL = [
  { surname: 'Otani', given: ['Kikuzo'] },
  { surname: 'Ōtani', given: ['K.'] },
  { surname: 'Yui', given: ['Mitsue'] },
  { surname: 'Semyonov' },
  { surname: 'Graves', given: ['William', 'S.'] },
];
export const personsValue = fc
  .record({ persons: fc.subarray(PERSON_POOL, { minLength: 1 }), partial: fc.boolean() }, { requiredKeys: ['persons'] })
  .map((v) => ({ type: 'persons' as const, ...v }));
export const textValue = fc
  .constantFrom('strained', 'Strained ', 'cordial', 'a  mistake', 'A mistake')
  .map((text) => ({ type: 'text' as const, text }));

export const scope: fc.Arbitrary<Scope> = fc.record(
  {
    aggregate: fc.constantFrom('total', 'peak', 'initial', 'final' as const),
    pointInTime: dateValue,
    // A period that ends before it starts passes the schema and the integrity check, but it is
    // not a valid statement (its span of days is empty): left out, and reported.
    period: fc
      .record({ start: dateValue, end: dateValue }, { requiredKeys: [] })
      .filter(({ start, end }) => !start || !end || dateSpan(start).lo <= dateSpan(end).hi),
    population: fc.constantFrom('1922 only', ' 1922  ONLY', 'officers'),
    place: fc.constantFrom(...ENTITY_IDS),
  },
  { requiredKeys: [] },
);

type Value = Claim['value'];
const valuesOf: Record<Property['valueType'], fc.Arbitrary<Value>> = {
  quantity: quantityValue,
  date: dateValue.map((date) => ({ type: 'date' as const, date })),
  entity: entityValue,
  text: textValue,
  persons: personsValue,
};

function claimWith(id: string, source: string, property: Property, value: Value, claimScope: Scope | undefined): Claim {
  return {
    id,
    source,
    subject: 'japan',
    property: property.id,
    value,
    wording: 'as stated',
    ...(claimScope ? { scope: claimScope } : {}),
    quote: { exact: 'as stated', start: 0, end: 9 },
    citations: [],
    status: 'reviewed',
    version: 1,
  };
}

export interface ClaimPair {
  property: Property;
  a: Claim;
  b: Claim;
}

/** Two claims about the same subject and property, from the same source or from two. */
export const claimPair: fc.Arbitrary<ClaimPair> = fc
  .tuple(fc.constantFrom('quantity', 'date', 'entity', 'text' as const), fc.boolean())
  .chain(([valueType, functional]) => {
    const property = propertyFor(valueType, functional);
    const side = (id: string) =>
      fc
        .tuple(fc.constantFrom('source-a', 'source-b'), valuesOf[valueType], fc.option(scope, { nil: undefined }))
        .map(([source, value, s]) => claimWith(id, source, property, value, s));
    return fc.tuple(side('claim-a'), side('claim-b')).map(([a, b]) => ({ property, a, b }));
  });

/** A claim and a copy of it under another id and source: the same statement made twice. */
export const claimAndCopy: fc.Arbitrary<ClaimPair> = claimPair.map(({ property, a }) => ({
  property,
  a,
  b: { ...structuredClone(a), id: 'claim-copy', source: 'source-b' },
}));
