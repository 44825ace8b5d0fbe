// Value classes: how one large group stays near-linear. Pair by pair, a group of k claims costs
// k(k−1)/2 comparisons and k claims that agree make as many records (issue 12: 1,775 copies of one
// sentence took 10 s and 2.8 GB to open). Above a small size, a group is compared by class instead:
// claims stating the same value in the same scope (everything the pair rule reads, the wording of
// reasons included) form one class, recorded once with its members; classes are compared through
// their representatives (lowest id), every pair of classes when there are few, otherwise each class
// with its neighbour in value order (a sweep over the sorted intervals), so cost is O(k log k) and
// output O(k) whatever the group holds.
import { formatNumber } from './quantities.js';
import { comparePair, comparisonOf, fromJudgement, pairKey } from './pairs.js';
import type { Claim, Judgement, Property } from './schema-types.js';
import type { Comparison, Outcome, PreparedClaim } from './types.js';

export interface ClassSettings {
  /** Groups of at most this many claims are compared pair by pair, one record per pair (every group of the bundled corpus and of the generated benchmarks). */
  pairwiseUpTo: number;
  /** Above this many classes in one group, each class is compared with its neighbour in value order only, not with every other class. */
  allClassPairsUpTo: number;
}

export const DEFAULT_CLASS_SETTINGS: ClassSettings = { pairwiseUpTo: 32, allClassPairsUpTo: 64 };

/** One group to compare: its first `n` claims (the arrays may be longer scratch). */
export interface ClassGroup {
  group: string;
  claims: readonly Claim[];
  n: number;
  ids: readonly string[];
  /** Claims some judgement names: each stays a class of its own, so its judgements apply to it alone. */
  named: readonly boolean[] | undefined;
  property: Property | undefined;
  curated: ReadonlyMap<string, Judgement>;
}

export interface ClassSink {
  comparisons: Comparison[];
  usedJudgements: Set<string>;
  prepare: (claim: Claim) => PreparedClaim;
  classes: ClassSettings;
  /** The outcome the comparing functions fill, copied into a record at once. */
  outcome: Outcome;
}

interface ValueClass {
  /** Claim indices, by id. */
  members: number[];
  /** The one source all members come from, or undefined when they come from several. */
  source: string | undefined;
  /** Members someone has reviewed (status other than `extracted`). */
  reviewed: number;
}

export function compareClasses(g: ClassGroup, sink: ClassSink): void {
  const { claims, n, named } = g;
  const prepared = new Array<PreparedClaim>(n);
  const byKey = new Map<string, ValueClass>();
  let classes: ValueClass[] = [];
  for (let i = 0; i < n; i++) {
    const p = (prepared[i] = sink.prepare(claims[i]!));
    if (named?.[i]) {
      classes.push(single(i, claims));
      continue;
    }
    const key = classKey(p);
    const known = byKey.get(key);
    if (known) join(known, i, claims);
    else {
      const fresh = single(i, claims);
      byKey.set(key, fresh);
      classes.push(fresh);
    }
  }
  byKey.clear();
  classes = recordClasses(classes, prepared, g, sink);
  if (classes.length <= sink.classes.allClassPairsUpTo) {
    for (let i = 0; i < classes.length; i++)
      for (let j = i + 1; j < classes.length; j++) compareTwo(classes[i]!, classes[j]!, prepared, g, sink);
  } else {
    const order = inValueOrder(classes, prepared);
    for (let i = 1; i < order.length; i++) compareTwo(order[i - 1]!, order[i]!, prepared, g, sink);
  }
}

function single(i: number, claims: readonly Claim[]): ValueClass {
  const c = claims[i]!;
  return { members: [i], source: c.source, reviewed: c.status === 'extracted' ? 0 : 1 };
}

function join(into: ValueClass, i: number, claims: readonly Claim[]): void {
  const c = claims[i]!;
  into.members.push(i);
  if (into.source !== c.source) into.source = undefined;
  if (c.status !== 'extracted') into.reviewed++;
}

/**
 * Everything the pair rule and its reasons read of a claim, as one string: two claims with the same
 * key compare alike with any third claim (only which of them is `a` can differ).
 */
function classKey(p: PreparedClaim): string {
  const v = p.claim.value;
  const s = p.claim.scope;
  let value: string;
  switch (v.type) {
    case 'quantity':
      value = `${v.comparator}\u0001${v.amount}\u0001${v.upper ?? ''}\u0001${v.unit}`;
      break;
    case 'date':
      value = `${v.date.value}\u0001${v.date.precision}\u0001${v.date.part ?? ''}\u0001${v.date.comparator ?? ''}`;
      break;
    case 'entity':
      value = `${v.entity}\u0001${v.negated ? 1 : 0}`;
      break;
    case 'text':
      value = v.text;
      break;
    default:
      value = JSON.stringify(v);
  }
  const i = p.interval;
  const t = p.time;
  return [
    v.type,
    value,
    p.mention,
    i ? `${i.lo}\u0001${i.hi}\u0001${i.loOpen ? 1 : 0}${i.hiOpen ? 1 : 0}` : '',
    t ? `${t.lo}\u0001${t.hi}` : '',
    p.population ?? '',
    p.place ?? '',
    p.aggregate ?? '',
    p.unscoped ? 1 : 0,
    s?.wording ?? '',
  ].join('\u0002');
}

/**
 * Each class of two or more members becomes one record (`same-<lowest id>`), the outcome of its
 * first two members, which every pair of members shares. A class whose members do not compare with
 * one another (a scope whose period ends before it starts) is split back into single claims.
 */
function recordClasses(classes: ValueClass[], prepared: PreparedClaim[], g: ClassGroup, sink: ClassSink): ValueClass[] {
  const out: ValueClass[] = [];
  const { ids, claims } = g;
  const byId = (x: number, y: number) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0);
  for (const c of classes) {
    if (c.members.length === 1) {
      out.push(c);
      continue;
    }
    c.members.sort(byId);
    const [first, second] = c.members as [number, number];
    const outcome = comparePair(prepared[first]!, prepared[second]!, g.property, sink.outcome);
    if (!outcome) {
      for (const m of c.members) out.push(single(m, claims));
      continue;
    }
    const { verdict, basis, reason, gap } = outcome;
    const members = c.members.map((m) => ids[m]!);
    const record: Comparison = {
      id: `same-${members[0]}`,
      a: members[0]!,
      b: members[1]!,
      members,
      group: g.group,
      scope: c.source === undefined ? 'between' : 'within',
      verdict,
      basis,
      reason: members.length > 2 ? `${reason} (${formatNumber(members.length)} claims)` : reason,
    };
    if (gap !== undefined) record.gap = gap;
    if (c.reviewed < 2) record.pending = true;
    sink.comparisons.push(record);
    out.push(c);
  }
  return out;
}

/** Two classes through their representatives: judged when a judgement names both, else compared; one record with the classes' sizes. */
function compareTwo(x: ValueClass, y: ValueClass, prepared: PreparedClaim[], g: ClassGroup, sink: ClassSink): void {
  const { ids } = g;
  const [lo, hi] = ids[x.members[0]!]! < ids[y.members[0]!]! ? [x, y] : [y, x];
  const a = lo.members[0]!;
  const b = hi.members[0]!;
  if (g.named?.[a] && g.named[b]) {
    const judgement = g.curated.get(pairKey(ids[a]!, ids[b]!));
    if (judgement) {
      sink.usedJudgements.add(judgement.id);
      sink.comparisons.push(fromJudgement(judgement, g.claims[a]!, g.claims[b]!, g.group));
      return;
    }
  }
  const outcome = comparePair(prepared[a]!, prepared[b]!, g.property, sink.outcome);
  if (!outcome) return;
  const within = lo.source !== undefined && lo.source === hi.source;
  const record = comparisonOf(ids[a]!, ids[b]!, within, g.group, lo.reviewed === 0 || hi.reviewed === 0, outcome);
  if (lo.members.length > 1 || hi.members.length > 1) record.counts = { a: lo.members.length, b: hi.members.length };
  sink.comparisons.push(record);
}

/**
 * Classes sorted by scope, then by interval (lower end, then upper), then by how the value reads:
 * neighbours are the classes whose values lie next to each other in one scope.
 */
function inValueOrder(classes: readonly ValueClass[], prepared: readonly PreparedClaim[]): ValueClass[] {
  const keyed = classes.map((c) => {
    const p = prepared[c.members[0]!]!;
    const t = p.time;
    return {
      c,
      scope: `${p.aggregate ?? ''}\u0001${p.population ?? ''}\u0001${p.place ?? ''}\u0001${t ? `${t.lo}\u0001${t.hi}` : ''}`,
      lo: p.interval?.lo ?? 0,
      hi: p.interval?.hi ?? 0,
      mention: p.mention,
    };
  });
  keyed.sort(
    (x, y) => compareText(x.scope, y.scope) || compareNumber(x.lo, y.lo) || compareNumber(x.hi, y.hi) || compareText(x.mention, y.mention),
  );
  return keyed.map((k) => k.c);
}

// Not x − y: ∞ − ∞ is NaN, which would make the order inconsistent for open intervals.
function compareNumber(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The members of each value class, by its first member, from the class records among `comparisons`. */
export function classMembers(comparisons: readonly Comparison[]): Map<string, readonly string[]> {
  const classes = new Map<string, readonly string[]>();
  for (const cmp of comparisons) if (cmp.members) classes.set(cmp.a, cmp.members);
  return classes;
}

/** Every claim a comparison stands for: both sides (each side's whole value class) and every part. */
export function claimsStoodFor(cmp: Comparison, classes: ReadonlyMap<string, readonly string[]>): readonly string[] {
  if (cmp.members) return cmp.members;
  if (cmp.counts) return [...(classes.get(cmp.a) ?? [cmp.a]), ...(classes.get(cmp.b) ?? [cmp.b])];
  return cmp.parts ? [...new Set([cmp.a, cmp.b, ...cmp.parts])] : [cmp.a, cmp.b];
}
