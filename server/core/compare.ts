// Compares the values of two claims already known to be about the same subject and property.
// Every verdict carries a machine-readable basis and a reason a person can check.
import { dateInterval, formatDate } from './dates.js';
import { contains, entirelyBelow, isPoint, overlaps, type Interval } from './interval.js';
import { describeQuantity, formatNumber, formatPercent, quantityInterval, roundingAllowance } from './quantities.js';
import { comparePersonValues, formatPersons, personsOf } from './persons.js';
import type { Claim, PersonsValue, Property } from './schema-types.js';
import type { Basis, CompareSettings, Outcome, PreparedClaim, Verdict } from './types.js';

// Defined in types.ts; re-exported for the modules that import them from here.
export type { Basis, CompareSettings, Outcome, PreparedClaim, Verdict } from './types.js';

type QuantityValue = Extract<Claim['value'], { type: 'quantity' }>;
type EntityValue = Extract<Claim['value'], { type: 'entity' }>;
type TextValue = Extract<Claim['value'], { type: 'text' }>;

export function valueInterval(claim: Claim, settings: CompareSettings): Interval | undefined {
  if (claim.value.type === 'quantity') return quantityInterval(claim.value, settings.quantity);
  if (claim.value.type === 'date') return dateInterval(claim.value.date, settings.date);
  return undefined;
}

export function mentionOf(claim: Claim, entityLabel: (id: string) => string = ownId): string {
  const v = claim.value;
  switch (v.type) {
    // Formatting numbers is costly at a million claims: only the mentions that show them do it.
    case 'quantity': return v.parts || v.comparator === 'exact' ? describeQuantity(v) : `'${claim.wording}'`;
    // A date with a comparator reads as a phrase ("by 1925"): quote it so reasons stay readable.
    case 'date': {
      const text = formatDate(v.date);
      return v.date.comparator && v.date.comparator !== 'exact' ? `'${text}'` : text;
    }
    case 'entity': return `${v.negated ? 'not ' : ''}${entityLabel(v.entity)}`;
    case 'text': return `'${v.text}'`;
    case 'persons': return `'${formatPersons(personsOf(v))}${v.partial ? ' et al.' : ''}'`;
  }
}

// Module-level, not a default-parameter arrow made (and, under tsx, named) on every call.
function ownId(id: string): string {
  return id;
}

/**
 * The outcome the last decide call reached, read at once (the next call overwrites it). The pair
 * loop builds each comparison from it, so no Outcome object is made per pair only to be copied
 * and dropped: millions of them were a good part of the collector's work.
 */
export const decided: { verdict: Verdict; basis: Basis; reason: string; gap: Outcome['gap'] } = { verdict: 'agrees', basis: 'equal', reason: '', gap: undefined };

function decide(verdict: Verdict, basis: Basis, reason: string, gap?: Outcome['gap']): true {
  decided.verdict = verdict;
  decided.basis = basis;
  decided.reason = reason;
  decided.gap = gap;
  return true;
}

/** The decided outcome as an Outcome record (gap only when there is one). */
export function takeOutcome(): Outcome {
  const { verdict, basis, reason, gap } = decided;
  return gap === undefined ? { verdict, basis, reason } : { verdict, basis, reason, gap };
}

/** compareValues into `decided`: false when the values cannot be compared. */
export function decideValues(a: PreparedClaim, b: PreparedClaim, property: Property | undefined): boolean {
  // The type from the prepared claim (one object shape) rather than from the value (six shapes).
  const type = a.type;
  if (type !== b.type) return false;
  if (type === 'quantity') {
    const va = a.claim.value as QuantityValue;
    const vb = b.claim.value as QuantityValue;
    if (va.unit !== vb.unit && normaliseUnit(va.unit) !== normaliseUnit(vb.unit)) return false;
    return decideIntervals(a, b, va.unit);
  }
  if (type === 'date') return decideIntervals(a, b, undefined);
  if (type === 'entity') {
    const va = a.claim.value as EntityValue;
    const vb = b.claim.value as EntityValue;
    if (va.entity === vb.entity) {
      return Boolean(va.negated) === Boolean(vb.negated)
        ? decide('agrees', 'relation', both(a, 'both name '))
        : decide('conflicts', 'relation', `one asserts and the other denies the relation with ${a.mention.replace(/^not /, '')}`);
    }
    if (property?.functional && !va.negated && !vb.negated) {
      return decide('conflicts', 'single-valued', `${property.label} has one value here, but one names ${a.mention} and the other ${b.mention}`);
    }
    return false;
  }
  if (type === 'persons') {
    const c = comparePersonValues(a.claim.value as PersonsValue, b.claim.value as PersonsValue);
    return decide(c.verdict, c.basis, c.reason);
  }
  if (type === 'text') {
    const va = a.claim.value as TextValue;
    const vb = b.claim.value as TextValue;
    if (va.text === vb.text || normalisedText(a, va.text) === normalisedText(b, vb.text)) return decide('agrees', 'equal', both(a, 'both say '));
    if (property?.functional) {
      return decide('conflicts', 'single-valued', `${property.label} has one value here: ${a.mention} vs ${b.mention}`);
    }
  }
  return false;
}

/** Quantities (with their unit) and dates (without) compared as intervals. */
function decideIntervals(a: PreparedClaim, b: PreparedClaim, unit: string | undefined): true {
  const ia = a.interval!;
  const ib = b.interval!;
  if (overlaps(ia, ib)) {
    if (sameInterval(ia, ib)) return decide('agrees', 'equal', sameValueReason(a, b));
    if (contains(ib, ia)) return decide('agrees', 'compatible', `${a.mention} lies within ${b.mention}`);
    if (contains(ia, ib)) return decide('agrees', 'compatible', `${b.mention} lies within ${a.mention}`);
    return decide('agrees', 'compatible', `${a.mention} and ${b.mention} overlap`);
  }
  const below = entirelyBelow(ia, ib);
  if (unit !== undefined) {
    const allowance = withinRounding(a, b, below);
    if (allowance > 0) {
      return decide('agrees', 'compatible', `${a.mention} and ${b.mention} differ by less than the rounding they are stated with (±${formatNumber(allowance)})`);
    }
  }
  decided.verdict = 'conflicts';
  decided.basis = 'disjoint';
  // The words are only needed for a conflict; the unit travels beside them, not in a new object.
  if (unit === undefined) disjointInto(below ? a : b, below ? b : a, DATE_WORDS, DATE_WORDS.unit);
  else disjointInto(below ? a : b, below ? b : a, QUANTITY_WORDS, unit);
  return true;
}

/**
 * For two quantities whose intervals do not meet: the rounding allowance when the gap between them
 * is smaller than it (then they are the same round figure, not a contradiction), else 0.
 */
export function withinRounding(a: PreparedClaim, b: PreparedClaim, aBelow = entirelyBelow(a.interval!, b.interval!)): number {
  const low = aBelow ? a.interval! : b.interval!;
  const high = aBelow ? b.interval! : a.interval!;
  const allowance = roundingAllowance(a.claim.value as QuantityValue, b.claim.value as QuantityValue);
  return high.lo - low.hi < allowance ? allowance : 0;
}

function sameInterval(x: Interval, y: Interval): boolean {
  return x.lo === y.lo && x.hi === y.hi && Boolean(x.loOpen) === Boolean(y.loOpen) && Boolean(x.hiOpen) === Boolean(y.hiOpen);
}

function sameValueReason(a: PreparedClaim, b: PreparedClaim): string {
  return a.mention === b.mention ? both(a, 'both give ') : `${a.mention} equals ${b.mention}`;
}

/** `${words}${p.mention}`, built once per prepared claim (its value type decides the words). */
function both(p: PreparedClaim, words: string): string {
  return (p.both ??= words + p.mention);
}

interface Wording {
  below: string;
  above: string;
  lowerBound: string;
  upperBound: string;
  unit: string;
  /** Relative gaps make sense for counts, not for calendar days. */
  relative: boolean;
}

type Words = Omit<Wording, 'unit'>;

const QUANTITY_WORDS: Words = { below: 'below', above: 'above', lowerBound: 'lower bound', upperBound: 'upper bound', relative: true };
const DATE_WORDS = { below: 'before', above: 'after', lowerBound: 'earliest date', upperBound: 'latest date', unit: 'days', relative: false };

/** disjointReason into `decided.reason` and `decided.gap`. */
export function disjointInto(low: PreparedClaim, high: PreparedClaim, words: Words, unit: string): void {
  const l = low.interval!;
  const h = high.interval!;
  const absolute = h.lo - l.hi;
  let relative: number;
  if (isPoint(l) && !isPoint(h)) {
    relative = (l.hi - h.lo) / Math.abs(h.lo);
    decided.reason = `${low.mention} is ${words.below} the ${words.lowerBound} of ${high.mention}${percent(words, relative)}`;
  } else if (isPoint(h) && !isPoint(l)) {
    relative = (h.lo - l.hi) / Math.abs(l.hi);
    decided.reason = `${high.mention} is ${words.above} the ${words.upperBound} of ${low.mention}${percent(words, relative)}`;
  } else if (isPoint(l) && isPoint(h)) {
    relative = (l.hi - h.lo) / Math.abs(h.lo);
    const amount = words.relative ? formatNumber(absolute) : plural(absolute, 'day');
    decided.reason = `${low.mention} is ${amount} ${words.below} ${high.mention}${percent(words, relative)}`;
  } else {
    relative = (h.lo - l.hi) / Math.abs(l.hi);
    decided.reason = `${high.mention} lies entirely ${words.above} ${low.mention}${percent(words, relative)}`;
  }
  decided.gap = gapOf(words, unit, absolute, relative);
}

// Module-level rather than closures inside disjointReason: tsx names every closure it creates
// (a defineProperty call), which showed in profiles at hundreds of thousands of conflicts.
function percent(words: Words, relative: number): string {
  return words.relative && Number.isFinite(relative) ? ` (${formatPercent(relative)})` : '';
}

function gapOf(words: Words, unit: string, absolute: number, relative: number): NonNullable<Outcome['gap']> {
  // Two literals rather than adding `relative` afterwards, which would need a separate property store.
  return words.relative && Number.isFinite(relative) ? { absolute, unit, relative } : { absolute, unit };
}

function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}

function normaliseUnit(unit: string): string {
  return unit.trim().toLowerCase();
}

function normalisedText(p: PreparedClaim, text: string): string {
  return (p.normalisedText ??= normaliseText(text));
}

function normaliseText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
