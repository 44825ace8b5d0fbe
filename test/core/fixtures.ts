// Small builders for hand-made claims, so each test states only what it is about.
import type { Claim, Property, Scope, Value } from '../../server/core/schema-types.js';

let counter = 0;

export function claim(value: Value, overrides: Partial<Claim> & { scope?: Scope } = {}): Claim {
  counter++;
  return {
    id: overrides.id ?? `c${String(counter).padStart(4, '0')}`,
    source: 's1',
    subject: 'japanese-force',
    property: 'troop-strength',
    value,
    wording: 'x',
    quote: { exact: 'x', start: 0, end: 1 },
    citations: [],
    status: 'reviewed',
    ...overrides,
  };
}

export const qty = (
  comparator: 'exact' | 'approx' | 'almost' | 'gt' | 'gte' | 'lt' | 'lte' | 'range',
  amount: number,
  upper?: number,
): Value => ({
  type: 'quantity',
  comparator,
  amount,
  unit: 'soldiers',
  ...(upper !== undefined ? { upper } : {}),
});

export const date = (
  value: string,
  precision: 'day' | 'month' | 'season' | 'year' | 'decade',
  extra: {
    part?: 'early' | 'mid' | 'late' | 'spring' | 'summer' | 'fall' | 'winter';
    comparator?: 'exact' | 'approx' | 'before' | 'after' | 'by';
  } = {},
): Value => ({
  type: 'date',
  date: { value, precision, ...extra },
});

export const properties: Property[] = [
  { id: 'troop-strength', label: 'troop strength', valueType: 'quantity', unit: 'soldiers', functional: true },
  { id: 'deaths', label: 'deaths', valueType: 'quantity', unit: 'dead', functional: true },
  { id: 'casualties', label: 'casualties', valueType: 'quantity', unit: 'casualties', functional: true },
  { id: 'end-date', label: 'end date', valueType: 'date', functional: true },
  { id: 'supported', label: 'supported', valueType: 'entity' },
  { id: 'commanded-by', label: 'commanded by', valueType: 'entity', functional: true },
  { id: 'rank', label: 'rank', valueType: 'text', functional: true },
  { id: 'motive', label: 'motive', valueType: 'text' },
];
