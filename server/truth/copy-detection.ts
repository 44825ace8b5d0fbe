// Copy detection for Accu (AccuCopy, Dong, Berti-Equille & Srivastava, VLDB 2009): two sources that
// share items are scored for dependence by the likelihood of their agreements and disagreements under
// independence and under copying (rate c), on disputed items only: sharing a true value is weak
// evidence of copying, sharing a false one is strong, and differing is evidence against. accu.ts then
// divides each source's vote on a value by 1 + c * (its dependence on the value's other sources), so
// k sources copying one another count about as one, and re-judges dependence between rounds until it
// settles. The pairs found are reported per pair of sources (describeDependence) for the trust explanation.
import type { FactGraph } from './graph.js';
import type { AccuSettings } from './settings.js';

/** Pairs of sources that state values for the same items, with the facts each states there. */
export interface SharedPairs {
  a: Int32Array;
  b: Int32Array;
  /** Records of pair p: recStart[p] .. recStart[p + 1] - 1; factA / factB the facts of a and b on one shared item. */
  recStart: Int32Array;
  factA: Int32Array;
  factB: Int32Array;
}

/** Every pair of sources meeting on at least minShared items. Quadratic per item only (few sources each). */
export function sharedPairs(graph: FactGraph, minShared: number): SharedPairs {
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

/**
 * Posterior probability that each pair of sources is dependent, from the items they share, judged on
 * the false values they share (Dong et al. 2009's key observation: independent sources agree on the
 * truth because it is the truth, but they rarely make the same mistake). For a value both state with
 * probability t of being true, the likelihood ratio copying : independent is
 *   t * 1 + (1 - t) * (c (1 - A) + (1 - c) Pf) / Pf        Pf = (1 - A1)(1 - A2) / n, A = (A1 + A2) / 2
 * where the paper's ratio for a shared true value, c / A + 1 - c, is replaced by 1: on open data,
 * where good sources agree on thousands of true values, that ratio alone made nearly every pair that
 * meets "dependent" (bench/results/truth.md). Two different values count ln(1 - c) each. Only disputed
 * items (more than one value stated) count: where everyone agrees, copying and truth look the same, and
 * counting those items let a discount feed itself (discounted votes -> low probability -> "shared false
 * values" -> more discount) until a bot and every editor who met it were one source. The prior
 * copyPrior is the share of pairs one expects to copy before seeing anything: 0.1 by default (a few
 * mirrors among many sellers); the result is reported by the benchmark for 0.05 to 0.3.
 */
export function dependence(
  graph: FactGraph,
  pairs: SharedPairs,
  accuracy: Float64Array,
  probability: Float64Array,
  p: AccuSettings,
  out: Float64Array,
): number {
  let moved = 0;
  const n = p.falseValues;
  const c = p.copyRate;
  const priorLogOdds = Math.log(p.copyPrior / (1 - p.copyPrior));
  for (let q = 0; q < pairs.a.length; q++) {
    const a1 = Math.min(accuracy[pairs.a[q]!]!, p.maxAccuracy);
    const a2 = Math.min(accuracy[pairs.b[q]!]!, p.maxAccuracy);
    const copiedFalse = 1 - (a1 + a2) / 2;
    const bothFalse = ((1 - a1) * (1 - a2)) / n;
    const falseRatio = (c * copiedFalse + (1 - c) * bothFalse) / bothFalse;
    const bothTrue = a1 * a2;
    const trueRatio = ((c * (a1 + a2)) / 2 + (1 - c) * bothTrue) / bothTrue;
    let logRatio = priorLogOdds;
    for (let k = pairs.recStart[q]!; k < pairs.recStart[q + 1]!; k++) {
      const f = pairs.factA[k]!;
      if (f !== pairs.factB[k]) {
        logRatio += Math.log(1 - c);
        continue;
      }
      // An item on which every source states the same value cannot tell copying from truth: skipped.
      const item = graph.factItem[f]!;
      if (graph.itemFactStart[item + 1]! - graph.itemFactStart[item]! < 2) continue;
      const t = probability[f]!;
      logRatio += Math.log(t * trueRatio ** p.sharedTrueEvidence + (1 - t) * falseRatio);
    }
    // Moved half way each round: a pair near the fence otherwise flips between rounds with the values
    // its own discount moved, and the rounds never settle.
    const target = 1 / (1 + Math.exp(-Math.max(-700, Math.min(700, logRatio))));
    const next = out[q]! + DEPENDENCE_STEP * (target - out[q]!);
    moved = Math.max(moved, Math.abs(next - out[q]!));
    out[q] = next;
  }
  return moved;
}

const DEPENDENCE_STEP = 0.5;

/** What a pair of dependent sources shares, for the trust explanation. */
export interface SourceDependence {
  a: number;
  b: number;
  /** Posterior probability that the two are dependent. */
  probability: number;
  /** Items both state a value for. */
  shared: number;
  /** Shared items on which more than one value is stated (the ones that can tell copying from truth). */
  disputed: number;
  /** Disputed items on which the two state the same value. */
  sameOnDisputed: number;
  /** Disputed items on which both state a value judged more likely false than true. */
  sameFalse: number;
}

export function describeDependence(graph: FactGraph, pairs: SharedPairs, dep: Float64Array, probability: Float64Array): SourceDependence[] {
  const out: SourceDependence[] = [];
  for (let q = 0; q < pairs.a.length; q++) {
    let disputed = 0;
    let sameOnDisputed = 0;
    let sameFalse = 0;
    for (let k = pairs.recStart[q]!; k < pairs.recStart[q + 1]!; k++) {
      const f = pairs.factA[k]!;
      const item = graph.factItem[f]!;
      const contested = graph.itemFactStart[item + 1]! - graph.itemFactStart[item]! > 1;
      if (contested) disputed++;
      if (f !== pairs.factB[k]) continue;
      if (!contested) continue;
      sameOnDisputed++;
      if (probability[f]! < 0.5) sameFalse++;
    }
    out.push({
      a: pairs.a[q]!,
      b: pairs.b[q]!,
      probability: dep[q]!,
      shared: pairs.recStart[q + 1]! - pairs.recStart[q]!,
      disputed,
      sameOnDisputed,
      sameFalse,
    });
  }
  return out;
}

/** Pair index by (lower source index * sourceCount + higher): finds two sources' dependence inside a fact. */
export function pairIndex(pairs: SharedPairs, sourceCount: number): Map<number, number> {
  const index = new Map<number, number>();
  for (let q = 0; q < pairs.a.length; q++) index.set(pairs.a[q]! * sourceCount + pairs.b[q]!, q);
  return index;
}
