// Accu and AccuCopy (Dong, Berti-Equille & Srivastava, "Integrating Conflicting Data: The Role of
// Source Dependence", VLDB 2009): a Bayesian vote in which a source of accuracy A(s) adds
//   tau(s)  = ln(n A(s) / (1 - A(s)))                      n = number of false values an item can take
// to each value it states, similar values lend each other part of their count,
//   C*(f)   = C(f) + rho * sum over the item's other facts g of sim(g, f) * C(g)
// and the probability of each value is a softmax over the item's domain, where the n + 1 - |D| values
// nobody states count exp(0) each:
//   P(f)    = exp(C*(f)) / (sum over stated g of exp(C*(g)) + max(0, n + 1 - |D|))
//   A(s)    = (k * A_prior + sum of P_-s(f) over its shared values) / (k + |shared values of s|)
// where P_-s(f) is f's probability with s's own vote taken out, and only items that another source also
// covers count (accu.leaveOneOut; false gives the paper's A(s) = mean P(f) over all its values). Without
// it, a prolific source's agreement with itself decides: a bot filling 25,000 infoboxes wins every
// one-against-one item, its accuracy climbs to the clamp, and the iteration never settles. An item
// nobody else states carries no evidence about its source either way, so it is left out.
//
// Copy detection (AccuCopy), off by default (accu.copyDetection; on the population benchmark it does
// not converge and loses accuracy, see bench/results/truth.md): two sources that share items are
// scored for dependence by the likelihood of their agreements and disagreements under independence and under copying (rate c):
// sharing a true value is weak evidence of copying, sharing a false one is strong, and differing is
// evidence against. A value's count then takes each of its sources (most accurate first) with weight
// prod over the sources before it of (1 - c * P(dependent)), so a copier adds little to its original.
//
// Other departures, all settings: similarity uses its own sharper scale (typos such as 29,674 / 29,675
// support each other, 29,674 / 30,641 do not), computed on the pairs the graph stored; a prior of k
// pseudo-values keeps a source seen once from an extreme accuracy; optional damped updates (step).
import type { FactGraph } from './graph.js';
import type { AccuSettings, TruthSettings } from './settings.js';
import { numericSimilarity } from './similarity.js';
import type { MethodOutput, TruthMethod } from './types.js';

/** Pairs of sources that state values for the same items, with the facts each states there. */
interface SharedPairs {
  a: Int32Array;
  b: Int32Array;
  /** Records of pair p: recStart[p] .. recStart[p + 1] - 1; factA / factB the facts of a and b on one shared item. */
  recStart: Int32Array;
  factA: Int32Array;
  factB: Int32Array;
}

/** Every pair of sources meeting on at least minShared items. Quadratic per item only (few sources each). */
function sharedPairs(graph: FactGraph, minShared: number): SharedPairs {
  const records = new Map<number, number[]>();
  const keyScale = graph.sources.length;
  for (let item = 0; item < graph.items.length; item++) {
    const first = graph.itemFactStart[item]!;
    const end = graph.itemFactStart[item + 1]!;
    // One fact per source on the item (a source stating two values for one item: its first).
    const bySource = new Map<number, number>();
    for (let f = first; f < end; f++) {
      for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) {
        const s = graph.factSources[j]!;
        if (!bySource.has(s)) bySource.set(s, f);
      }
    }
    if (bySource.size < 2) continue;
    const list = [...bySource].sort((x, y) => x[0] - y[0]);
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]![0] * keyScale + list[y]![0];
        let r = records.get(key);
        if (r === undefined) records.set(key, (r = []));
        r.push(list[x]![1], list[y]![1]);
      }
    }
  }
  const kept = [...records].filter(([, r]) => r.length / 2 >= minShared).sort((x, y) => x[0] - y[0]);
  const a = new Int32Array(kept.length);
  const b = new Int32Array(kept.length);
  const recStart = new Int32Array(kept.length + 1);
  kept.forEach(([key, r], p) => {
    a[p] = Math.floor(key / keyScale);
    b[p] = key % keyScale;
    recStart[p + 1] = recStart[p]! + r.length / 2;
  });
  const factA = new Int32Array(recStart[kept.length]!);
  const factB = new Int32Array(recStart[kept.length]!);
  kept.forEach(([, r], p) => {
    for (let k = 0; k < r.length / 2; k++) {
      factA[recStart[p]! + k] = r[2 * k]!;
      factB[recStart[p]! + k] = r[2 * k + 1]!;
    }
  });
  return { a, b, recStart, factA, factB };
}

/** Posterior probability that each pair of sources is dependent, given current accuracies and value probabilities. */
function dependence(pairs: SharedPairs, accuracy: Float64Array, probability: Float64Array, p: AccuSettings, out: Float64Array): number {
  let moved = 0;
  const n = p.falseValues;
  const c = p.copyRate;
  const priorLogOdds = Math.log(p.copyPrior / (1 - p.copyPrior));
  for (let q = 0; q < pairs.a.length; q++) {
    const a1 = accuracy[pairs.a[q]!]!;
    const a2 = accuracy[pairs.b[q]!]!;
    const copied = (a1 + a2) / 2;
    const bothTrue = a1 * a2;
    const bothFalse = ((1 - a1) * (1 - a2)) / n;
    const differ = Math.max(1e-12, 1 - bothTrue - bothFalse);
    let logRatio = priorLogOdds;
    for (let k = pairs.recStart[q]!; k < pairs.recStart[q + 1]!; k++) {
      const f = pairs.factA[k]!;
      if (f !== pairs.factB[k]) {
        logRatio += Math.log(1 - c);
        continue;
      }
      const t = probability[f]!;
      const independent = t * bothTrue + (1 - t) * bothFalse;
      const copying = t * (c * copied + (1 - c) * bothTrue) + (1 - t) * (c * (1 - copied) + (1 - c) * bothFalse);
      logRatio += Math.log(copying / independent);
    }
    // Damped like accuracy, and reported in the convergence delta: dependence and accuracy feed each other.
    const next = out[q]! + p.step * (1 / (1 + Math.exp(-logRatio)) - out[q]!);
    moved = Math.max(moved, Math.abs(next - out[q]!));
    out[q] = next;
  }
  return moved;
}

/** Pair index by (lower source index * sourceCount + higher): finds two sources' dependence inside a fact. */
function pairIndex(pairs: SharedPairs, sourceCount: number): Map<number, number> {
  const index = new Map<number, number>();
  for (let q = 0; q < pairs.a.length; q++) index.set(pairs.a[q]! * sourceCount + pairs.b[q]!, q);
  return index;
}

/** P over facts first..end-1 of one item from their adjusted counts; the unstated values count exp(0) each. */
function softmax(adjusted: Float64Array, first: number, end: number, n: number, out: Float64Array): void {
  let top = 0;
  for (let f = first; f < end; f++) top = Math.max(top, adjusted[f]!);
  let total = Math.max(0, n + 1 - (end - first)) * Math.exp(-top);
  for (let f = first; f < end; f++) total += Math.exp(adjusted[f]! - top);
  for (let f = first; f < end; f++) out[f] = Math.exp(adjusted[f]! - top) / total;
}

/** The same probability for one entry of a buffer of `size` adjusted counts. */
function softmaxAt(buffer: Float64Array, size: number, n: number, at: number): number {
  let top = 0;
  for (let k = 0; k < size; k++) top = Math.max(top, buffer[k]!);
  let total = Math.max(0, n + 1 - size) * Math.exp(-top);
  for (let k = 0; k < size; k++) total += Math.exp(buffer[k]! - top);
  return Math.exp(buffer[at]! - top) / total;
}

function runAccu(graph: FactGraph, settings: TruthSettings): MethodOutput {
  const p = settings.accu;
  const copyDetection = p.copyDetection;
  const sourceCount = graph.sources.length;
  const factCount = graph.factValue.length;
  const n = p.falseValues;
  const accuracy = new Float64Array(sourceCount).fill(p.initialAccuracy);
  const vote = new Float64Array(sourceCount);
  const count = new Float64Array(factCount);
  const adjusted = new Float64Array(factCount);
  const probability = new Float64Array(factCount);

  // Similarities at the method's own (sharper) scale, on the pairs the graph stored; numbers only.
  const sim = new Float64Array(graph.pairSim.length);
  for (let f = 0; f < factCount; f++) {
    const shape = graph.factShape[f]!;
    for (let j = graph.pairStart[f]!; j < graph.pairStart[f + 1]!; j++) {
      const other = graph.factShape[graph.pairFrom[j]!]!;
      sim[j] = shape.kind === 'number' && other.kind === 'number' ? numericSimilarity(other, shape, p.relativeScale) : graph.pairSim[j]!;
    }
  }
  const outSim = new Float64Array(graph.supportSim.length);
  for (let f = 0; f < factCount; f++) {
    const shape = graph.factShape[f]!;
    for (let j = graph.supportStart[f]!; j < graph.supportStart[f + 1]!; j++) {
      const other = graph.factShape[graph.supportTo[j]!]!;
      outSim[j] = shape.kind === 'number' && other.kind === 'number' ? numericSimilarity(shape, other, p.relativeScale) : graph.supportSim[j]!;
    }
  }

  const pairs = copyDetection ? sharedPairs(graph, p.minSharedItems) : undefined;
  const dep = new Float64Array(pairs ? pairs.a.length : 0);
  const index = pairs ? pairIndex(pairs, sourceCount) : new Map<number, number>();
  const order: number[] = [];

  // Each source's weighted vote on each fact, by position in factSources (copy detection discounts it).
  const effective = new Float64Array(graph.factSources.length);
  const computeProbabilities = (): void => {
    for (let s = 0; s < sourceCount; s++) {
      const a = Math.min(Math.max(accuracy[s]!, 1 - p.maxAccuracy), p.maxAccuracy);
      vote[s] = Math.log((n * a) / (1 - a));
    }
    for (let f = 0; f < factCount; f++) {
      const start = graph.factSourceStart[f]!;
      const end = graph.factSourceStart[f + 1]!;
      if (!pairs || end - start < 2) {
        let sum = 0;
        for (let j = start; j < end; j++) sum += effective[j] = vote[graph.factSources[j]!]!;
        count[f] = sum;
        continue;
      }
      // Most accurate first (index breaks ties, so the order is fixed); each later source is
      // discounted by its dependence on every earlier one.
      order.length = 0;
      for (let j = start; j < end; j++) order.push(j);
      order.sort((x, y) => accuracy[graph.factSources[y]!]! - accuracy[graph.factSources[x]!]! || x - y);
      let sum = 0;
      for (let i = 0; i < order.length; i++) {
        const s = graph.factSources[order[i]!]!;
        let weight = 1;
        for (let k = 0; k < i; k++) {
          const t = graph.factSources[order[k]!]!;
          const q = index.get(Math.min(s, t) * sourceCount + Math.max(s, t));
          if (q !== undefined) weight *= 1 - p.copyRate * dep[q]!;
        }
        sum += effective[order[i]!] = weight * vote[s]!;
      }
      count[f] = sum;
    }
    for (let item = 0; item < graph.items.length; item++) {
      const first = graph.itemFactStart[item]!;
      const end = graph.itemFactStart[item + 1]!;
      for (let f = first; f < end; f++) {
        let support = 0;
        for (let j = graph.pairStart[f]!; j < graph.pairStart[f + 1]!; j++) support += sim[j]! * count[graph.pairFrom[j]!]!;
        adjusted[f] = count[f]! + p.implicationWeight * support;
      }
      softmax(adjusted, first, end, n, probability);
    }
  };

  /**
   * Each source's credit: the probability of its values with its own vote taken out, summed over the
   * items it shares with other sources (an item nobody else states says nothing about its source).
   */
  const credit = new Float64Array(sourceCount);
  const creditCount = new Float64Array(sourceCount);
  const without = new Float64Array(64);
  const creditSources = (): void => {
    credit.fill(0);
    creditCount.fill(0);
    for (let item = 0; item < graph.items.length; item++) {
      const first = graph.itemFactStart[item]!;
      const end = graph.itemFactStart[item + 1]!;
      if (!p.leaveOneOut) {
        for (let f = first; f < end; f++) {
          for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) {
            credit[graph.factSources[j]!]! += probability[f]!;
            creditCount[graph.factSources[j]!]!++;
          }
        }
        continue;
      }
      if (graph.itemSourceCount[item]! < 2) continue;
      const size = end - first;
      const buffer = size <= without.length ? without : new Float64Array(size);
      for (let f = first; f < end; f++) {
        for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) {
          const own = effective[j]!;
          // Adjusted counts without this vote: its own fact loses it, similar facts lose their share.
          for (let g = first; g < end; g++) buffer[g - first] = adjusted[g]!;
          buffer[f - first]! -= own;
          for (let k = graph.supportStart[f]!; k < graph.supportStart[f + 1]!; k++) {
            // The facts f supports lose the share of this vote they borrowed (directional for sets).
            buffer[graph.supportTo[k]! - first]! -= p.implicationWeight * outSim[k]! * own;
          }
          const s = graph.factSources[j]!;
          credit[s]! += softmaxAt(buffer, size, n, f - first);
          creditCount[s]!++;
        }
      }
    }
  };

  let delta = Infinity;
  let iterations = 0;
  while (iterations < p.maxIterations && delta > p.tolerance) {
    iterations++;
    computeProbabilities();
    delta = pairs ? dependence(pairs, accuracy, probability, p, dep) : 0;
    creditSources();
    for (let s = 0; s < sourceCount; s++) {
      const target = (p.priorStrength * p.priorAccuracy + credit[s]!) / (p.priorStrength + creditCount[s]!);
      const next = accuracy[s]! + p.step * (target - accuracy[s]!);
      delta = Math.max(delta, Math.abs(next - accuracy[s]!));
      accuracy[s] = next;
    }
  }
  computeProbabilities();
  return { factConfidence: probability, trust: accuracy, convergence: { iterations, delta, converged: delta <= p.tolerance } };
}

export const accu: TruthMethod = {
  name: 'accu',
  description: 'Accu (Dong, Berti-Equille & Srivastava 2009): Bayesian accuracy-weighted vote, typo-level value similarity, optional copy detection',
  run: runAccu,
};
