// Majority vote, the baseline every method is compared with: each distinct source counts once per value
// it states, a value's confidence is its share of the item's sources, and a source's trust is the share
// of its items where it states the winning value (reported, never used to decide).
import { chooseFacts } from './choose.js';
import type { FactGraph } from './graph.js';
import type { MethodOutput, TruthMethod } from './types.js';

function runVote(graph: FactGraph): MethodOutput {
  const factCount = graph.factValue.length;
  const factConfidence = new Float64Array(factCount);
  for (let f = 0; f < factCount; f++) {
    const sources = graph.factSourceStart[f + 1]! - graph.factSourceStart[f]!;
    factConfidence[f] = sources / graph.itemSourceCount[graph.factItem[f]!]!;
  }
  const { fact: chosen } = chooseFacts(graph, factConfidence);
  const trust = new Float64Array(graph.sources.length);
  for (let s = 0; s < graph.sources.length; s++) {
    const start = graph.sourceFactStart[s]!;
    const end = graph.sourceFactStart[s + 1]!;
    let agreed = 0;
    for (let j = start; j < end; j++) {
      const f = graph.sourceFacts[j]!;
      if (chosen[graph.factItem[f]!] === f) agreed++;
    }
    trust[s] = end > start ? agreed / (end - start) : 0;
  }
  return { factConfidence, trust, convergence: { iterations: 1, delta: 0, converged: true } };
}

export const vote: TruthMethod = {
  name: 'vote',
  description: 'majority vote: the value stated by the most sources',
  run: (graph) => runVote(graph),
};
