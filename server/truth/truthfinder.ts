// TruthFinder (Yin, Han & Yu, "Truth Discovery with Multiple Conflicting Information Providers on the
// Web", KDD 2007): source trust and fact confidence reinforce each other, and similar values support
// each other. Per item, with v(w) the vote of source w:
//   sigma(f)  = sum of v(w) over the sources w stating f
//   sigma*(f) = sigma(f) + rho * sum over the item's other facts g of (sim(g, f) - base) * sigma(g)
//   s(f)      = 1 / (1 + exp(-gamma * sigma*(f)))                       confidence of f
// and per source, over the n(w) values it states, moved a fraction `step` of the way each iteration:
//   t(w)      = (k * t_prior + sum of s_-w(f) over its facts) / (k + n(w))
// Three deliberate departures from the paper, each because the paper's form fails on open,
// wiki-like data where most sources make one statement (the benchmark measures each; settings
// logOddsVotes: false, leaveOneOut: false, priorStrength: 0, step: 1, with initialTrust 0.9 and
// dampening 0.3, give the paper's method back):
//  1. The vote is the log-odds ln(t / (1 - t)), not -ln(1 - t). A source no better than a coin flip
//     then adds nothing, and a distrusted one counts against its value; with -ln(1 - t) every
//     source adds at least 0.69, so two unknown sources always outvote one proven one.
//  2. Leave-one-out: s_-w(f) is f's confidence without w's own vote, so a source cannot vouch for
//     itself. An uncorroborated statement therefore earns exactly 0.5 (no evidence either way);
//     trust is earned only where other sources corroborate, and lost where they contradict.
//  3. A prior of k pseudo-items at t_prior keeps a source seen once from reaching an extreme trust,
//     and damped updates (step) keep the iteration from oscillating.
// gamma > 1 sharpens: with leave-one-out averaging alone, trust would relax to the uninformative 0.5.
// For the same reason initialTrust must sit above priorTrust: started at 0.5, every vote is 0 and
// nothing ever moves.
import type { FactGraph } from './graph.js';
import { iterateTrust } from './iterate.js';
import type { TruthFinderSettings, TruthSettings } from './settings.js';
import type { MethodOutput, TruthMethod } from './types.js';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** sigma*(f) for every fact from the current votes. */
function adjustedScores(graph: FactGraph, vote: Float64Array, p: TruthFinderSettings, sigma: Float64Array, out: Float64Array): void {
  for (let f = 0; f < sigma.length; f++) {
    let sum = 0;
    const weight = graph.reviewer?.factSourceWeight;
    for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++)
      sum += vote[graph.factSources[j]!]! * (weight ? weight[j]! : 1);
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
      out[f] = sigma[f]! + p.implicationWeight * (similar - p.baseSimilarity * (total - sigma[f]!));
    }
  }
}

/**
 * Per position j of sourceFacts, the run of that source's facts for the same item (a source's facts
 * are listed in item order, so the run is adjacent to j), and each run's facts sorted, to look a fact
 * up in it. Computed once per run of the method, so a source's other values for an item are counted
 * without walking them for each of its facts: one paste can give a source 48,000 values of one item.
 */
interface OwnRuns {
  start: Int32Array;
  end: Int32Array;
  sorted: Int32Array;
}

function ownRuns(graph: FactGraph): OwnRuns {
  const n = graph.sourceFacts.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const sorted = Int32Array.from(graph.sourceFacts);
  for (let w = 0; w < graph.sources.length; w++) {
    const last = graph.sourceFactStart[w + 1]!;
    for (let j = graph.sourceFactStart[w]!; j < last;) {
      const item = graph.factItem[graph.sourceFacts[j]!]!;
      let k = j + 1;
      while (k < last && graph.factItem[graph.sourceFacts[k]!] === item) k++;
      start.fill(j, j, k);
      end.fill(k, j, k);
      if (k - j > WALKED_RUN) sorted.subarray(j, k).sort();
      j = k;
    }
  }
  return { start, end, sorted };
}

function inRun(sorted: Int32Array, from: number, to: number, g: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < g) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && sorted[lo] === g;
}

/** Stored similarity of g to f (0 when the pair was too dissimilar, or too far in value order, to store). */
function pairSimilarity(graph: FactGraph, g: number, f: number): number {
  for (let j = graph.pairStart[f]!; j < graph.pairStart[f + 1]!; j++) if (graph.pairFrom[j] === g) return graph.pairSim[j]!;
  return 0;
}

/**
 * A source's run of values for one item up to this long is walked value by value, in the order (and
 * so with the rounding) the results were recorded with; a longer one is summed from f's stored pairs.
 */
const WALKED_RUN = 64;

/**
 * How much w's own votes add to sigma*(f), f being one of w's facts (position j): its direct vote, plus
 * the implication from any other value w states for the same item (rare, but then both must go). Every
 * other value costs (0 - base) * v unless it is one of f's stored pairs, which adds sim * v back.
 */
function ownContribution(graph: FactGraph, runs: OwnRuns, j: number, f: number, v: number, p: TruthFinderSettings): number {
  const from = runs.start[j]!;
  const to = runs.end[j]!;
  if (to - from <= WALKED_RUN) {
    let own = v;
    for (let k = j - 1; k >= from; k--)
      own += p.implicationWeight * (pairSimilarity(graph, graph.sourceFacts[k]!, f) - p.baseSimilarity) * v;
    for (let k = j + 1; k < to; k++) own += p.implicationWeight * (pairSimilarity(graph, graph.sourceFacts[k]!, f) - p.baseSimilarity) * v;
    return own;
  }
  let similar = 0;
  for (let k = graph.pairStart[f]!; k < graph.pairStart[f + 1]!; k++) {
    if (inRun(runs.sorted, from, to, graph.pairFrom[k]!)) similar += graph.pairSim[k]!;
  }
  return v + p.implicationWeight * (similar - p.baseSimilarity * (to - from - 1)) * v;
}

function runTruthFinder(graph: FactGraph, settings: TruthSettings, known?: Float64Array): MethodOutput {
  const p = settings.truthfinder;
  const sourceCount = graph.sources.length;
  const factCount = graph.factValue.length;
  // With trust known (learned on a larger corpus), facts are scored with it and nothing is learned.
  const trust = known ? Float64Array.from(known) : new Float64Array(sourceCount).fill(p.initialTrust);
  const vote = new Float64Array(sourceCount);
  const sigma = new Float64Array(factCount);
  const adjusted = new Float64Array(factCount);
  const minTrust = 1 - p.maxTrust;
  const runs = p.leaveOneOut && !known ? ownRuns(graph) : undefined;
  const updateVotes = (): void => {
    for (let s = 0; s < sourceCount; s++) {
      const t = Math.min(Math.max(trust[s]!, minTrust), p.maxTrust);
      vote[s] = p.logOddsVotes ? Math.log(t / (1 - t)) : -Math.log(1 - t);
    }
    adjustedScores(graph, vote, p, sigma, adjusted);
  };
  // With trust known, nothing is learned: no iteration runs.
  const loop = known
    ? { iterations: 0, delta: 0 }
    : iterateTrust(
        trust,
        { prior: p.priorTrust, priorStrength: p.priorStrength, step: p.step, tolerance: p.tolerance, maxIterations: p.maxIterations },
        {
          refresh: updateVotes,
          credit: (w, base) => {
            let sum = base;
            for (let j = graph.sourceFactStart[w]!; j < graph.sourceFactStart[w + 1]!; j++) {
              const f = graph.sourceFacts[j]!;
              const own = vote[w]! * (graph.reviewer ? graph.reviewer.sourceFactWeight[j]! : 1);
              const credited = runs ? adjusted[f]! - ownContribution(graph, runs, j, f, own, p) : adjusted[f]!;
              sum += sigmoid(p.dampening * credited);
            }
            return sum;
          },
          creditCount: (w) => graph.sourceFactStart[w + 1]! - graph.sourceFactStart[w]!,
        },
        graph.reviewer,
      );
  const { iterations, delta } = loop;
  updateVotes();
  const factConfidence = new Float64Array(factCount);
  for (let f = 0; f < factCount; f++) factConfidence[f] = sigmoid(p.dampening * adjusted[f]!);
  return { factConfidence, trust, convergence: { iterations, delta, converged: delta <= p.tolerance } };
}

export const truthfinder: TruthMethod = {
  name: 'truthfinder',
  description: 'TruthFinder (Yin, Han & Yu 2007) with log-odds votes and leave-one-out trust',
  run: runTruthFinder,
};

/** TruthFinder scored with trust already known per source (the prior where unknown): nothing is learned. */
export function truthfinderWithTrust(trustOf: (source: string) => number | undefined): TruthMethod {
  return {
    name: 'truthfinder',
    description: `${truthfinder.description}, scored with known trust`,
    run: (graph, settings) =>
      runTruthFinder(
        graph,
        settings,
        Float64Array.from(graph.sources, (s) => trustOf(s) ?? settings.truthfinder.priorTrust),
      ),
  };
}
