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
// Copy detection (AccuCopy: accu.copyDetection, or the accucopy method) is in copy-detection.ts:
// the votes of sources judged dependent are discounted, and dependence is re-judged between rounds.
//
// Other departures, all settings: similarity uses its own sharper scale (typos such as 29,674 / 29,675
// support each other, 29,674 / 30,641 do not), computed on the pairs the graph stored; a prior of k
// pseudo-values keeps a source seen once from an extreme accuracy; optional damped updates (step).
import type { FactGraph } from './graph.js';
import { describeDependence, dependence, pairIndex, sharedPairs } from './copy-detection.js';
import { iterateTrust } from './iterate.js';
import type { TruthSettings } from './settings.js';
import { numericSimilarity } from './similarity.js';
import type { MethodOutput, TruthMethod } from './types.js';

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
      outSim[j] =
        shape.kind === 'number' && other.kind === 'number' ? numericSimilarity(shape, other, p.relativeScale) : graph.supportSim[j]!;
    }
  }

  const pairs = copyDetection ? sharedPairs(graph, p.minSharedItems) : undefined;
  const dep = new Float64Array(pairs ? pairs.a.length : 0);
  const index = pairs ? pairIndex(pairs, sourceCount) : new Map<number, number>();

  // Each source's weighted vote on each fact, by position in factSources (copy detection discounts it).
  const effective = new Float64Array(graph.factSources.length);
  // A reviewer's derivative sources count for little where their original states the same value (reviewer.ts).
  const weight = graph.reviewer?.factSourceWeight;
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
        for (let j = start; j < end; j++) sum += effective[j] = vote[graph.factSources[j]!]! * (weight ? weight[j]! : 1);
        count[f] = sum;
        continue;
      }
      // Each source's vote is divided by 1 + c * (its dependence on every other source of the value):
      // k sources copying one another count about as one, whatever their order. (The paper discounts
      // sources in order of accuracy; that order changes as accuracy moves, and the discounts then
      // swing with it and the iteration does not settle.)
      let sum = 0;
      for (let j = start; j < end; j++) {
        const s = graph.factSources[j]!;
        let shared = 0;
        for (let k = start; k < end; k++) {
          if (k === j) continue;
          const t = graph.factSources[k]!;
          const q = index.get(Math.min(s, t) * sourceCount + Math.max(s, t));
          if (q !== undefined) shared += dep[q]!;
        }
        sum += effective[j] = (vote[s]! * (weight ? weight[j]! : 1)) / (1 + p.copyRate * shared);
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

  /** Accuracy to its fixed point with the dependence held fixed. */
  let iterations = 0;
  const loopSettings = {
    prior: p.priorAccuracy,
    priorStrength: p.priorStrength,
    step: p.step,
    tolerance: p.tolerance,
    maxIterations: p.maxIterations,
  };
  const scoring = {
    refresh: () => {
      computeProbabilities();
      creditSources();
    },
    credit: (s: number, base: number) => base + credit[s]!,
    creditCount: (s: number) => creditCount[s]!,
  };
  const settle = (): { delta: number } => {
    const run = iterateTrust(accuracy, loopSettings, scoring, graph.reviewer, iterations);
    iterations = run.iterations;
    return { delta: run.ran === 0 ? 0 : run.delta };
  };

  // Copy detection alternates between two fixed points instead of interleaving the two updates in one
  // loop (which made discounts swing with the accuracy order and never settle): accuracy settles with
  // the dependence fixed, then the dependence is re-judged from the settled values, until the
  // dependence moves by less than the tolerance or copyRounds is reached.
  // Dependence is first judged on the starting accuracies (every source alike, so a vote): judged after
  // accuracy had settled, a copied majority would already have made its sources look accurate and its
  // copied mistakes look true, and shared true values are no evidence of copying.
  let rounds = 0;
  if (pairs) {
    computeProbabilities();
    // Undamped the first time: there is no earlier judgement to move from.
    for (let k = 0; k < 8 && dependence(graph, pairs, accuracy, probability, p, dep) > p.copyTolerance; k++);
  }
  let { delta } = settle();
  let converged = delta <= p.tolerance;
  if (pairs) {
    let moved = Infinity;
    let settled = 0;
    while (rounds < p.copyRounds && moved > p.copyTolerance && iterations < p.maxIterations) {
      rounds++;
      computeProbabilities();
      moved = dependence(graph, pairs, accuracy, probability, p, dep);
      settled = settle().delta;
    }
    // Converged when accuracy settled within its tolerance and no dependence moved by copyTolerance.
    converged = settled <= p.tolerance && moved <= p.copyTolerance;
    delta = Math.max(settled, moved);
  }
  computeProbabilities();
  const dependences = pairs ? describeDependence(graph, pairs, dep, probability) : undefined;
  return {
    factConfidence: probability,
    trust: accuracy,
    convergence: { iterations, delta, converged, ...(pairs ? { rounds } : {}) },
    ...(dependences ? { dependences } : {}),
  };
}

export const accu: TruthMethod = {
  name: 'accu',
  description:
    'Accu (Dong, Berti-Equille & Srivastava 2009): Bayesian accuracy-weighted vote with value similarity (copy detection when accu.copyDetection is set)',
  run: runAccu,
};

/** AccuCopy / AccuSim: Accu with copy detection on, whatever accu.copyDetection says. */
export const accucopy: TruthMethod = {
  name: 'accucopy',
  description: 'AccuSim with copy detection (Dong et al. 2009): Accu plus dependence between sources judged on the false values they share',
  run: (graph, settings) => runAccu(graph, { ...settings, accu: { ...settings.accu, copyDetection: true } }),
};
