// The one trust-update loop of the iterative methods: its fixed point, the reviewer's prior, damping,
// the iteration budget shared across calls, and the order of the credit sum left to the method.
import { describe, expect, it } from 'vitest';
import { iterateTrust, type TrustScoring } from '../../server/truth/iterate.js';
import type { ReviewerPriors } from '../../server/truth/reviewer.js';

const settings = { prior: 0.5, priorStrength: 2, step: 1, tolerance: 1e-12, maxIterations: 100 };

/** Each source credited with fixed scores (as if facts did not depend on trust), counting refreshes. */
function fixed(scores: number[][]): TrustScoring & { refreshes: number } {
  const scoring = {
    refreshes: 0,
    refresh: () => {
      scoring.refreshes++;
    },
    credit: (s: number, base: number) => scores[s]!.reduce((sum, x) => sum + x, base),
    creditCount: (s: number) => scores[s]!.length,
  };
  return scoring;
}

describe('iterateTrust', () => {
  it('moves each source to (k * prior + credit) / (k + count) and stops once nothing moves', () => {
    const trust = new Float64Array([0.9, 0.9]);
    const scoring = fixed([[1, 1], []]);
    const run = iterateTrust(trust, settings, scoring);
    expect(trust[0]).toBeCloseTo((2 * 0.5 + 2) / 4, 12);
    expect(trust[1]).toBeCloseTo(0.5, 12); // no items: the prior alone
    expect(run).toMatchObject({ iterations: 2, ran: 2, delta: 0 });
    expect(scoring.refreshes).toBe(2);
  });

  it("takes a reviewer's prior and strength in place of the method's for the judged source only", () => {
    const trust = new Float64Array([0.5, 0.5]);
    const reviewer: ReviewerPriors = {
      factSourceWeight: new Float64Array(),
      sourceFactWeight: new Float64Array(),
      prior: new Float64Array([0.9, Number.NaN]),
      priorStrength: new Float64Array([10, 0]),
    };
    iterateTrust(
      trust,
      settings,
      fixed([
        [0, 0],
        [0, 0],
      ]),
      reviewer,
    );
    expect(trust[0]).toBeCloseTo((10 * 0.9) / 12, 12);
    expect(trust[1]).toBeCloseTo((2 * 0.5) / 4, 12);
  });

  it('damps each move by step and spends one budget of iterations across calls', () => {
    const trust = new Float64Array([0]);
    const first = iterateTrust(trust, { ...settings, step: 0.5, maxIterations: 3 }, fixed([[1, 1, 1, 1, 1, 1, 1, 1]]));
    expect(first).toMatchObject({ iterations: 3, ran: 3 });
    const target = (2 * 0.5 + 8) / 10;
    expect(trust[0]).toBeCloseTo(target * (1 - 0.5 ** 3), 12);
    const again = iterateTrust(trust, { ...settings, step: 0.5, maxIterations: 3 }, fixed([[1]]), undefined, first.iterations);
    expect(again).toMatchObject({ iterations: 3, ran: 0, delta: Infinity });
  });
});
