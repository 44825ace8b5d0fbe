// TruthFinder (Yin, Han & Yu, "Truth Discovery with Multiple Conflicting Information Providers on the
// Web", KDD 2007 / TKDE 2008). Source trust and fact confidence reinforce each other:
//   tau(w)    = -ln(1 - t(w))                                  trust score of source w
//   sigma(f)  = sum of tau(w) over the sources w stating f
//   sigma*(f) = sigma(f) + rho * sum over the item's other facts g of (sim(g, f) - base) * sigma(g)
//   s(f)      = 1 / (1 + exp(-gamma * sigma*(f)))              confidence of f
//   t(w)      = (sum of s(f) over w's facts + prior * t0) / (number of w's facts + prior)
// sim - base is the paper's implication: similar values (742,884 and 742,880; 80,000 and "over
// 72,000") lend each other support, dissimilar ones (742,884 and 1,850,230) count against each other.
// The prior (0 in the paper) keeps a source seen on one item from jumping to an extreme trust.
import type { FactGraph } from './graph.js';
import type { TruthFinderSettings, TruthSettings } from './settings.js';
import type { MethodOutput, TruthMethod } from './types.js';

/** sigma*(f) for every fact from the current per-source trust scores. */
function adjustedScores(graph: FactGraph, tau: Float64Array, p: TruthFinderSettings, sigma: Float64Array, out: Float64Array): void {
  for (let f = 0; f < sigma.length; f++) {
    let sum = 0;
    for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) sum += tau[graph.factSources[j]!]!;
    sigma[f] = sum;
  }
  for (let item = 0; item < graph.items.length; item++) {
    const first = graph.itemFactStart[item]!;
    const end = graph.itemFactStart[item + 1]!;
    let total = 0;
    for (let f = first; f < end; f++) total += sigma[f]!;
    for (let f = first; f < end; f++) {
      // Pairs below minSimilarity are not stored: they contribute (0 - base) * sigma(g), which the
      // item total covers without visiting every pair.
      let similar = 0;
      for (let j = graph.pairStart[f]!; j < graph.pairStart[f + 1]!; j++) similar += graph.pairSim[j]! * sigma[graph.pairFrom[j]!]!;
      const others = total - sigma[f]!;
      out[f] = sigma[f]! + p.implicationWeight * (similar - p.baseSimilarity * others);
    }
  }
}

function runTruthFinder(graph: FactGraph, settings: TruthSettings): MethodOutput {
  const p = settings.truthfinder;
  const sourceCount = graph.sources.length;
  const factCount = graph.factValue.length;
  const trust = new Float64Array(sourceCount).fill(p.initialTrust);
  const tau = new Float64Array(sourceCount);
  const sigma = new Float64Array(factCount);
  const adjusted = new Float64Array(factCount);
  const factConfidence = new Float64Array(factCount);
  let delta = Infinity;
  let iterations = 0;
  while (iterations < p.maxIterations && delta > p.tolerance) {
    iterations++;
    for (let s = 0; s < sourceCount; s++) tau[s] = -Math.log(1 - Math.min(trust[s]!, p.maxTrust));
    adjustedScores(graph, tau, p, sigma, adjusted);
    for (let f = 0; f < factCount; f++) factConfidence[f] = 1 / (1 + Math.exp(-p.dampening * adjusted[f]!));
    delta = 0;
    for (let s = 0; s < sourceCount; s++) {
      const start = graph.sourceFactStart[s]!;
      const end = graph.sourceFactStart[s + 1]!;
      let sum = p.trustPrior * p.initialTrust;
      for (let j = start; j < end; j++) sum += factConfidence[graph.sourceFacts[j]!]!;
      const next = sum / (end - start + p.trustPrior);
      delta = Math.max(delta, Math.abs(next - trust[s]!));
      trust[s] = next;
    }
  }
  return { factConfidence, trust, convergence: { iterations, delta, converged: delta <= p.tolerance } };
}

export const truthfinder: TruthMethod = {
  name: 'truthfinder',
  description: 'TruthFinder (Yin, Han & Yu 2007): iterative source trust and similarity-aware value confidence',
  run: runTruthFinder,
};
