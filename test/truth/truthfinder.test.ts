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

/** A few hundred observations from a fixed linear congruential sequence: varied but reproducible. */
function scrambled(count: number): Observation[] {
  let state = 12345;
  const next = (m: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % m;
  };
  return Array.from({ length: count }, () => {
    const i = next(60);
    const truth = 10_000 + i * 137;
    const source = `s${next(25)}`;
    // Sources s0..s4 are sloppy: half their values are typos or vandalism.
    const bad = Number(source.slice(1)) < 5 && next(2) === 0;
    return { item: `i${i}`, source, value: bad ? [0, truth + 9, 1e14][next(3)]! : truth };
  });
}

describe('convergence', () => {
  it('converges within the iteration limit and reports it', () => {
    const result = discoverTruth(scrambled(600));
    expect(result.convergence.converged).toBe(true);
    expect(result.convergence.iterations).toBeGreaterThan(1);
    expect(result.convergence.iterations).toBeLessThan(1000);
    expect(result.convergence.delta).toBeLessThanOrEqual(1e-4);
  });

  it('says so when the iteration limit stops it first', () => {
    const result = discoverTruth(scrambled(600), { settings: { truthfinder: { maxIterations: 2 } } });
    expect(result.convergence).toMatchObject({ iterations: 2, converged: false });
    expect(result.convergence.delta).toBeGreaterThan(1e-4);
  });

  it('keeps every trust and confidence in [0, 1]', () => {
    const result = discoverTruth(scrambled(600));
    expectTrustAndConfidenceInUnitRange(result);
  });

  it('recovers the planted truth where honest sources are the majority of an item', () => {
    const data = scrambled(600);
    const result = discoverTruth(data);
    const right = result.items.filter((v) => v.chosen.value === 10_000 + Number(v.item.slice(1)) * 137).length;
    expect(right / result.items.length).toBeGreaterThan(0.95);
  });
});

describe('ties', () => {
  const data = obs(['x', 'a', 5], ['x', 'b', 7], ['y', 'c', 'red'], ['y', 'd', 'blue']);

  it('are broken the same way on every run and in any row order', () => {
    const first = discoverTruth(data);
    const again = discoverTruth(data);
    const reversed = discoverTruth([...data].reverse());
    for (const name of ['x', 'y']) {
      expect(item(again, name).chosen.value).toBe(item(first, name).chosen.value);
      expect(item(reversed, name).chosen.value).toBe(item(first, name).chosen.value);
    }
  });

  it('are reported as ties, not passed off as a finding', () => {
    const x = item(discoverTruth(data), 'x');
    expect(x.tieBreak).toMatch(/fixed hash/);
    expect(x.chosen.confidence).toBeCloseTo(x.alternatives[0]!.confidence, 12);
    expect(x.lowEvidence).toBe(true);
  });

  it('do not arise between two sources and one when nothing else is known: the two win', () => {
    const z = item(discoverTruth(obs(['z', 'a', 1], ['z', 'b', 1], ['z', 'c', 900])), 'z');
    expect(z.chosen.value).toBe(1);
    expect(z.tieBreak).toBeUndefined();
    expect(z.chosen.confidence).toBeGreaterThan(z.alternatives[0]!.confidence);
  });

  it('are broken by majority in the vote baseline too', () => {
    const result = discoverTruth(obs(['z', 'a', 1], ['z', 'b', 1], ['z', 'c', 900]), { method: 'vote' });
    expect(item(result, 'z').chosen).toMatchObject({ value: 1, confidence: 2 / 3 });
  });
});

describe('single-source items', () => {
  it('take the only value, flagged low-evidence, with the confidence its source earned', () => {
    const data = [...reliableVersusLiar(6), ...obs(['alone', 'reliable', 12])];
    const result = discoverTruth(data);
    const alone = item(result, 'alone');
    expect(alone.chosen.value).toBe(12);
    expect(alone.alternatives).toEqual([]);
    expect(alone.lowEvidence).toBe(true);
    expect(alone.lowEvidenceReason).toContain('only 1 source');
    expect(alone.chosen.confidence).toBeGreaterThan(0.5);
  });

  it('from an unknown source get confidence 0.5: no evidence either way', () => {
    const alone = item(discoverTruth(obs(['q', 'nobody', 3])), 'q');
    // Trust starts at initialTrust and relaxes to the prior 0.5 until it moves less than the tolerance.
    expect(alone.chosen.confidence).toBeCloseTo(0.5, 3);
  });
});

describe('trust', () => {
  it('is earned by agreeing and lost by contradicting, and it decides a one-to-one conflict', () => {
    const result = discoverTruth(reliableVersusLiar(6));
    expect(trustOf(result, 'reliable')).toBeGreaterThan(0.6);
    expect(trustOf(result, 'liar')).toBeLessThan(0.4);
    expect(item(result, 'contested').chosen.value).toBe(17);
  });
});

describe('similarity support', () => {
  const data = obs(['city', 'a', 742_884], ['city', 'b', 742_880], ['city', 'c', 1_850_230]);

  it('lets close values support each other against a distant one', () => {
    const city = item(discoverTruth(data), 'city');
    expect([742_884, 742_880]).toContain(city.chosen.value);
    const distant = city.alternatives.find((a) => a.value === 1_850_230)!;
    expect(city.chosen.confidence).toBeGreaterThan(distant.confidence);
    expect(city.chosen.closeValues[0]).toMatchObject({ value: expect.any(Number) });
    expect(city.chosen.closeValues[0]!.similarity).toBeGreaterThan(0.99);
  });

  it('is something vote does not do: there the three values tie', () => {
    const city = item(discoverTruth(data, { method: 'vote' }), 'city');
    expect(city.tieBreak).toBeDefined();
  });

  it('counts for more the closer the values are', () => {
    const near = item(discoverTruth(obs(['c', 'a', 1000], ['c', 'b', 1001], ['c', 'x', 5000])), 'c');
    const far = item(discoverTruth(obs(['c', 'a', 1000], ['c', 'b', 1300], ['c', 'x', 5000])), 'c');
    expect([1000, 1001]).toContain(near.chosen.value);
    const confidenceOf = (v: ItemVerdict, value: number): number =>
      [v.chosen, ...v.alternatives].find((f) => f.value === value)!.confidence;
    expect(confidenceOf(near, 1000)).toBeGreaterThan(confidenceOf(far, 1000));
  });
});

describe('interval support', () => {
  it('an interval ("over 72,000") supports every value inside it', () => {
    const data: Observation[] = [
      { item: 'army', source: 'a', value: 72_000, interval: [72_000, Infinity] },
      { item: 'army', source: 'b', value: 80_000 },
      { item: 'army', source: 'c', value: 30_000 },
    ];
    const army = item(discoverTruth(data), 'army');
    const eighty = [army.chosen, ...army.alternatives].find((f) => f.value === 80_000)!;
    const thirty = [army.chosen, ...army.alternatives].find((f) => f.value === 30_000)!;
    expect(eighty.confidence).toBeGreaterThan(thirty.confidence);
    expect(eighty.closeValues).toContainEqual(expect.objectContaining({ value: 72_000, interval: [72_000, Infinity], similarity: 1 }));
    expect(thirty.closeValues.find((c) => c.value === 72_000)?.similarity ?? 0).toBeLessThan(1e-3);
  });

  it('rejects an observation whose value lies outside its own interval', () => {
    expect(() => discoverTruth([{ item: 'a', source: 's', value: 5, interval: [10, 20] }])).toThrow(
      /truth: observation 0: value 5 lies outside its interval/,
    );
  });
});
