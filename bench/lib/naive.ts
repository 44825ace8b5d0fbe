// The baseline grouping is measured against: every claim against every other claim, the pair
// compared (with the engine's own comparePair) only when both share subject and property. Same
// comparisons as the engine's rule-based pairs, O(n²) work: feasible at 10k claims, not beyond.
import type { Claim, Property } from '../../server/core/model.js';
import { DEFAULT_RECONCILE_SETTINGS, prepareClaim } from '../../server/core/reconcile.js';
import { comparePair } from '../../server/core/pairs.js';
import type { Outcome } from '../../server/core/types.js';

export interface NaiveResult {
  /** Pairs looked at: n (n − 1) / 2. */
  pairs: number;
  /** Rule-based comparisons found (curated and arithmetic ones are not part of the baseline). */
  outcomes: Outcome[];
}

export function naiveAllPairs(
  claims: readonly Claim[],
  properties: readonly Property[],
  entityLabel?: (id: string) => string,
): NaiveResult {
  const live = claims.filter((c) => c.status !== 'rejected');
  const prepared = live.map((c) => prepareClaim(c, DEFAULT_RECONCILE_SETTINGS, entityLabel));
  const property = new Map(properties.map((p) => [p.id, p]));
  const outcomes: Outcome[] = [];
  let pairs = 0;
  for (let i = 0; i < prepared.length; i++) {
    const x = prepared[i]!;
    for (let j = i + 1; j < prepared.length; j++) {
      pairs++;
      const y = prepared[j]!;
      if (x.claim.subject !== y.claim.subject || x.claim.property !== y.claim.property) continue;
      const [a, b] = x.claim.id < y.claim.id ? [x, y] : [y, x];
      const outcome = comparePair(a, b, property.get(a.claim.property));
      if (outcome) outcomes.push(outcome);
    }
  }
  return { pairs, outcomes };
}
