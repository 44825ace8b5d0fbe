// Compares the values of two claims already known to be about the same subject and property.
// Every verdict carries a machine-readable basis and a reason a person can check.
import { dateInterval, formatDate } from './dates.js';
import { contains, entirelyBelow, isPoint, overlaps, type Interval } from './interval.js';
import { describeQuantity, formatNumber, formatPercent, quantityInterval, roundingAllowance } from './quantities.js';
import { comparePersonValues, formatPersons, personsOf } from './persons.js';
import type { Claim, PersonsValue, Property } from './schema-types.js';
import type { Basis, CompareSettings, Outcome, PreparedClaim, Verdict } from './types.js';

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
    case 'quantity':
      return v.parts || v.comparator === 'exact' ? describeQuantity(v) : `'${claim.wording}'`;
    // A date with a comparator reads as a phrase ("by 1925"): quote it so reasons stay readable.
    case 'date': {
      const text = formatDate(v.date);
      return v.date.comparator && v.date.comparator !== 'exact' ? `'${text}'` : text;
    }
    case 'entity':
      return `${v.negated ? 'not ' : ''}${entityLabel(v.entity)}`;
    case 'text':
      return `'${v.text}'`;
    case 'persons':
      return `'${formatPersons(personsOf(v))}${v.partial ? ' et al.' : ''}'`;
  }
}

// Module-level, not a default-parameter arrow made (and, under tsx, named) on every call.
function ownId(id: string): string {
  return id;
}

/**
 * A blank outcome to be filled. The pair loop gives the comparing functions one of its own, which
 * they fill and return, and copies it into its comparison record at once: an Outcome object made
 * per compared pair only to be copied and dropped was a tenth of reconciliation's CPU time (A/B at
 * 300k claims). Called without one, they fill a new one.
 */
export function blankOutcome(): Outcome {
  return { verdict: 'agrees', basis: 'equal', reason: '', gap: undefined };
}

/** `into` filled (all four fields every time: one object shape) and returned. */
function outcome(into: Outcome, verdict: Verdict, basis: Basis, reason: string, gap?: Outcome['gap']): Outcome {
  into.verdict = verdict;
  into.basis = basis;
  into.reason = reason;
  into.gap = gap;
  return into;
}

/** Compares two values in the same scope; undefined when they cannot be compared (units differ, unrelated texts). */
export function compareValues(
  a: PreparedClaim,
  b: PreparedClaim,
  property: Property | undefined,
  into: Outcome = blankOutcome(),
): Outcome | undefined {
  // The type from the prepared claim (one object shape) rather than from the value (six shapes).
  const type = a.type;
  if (type !== b.type) return undefined;
  if (type === 'quantity') {
    const va = a.claim.value as QuantityValue;
    const vb = b.claim.value as QuantityValue;
    if (va.unit !== vb.unit && normaliseUnit(va.unit) !== normaliseUnit(vb.unit)) return undefined;
    return compareIntervals(a, b, va.unit, into);
  }
  if (type === 'date') return compareIntervals(a, b, undefined, into);
  if (type === 'entity') {
    const va = a.claim.value as EntityValue;
    const vb = b.claim.value as EntityValue;
    if (va.entity === vb.entity) {
      return Boolean(va.negated) === Boolean(vb.negated)
        ? outcome(into, 'agrees', 'relation', both(a, 'both name '))
        : outcome(into, 'conflicts', 'relation', `one asserts and the other denies the relation with ${a.mention.replace(/^not /, '')}`);
    }
    if (property?.functional && !va.negated && !vb.negated) {
      return outcome(
        into,
        'conflicts',
        'single-valued',
        `${property.label} has one value here, but one names ${a.mention} and the other ${b.mention}`,
      );
    }
    return undefined;
  }
  if (type === 'persons') {
    const c = comparePersonValues(a.claim.value as PersonsValue, b.claim.value as PersonsValue);
    return outcome(into, c.verdict, c.basis, c.reason);
  }
  if (type === 'text') {
    const va = a.claim.value as TextValue;
    const vb = b.claim.value as TextValue;
    if (va.text === vb.text || normalisedText(a, va.text) === normalisedText(b, vb.text))
      return outcome(into, 'agrees', 'equal', both(a, 'both say '));
    if (property?.functional) {
      return outcome(into, 'conflicts', 'single-valued', `${property.label} has one value here: ${a.mention} vs ${b.mention}`);
    }
  }
  return undefined;
}

/** Quantities (with their unit) and dates (without) compared as intervals. */
function compareIntervals(a: PreparedClaim, b: PreparedClaim, unit: string | undefined, into: Outcome): Outcome {
  const ia = a.interval!;
  const ib = b.interval!;
  if (overlaps(ia, ib)) {
    if (sameInterval(ia, ib)) return outcome(into, 'agrees', 'equal', sameValueReason(a, b));
    if (contains(ib, ia)) return outcome(into, 'agrees', 'compatible', `${a.mention} lies within ${b.mention}`);
    if (contains(ia, ib)) return outcome(into, 'agrees', 'compatible', `${b.mention} lies within ${a.mention}`);
    return outcome(into, 'agrees', 'compatible', `${a.mention} and ${b.mention} overlap`);
  }
  const below = entirelyBelow(ia, ib);
  if (unit !== undefined) {
    const allowance = withinRounding(a, b, below);
    if (allowance > 0) {
      return outcome(
        into,
        'agrees',
        'compatible',
        `${a.mention} and ${b.mention} differ by less than the rounding they are stated with (±${formatNumber(allowance)})`,
      );
    }
  }
  // The unit travels beside the words, not in a new object.
  if (unit === undefined) return disjoint(below ? a : b, below ? b : a, DATE_WORDS, DATE_WORDS.unit, 'disjoint', '', into);
  return disjoint(below ? a : b, below ? b : a, QUANTITY_WORDS, unit, 'disjoint', '', into);
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

/** How a gap between two values is worded: counts and amounts, or calendar days. */
export interface Words {
  below: string;
  above: string;
  lowerBound: string;
  upperBound: string;
  /** Relative gaps make sense for counts, not for calendar days. */
  relative: boolean;
}

/** The words for quantities (a stated range, a total bounding a count). */
export const QUANTITY_WORDS: Words = {
  below: 'below',
  above: 'above',
  lowerBound: 'lower bound',
  upperBound: 'upper bound',
  relative: true,
};
const DATE_WORDS = {
  below: 'before',
  above: 'after',
  lowerBound: 'earliest date',
  upperBound: 'latest date',
  unit: 'days',
  relative: false,
};

/**
 * A conflict because `low` lies entirely below `high`, into `into`: the reason (with `suffix`
 * appended) and the gap, measured against the bound that is crossed.
 */
export function disjoint(
  low: PreparedClaim,
  high: PreparedClaim,
  words: Words,
  unit: string,
  basis: Basis,
  suffix: string,
  into: Outcome,
): Outcome {
  const l = low.interval!;
  const h = high.interval!;
  const absolute = h.lo - l.hi;
  let relative: number;
  let reason: string;
  if (isPoint(l) && !isPoint(h)) {
    relative = (l.hi - h.lo) / Math.abs(h.lo);
    reason = `${low.mention} is ${words.below} the ${words.lowerBound} of ${high.mention}${percent(words, relative)}`;
  } else if (isPoint(h) && !isPoint(l)) {
    relative = (h.lo - l.hi) / Math.abs(l.hi);
    reason = `${high.mention} is ${words.above} the ${words.upperBound} of ${low.mention}${percent(words, relative)}`;
  } else if (isPoint(l) && isPoint(h)) {
    relative = (l.hi - h.lo) / Math.abs(h.lo);
    const amount = words.relative ? formatNumber(absolute) : plural(absolute, 'day');
    reason = `${low.mention} is ${amount} ${words.below} ${high.mention}${percent(words, relative)}`;
  } else {
    relative = (h.lo - l.hi) / Math.abs(l.hi);
    reason = `${high.mention} lies entirely ${words.above} ${low.mention}${percent(words, relative)}`;
  }
  return outcome(into, 'conflicts', basis, suffix === '' ? reason : reason + suffix, gapOf(words, unit, absolute, relative));
}

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
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
