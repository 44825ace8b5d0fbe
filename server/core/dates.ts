// Dates as day-number intervals, so "April 6, 1920" and "April 1920" compare as ranges:
// a more precise date inside a coarser one is compatible, not a conflict.
import type { Interval } from './interval.js';
import type { DateValue } from './schema-types.js';

const MS_PER_DAY = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days since 1970-01-01 (UTC) of a calendar day. */
export function dayNumber(year: number, month: number, day: number): number {
  // Whole numbers in a sane range, the usual case, by arithmetic: no Date object per call (a few
  // million calls at a million claims). Same rules as the Date below: proleptic Gregorian,
  // month 13 rolls into the next year, day 0 is the last day of the month before.
  if (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    Math.abs(year) <= 100_000 &&
    Math.abs(month) <= 10_000 &&
    Math.abs(day) <= 100_000
  ) {
    return daysFromCivil(year, month, day);
  }
  // setUTCFullYear with month and day rolls month 13 into the next year and, unlike Date.UTC,
  // does not read years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), with months
// outside 1–12 carried into the year first; linear in the day, so day 0 or 31 roll as Date rolls them.
function daysFromCivil(year: number, month: number, day: number): number {
  const carry = Math.floor((month - 1) / 12);
  const m = month - carry * 12;
  const y = year + carry - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + 0;
}

function lastDayOfMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - 1;
}

/** Month spans of the parts of a year (northern hemisphere; winter Y = December Y-1 to February Y). */
const PART_MONTHS: Record<NonNullable<DateValue['part']>, [number, number]> = {
  early: [1, 4],
  mid: [5, 8],
  late: [9, 12],
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  winter: [0, 2],
};

export interface ParsedDate {
  year: number;
  month?: number;
  day?: number;
}

export function parseDateString(value: string): ParsedDate {
  // By hand when the text is of the form (a regex match array and its substrings per call are
  // garbage at millions); anything else goes through the pattern, which also reports the error.
  if (typeof value === 'string') {
    const parsed = parseIsoLike(value);
    if (parsed) return parsed;
  }
  const m = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new Error(`not an ISO date: ${value}`);
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

/** /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/ read by hand, or undefined when the text does not match. */
function parseIsoLike(value: string): ParsedDate | undefined {
  const length = value.length;
  let i = value.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const negative = i === 1;
  let year = 0;
  const yearStart = i;
  for (; i < length && i - yearStart < 4; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    year = year * 10 + d;
  }
  if (i === yearStart) return undefined;
  // Number('-0') is -0, as the pattern's reading gives.
  if (negative) year = -year;
  if (i === length) return { year, month: undefined, day: undefined };
  const month = twoDigits(value, i);
  if (month < 0) return undefined;
  i += 3;
  if (i === length) return { year, month, day: undefined };
  const day = twoDigits(value, i);
  if (day < 0 || i + 3 !== length) return undefined;
  return { year, month, day };
}

/** '-dd' at `at` as a number, or -1. */
function twoDigits(value: string, at: number): number {
  if (value.charCodeAt(at) !== 45) return -1;
  const a = value.charCodeAt(at + 1) - 48;
  const b = value.charCodeAt(at + 2) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The span of days a date denotes at its precision, before any comparator. */
export function dateSpan(date: DateValue): Interval {
  const { year, month, day } = parseDateString(date.value);
  if (date.part && date.precision !== 'day') {
    const [from, to] = PART_MONTHS[date.part];
    if (month !== undefined && (date.part === 'early' || date.part === 'mid' || date.part === 'late')) {
      // "early October": thirds of the month
      const first = dayNumber(year, month, 1);
      const length = lastDayOfMonth(year, month) - first + 1;
      const third = Math.floor(length / 3);
      const index = ['early', 'mid', 'late'].indexOf(date.part);
      return { lo: first + index * third, hi: index === 2 ? first + length - 1 : first + (index + 1) * third - 1 };
    }
    return from === 0
      ? { lo: dayNumber(year - 1, 12, 1), hi: lastDayOfMonth(year, to) }
      : { lo: dayNumber(year, from, 1), hi: lastDayOfMonth(year, to) };
  }
  if (date.precision === 'decade') {
    const start = Math.floor(year / 10) * 10;
    return { lo: dayNumber(start, 1, 1), hi: dayNumber(start + 9, 12, 31) };
  }
  if (day !== undefined && month !== undefined) return { lo: dayNumber(year, month, day), hi: dayNumber(year, month, day) };
  if (month !== undefined) return { lo: dayNumber(year, month, 1), hi: lastDayOfMonth(year, month) };
  return { lo: dayNumber(year, 1, 1), hi: dayNumber(year, 12, 31) };
}

export interface DateSettings {
  /** How far "about <date>" reaches beyond its span, as a share of the span's length (at least a day). */
  approxWidening: number;
}

/** The days a dated statement allows, comparator included ("by May 15, 1925" = any day up to it). */
export function dateInterval(date: DateValue, settings: DateSettings = { approxWidening: 1 }): Interval {
  const span = dateSpan(date);
  switch (date.comparator ?? 'exact') {
    case 'by':
      return { lo: -Infinity, hi: span.hi };
    case 'before':
      return { lo: -Infinity, hi: span.lo, hiOpen: true };
    case 'after':
      return { lo: span.hi, hi: Infinity, loOpen: true };
    case 'approx': {
      const widen = Math.max(1, Math.round((span.hi - span.lo + 1) * settings.approxWidening));
      return { lo: span.lo - widen, hi: span.hi + widen };
    }
    default:
      return span;
  }
}

const DATE_PREFIX: Record<string, string> = { exact: '', approx: 'about ', by: 'by ', before: 'before ', after: 'after ' };

/** "25 October 1922", "April 1920", "early 1920", "summer 1919", "by May 1925". */
export function formatDate(date: DateValue): string {
  const { year, month, day } = parseDateString(date.value);
  let text: string;
  if (date.part && date.precision !== 'day') {
    text = month !== undefined ? `${date.part} ${MONTHS[month - 1]} ${year}` : `${date.part} ${year}`;
  } else if (date.precision === 'decade') text = `${Math.floor(year / 10) * 10}s`;
  else if (day !== undefined && month !== undefined) text = `${day} ${MONTHS[month - 1]} ${year}`;
  else if (month !== undefined) text = `${MONTHS[month - 1]} ${year}`;
  else text = String(year);
  const prefix = DATE_PREFIX[date.comparator ?? 'exact'];
  return prefix + text;
}

/** Why an ISO-like date string names no real day ("1918-02-31"), or undefined. */
export function calendarProblem(value: string): string | undefined {
  const { year, month, day } = parseDateString(value);
  if (month === undefined || day === undefined) return undefined;
  const daysInMonth = lastDayOfMonth(year, month) - dayNumber(year, month, 1) + 1;
  return day <= daysInMonth ? undefined : `${value} is not a day of the calendar (month ${month} of ${year} has ${daysInMonth} days)`;
}
