// The reconciliation engine: groups claims by subject and property (never all pairs), decides which
// pairs share a scope, compares them, checks stated parts against stated totals, and applies
// curated judgements. Pure: no I/O, so the CLI, the server, the benchmarks and the tests share it.
// One pipeline: group → sweep the groups (pairs or value classes) → judgements across groups →
// arithmetic. Unique ids, the usual case, are its fast path (an id table, each group's claims
// prepared afresh); a repeated id restarts the sweep with the general index.
import { blankOutcome, mentionOf, valueInterval } from './compare.js';
import { DEFAULT_QUANTITY_SETTINGS } from './quantities.js';
import { scopeFacts, scopeTime } from './scope.js';
import { comparePair, comparisonOf, curatedByPair, fromJudgement, ordered, pairKey } from './pairs.js';
import { compareClasses, DEFAULT_CLASS_SETTINGS, type ClassSettings } from './classes.js';
import { arithmeticChecks } from './arithmetic.js';
import { groupClaims, groupKey, hashString, IdTable, type Groups } from './grouping.js';
import type { Claim, Judgement, Property } from './schema-types.js';
import type { CompareSettings, Comparison, Lookup, Outcome, PreparedClaim } from './types.js';

export interface ReconcileInput {
  claims: readonly Claim[];
  properties: readonly Property[];
  judgements?: readonly Judgement[];
  /** Labels for entity mentions in reasons; ids are used when absent. */
  entityLabel?: (id: string) => string;
}

export interface ReconcileSettings extends CompareSettings {
  /** When a group is compared by value class rather than pair by pair (classes.ts); the defaults when absent. */
  classes?: ClassSettings;
}

export const DEFAULT_RECONCILE_SETTINGS: ReconcileSettings = {
  quantity: DEFAULT_QUANTITY_SETTINGS,
  date: { approxWidening: 1 },
  classes: DEFAULT_CLASS_SETTINGS,
};

export interface ReconcileResult {
  comparisons: Comparison[];
  /** Claim ids by group key, rejected claims left out. */
  groups: Map<string, string[]>;
}

export function reconcile(input: ReconcileInput, settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS): ReconcileResult {
  const sweep = sweepAll(input.claims, input, settings);
  acrossGroups(sweep, input.judgements ?? [], sweep.index, sweep.parts, sweep.index);
  return { comparisons: sweep.comparisons, groups: sweep.ids };
}

/**
 * What a re-run of some groups reads of the rest of the corpus. A caller that keeps indexes (the
 * analysis after a write, analyse.ts) hands them in, so that a re-run costs the groups it re-runs;
 * without them they are found by walking every claim (`scanView`).
 */
export interface GroupsView {
  /** The live (not rejected) claims of the wanted groups: groups in the order the corpus first meets them, each in corpus order. */
  claims: readonly Claim[];
  /** Live claims by id (for judgements across groups and arithmetic totals). */
  live: Lookup;
  /** The live parts of any of `totals`, in the order a full sweep meets them (group by group, then corpus order). */
  partsOf(totals: ReadonlySet<string>): Claim[];
}

/** Re-runs only the given groups (after an edit), with arithmetic and judgements touching them. */
export function reconcileGroups(
  input: ReconcileInput,
  keys: Iterable<string>,
  settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS,
  view: GroupsView = scanView(input.claims, new Set(keys)),
): Comparison[] {
  const sweep = sweepAll(view.claims, input, settings);
  // Judgements and arithmetic checks span groups (parts have their own properties): the claims
  // they name outside the re-run groups are looked up in the whole corpus.
  const judgements = (input.judgements ?? []).filter(
    (j) => !sweep.usedJudgements.has(j.id) && (sweep.index.has(j.a) || sweep.index.has(j.b)),
  );
  // The checks a swept claim takes part in: as a total, or as a part of one.
  const totals = new Set<string>();
  for (const c of view.claims) {
    totals.add(c.id);
    if (c.partOf) totals.add(c.partOf);
  }
  acrossGroups(sweep, judgements, view.live, view.partsOf(totals), view.live);
  return sweep.comparisons;
}

/** The view of `claims` a re-run of the `wanted` groups needs, found by walking them all. */
export function scanView(claims: readonly Claim[], wanted: ReadonlySet<string>): GroupsView {
  const live = claims.filter((c) => c.status !== 'rejected');
  const byId = new Map<string, Claim>();
  for (const c of live) byId.set(c.id, c);
  return {
    claims: live.filter((c) => wanted.has(groupKey(c))),
    live: byId,
    partsOf: (totals) => partsInSweepOrder(live).filter((c) => totals.has(c.partOf!)),
  };
}

/** The sweep over every group of `claims`: the unique-ids fast path, or (at a repeated id) the general one. */
function sweepAll(claims: readonly Claim[], input: ReconcileInput, settings: ReconcileSettings): Sweep {
  const groups = groupClaims(claims);
  return sweepGroups(claims, groups, input, settings, true) ?? sweepGroups(claims, groups, input, settings, false)!;
}

/**
 * After the sweep: judgements between claims of different groups (a relation against a text
 * claim, say) that name a swept claim, read from `byId`; then the arithmetic checks of `parts`
 * against their totals in `totals`, where a part or the total was swept.
 */
function acrossGroups(sweep: Sweep, judgements: readonly Judgement[], byId: Lookup, parts: readonly Claim[], totals: Lookup): void {
  const { comparisons, usedJudgements, index } = sweep;
  for (const judgement of judgements) {
    if (usedJudgements.has(judgement.id) || !(index.has(judgement.a) || index.has(judgement.b))) continue;
    const ca = byId.get(judgement.a);
    const cb = byId.get(judgement.b);
    if (!ca || !cb) continue;
    const [a, b] = ordered(ca, cb);
    comparisons.push(fromJudgement(judgement, a, b, groupKey(a)));
  }
  comparisons.push(...arithmeticChecks(parts, totals, index, sweep.prepare));
}

/**
 * Parts in the order a full sweep meets them (group by group, groups in first-seen order, claims in
 * corpus order within each): a check's reason lists the parts in that order, so a re-run of some
 * groups must list them so too (a part pasted later into an earlier group came last otherwise).
 */
function partsInSweepOrder(allClaims: readonly Claim[]): Claim[] {
  const parts = allClaims.filter((c) => c.partOf);
  if (parts.length < 2) return parts;
  const wanted = new Set(parts.map(groupKey));
  const rank = new Map<string, number>();
  for (const c of allClaims) {
    if (rank.size === wanted.size) break;
    const key = groupKey(c);
    if (wanted.has(key) && !rank.has(key)) rank.set(key, rank.size);
  }
  return parts
    .map((claim, i) => ({ claim, i, rank: rank.get(groupKey(claim))! }))
    .sort((x, y) => x.rank - y.rank || x.i - y.i)
    .map((e) => e.claim);
}

interface Sweep {
  comparisons: Comparison[];
  usedJudgements: Set<string>;
  /** Swept claims by id: the id table (unique ids), or a Map where the last of a repeated id wins (as `new Map(pairs)` does). */
  index: Lookup;
  /** Swept claims that state a part of a total, in group order. */
  parts: Claim[];
  /** Claim ids by group key. */
  ids: Map<string, string[]>;
  prepare: (claim: Claim) => PreparedClaim;
  classes: ClassSettings;
  /** Filled by the comparing functions and copied into a record at once (classes.ts, ClassSink). */
  outcome: Outcome;
  scratch: { ready: (PreparedClaim | undefined)[]; sources: string[]; unreviewed: boolean[] };
}

/**
 * One pass over the groups: claims indexed and pairs compared while a group is at hand (a million
 * claims walked once, not once per purpose). With `uniqueIds`, the fast path: ids go into an id
 * table (no million-entry Map) and each group prepares its claims afresh and drops them after (a
 * million prepared claims held to the end cost hundreds of MB); undefined at the first id that is
 * not a unique string. Otherwise ids go into a Map and the first preparation of an id stands for all.
 */
function sweepGroups(
  claims: readonly Claim[],
  groups: Groups,
  input: ReconcileInput,
  settings: ReconcileSettings,
  uniqueIds: boolean,
): Sweep | undefined {
  const fresh = (claim: Claim): PreparedClaim => prepareClaim(claim, settings, input.entityLabel);
  const table = uniqueIds ? new IdTable(claims) : undefined;
  const byId = uniqueIds ? undefined : new Map<string, Claim>();
  const sweep: Sweep = {
    comparisons: [],
    usedJudgements: new Set(),
    index: table ?? byId!,
    parts: [],
    ids: new Map(),
    prepare: uniqueIds ? fresh : memoise(fresh),
    classes: settings.classes ?? DEFAULT_CLASS_SETTINGS,
    outcome: blankOutcome(),
    scratch: { ready: [], sources: [], unreviewed: [] },
  };
  const judgements = input.judgements ?? [];
  // Whether a judgement names the claim: the id's hash screens first (a number, no string hashing).
  const judgedIds = new Set<unknown>();
  const judgedHashes = new Set<number>();
  for (const j of judgements) {
    for (const id of [j.a, j.b]) {
      judgedIds.add(id);
      if (typeof id === 'string') judgedHashes.add(hashString(id));
    }
  }
  const properties = new Map(input.properties.map((p) => [p.id, p]));
  const curated = curatedByPair(judgements);
  const { keys, members, starts } = groups;
  // Scratch for one group at a time (claims, judged flags), reused: not new arrays per group.
  const group: Claim[] = [];
  const named: boolean[] = [];
  for (let g = 0; g < keys.length; g++) {
    const start = starts[g]!;
    const n = starts[g + 1]! - start;
    const ids = new Array<string>(n);
    let anyNamed = false;
    for (let i = 0; i < n; i++) {
      const index = members[start + i]!;
      const c = claims[index]!;
      const id = c.id;
      let isNamed: boolean;
      if (table) {
        if (typeof id !== 'string') return undefined;
        const h = hashString(id);
        if (!table.add(id, h, index)) return undefined;
        isNamed = judgedHashes.has(h) && judgedIds.has(id);
      } else {
        byId!.set(id, c);
        isNamed = judgedIds.has(id);
      }
      group[i] = c;
      ids[i] = id;
      named[i] = isNamed;
      anyNamed ||= isNamed;
      if (c.partOf) sweep.parts.push(c);
    }
    sweep.ids.set(keys[g]!, ids);
    if (n >= 2) comparePairs(keys[g]!, group, n, ids, anyNamed ? named : undefined, properties.get(group[0]!.property), curated, sweep);
  }
  group.length = 0;
  sweep.scratch.ready.length = 0;
  return sweep;
}

/**
 * Every pair among the group's first `n` claims (the arrays may be longer scratch), in order, judged
 * or compared; comparisons appended to the sweep's. A group above the pairwise size is compared by
 * value class instead (classes.ts), so that its cost and output stay near-linear.
 */
function comparePairs(
  key: string,
  claims: readonly Claim[],
  n: number,
  ids: readonly string[],
  named: readonly boolean[] | undefined,
  property: Property | undefined,
  curated: ReadonlyMap<string, Judgement>,
  sweep: Sweep,
): void {
  if (n > sweep.classes.pairwiseUpTo) {
    compareClasses({ group: key, claims, n, ids, named, property, curated }, sweep);
    return;
  }
  const { comparisons, prepare } = sweep;
  // Each claim is prepared once per group, at its first pair, in the order pairs meet it.
  // Source read once per claim, not once per pair (claims come in many object shapes). Both
  // arrays are scratch kept on the sweep, cleared for each group rather than made anew.
  const { ready, sources, unreviewed } = sweep.scratch;
  for (let i = 0; i < n; i++) {
    const claim = claims[i]!;
    ready[i] = undefined;
    sources[i] = claim.source;
    unreviewed[i] = claim.status === 'extracted';
  }
  for (let i = 0; i < n; i++) {
    const x = claims[i]!;
    const xid = ids[i]!;
    for (let j = i + 1; j < n; j++) {
      const y = claims[j]!;
      const yid = ids[j]!;
      // Canonical order so that comparing (a, b) and (b, a) gives the same record.
      const swap = !(xid < yid);
      // Pair keys are built only for claims some judgement names: not once per pair.
      const judgement = named && named[i] && named[j] ? curated.get(swap ? pairKey(yid, xid) : pairKey(xid, yid)) : undefined;
      if (judgement) {
        sweep.usedJudgements.add(judgement.id);
        comparisons.push(swap ? fromJudgement(judgement, y, x, key) : fromJudgement(judgement, x, y, key));
        continue;
      }
      const pa = swap ? (ready[j] ??= prepare(y)) : (ready[i] ??= prepare(x));
      const pb = swap ? (ready[i] ??= prepare(x)) : (ready[j] ??= prepare(y));
      const outcome = comparePair(pa, pb, property, sweep.outcome);
      if (outcome)
        comparisons.push(
          comparisonOf(swap ? yid : xid, swap ? xid : yid, sources[i] === sources[j], key, unreviewed[i]! || unreviewed[j]!, outcome),
        );
    }
  }
}

/** What comparison needs of a claim, computed once: its value and scope as intervals, its mention. */
export function prepareClaim(claim: Claim, settings: ReconcileSettings, entityLabel?: (id: string) => string): PreparedClaim {
  // The cached fields are present from the start: one object shape for every prepared claim.
  const interval = valueInterval(claim, settings);
  const time = scopeTime(claim.scope);
  const mention = mentionOf(claim, entityLabel);
  const { type, population, place, aggregate, unscoped } = scopeFacts(claim);
  return { claim, interval, time, mention, normalisedText: undefined, both: undefined, type, population, place, aggregate, unscoped };
}

function memoise(prepare: (claim: Claim) => PreparedClaim): (claim: Claim) => PreparedClaim {
  const prepared = new Map<string, PreparedClaim>();
  return (claim) => {
    let p = prepared.get(claim.id);
    if (!p) prepared.set(claim.id, (p = prepare(claim)));
    return p;
  };
}
