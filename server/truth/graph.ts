// Observations compiled into flat arrays (CSR adjacency lists) that every method iterates over:
// items -> distinct facts (values), facts <-> sources, and the sparse pairs of facts of one item that
// support each other. Typed arrays keep 50k observations to a few MB and the iterations cache-friendly.
import type { ReviewerPriors } from './reviewer.js';
import type { SimilaritySettings } from './settings.js';
import { itemPairs, type Pair } from './pairs.js';
import { shapeOf, type ValueShape } from './similarity.js';
import type { Observation } from './types.js';

export interface FactGraph {
  items: string[];
  sources: string[];
  /** Facts of item i are itemFactStart[i] .. itemFactStart[i + 1] - 1. */
  itemFactStart: Int32Array;
  /** Distinct sources stating anything about item i. */
  itemSourceCount: Int32Array;
  factItem: Int32Array;
  factValue: (number | string)[];
  factInterval: (readonly [number, number] | undefined)[];
  factShape: ValueShape[];
  /** Sources of fact f: factSources[factSourceStart[f] .. factSourceStart[f + 1] - 1], each once. */
  factSourceStart: Int32Array;
  factSources: Int32Array;
  /** Observations (input indices) stating fact f. */
  factObsStart: Int32Array;
  factObs: Int32Array;
  /** Facts stated by source s. */
  sourceFactStart: Int32Array;
  sourceFacts: Int32Array;
  /** Other facts of the same item that support fact f: pairFrom[j] with similarity pairSim[j]. */
  pairStart: Int32Array;
  pairFrom: Int32Array;
  pairSim: Float64Array;
  /** The same pairs seen from the other side: facts that fact f supports, supportTo[j] with supportSim[j]. */
  supportStart: Int32Array;
  supportTo: Int32Array;
  supportSim: Float64Array;
  /** A reviewer's judgements of sources (reviewer.ts), when any: vote weights and per-source priors. */
  reviewer?: ReviewerPriors;
}

function checkObservation(o: Observation, index: number): void {
  const where = `truth: observation ${index}`;
  if (typeof o.item !== 'string' || o.item === '') throw new Error(`${where}: item must be a non-empty string`);
  if (typeof o.source !== 'string' || o.source === '') throw new Error(`${where}: source must be a non-empty string`);
  if (typeof o.value === 'number') {
    if (!Number.isFinite(o.value)) throw new Error(`${where}: value must be a finite number, got ${o.value}`);
  } else if (typeof o.value !== 'string') {
    throw new Error(`${where}: value must be a number or a string`);
  }
  if (o.interval !== undefined) {
    const [low, high] = o.interval;
    if (typeof o.value !== 'number') throw new Error(`${where}: an interval needs a numeric value`);
    if (Number.isNaN(low) || Number.isNaN(high) || low > high) {
      throw new Error(`${where}: interval must be [low, high] with low <= high, got [${low}, ${high}]`);
    }
    if (o.value < low || o.value > high) throw new Error(`${where}: value ${o.value} lies outside its interval [${low}, ${high}]`);
  }
  if (o.members !== undefined) {
    if (!Array.isArray(o.members) || o.members.length === 0 || o.members.some((m) => typeof m !== 'string' || m === '')) {
      throw new Error(`${where}: members must be a non-empty array of non-empty strings`);
    }
    if (o.interval !== undefined) throw new Error(`${where}: a value cannot have both members and an interval`);
  }
  if (o.scale !== undefined && !(o.scale > 0 && Number.isFinite(o.scale))) {
    throw new Error(`${where}: scale must be a positive finite number, got ${o.scale}`);
  }
}

function factKey(o: Observation): string {
  if (o.members) return `m${[...new Set(o.members)].sort().join('\u001f')}`;
  if (typeof o.value === 'string') return `s${o.value}`;
  const [low, high] = o.interval ?? [o.value, o.value];
  return `n${o.value}|${low}|${high}|${o.scale ?? ''}`;
}

/** Turns per-row lists into a CSR pair of (start offsets, flat values). */
function toCsr(lists: number[][]): { start: Int32Array; values: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const values = new Int32Array(start[lists.length]!);
  for (let i = 0; i < lists.length; i++) values.set(lists[i]!, start[i]!);
  return { start, values };
}

function indexer(names: string[]): (name: string) => number {
  const index = new Map<string, number>();
  return (name) => {
    let i = index.get(name);
    if (i === undefined) {
      i = names.length;
      index.set(name, i);
      names.push(name);
    }
    return i;
  };
}

export function buildFactGraph(observations: readonly Observation[], settings: SimilaritySettings): FactGraph {
  const items: string[] = [];
  const sources: string[] = [];
  const itemOf = indexer(items);
  const sourceOf = indexer(sources);
  const obsItem = new Int32Array(observations.length);
  const obsSource = new Int32Array(observations.length);
  observations.forEach((o, i) => {
    checkObservation(o, i);
    obsItem[i] = itemOf(o.item);
    obsSource[i] = sourceOf(o.source);
  });

  // Observations bucketed by item, in input order within each item, so facts of an item are contiguous.
  const byItem: number[][] = items.map(() => []);
  for (let i = 0; i < observations.length; i++) byItem[obsItem[i]!]!.push(i);

  const itemFactStart = new Int32Array(items.length + 1);
  const itemSourceCount = new Int32Array(items.length);
  const factItem: number[] = [];
  const factValue: (number | string)[] = [];
  const factInterval: (readonly [number, number] | undefined)[] = [];
  const factShape: ValueShape[] = [];
  const factSourceLists: number[][] = [];
  const factObsLists: number[][] = [];
  const sourceFactLists: number[][] = sources.map(() => []);
  const pairLists: Pair[][] = [];

  for (let item = 0; item < items.length; item++) {
    const first = factValue.length;
    const local = new Map<string, number>();
    const itemSources = new Set<number>();
    const stated = new Set<number>();
    for (const i of byItem[item]!) {
      const o = observations[i]!;
      const key = factKey(o);
      let f = local.get(key);
      if (f === undefined) {
        f = factValue.length;
        local.set(key, f);
        factItem.push(item);
        factValue.push(o.value);
        factInterval.push(o.interval ? [o.interval[0], o.interval[1]] : undefined);
        factShape.push(shapeOf(o.value, o.interval, o.scale, o.members));
        factSourceLists.push([]);
        factObsLists.push([]);
      }
      factObsLists[f]!.push(i);
      const s = obsSource[i]!;
      // A source repeating the same value on the same item is one statement, not two.
      if (!stated.has(f * sources.length + s)) {
        stated.add(f * sources.length + s);
        factSourceLists[f]!.push(s);
        sourceFactLists[s]!.push(f);
      }
      itemSources.add(s);
    }
    itemSourceCount[item] = itemSources.size;
    const last = factValue.length;
    itemFactStart[item + 1] = last;
    // Pairs of the item's facts similar enough to matter (pairs.ts: all pairs for a few facts, the
    // nearest neighbours for many).
    for (const pairs of itemPairs(factShape, first, last, settings)) pairLists.push(pairs);
  }

  const factSourcesCsr = toCsr(factSourceLists);
  const factObsCsr = toCsr(factObsLists);
  const sourceFactsCsr = toCsr(sourceFactLists);
  const pairStart = new Int32Array(pairLists.length + 1);
  for (let f = 0; f < pairLists.length; f++) pairStart[f + 1] = pairStart[f]! + pairLists[f]!.length;
  const pairFrom = new Int32Array(pairStart[pairLists.length]!);
  const pairSim = new Float64Array(pairFrom.length);
  pairLists.forEach((pairs, f) =>
    pairs.forEach((p, k) => {
      pairFrom[pairStart[f]! + k] = p.from;
      pairSim[pairStart[f]! + k] = p.sim;
    }),
  );

  // Reverse the pairs (support is directional for sets: a partial list supports the full one only).
  const outgoing: { to: number; sim: number }[][] = pairLists.map(() => []);
  pairLists.forEach((pairs, f) => pairs.forEach((p) => outgoing[p.from]!.push({ to: f, sim: p.sim })));
  const supportStart = new Int32Array(outgoing.length + 1);
  for (let f = 0; f < outgoing.length; f++) supportStart[f + 1] = supportStart[f]! + outgoing[f]!.length;
  const supportTo = new Int32Array(supportStart[outgoing.length]!);
  const supportSim = new Float64Array(supportTo.length);
  outgoing.forEach((list, f) =>
    list.forEach((p, k) => {
      supportTo[supportStart[f]! + k] = p.to;
      supportSim[supportStart[f]! + k] = p.sim;
    }),
  );

  return {
    items,
    sources,
    itemFactStart,
    itemSourceCount,
    factItem: Int32Array.from(factItem),
    factValue,
    factInterval,
    factShape,
    factSourceStart: factSourcesCsr.start,
    factSources: factSourcesCsr.values,
    factObsStart: factObsCsr.start,
    factObs: factObsCsr.values,
    sourceFactStart: sourceFactsCsr.start,
    sourceFacts: sourceFactsCsr.values,
    pairStart,
    pairFrom,
    pairSim,
    supportStart,
    supportTo,
    supportSim,
  };
}

/** Number of distinct sources stating fact f. */
export function factSourceCount(graph: FactGraph, f: number): number {
  return graph.factSourceStart[f + 1]! - graph.factSourceStart[f]!;
}
