// Picks one fact per item from a method's confidences, with one deterministic tie rule for all methods:
//   1. higher confidence (differences below TIE_EPSILON count as ties, so summation order cannot decide);
//   2. more distinct sources;
//   3. the lower FNV-1a hash of (item, value): arbitrary like a coin toss, but stable, and the same
//      whatever the row order. A rule such as "smallest value first" would be deterministic too, but
//      it prefers some values systematically (on the population benchmark it favours the true value
//      and lifts majority vote from 0.69 to 0.75), so it would smuggle a bias into the baseline.
import { fnv1a } from '../common/hash.js';
import { factSourceCount, type FactGraph } from './graph.js';

export const TIE_EPSILON = 1e-12;

export interface Choice {
  /** Chosen fact index per item. */
  fact: Int32Array;
  /** Per item: which rule settled a tie, or undefined when the best fact won outright. */
  tieBreak: (string | undefined)[];
}

function tieKey(graph: FactGraph, f: number): number {
  return fnv1a(`${graph.items[graph.factItem[f]!]}\u0000${String(graph.factValue[f])}`);
}

/** Negative when fact a ranks before fact b under the tie rule above. */
export function rankFacts(graph: FactGraph, confidence: Float64Array, a: number, b: number): number {
  const dc = confidence[b]! - confidence[a]!;
  if (Math.abs(dc) > TIE_EPSILON) return dc;
  const ds = factSourceCount(graph, b) - factSourceCount(graph, a);
  if (ds !== 0) return ds;
  const dh = tieKey(graph, a) - tieKey(graph, b);
  if (dh !== 0) return dh;
  // Equal hashes: a number and a string that print alike, or a collision; order by type, then text.
  const [x, y] = [graph.factValue[a]!, graph.factValue[b]!];
  if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
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
    if (tiedByValue) tieBreak[item] = 'equal confidence and equal source count: settled by a fixed hash of the values (arbitrary)';
    else if (tiedBySources) tieBreak[item] = 'equal confidence: the value with more sources was taken';
  }
  return { fact, tieBreak };
}

/** The facts of an item that rule 3 alone separates from the chosen one (the chosen one included). */
export function tiedAtTop(graph: FactGraph, confidence: Float64Array, item: number, chosen: number): number[] {
  const tied: number[] = [];
  for (let f = graph.itemFactStart[item]!; f < graph.itemFactStart[item + 1]!; f++) {
    const sameScore = Math.abs(confidence[f]! - confidence[chosen]!) <= TIE_EPSILON;
    if (sameScore && factSourceCount(graph, f) === factSourceCount(graph, chosen)) tied.push(f);
  }
  return tied;
}
