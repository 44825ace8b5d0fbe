// A check both truth methods' tests make: every source's trust and every value's confidence lie in [0, 1].
import { expect } from 'vitest';

interface Confident {
  confidence: number;
}
interface ResultLike {
  sources: readonly { trust: number }[];
  items: readonly { chosen: Confident; alternatives: readonly Confident[] }[];
}

export function expectTrustAndConfidenceInUnitRange(result: ResultLike): void {
  for (const s of result.sources) {
    expect(s.trust).toBeGreaterThanOrEqual(0);
    expect(s.trust).toBeLessThanOrEqual(1);
  }
  for (const v of result.items) {
    for (const f of [v.chosen, ...v.alternatives]) {
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
  }
}
