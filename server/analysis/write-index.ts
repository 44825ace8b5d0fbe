// Indexes a write reads so that it costs what it changes, not the corpus (issue 13): where each claim
// stands in the corpus, the parts of each total, the claims of each source, and the comparisons of
// each group. Built once, from the first analysis a write starts from, then carried write to write.
import { LayeredMap } from './layered-map.js';
import { hashString, IdTable } from '../core/grouping.js';
import type { Claim } from '../core/schema-types.js';
import type { Comparison } from '../core/types.js';

/**
 * Claims by place, by total and by source. Shared by every analysis of a line and only ever added to
 * (a claim appended to the corpus, or put back), so a write never copies it. What it holds is a
 * hint, checked on reading against the analysis's own claim index: an entry left by a claim since
 * removed, or by a write prepared and never installed, is skipped. A claim keeps its place in the
 * corpus when it changes and a new one comes last, so a number per id, counted up, orders them.
 *
 * Built when a store opens, over every claim: the claims it is made from are kept as they stand (a
 * claim's place is its index, found through an id table; a source's claims as runs of indexes, one
 * run per claims file), not as a million-entry Map and twenty thousand id lists, which took 3.5 s
 * of a 1M start (bench/results/writes.md). Claims appended later go into Maps.
 */
export class ClaimHints {
  /** The claims it was made from, in corpus order: a claim's place there is its index (never changed: a write makes a new array). */
  private readonly initial: readonly Claim[];
  private readonly table: IdTable;
  /** Places given after construction (appended claims, an id repeated among the initial ones): these win. */
  private readonly later = new Map<string, number>();
  private next: number;
  private readonly parts = new Map<string, string[]>();
  /** Per source, [start, end) runs of `initial` holding its claims, in order. */
  private readonly runs = new Map<string, number[]>();
  /** Per source, the ids appended since construction. */
  private readonly appended = new Map<string, string[]>();

  constructor(claims: readonly Claim[]) {
    const n = claims.length;
    this.initial = claims;
    this.table = new IdTable(claims);
    this.next = n;
    let runSource: string | undefined;
    let run: number[] | undefined;
    for (let i = 0; i < n; i++) {
      const claim = claims[i]!;
      const { id, source } = claim;
      // A repeated id: its place is the later one (as appending it again gives).
      if (typeof id !== 'string' || !this.table.add(id, hashString(id), i)) this.later.set(id, i);
      if (source !== runSource || run === undefined) {
        runSource = source;
        run = listed(this.runs, source);
        run.push(i, i + 1);
      } else run[run.length - 1] = i + 1;
      if (claim.partOf) listed(this.parts, claim.partOf).push(id);
    }
  }

  /** A claim appended to the corpus (new, or put back): it comes after every claim there. */
  append(claim: Claim): void {
    this.later.set(claim.id, this.next++);
    listed(this.appended, claim.source).push(claim.id);
    if (claim.partOf) listed(this.parts, claim.partOf).push(claim.id);
  }

  /** Where the claim stands in the corpus: a smaller number comes first. */
  placeOf(id: string): number {
    const later = this.later.get(id);
    if (later !== undefined) return later;
    const index = this.table.indexOf(id);
    return index >= 0 ? index : Number.MAX_SAFE_INTEGER;
  }

  /** The claims of `source` in `claims`, in corpus order. */
  ofSource(source: string, claims: ReadonlyMap<string, Claim>): Claim[] {
    const ids: string[] = [];
    const runs = this.runs.get(source) ?? [];
    for (let r = 0; r < runs.length; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) ids.push(this.initial[i]!.id);
    for (const id of this.appended.get(source) ?? []) ids.push(id);
    return this.checked(ids, claims, (c) => c.source === source);
  }

  /** The claims in `claims` that state a part of `total` (rejected ones too), in corpus order. */
  partsOf(total: string, claims: ReadonlyMap<string, Claim>): Claim[] {
    return this.checked(this.parts.get(total), claims, (c) => c.partOf === total);
  }

  private checked(ids: readonly string[] | undefined, claims: ReadonlyMap<string, Claim>, fits: (c: Claim) => boolean): Claim[] {
    if (!ids) return [];
    const out: Claim[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const claim = claims.get(id);
      if (claim && fits(claim)) out.push(claim);
    }
    // Put back after a removal (or repeated), an id is listed twice: its place is the later one.
    if (seen.size < ids.length) out.sort((x, y) => this.placeOf(x.id) - this.placeOf(y.id));
    return out;
  }
}

function listed<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * An analysis's comparisons by group, and those that name claims outside their group (a judgement
 * across groups, an arithmetic check's parts) by each claim they name: what a write re-running some
 * groups must take out. Each write's is the previous one with its groups' lists replaced (layered).
 */
export interface ComparisonIndex {
  byGroup: Map<string, Comparison[]>;
  crossing: Map<string, Comparison[]>;
}

/** Names claims outside its group: a curated judgement (it may pair two groups) or an arithmetic check. */
export function isCrossing(cmp: Comparison): boolean {
  return cmp.basis === 'curated' || cmp.parts !== undefined;
}

function namedBy(cmp: Comparison): string[] {
  return cmp.parts ? [cmp.a, cmp.b, ...cmp.parts] : [cmp.a, cmp.b];
}

export function indexComparisons(comparisons: Iterable<Comparison>): ComparisonIndex {
  const byGroup = new Map<string, Comparison[]>();
  const crossing = new Map<string, Comparison[]>();
  // Reconciliation lists a group's comparisons together: one lookup per run, not per comparison (2.3M at 1M claims).
  let group: string | undefined;
  let list: Comparison[] = [];
  for (const cmp of comparisons) {
    if (cmp.group !== group || group === undefined) list = listed(byGroup, (group = cmp.group));
    list.push(cmp);
    if (isCrossing(cmp)) for (const id of new Set(namedBy(cmp))) listed(crossing, id).push(cmp);
  }
  return { byGroup, crossing };
}

/** The comparisons a write takes out: every one of the `groups`, and every crossing one naming a `claims` id. */
export function comparisonsOf(index: ComparisonIndex, groups: Iterable<string>, claims: Iterable<string>): Set<Comparison> {
  const out = new Set<Comparison>();
  for (const group of groups) for (const cmp of index.byGroup.get(group) ?? []) out.add(cmp);
  for (const id of claims) for (const cmp of index.crossing.get(id) ?? []) out.add(cmp);
  return out;
}

/** The index with `removed` taken out and `added` put in; `previous` is left as it is. */
export function nextComparisonIndex(
  previous: ComparisonIndex,
  removed: ReadonlySet<Comparison>,
  added: readonly Comparison[],
): ComparisonIndex {
  const groups = new Set<string>();
  const claims = new Set<string>();
  for (const cmp of removed) {
    groups.add(cmp.group);
    if (isCrossing(cmp)) for (const id of namedBy(cmp)) claims.add(id);
  }
  for (const cmp of added) {
    groups.add(cmp.group);
    if (isCrossing(cmp)) for (const id of namedBy(cmp)) claims.add(id);
  }
  const patch = (map: Map<string, Comparison[]>, keys: Set<string>, keysOf: (cmp: Comparison) => Iterable<string>) => {
    const fresh = new Map<string, Comparison[]>();
    for (const cmp of added) for (const key of keysOf(cmp)) listed(fresh, key).push(cmp);
    const changes: [string, Comparison[] | undefined][] = [];
    for (const key of keys) {
      const list = (map.get(key) ?? []).filter((cmp) => !removed.has(cmp));
      for (const cmp of fresh.get(key) ?? []) list.push(cmp);
      changes.push([key, list.length > 0 ? list : undefined]);
    }
    return LayeredMap.of(map, changes);
  };
  return {
    byGroup: patch(previous.byGroup, groups, (cmp) => [cmp.group]),
    crossing: patch(previous.crossing, claims, (cmp) => (isCrossing(cmp) ? new Set(namedBy(cmp)) : [])),
  };
}

/** Every comparison of the index, group by group. */
export function allComparisons(index: ComparisonIndex): Comparison[] {
  const out: Comparison[] = [];
  for (const list of index.byGroup.values()) for (const cmp of list) out.push(cmp);
  return out;
}
