// The pairs of one item's facts that support each other, for the fact graph (graph.ts). An item with
// few distinct values compares every pair, as it always has. One with more (a single paste can give
// one subject and property tens of thousands of distinct figures) must not: k(k-1) comparisons of
// 48,000 figures are over two billion, and the truth methods then iterate over every stored pair.
// There each fact keeps only its nearest `maxNeighbours` numbers on either side in value order (for
// numbers, support decays with distance, so the nearest are the ones that matter) and the sets that
// can contain it; distinct strings never support each other, so they are not compared at all.
import type { SimilaritySettings } from './settings.js';
import { setSupport, similarity, type NumericShape, type SetShape, type ValueShape } from './similarity.js';

export interface Pair {
  from: number;
  sim: number;
}

function keep(sim: number, settings: SimilaritySettings): boolean {
  return sim >= settings.minSimilarity && sim > 0;
}

/** Every pair: exact, and cheap while the item has no more facts than one fact's neighbours could be. */
function allPairs(shapes: readonly ValueShape[], first: number, last: number, settings: SimilaritySettings): Pair[][] {
  const lists: Pair[][] = [];
  for (let f = first; f < last; f++) {
    const pairs: Pair[] = [];
    for (let g = first; g < last; g++) {
      if (g === f) continue;
      const sim = similarity(shapes[g]!, shapes[f]!, settings.relativeScale);
      if (keep(sim, settings)) pairs.push({ from: g, sim });
    }
    lists.push(pairs);
  }
  return lists;
}

/** Numbers sorted by the middle of their region; each supported by its `n` neighbours on either side. */
function numericNeighbours(
  shapes: readonly ValueShape[],
  facts: number[],
  lists: Pair[][],
  first: number,
  settings: SimilaritySettings,
): void {
  // An open-ended region ("over 72,000") sorts by its finite end.
  const middle = (f: number): number => {
    const { low, high } = shapes[f] as NumericShape;
    if (Number.isFinite(low) && Number.isFinite(high)) return low / 2 + high / 2;
    return Number.isFinite(low) ? low : Number.isFinite(high) ? high : 0;
  };
  const key = new Map(facts.map((f) => [f, middle(f)]));
  facts.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
  const n = settings.maxNeighbours;
  for (let p = 0; p < facts.length; p++) {
    const f = facts[p]!;
    for (let q = Math.max(0, p - n); q <= Math.min(facts.length - 1, p + n); q++) {
      if (q === p) continue;
      const g = facts[q]!;
      const sim = similarity(shapes[g]!, shapes[f]!, settings.relativeScale);
      if (keep(sim, settings)) lists[f - first]!.push({ from: g, sim });
    }
  }
}

/**
 * Sets: g supports f only when all of g's members are in f, so g's smallest member is one of f's;
 * candidates come from an index by smallest member. Each fact keeps its 2n most supportive.
 */
function setSupporters(shapes: readonly ValueShape[], facts: number[], lists: Pair[][], first: number, settings: SimilaritySettings): void {
  const bySmallest = new Map<string, number[]>();
  for (const g of facts) {
    const smallest = (shapes[g] as SetShape).members[0];
    if (smallest === undefined) continue;
    const bucket = bySmallest.get(smallest);
    if (bucket) bucket.push(g);
    else bySmallest.set(smallest, [g]);
  }
  for (const f of facts) {
    const to = (shapes[f] as SetShape).members;
    const pairs = lists[f - first]!;
    for (const m of to) {
      for (const g of bySmallest.get(m) ?? []) {
        if (g === f) continue;
        const sim = setSupport((shapes[g] as SetShape).members, to);
        if (keep(sim, settings)) pairs.push({ from: g, sim });
      }
    }
    if (pairs.length > 2 * settings.maxNeighbours) {
      pairs.sort((a, b) => b.sim - a.sim || a.from - b.from);
      pairs.length = 2 * settings.maxNeighbours;
    }
  }
}

/** Pairs of the item's facts first .. last - 1, one list per fact (indexed f - first), sources in ascending order. */
export function itemPairs(shapes: readonly ValueShape[], first: number, last: number, settings: SimilaritySettings): Pair[][] {
  if (last - first <= 2 * settings.maxNeighbours + 1) return allPairs(shapes, first, last, settings);
  const lists: Pair[][] = [];
  const numbers: number[] = [];
  const sets: number[] = [];
  for (let f = first; f < last; f++) {
    lists.push([]);
    const kind = shapes[f]!.kind;
    if (kind === 'number') numbers.push(f);
    else if (kind === 'set') sets.push(f);
  }
  numericNeighbours(shapes, numbers, lists, first, settings);
  setSupporters(shapes, sets, lists, first, settings);
  for (const pairs of lists) pairs.sort((a, b) => a.from - b.from);
  return lists;
}
