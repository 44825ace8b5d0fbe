// The trust-update loop every iterative method shares (TruthFinder, Accu, AccuCopy): score the facts
// with the current trust, credit each source with the scores of its facts, and move its trust a
// fraction `step` of the way to
//   t(s) = (k * prior + credit(s)) / (k + count(s))
// until no source moves by more than the tolerance. A reviewer's judgement of a source (reviewer.ts)
// replaces the method's prior and raises its strength k. The methods differ only in how facts are
// scored and what a source is credited with, which they pass in; the loop, the prior, the damping and
// the stopping rule are this one code.
import type { ReviewerPriors } from './reviewer.js';

export interface TrustLoopSettings {
  /** Prior trust of a source the reviewer has not judged, and its weight in pseudo-items. */
  prior: number;
  priorStrength: number;
  /** Fraction of the way to the target moved per iteration (damping). */
  step: number;
  tolerance: number;
  /** Budget of iterations, counted across calls (`done` says how many were spent before). */
  maxIterations: number;
}

export interface TrustScoring {
  /** Re-scores the facts from the current trust: called once per iteration, before any source is credited. */
  refresh(): void;
  /**
   * `base` (the prior's pseudo-items, strength × prior) plus the source's credit, summed in the
   * method's own order (floating-point sums depend on it, and results must not move).
   */
  credit(source: number, base: number): number;
  /** How many items the credit stands for. */
  creditCount(source: number): number;
}

export interface TrustLoopResult {
  /** Iterations spent in all, `done` included. */
  iterations: number;
  /** Iterations run by this call. */
  ran: number;
  /** Largest move of any source's trust in the last iteration (Infinity when none ran). */
  delta: number;
}

/** Iterates `trust` (in place) to its fixed point under `scoring`, or until the iteration budget is spent. */
export function iterateTrust(
  trust: Float64Array,
  settings: TrustLoopSettings,
  scoring: TrustScoring,
  reviewer?: ReviewerPriors,
  done = 0,
): TrustLoopResult {
  let delta = Infinity;
  let iterations = done;
  let ran = 0;
  while (iterations < settings.maxIterations && delta > settings.tolerance) {
    iterations++;
    ran++;
    scoring.refresh();
    delta = 0;
    for (let s = 0; s < trust.length; s++) {
      const reviewed = reviewer !== undefined && !Number.isNaN(reviewer.prior[s]!);
      const prior = reviewed ? reviewer.prior[s]! : settings.prior;
      const strength = reviewed ? Math.max(settings.priorStrength, reviewer.priorStrength[s]!) : settings.priorStrength;
      const target = scoring.credit(s, strength * prior) / (strength + scoring.creditCount(s));
      const next = trust[s]! + settings.step * (target - trust[s]!);
      delta = Math.max(delta, Math.abs(next - trust[s]!));
      trust[s] = next;
    }
  }
  return { iterations, ran, delta };
}
