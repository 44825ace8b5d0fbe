// One item with tens of thousands of distinct values (one paste of many same-subject figures): the
// fact graph keeps each number's nearest neighbours only (pairs.ts) and TruthFinder counts a source's
// other values for the item from precomputed runs. Checked against references, not against a clock.
import { describe, expect, it } from 'vitest';
import { discoverTruth } from '../../server/truth/discover.js';
import { buildFactGraph, type FactGraph } from '../../server/truth/graph.js';
import { iterateTrust } from '../../server/truth/iterate.js';
import { resolveSettings } from '../../server/truth/settings.js';
import { truthfinder } from '../../server/truth/truthfinder.js';
import type { Observation } from '../../server/truth/types.js';

/** TruthFinder as written before the runs: each of a source's facts walks the source's other facts of the item. */
function referenceTruthFinder(graph: FactGraph, settings: ReturnType<typeof resolveSettings>): { confidence: number[]; trust: number[] } {
  const p = settings.truthfinder;
  const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
  const pairSim = (g: number, f: number): number => {
    for (let j = graph.pairStart[f]!; j < graph.pairStart[f + 1]!; j++) if (graph.pairFrom[j] === g) return graph.pairSim[j]!;
    return 0;
  };
  const facts = graph.factValue.length;
  const trust = new Float64Array(graph.sources.length).fill(p.initialTrust);
  const vote = new Float64Array(graph.sources.length);
  const adjusted = new Float64Array(facts);
  const refresh = (): void => {
    trust.forEach((t, s) => {
      const c = Math.min(Math.max(t, 1 - p.maxTrust), p.maxTrust);
      vote[s] = Math.log(c / (1 - c));
    });
    const sigma = Array.from({ length: facts }, (_, f) => {
      let sum = 0;
      for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) sum += vote[graph.factSources[j]!]!;
      return sum;
    });
    for (let f = 0; f < facts; f++) {
      let implied = 0;
      for (let g = graph.itemFactStart[graph.factItem[f]!]!; g < graph.itemFactStart[graph.factItem[f]! + 1]!; g++) {
        if (g !== f) implied += (pairSim(g, f) - p.baseSimilarity) * sigma[g]!;
      }
      adjusted[f] = sigma[f]! + p.implicationWeight * implied;
    }
  };
  const ownOf = (w: number, f: number): number => {
    let own = vote[w]!;
    for (let j = graph.sourceFactStart[w]!; j < graph.sourceFactStart[w + 1]!; j++) {
      const g = graph.sourceFacts[j]!;
      if (g !== f && graph.factItem[g] === graph.factItem[f]) own += p.implicationWeight * (pairSim(g, f) - p.baseSimilarity) * vote[w]!;
    }
    return own;
  };
  iterateTrust(
    trust,
    { prior: p.priorTrust, priorStrength: p.priorStrength, step: p.step, tolerance: p.tolerance, maxIterations: p.maxIterations },
    {
      refresh,
      credit: (w, base) => {
        let sum = base;
        for (let j = graph.sourceFactStart[w]!; j < graph.sourceFactStart[w + 1]!; j++) {
          const f = graph.sourceFacts[j]!;
          sum += sigmoid(p.dampening * (adjusted[f]! - ownOf(w, f)));
        }
        return sum;
      },
      creditCount: (w) => graph.sourceFactStart[w + 1]! - graph.sourceFactStart[w]!,
    },
  );
  refresh();
  return { confidence: Array.from(adjusted, (a) => sigmoid(p.dampening * a)), trust: Array.from(trust) };
}

describe('truth discovery on one item with very many distinct values', () => {
  it('counts a source’s several values for one item as the reference walk does, with neighbours capped', () => {
    // Two sources each state many close values of one item (runs of 70, longer than the ones walked
    // value by value, and values that support each other), two more agree on one; maxNeighbours 3
    // makes the graph keep 3 a side.
    const observations: Observation[] = [];
    for (let i = 0; i < 140; i++) observations.push({ item: 'x', source: i % 2 ? 'pasteA' : 'pasteB', value: 1000 + 3 * i });
    observations.push(
      { item: 'x', source: 'c', value: 1060 },
      { item: 'x', source: 'd', value: 1060 },
      { item: 'x', source: 'pasteA', value: 1060.5 },
      { item: 'x', source: 'd', value: 1400 },
    );
    observations.push(
      { item: 'y', source: 'c', value: 5 },
      { item: 'y', source: 'd', value: 5 },
      { item: 'y', source: 'pasteA', value: 9 },
    );
    const settings = resolveSettings({ similarity: { maxNeighbours: 3 } });
    const graph = buildFactGraph(observations, settings.similarity);
    for (let f = 0; f < graph.factValue.length; f++) expect(graph.pairStart[f + 1]! - graph.pairStart[f]!).toBeLessThanOrEqual(6);
    const out = truthfinder.run(graph, settings);
    const reference = referenceTruthFinder(graph, settings);
    Array.from(out.factConfidence).forEach((c, f) => expect(c).toBeCloseTo(reference.confidence[f]!, 10));
    Array.from(out.trust).forEach((t, s) => expect(t).toBeCloseTo(reference.trust[s]!, 10));
  });

  it('keeps exactly the nearest numbers on either side once an item has more values than 2n + 1', () => {
    const values = [50, 1, 7, 3, 9, 100, 4, 8, 2, 6, 5];
    const settings = resolveSettings({ similarity: { maxNeighbours: 2, minSimilarity: 0, relativeScale: 1e6 } });
    const graph = buildFactGraph(
      values.map((value) => ({ item: 'x', source: 's', value })),
      settings.similarity,
    );
    const sorted = [...values].sort((a, b) => a - b);
    values.forEach((v, f) => {
      const at = sorted.indexOf(v);
      const expected = sorted
        .slice(Math.max(0, at - 2), at + 3)
        .filter((w) => w !== v)
        .sort((a, b) => a - b);
      const stored = Array.from(graph.pairFrom.subarray(graph.pairStart[f]!, graph.pairStart[f + 1]!), (g) => graph.factValue[g] as number);
      expect(stored.sort((a, b) => a - b)).toEqual(expected);
    });
  });

  it('analyses 20,000 distinct figures of one item from one source and picks the corroborated one', () => {
    // Figures 1,000 apart on an absolute scale of 200, each supporting only its two neighbours; three
    // other sources state one of them, 7,000,000.
    const observations: Observation[] = [];
    for (let i = 1; i <= 20_000; i++) observations.push({ item: 'walk', source: 'paste', value: 1000 * i, scale: 200 });
    for (const source of ['a', 'b', 'c']) observations.push({ item: 'walk', source, value: 7_000_000, scale: 200 });
    for (const source of ['a', 'b', 'c', 'paste']) observations.push({ item: 'other', source, value: source === 'c' ? 12 : 11 });
    const result = discoverTruth(observations);
    const walk = result.items.find((v) => v.item === 'walk')!;
    expect(walk.chosen.value).toBe(7_000_000);
    expect(walk.alternatives).toHaveLength(19_999);
    expect(walk.chosen.sources.map((s) => s.source).sort()).toEqual(['a', 'b', 'c', 'paste']);
    expect(walk.chosen.closeValues.map((c) => c.value).sort()).toEqual([6_999_000, 7_001_000]);
    expect(result.convergence.converged).toBe(true);
  });
});
