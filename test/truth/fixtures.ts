// Small hand-made inputs for the truth tests.
import type { Claim, Value } from '../../server/core/schema-types.js';
import type { Observation } from '../../server/truth/types.js';

/** [item, source, value] triples as observations. */
export function obs(...rows: [string, string, number | string][]): Observation[] {
  return rows.map(([item, source, value]) => ({ item, source, value }));
}

/**
 * A source that agrees with two corroborating witnesses on `n` items (so it earns trust), plus
 * one witness-free item per `contested` pair where it faces a liar alone.
 */
export function reliableVersusLiar(n: number): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ item: `agreed-${i}`, source: 'reliable', value: 1000 + i });
    out.push({ item: `agreed-${i}`, source: `witness-${i % 3}`, value: 1000 + i });
    // The liar contradicts the reliable source and its witnesses on every shared item.
    out.push({ item: `agreed-${i}`, source: 'liar', value: 5_000_000 + i });
  }
  out.push({ item: 'contested', source: 'liar', value: 42 });
  out.push({ item: 'contested', source: 'reliable', value: 17 });
  return out;
}

let seq = 0;

/** A schema-shaped claim with the fields the adapter reads; the rest are placeholders. */
export function claim(source: string, value: Value, wording: string, extra: Partial<Claim> = {}): Claim {
  seq++;
  return {
    id: `c${seq}`,
    source,
    subject: 'battle',
    property: 'troops',
    value,
    wording,
    quote: { exact: wording, start: 0, end: wording.length },
    citations: [],
    status: 'reviewed',
    ...extra,
  };
}

export function quantity(
  amount: number,
  comparator: 'exact' | 'approx' | 'almost' | 'gt' | 'gte' | 'lt' | 'lte' | 'range' = 'exact',
  unit = 'soldiers',
): Value {
  return { type: 'quantity', comparator, amount, unit };
}
