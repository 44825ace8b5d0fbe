// The reconciliation engine: groups claims by subject and property (never all pairs), decides which
// pairs share a scope, compares them, checks stated parts against stated totals, and applies
// curated judgements. Pure: no I/O, so the CLI, the server, the benchmarks and the tests share it.
import { mentionOf, valueInterval, type CompareSettings, type PreparedClaim } from './compare.js';
import { DEFAULT_QUANTITY_SETTINGS } from './quantities.js';
import { scopeFacts, scopeTime } from './scope.js';
import { curatedByPair, decidedComparison, decidePair, fromJudgement, ordered, pairKey, type Comparison } from './pairs.js';
import { compareClasses, DEFAULT_CLASS_SETTINGS, type ClassSettings } from './classes.js';
import { arithmeticChecks, type Lookup } from './arithmetic.js';
import { groupKey, groupLive, groupUnique, hashString, IdTable } from './grouping.js';
import type { Claim, Judgement, Property } from './schema-types.js';

export { groupKey } from './grouping.js';
export { comparePair, type Comparison } from './pairs.js';

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
  const fast = reconcileUnique(input, settings);
  if (fast) return fast;
  const { comparisons, ids } = compareGroups(groupLive(input.claims), input, settings);
  return { comparisons, groups: ids };
}

// The usual case, every live claim with its own id: claims grouped and indexed in one pass over the
// array (an open-addressing id table in typed arrays instead of a million-entry Map, whose inserts
// were a sixth of the time), then the same sweep. Undefined at the first repeated id: the general
// path below handles that, with its first-preparation-wins rule.
function reconcileUnique(input: ReconcileInput, settings: ReconcileSettings): ReconcileResult | undefined {
  const groups = groupUnique(input.claims);
  if (!groups) return undefined;
  // Ids go into the table during the sweep, where each id is read anyway (ordering the pairs).
  const table = new IdTable(input.claims);
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
  const prepare = (claim: Claim): PreparedClaim => prepareClaim(claim, settings, input.entityLabel);
  // The groups map comes from groupUnique, keyed in group order: each key's group number is replaced by its ids.
  const sweep: Sweep = { comparisons: [], usedJudgements: new Set(), byId: new Map(), parts: [], ids: groups.byKey as unknown as Map<string, string[]>, prepare, classes: settings.classes ?? DEFAULT_CLASS_SETTINGS, scratch: { ready: [], sources: [], unreviewed: [] } };
  const properties = new Map(input.properties.map((p) => [p.id, p]));
  const curated = curatedByPair(judgements);
  const { keys, members, starts } = groups;
  // Scratch for one group at a time (claims, judged flags), reused: not new arrays per group.
  const claims: Claim[] = [];
  const named: boolean[] = [];
  for (let g = 0; g < keys.length; g++) {
    const start = starts[g]!;
    const n = starts[g + 1]! - start;
    const ids = new Array<string>(n);
    let anyNamed = false;
    for (let i = 0; i < n; i++) {
      const index = members[start + i]!;
      const c = input.claims[index]!;
      const id = c.id;
      if (typeof id !== 'string') return undefined;
      const h = hashString(id);
      if (!table.add(id, h, index)) return undefined;
      claims[i] = c;
      ids[i] = id;
      const isNamed = judgedHashes.has(h) && judgedIds.has(id);
      named[i] = isNamed;
      anyNamed ||= isNamed;
      if (c.partOf) sweep.parts.push(c);
    }
    sweep.ids.set(keys[g]!, ids);
    if (n >= 2) comparePairs(keys[g]!, claims, n, ids, anyNamed ? named : undefined, properties.get(claims[0]!.property), curated, sweep);
  }
  claims.length = 0;
  sweep.scratch.ready.length = 0;

  const { comparisons, usedJudgements } = sweep;
  const inScope: Lookup = { get: (id) => input.claims[table.get(id)], has: (id) => table.get(id) >= 0 };
  for (const judgement of judgements) {
    if (usedJudgements.has(judgement.id) || !(inScope.has(judgement.a) || inScope.has(judgement.b))) continue;
    const ca = inScope.get(judgement.a);
    const cb = inScope.get(judgement.b);
    if (!ca || !cb) continue;
    const [a, b] = ordered(ca, cb);
    comparisons.push(fromJudgement(judgement, a, b, groupKey(a)));
  }
  comparisons.push(...arithmeticChecks(sweep.parts, inScope, inScope, prepare));
  return { comparisons, groups: sweep.ids };
}

/** Re-runs only the given groups (after an edit), with arithmetic and judgements touching them. */
export function reconcileGroups(input: ReconcileInput, keys: Iterable<string>, settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS): Comparison[] {
  const wanted = new Set(keys);
  const groups = new Map<string, Claim[]>();
  for (const claim of input.claims) {
    const key = groupKey(claim);
    if (claim.status === 'rejected' || !wanted.has(key)) continue;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  // Arithmetic checks span groups (parts have their own properties): include totals whose parts moved.
  return compareGroups(groups, input, settings, input.claims.filter((c) => c.status !== 'rejected')).comparisons;
}

function compareGroups(groups: Map<string, Claim[]>, input: ReconcileInput, settings: ReconcileSettings, allClaims?: readonly Claim[]): Sweep {
  const fresh = (claim: Claim): PreparedClaim => prepareClaim(claim, settings, input.entityLabel);
  // Preparing is pure, so with unique ids each group prepares its claims afresh and drops them
  // after (a million prepared claims held to the end cost hundreds of MB). When an id repeats
  // (invalid data; the sweep stops) or only some groups run, the first preparation of an id
  // stands for all, as it always has.
  const classes = settings.classes ?? DEFAULT_CLASS_SETTINGS;
  const sweep = (allClaims === undefined ? sweepGroups(groups, input, fresh, classes, true) : undefined) ?? sweepGroups(groups, input, memoise(fresh), classes, false)!;
  const { comparisons, usedJudgements, byId: inScope, prepare } = sweep;

  // Judgements between claims of different groups (a relation against a text claim, say).
  const judgements = input.judgements ?? [];
  const pending = judgements.filter((j) => !usedJudgements.has(j.id) && (inScope.has(j.a) || inScope.has(j.b)));
  const byId = allClaims ? withIds(allClaims, new Set(pending.flatMap((j) => [j.a, j.b]))) : inScope;
  for (const judgement of pending) {
    const ca = byId.get(judgement.a);
    const cb = byId.get(judgement.b);
    if (!ca || !cb) continue;
    const [a, b] = ordered(ca, cb);
    comparisons.push(fromJudgement(judgement, a, b, groupKey(a)));
  }

  const parts = allClaims ? partsInSweepOrder(allClaims) : sweep.parts;
  const totals = allClaims ? withIds(allClaims, new Set(parts.map((c) => c.partOf!))) : inScope;
  comparisons.push(...arithmeticChecks(parts, totals, inScope, prepare));
  return sweep;
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
  return parts.map((claim, i) => ({ claim, i, rank: rank.get(groupKey(claim))! })).sort((x, y) => x.rank - y.rank || x.i - y.i).map((e) => e.claim);
}

interface Sweep {
  comparisons: Comparison[];
  usedJudgements: Set<string>;
  /** Grouped claims by id (the last of a repeated id winning, as `new Map(pairs)` does). */
  byId: Map<string, Claim>;
  /** Grouped claims that state a part of a total, in group order. */
  parts: Claim[];
  /** Claim ids by group key. */
  ids: Map<string, string[]>;
  prepare: (claim: Claim) => PreparedClaim;
  classes: ClassSettings;
  scratch: { ready: (PreparedClaim | undefined)[]; sources: string[]; unreviewed: boolean[] };
}

// One pass over the groups: claims indexed and pairs compared while a group is at hand (a million
// claims walked once, not once per purpose). With `uniqueIds`, gives up at the first repeated id.
function sweepGroups(groups: Map<string, Claim[]>, input: ReconcileInput, prepare: (claim: Claim) => PreparedClaim, classes: ClassSettings, uniqueIds: boolean): Sweep | undefined {
  const properties = new Map(input.properties.map((p) => [p.id, p]));
  const judgements = input.judgements ?? [];
  const curated = curatedByPair(judgements);
  const judged = new Set(judgements.flatMap((j) => [j.a, j.b]));
  const sweep: Sweep = { comparisons: [], usedJudgements: new Set(), byId: new Map(), parts: [], ids: new Map(), prepare, classes, scratch: { ready: [], sources: [], unreviewed: [] } };
  const { byId } = sweep;

  for (const [key, claims] of groups) {
    const n = claims.length;
    const ids = new Array<string>(n);
    // Whether a judgement names the claim, looked up once per claim rather than once per pair.
    const named = judged.size > 0 ? new Array<boolean>(n) : undefined;
    for (let i = 0; i < n; i++) {
      const c = claims[i]!;
      const known = byId.size;
      byId.set(c.id, c);
      if (uniqueIds && byId.size === known) return undefined;
      ids[i] = c.id;
      if (named) named[i] = judged.has(c.id);
      if (c.partOf) sweep.parts.push(c);
    }
    sweep.ids.set(key, ids);
    if (n >= 2) comparePairs(key, claims, n, ids, named, properties.get(claims[0]!.property), curated, sweep);
  }
  return sweep;
}

/**
 * Every pair among the group's first `n` claims (the arrays may be longer scratch), in order, judged
 * or compared; comparisons appended to the sweep's. A group above the pairwise size is compared by
 * value class instead (classes.ts), so that its cost and output stay near-linear.
 */
function comparePairs(key: string, claims: readonly Claim[], n: number, ids: readonly string[], named: readonly boolean[] | undefined, property: Property | undefined, curated: ReadonlyMap<string, Judgement>, sweep: Sweep): void {
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
      if (decidePair(pa, pb, property)) comparisons.push(decidedComparison(swap ? yid : xid, swap ? xid : yid, sources[i] === sources[j], key, unreviewed[i]! || unreviewed[j]!));
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

/** The claims bearing the wanted ids, the last one winning where ids repeat (as `new Map(pairs)` does). */
function withIds(claims: readonly Claim[], wanted: ReadonlySet<string>): Map<string, Claim> {
  const found = new Map<string, Claim>();
  if (wanted.size === 0) return found;
  for (const c of claims) if (wanted.has(c.id)) found.set(c.id, c);
  return found;
}
