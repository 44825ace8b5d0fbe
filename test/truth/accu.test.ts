import { describe, expect, it } from 'vitest';
import { discoverTruth } from '../../server/truth/discover.js';
import type { ItemVerdict, Observation, TruthResult } from '../../server/truth/types.js';
import { obs, reliableVersusLiar } from './fixtures.js';
import { expectTrustAndConfidenceInUnitRange } from './unit-range.js';

const item = (result: TruthResult, name: string): ItemVerdict => {
  const found = result.items.find((v) => v.item === name);
  if (!found) throw new Error(`no item ${name}`);
  return found;
};
const trustOf = (result: TruthResult, source: string): number => result.sources.find((s) => s.source === source)!.trust;
const accu = (data: readonly Observation[], settings: Record<string, unknown> = {}): TruthResult =>
  discoverTruth(data, { method: 'accu', settings: { accu: settings } });

/** Reproducible mix of honest sources and sloppy ones (typos, vandalism) over 60 items. */
function scrambled(count: number): Observation[] {
  let state = 777;
  const next = (m: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % m;
  };
  return Array.from({ length: count }, () => {
    const i = next(60);
    const truth = 20_000 + i * 311;
    const source = `s${next(25)}`;
    const bad = Number(source.slice(1)) < 5 && next(2) === 0;
    return { item: `i${i}`, source, value: bad ? [0, truth + 1000, 1e14][next(3)]! : truth };
  });
}

describe('accu: convergence', () => {
  it('converges, reports it, and keeps trust and confidence in [0, 1]', () => {
    const result = accu(scrambled(600));
    expect(result.method).toBe('accu');
    expect(result.convergence.converged).toBe(true);
    expect(result.convergence.iterations).toBeGreaterThan(1);
    expect(result.convergence.delta).toBeLessThanOrEqual(1e-4);
    expectTrustAndConfidenceInUnitRange(result);
  });

  it('says so when the iteration limit stops it first', () => {
    const result = accu(scrambled(600), { maxIterations: 1 });
    expect(result.convergence).toMatchObject({ iterations: 1, converged: false });
  });

  it('recovers the planted truth and ranks sloppy sources below honest ones', () => {
    const result = accu(scrambled(600));
    const right = result.items.filter((v) => v.chosen.value === 20_000 + Number(v.item.slice(1)) * 311).length;
    expect(right / result.items.length).toBeGreaterThan(0.95);
    const mean = (names: string[]): number => names.reduce((sum, n) => sum + trustOf(result, n), 0) / names.length;
    expect(mean(['s0', 's1', 's2', 's3', 's4'])).toBeLessThan(mean(['s10', 's11', 's12', 's13', 's14']));
  });

  it('converges with copy detection on, damped', () => {
    expect(accu(scrambled(600), { copyDetection: true, step: 0.5 }).convergence.converged).toBe(true);
  });
});

describe('accu: ties', () => {
  const data = obs(['x', 'a', 5], ['x', 'b', 7], ['y', 'c', 'red'], ['y', 'd', 'blue']);

  it('are broken the same way on every run and in any row order, and reported as ties', () => {
    const first = accu(data);
    const reversed = accu([...data].reverse());
    for (const name of ['x', 'y']) expect(item(reversed, name).chosen.value).toBe(item(first, name).chosen.value);
    const x = item(first, 'x');
    expect(x.tieBreak).toMatch(/fixed hash/);
    expect(x.chosen.confidence).toBeCloseTo(x.alternatives[0]!.confidence, 12);
  });

  it('two sources beat one when nothing else is known', () => {
    const z = item(accu(obs(['z', 'a', 1], ['z', 'b', 1], ['z', 'c', 900])), 'z');
    expect(z.chosen.value).toBe(1);
    expect(z.tieBreak).toBeUndefined();
  });
});

describe('accu: single-source items', () => {
  it('take the only value, low-evidence, with the confidence of the source accuracy', () => {
    const result = accu(obs(['q', 'nobody', 3]));
    const q = item(result, 'q');
    expect(q.chosen.value).toBe(3);
    expect(q.lowEvidence).toBe(true);
    // With one source the value's probability is that source's accuracy; an unshared item leaves it at the prior.
    expect(q.chosen.confidence).toBeCloseTo(0.8, 6);
    expect(trustOf(result, 'nobody')).toBeCloseTo(0.8, 6);
  });

  it('neither raise nor lower the trust of a source: only shared items are evidence', () => {
    const base = reliableVersusLiar(6);
    const padded = [...base, ...Array.from({ length: 200 }, (_, i): Observation => ({ item: `solo-${i}`, source: 'liar', value: i }))];
    expect(trustOf(accu(padded), 'liar')).toBeCloseTo(trustOf(accu(base), 'liar'), 6);
  });
});

describe('accu: trust and similarity', () => {
  it('earns trust by agreeing, loses it by contradicting, and decides a one-to-one conflict', () => {
    const result = accu(reliableVersusLiar(6));
    expect(trustOf(result, 'reliable')).toBeGreaterThan(trustOf(result, 'liar') + 0.3);
    expect(item(result, 'contested').chosen.value).toBe(17);
  });

  it('lets a typo support its original but not a value 3 % away', () => {
    const city = item(accu(obs(['m', 'a', 29_674], ['m', 'b', 29_675], ['m', 'c', 30_641])), 'm');
    expect([29_674, 29_675]).toContain(city.chosen.value);
    expect(city.alternatives.find((a) => a.value === 30_641)!.confidence).toBeLessThan(city.chosen.confidence);
  });
});

describe('accu: determinism', () => {
  it('gives identical trust and confidences on every run and in any row order', () => {
    const data = scrambled(400);
    const a = accu(data);
    const b = accu([...data].reverse());
    const byName = (r: TruthResult): Map<string, number> => new Map(r.sources.map((s) => [s.source, s.trust]));
    const [ta, tb] = [byName(a), byName(b)];
    for (const [name, t] of ta) expect(tb.get(name)).toBeCloseTo(t, 9);
    for (const v of a.items)
      expect(item(b, v.item).chosen).toMatchObject({ value: v.chosen.value, confidence: expect.closeTo(v.chosen.confidence, 9) });
    expect(accu(data)).toEqual(a);
  });
});
