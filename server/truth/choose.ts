// Picks one fact per item from a method's confidences, with one deterministic tie rule for all methods:
//   1. higher confidence (differences below TIE_EPSILON count as ties, so summation order cannot decide);
//   2. more distinct sources;
//   3. the value that sorts first: numbers before strings, numbers ascending, strings by code units.
// Rule 3 is arbitrary but stable: the same input, in any row order, always gives the same answer.
import { factSourceCount, type FactGraph } from './graph.js';

export const TIE_EPSILON = 1e-12;

export interface Choice {
  /** Chosen fact index per item. */
  fact: Int32Array;
  /** Per item: which rule settled a tie, or undefined when the best fact won outright. */
  tieBreak: (string | undefined)[];
}

export function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when fact a ranks before fact b under the tie rule above. */
export function rankFacts(graph: FactGraph, confidence: Float64Array, a: number, b: number): number {
  const dc = confidence[b]! - confidence[a]!;
  if (Math.abs(dc) > TIE_EPSILON) return dc;
  const ds = factSourceCount(graph, b) - factSourceCount(graph, a);
  if (ds !== 0) return ds;
  return compareValues(graph.factValue[a]!, graph.factValue[b]!);
}

export function chooseFacts(graph: FactGraph, confidence: Float64Array): Choice {
  const n = graph.items.length;
  const fact = new Int32Array(n);
  const tieBreak: (string | undefined)[] = new Array<string | undefined>(n).fill(undefined);
  for (let item = 0; item < n; item++) {
    const first = graph.itemFactStart[item]!;
    const end = graph.itemFactStart[item + 1]!;
    let best = first;
    for (let f = first + 1; f < end; f++) if (rankFacts(graph, confidence, f, best) < 0) best = f;
    fact[item] = best;
    let tiedBySources = false;
    let tiedByValue = false;
    for (let f = first; f < end; f++) {
      if (f === best || Math.abs(confidence[f]! - confidence[best]!) > TIE_EPSILON) continue;
      if (factSourceCount(graph, f) === factSourceCount(graph, best)) tiedByValue = true;
      else tiedBySources = true;
    }
    if (tiedByValue) tieBreak[item] = 'equal confidence and equal source count: the value that sorts first was taken';
    else if (tiedBySources) tieBreak[item] = 'equal confidence: the value with more sources was taken';
  }
  return { fact, tieBreak };
}
