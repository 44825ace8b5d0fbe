// Quantities as intervals built from their comparator: "over 72,000" is (72,000, ∞),
// "up to 3,000" is (-∞, 3,000], "some 5,000" is 5,000 ± the approximation tolerance.
import type { Interval } from './interval.js';
import type { QuantityValue } from './schema-types.js';

export interface QuantitySettings {
  /** Relative half-width of "some / about X" (0.1 = ±10 %). */
  approxTolerance: number;
  /** How far below X "almost / nearly X" may be (0.1 = down to 90 % of X). */
  almostTolerance: number;
}

export const DEFAULT_QUANTITY_SETTINGS: QuantitySettings = { approxTolerance: 0.1, almostTolerance: 0.1 };

export function quantityInterval(value: QuantityValue, settings: QuantitySettings = DEFAULT_QUANTITY_SETTINGS): Interval {
  const a = value.amount;
  // No closure here: this runs once per claim, a million times in the large benchmarks.
  switch (value.comparator) {
    case 'exact':
      return { lo: a, hi: a };
    case 'approx':
      return { lo: a - Math.abs(a) * settings.approxTolerance, hi: a + Math.abs(a) * settings.approxTolerance };
    // "almost 0" has nothing below it to be: read it as 0 rather than as an empty interval.
    case 'almost':
      return a === 0 ? { lo: 0, hi: 0 } : { lo: a - Math.abs(a) * settings.almostTolerance, hi: a, hiOpen: true };
    case 'gt':
      return { lo: a, hi: Infinity, loOpen: true };
    case 'gte':
      return { lo: a, hi: Infinity };
    case 'lt':
      return { lo: -Infinity, hi: a, hiOpen: true };
    case 'lte':
      return { lo: -Infinity, hi: a };
    case 'range':
      return { lo: a, hi: value.upper ?? a };
  }
}

/**
 * The place value of the last significant digit a figure is stated to: 70,000 → 10,000, 72,000 →
 * 1,000, 3,116 → 1; the finest of a range's two ends or of stated parts. 0 for fractions and zero,
 * which carry no rounding to read. A round figure stands for anything that rounds to it.
 */
export function statedPrecision(value: QuantityValue): number {
  if (value.parts && value.parts.length > 0) {
    let finest = Infinity;
    for (const part of value.parts) finest = Math.min(finest, placeOfLastDigit(part.amount));
    return finest;
  }
  const own = placeOfLastDigit(value.amount);
  return value.comparator === 'range' && value.upper !== undefined ? Math.min(own, placeOfLastDigit(value.upper)) : own;
}

function placeOfLastDigit(n: number): number {
  if (!Number.isSafeInteger(n) || n === 0) return 0;
  let place = 1;
  for (let rest = Math.abs(n); rest % 10 === 0; rest /= 10) place *= 10;
  return place;
}

/**
 * How far apart two figures may lie and still be the same figure rounded: half the place of the
 * finer one's last digit, when both are round (70,000 and "more than 70,000": 5,000; 72,000 and
 * 70,000: 500). Figures stated to the unit get no allowance: "over 3,116" excludes 3,116.
 */
export function roundingAllowance(a: QuantityValue, b: QuantityValue): number {
  const finer = Math.min(statedPrecision(a), statedPrecision(b));
  return finer >= 10 ? finer / 2 : 0;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  // Whole numbers by hand (Intl is slow at millions of reasons): the digits in threes with commas
  // and '-' for a negative, as en-US prints them. Intl prints -0 as "-0": it keeps that case.
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return groupThousands(n);
  return NUMBER.format(n);
}

function groupThousands(n: number): string {
  const digits = String(n < 0 ? -n : n);
  let text = digits.slice(0, digits.length % 3 || 3);
  for (let i = text.length; i < digits.length; i += 3) text += ',' + digits.slice(i, i + 3);
  return n < 0 ? '-' + text : text;
}

/** A signed percentage with a true minus sign: "−2.8 %", "+3.9 %". */
export function formatPercent(share: number): string {
  const pct = share * 100;
  const digits = Math.abs(pct) >= 10 ? 0 : Math.abs(pct) >= 0.1 ? 1 : 2;
  const text = Math.abs(pct).toFixed(digits);
  return `${pct < 0 ? '−' : '+'}${text} %`;
}

/** The value as a reader would state it: "1,399 + 1,717 = 3,116", "over 72,000", "some 5,000". */
export function describeQuantity(value: QuantityValue): string {
  const n = formatNumber(value.amount);
  if (value.parts) return `${value.parts.map((p) => formatNumber(p.amount)).join(' + ')} = ${n}`;
  switch (value.comparator) {
    case 'exact':
      return n;
    case 'approx':
      return `about ${n}`;
    case 'almost':
      return `almost ${n}`;
    case 'gt':
      return `over ${n}`;
    case 'gte':
      return `at least ${n}`;
    case 'lt':
      return `under ${n}`;
    case 'lte':
      return `up to ${n}`;
    case 'range':
      return `${n}–${formatNumber(value.upper ?? value.amount)}`;
  }
}
