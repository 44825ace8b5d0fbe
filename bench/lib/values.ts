// What one source states about a group's true value: mostly forms that agree with the truth
// (the exact figure, a rounded "some", a lower bound, a range around it, a coarser date), and on
// request a conflicting one. Agreeing forms all contain the truth, so any two of them agree.
import type { DateValue, Value } from '../../server/core/model.js';
import type { Rng } from './prng.js';
import { commas } from './vocabulary.js';

export interface Stated {
  value: Value;
  /** The source's own wording of the value: "over 72,000", "early October 1918". */
  wording: string;
}

/** Rounds to two significant figures, downwards, upwards or to nearest. */
export function roundSig(x: number, mode: 'down' | 'up' | 'near'): number {
  if (x < 100) return mode === 'down' ? Math.floor(x) : mode === 'up' ? Math.ceil(x) : Math.round(x);
  const step = 10 ** (Math.floor(Math.log10(x)) - 1);
  const f = mode === 'down' ? Math.floor : mode === 'up' ? Math.ceil : Math.round;
  return f(x / step) * step;
}

const between = (rng: Rng, lo: number, hi: number) => lo + rng.next() * (hi - lo);

/** Comparator weights of agreeing quantity claims: exact figures dominate, then "some", then bounds. */
const AGREEING_FORMS = ['exact', 'approx', 'gt', 'range', 'lte', 'almost', 'gte', 'lt'] as const;
const AGREEING_WEIGHTS = [40, 25, 10, 10, 8, 4, 2, 1];

export function statedQuantity(rng: Rng, truth: number, unit: string, conflicting: boolean): Stated {
  const q = (comparator: Extract<Value, { type: 'quantity' }>['comparator'], amount: number, wording: string, upper?: number): Stated => ({
    value: { type: 'quantity', comparator, amount, unit, ...(upper !== undefined ? { upper } : {}) },
    wording,
  });
  if (conflicting) {
    // Far enough off that even "some" (±10 %) cannot reach the truth.
    const off = Math.max(1, Math.round(truth * (rng.chance(0.5) ? between(rng, 1.3, 2.2) : between(rng, 0.35, 0.7))));
    const amount = off === truth ? truth + 1 : off;
    return rng.chance(0.6)
      ? q('exact', amount, commas(amount))
      : q('approx', roundSig(amount, 'near'), `some ${commas(roundSig(amount, 'near'))}`);
  }
  const form = AGREEING_FORMS[rng.weighted(AGREEING_WEIGHTS)]!;
  switch (form) {
    case 'approx': {
      const a = roundSig(truth, 'near');
      return q('approx', a, `${rng.pick(['some', 'about', 'around', 'roughly'])} ${commas(a)}`);
    }
    case 'gt': {
      const a = roundSig(truth * between(rng, 0.7, 0.95), 'down');
      return a < truth ? q('gt', a, `${rng.pick(['over', 'more than'])} ${commas(a)}`) : q('exact', truth, commas(truth));
    }
    case 'gte': {
      const a = roundSig(truth * between(rng, 0.8, 1), 'down');
      return q('gte', a, `at least ${commas(a)}`);
    }
    case 'lt': {
      const a = roundSig(truth * between(rng, 1.05, 1.3), 'up');
      return a > truth ? q('lt', a, `fewer than ${commas(a)}`) : q('exact', truth, commas(truth));
    }
    case 'lte': {
      const a = roundSig(truth * between(rng, 1, 1.25), 'up');
      return q('lte', a, `up to ${commas(a)}`);
    }
    case 'range': {
      const lo = roundSig(truth * between(rng, 0.75, 0.95), 'down');
      const hi = roundSig(truth * between(rng, 1.05, 1.25), 'up');
      return lo < hi ? q('range', lo, `between ${commas(lo)} and ${commas(hi)}`, hi) : q('exact', truth, commas(truth));
    }
    case 'almost': {
      // "almost X" covers [0.9 X, X): X just above the truth.
      const a = roundSig(truth * 1.02 + 1, 'up');
      return truth >= 20 && a > truth && truth >= 0.9 * a ? q('almost', a, `almost ${commas(a)}`) : q('exact', truth, commas(truth));
    }
    default:
      return q('exact', truth, commas(truth));
  }
}

export interface Day {
  year: number;
  month: number;
  day: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function randomDay(rng: Rng, fromYear: number, toYear: number): Day {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  return { year, month, day: rng.int(1, daysIn(year, month)) };
}

/** A day in a different month, at least two months from `truth`: disjoint from any day or month statement of it. */
function shiftedDay(rng: Rng, truth: Day): Day {
  const months = truth.year * 12 + truth.month - 1 + (rng.chance(0.5) ? 1 : -1) * rng.int(2, 20);
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  return { year, month, day: Math.min(truth.day, daysIn(year, month)) };
}

const SEASONS: ReadonlyArray<[NonNullable<DateValue['part']>, string]> = [
  ['winter', 'winter'],
  ['winter', 'winter'],
  ['spring', 'spring'],
  ['spring', 'spring'],
  ['spring', 'spring'],
  ['summer', 'summer'],
  ['summer', 'summer'],
  ['summer', 'summer'],
  ['fall', 'autumn'],
  ['fall', 'autumn'],
  ['fall', 'autumn'],
  ['winter', 'winter'],
];

/** A date statement of `truth` at a randomly chosen precision: day, month, part of month, season, year, "about", "by". */
export function statedDate(rng: Rng, truth: Day, conflicting: boolean): Stated {
  const d = conflicting ? shiftedDay(rng, truth) : truth;
  const ym = `${d.year}-${pad(d.month)}`;
  const monthName = `${MONTHS[d.month - 1]} ${d.year}`;
  const date = (date: DateValue, wording: string): Stated => ({ value: { type: 'date', date }, wording });
  const form = conflicting ? rng.int(0, 1) : rng.weighted([30, 25, 10, 10, 15, 5, 5]);
  switch (form) {
    case 0:
      return date({ value: `${ym}-${pad(d.day)}`, precision: 'day' }, `${d.day} ${monthName}`);
    case 1:
      return date({ value: ym, precision: 'month' }, monthName);
    case 2: {
      // Thirds of the month, as dates.ts reads "early/mid/late October".
      const third = Math.floor(daysIn(d.year, d.month) / 3);
      const part = d.day <= third ? 'early' : d.day <= 2 * third ? 'mid' : 'late';
      return date({ value: ym, precision: 'month', part }, `${part} ${monthName}`);
    }
    case 3: {
      // Winter Y runs from December Y-1: a December day belongs to the next year's winter.
      const [part, word] = SEASONS[d.month - 1]!;
      const year = d.month === 12 ? d.year + 1 : d.year;
      return date({ value: String(year), precision: 'season', part }, `${word} ${year}`);
    }
    case 4:
      return date({ value: String(d.year), precision: 'year' }, String(d.year));
    case 5:
      return date({ value: ym, precision: 'month', comparator: 'approx' }, `around ${monthName}`);
    default: {
      const later = Math.min(12, d.month + rng.int(0, 3));
      return date({ value: `${d.year}-${pad(later)}`, precision: 'month', comparator: 'by' }, `by ${MONTHS[later - 1]} ${d.year}`);
    }
  }
}

/** A relation claim: the true object, or (conflicting) another object or a denial. */
export function statedRelation(
  truth: string,
  other: string,
  label: (id: string) => string,
  conflicting: 'other' | 'denied' | false,
): Stated {
  if (conflicting === 'denied') return { value: { type: 'entity', entity: truth, negated: true }, wording: `not ${label(truth)}` };
  const entity = conflicting === 'other' ? other : truth;
  return { value: { type: 'entity', entity }, wording: label(entity) };
}

/** A text claim: the true text (sometimes capitalised differently) or another one. */
export function statedText(rng: Rng, truth: string, pool: readonly string[], conflicting: boolean): Stated {
  let text = truth;
  if (conflicting) {
    const others = pool.filter((t) => t !== truth);
    text = rng.pick(others);
  } else if (rng.chance(0.3)) text = truth.replace(/^\w/, (c) => c.toUpperCase());
  return { value: { type: 'text', text }, wording: text };
}
