// Dates in running text with their precision: "October 25, 1922", "25 October 1922", "October 25
// 1922", "April 1920", "1918", "early 1920", "the summer and fall of 1919", "the 1920s", ISO dates,
// ranges ("from 1918 to 1922", "1918–1922", "12 January 1918 — 24 June 1922", "23 to 31 May 1920")
// and dates with no year ("on April 6"), which take the year the text last named.
import type { DateValue } from '../core/schema-types.js';
import { keepLongest } from './spans.js';
import { notFigureSpans, overlapsAny } from './not-figures.js';
import { OCR_DIGITS } from './words.js';
import { countsRatherThanYear } from './units.js';

export interface DateMention {
  start: number;
  end: number;
  date: DateValue;
  /** End of a range; `date` is then its start. */
  until?: DateValue;
  /** The year came from context, not from the words. */
  inferredYear: boolean;
  /** The year came from an earlier date of the same sentence ("January 9, 1918, … on January 12"). */
  yearFromSentence?: boolean;
  /** No year known from the text before it or its sentence: its day is no figure, but it states no claimable date. */
  unresolved?: boolean;
}

type Part = NonNullable<DateValue['part']>;

/** The calendar's month names, in order, lower case: what other readers match tokens against. */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// Month names as written in prose, and in capitals (headings, parliamentary order papers: "TUESDAY 15 JULY");
// an abbreviation's full stop is part of it ("Jan. 30"), a full name's is the sentence's ("… in March.").
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)(?:(?<=\\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC))\\.)?';
/** A month name as MONTH reads it, without a capture (for look-behinds). */
const MONTH_WORD = MONTH.replace('(', '(?:');
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})(?!\\d|[.,]\\d|\\.\\p{L})';
const SEASON = '([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)';
const PART = '([Ee]arly|[Mm]id|[Ll]ate|[Tt]he beginning of|[Tt]he start of|[Tt]he middle of|[Tt]he end of)';

interface Pattern {
  re: RegExp;
  /** The pattern needs a month name: skipped for sentences that have none. */
  month?: boolean;
  /** Words the pattern needs (a season, "early"…): skipped for sentences without them (most have none). */
  hint?: RegExp;
  read: (m: RegExpExecArray, year: number | undefined) => Omit<DateMention, 'start' | 'end'> | undefined;
}

const rx = (source: string) => new RegExp(source, 'gu');
const HAS_SEASON = new RegExp(SEASON);
const HAS_PART = new RegExp(PART);

const PATTERNS: Pattern[] = [
  // "23 to 31 May 1920", "12–15 March 1920"
  {
    month: true,
    re: rx(`(?<!\\d)${DAY}\\s*(?:–|-|to|and)\\s*${DAY}\\s+${MONTH},?\\s+${YEAR}`),
    read: (m) => range(day(m[4]!, m[3]!, m[1]!), day(m[4]!, m[3]!, m[2]!)),
  },
  // "July 1–3, 1863", "May 23 to 31, 1920"
  {
    month: true,
    re: rx(`${MONTH}\\s+${DAY}\\s*(?:–|-|to)\\s*${DAY},?\\s+${YEAR}`),
    read: (m) => range(day(m[4]!, m[1]!, m[2]!), day(m[4]!, m[1]!, m[3]!)),
  },
  // "March and April 1922", "April to June 1919"
  {
    month: true,
    re: rx(`${MONTH}\\s*(?:and|to|–|-)\\s*${MONTH},?\\s+(?:of\\s+)?${YEAR}`),
    read: (m) => range(month(m[3]!, m[1]!), month(m[3]!, m[2]!)),
  },
  { month: true, re: rx(`${MONTH}\\s+${DAY}(?:,\\s*|\\s+)${YEAR}`), read: (m) => point(day(m[3]!, m[1]!, m[2]!)) },
  { month: true, re: rx(`(?<!\\d)${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`), read: (m) => point(day(m[3]!, m[2]!, m[1]!)) },
  {
    re: rx(`(?<![\\d-])(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?![\\d-])`),
    read: (m) => point({ value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' }),
  },
  // "04/12/2007", "8/21/1999", "21/8/1999": month first as American forms and reports write it, unless the first part cannot be a month.
  { re: rx(`(?<![\\d/.-])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])`), read: (m) => point(numericDate(m[3]!, Number(m[1]), Number(m[2]))) },
  // "the summer and fall of 1919": a date value holds one part, so the pair reads as its year
  {
    hint: HAS_SEASON,
    re: rx(`(?:\\b[Tt]he\\s+)?\\b${SEASON}\\s+and\\s+${SEASON}\\s+(?:of\\s+)?${YEAR}`),
    read: (m) => (plausibleYear(m[3]!) ? point({ value: m[3]!, precision: 'year' }) : undefined),
  },
  {
    month: true,
    hint: HAS_PART,
    re: rx(`\\b${PART}[\\s-]+(?:of\\s+)?${MONTH},?\\s+(?:of\\s+)?${YEAR}`),
    read: (m) => point(monthPart(m[3]!, m[2]!, m[1]!)),
  },
  {
    hint: HAS_SEASON,
    re: rx(`(?:\\b[Tt]he\\s+)?\\b(?:(?:[Ee]arly|[Ll]ate)\\s+)?${SEASON}\\s+(?:of\\s+)?${YEAR}`),
    read: (m) => point(season(m[2]!, m[1]!)),
  },
  { hint: HAS_PART, re: rx(`\\b${PART}[\\s-]+(?:of\\s+)?${YEAR}`), read: (m) => point(yearPart(m[2]!, m[1]!)) },
  { month: true, re: rx(`${MONTH},?\\s+(?:of\\s+)?${YEAR}`), read: (m) => point(month(m[2]!, m[1]!)) },
  // No year: "on April 6", "6 April", "by October" — the year comes from context.
  // (Not before a year the full patterns read; "August 17, 960 people" is a day and a count.)
  {
    month: true,
    re: rx(`${MONTH}\\s+${DAY}(?![\\d:])(?!,?\\s*\\d{4}(?!\\d))`),
    read: (m, y) => inferred(y, (year) => day(year, m[1]!, m[2]!)),
  },
  {
    month: true,
    re: rx(`(?<!\\d)${DAY}\\s+(?:of\\s+)?${MONTH}(?!,?\\s*\\d{4}(?!\\d))`),
    read: (m, y) => inferred(y, (year) => day(year, m[2]!, m[1]!)),
  },
  {
    month: true,
    // …and the months listed after it ("in January, February, and March").
    re: rx(
      `(?<=\\b(?:in|by|until|till|since|from|of|early|late|mid|before|after|through|to)[\\s-](?:${MONTH_WORD},?\\s+(?:(?:and|or)\\s+)?)*)${MONTH}(?![\\p{L}]|\\s+\\d)`,
    ),
    read: (m, y) => inferred(y, (year) => month(year, m[1]!)),
  },
  { re: rx(`(?<![\\d,.])(1\\d|20)(\\d)0s\\b`), read: (m) => point({ value: `${m[1]}${m[2]}0`, precision: 'decade' }) },
  // "1918–1922", "1917–23", "from 1918 to 1922"
  // (Not glued to letters: "cc1077-87" is a column reference, "A1918" a code.)
  { re: rx(`(?<![\\p{L}\\d,.$£€¥])(\\d{4})\\s*(?:–|—|-|to)\\s*(\\d{4}|\\d{2})(?!\\d|[.,]\\d)`), read: (m) => yearRange(m[1]!, m[2]!) },
  {
    re: rx(`(?<![\\p{L}\\d,.$£€¥/#-])${YEAR}(?![\\p{L}])`),
    // Not a count: "about 2000 miles", "1163 patients were included" (units.ts).
    read: (m) =>
      plausibleYear(m[1]!) && !countsRatherThanYear(m.input, m.index, m.index + m[0].length)
        ? point({ value: m[1]!, precision: 'year' })
        : undefined,
  },
];

/** Every date in `s`, longest reading first, non-overlapping. `year` fills dates that lack one. */
/** Every date needs a four-digit year or a month name: most sentences are skipped by this one test. */
// No word boundary before the month: captured infobox labels are glued to their value ("DateJuly 1–3, 1863").
const MAY_HOLD_DATE = /\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)/;
const HAS_MONTH = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)/;

export function findDates(text: string, year?: number, month?: string): DateMention[] {
  if (!MAY_HOLD_DATE.test(text) && !(month && HAS_ORDINAL_DAY.test(text))) return [];
  const found: DateMention[] = [];
  const months = HAS_MONTH.test(text);
  const s = months ? repairOcrDays(text) : text;
  if (month) {
    ORDINAL_DAY.lastIndex = 0;
    for (let m = ORDINAL_DAY.exec(s); m; m = ORDINAL_DAY.exec(s)) {
      const date = day(month.slice(0, 4), MONTH_NAMES[Number(month.slice(5, 7)) - 1]!, m[2]!);
      const at = m.index + m[1]!.length;
      if (date) found.push({ start: at, end: m.index + m[0].length, date, inferredYear: true });
    }
  }
  for (const { re, read, month, hint } of PATTERNS) {
    if ((month && !months) || (hint && !hint.test(s))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const reading = read(m, year);
      if (reading) found.push({ start: m.index, end: m.index + m[0].length, ...reading });
    }
  }
  // A cited work's year ("(Smith 2004)"), a code's digits, a time: no date, and no year for the days around it.
  const skip = found.length > 0 ? notFigureSpans(s) : [];
  const dates = skip.length > 0 ? found.filter((d) => !overlapsAny(skip, d.start, d.end)) : found;
  return joinRanges(s, withYearsFromSentence(keepLongest(dates)));
}

/**
 * "On the 28th", with the month the narrative last named: an ordinal day alone, closing its phrase
 * (not "the 16th Infantry Brigade", not "the 28th of the month" — that form names its month).
 */
const ORDINAL_DAY = /(\bthe\s+)(\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)]|and\b|$))/g;
const HAS_ORDINAL_DAY = new RegExp(ORDINAL_DAY.source);

/** A day OCR misread next to a month name: "ll November", "1 I October", "I0 May" (letters from words/ocr.json). */
const OCR_DAY = new RegExp(`(?<![\\p{L}\\d])([\\dlIO|]{2}|[\\dlI|] [\\dlI|])(?=\\s+(?:of\\s+)?${MONTH})`, 'gu');

/** The text with misread days repaired in place (same length: "1 I October" → "11  October"). */
/** Cheap test before the month-anchored one: an OCR-confusable character standing alone or beside a digit. */
const MAY_HOLD_OCR_DAY =
  /[lIO|] ?[\dlIO|]? +(?:of +)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d[lIO|] +(?:of +)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

export function repairOcrDays(s: string): string {
  if (!MAY_HOLD_OCR_DAY.test(s)) return s;
  return s.replace(OCR_DAY, (whole: string) => {
    if (/^\d+$/.test(whole)) return whole;
    const digits = [...whole.replace(' ', '')].map((c) => (/\d/.test(c) ? c : (OCR_DIGITS[c] ?? c))).join('');
    const n = Number(digits);
    return /^\d+$/.test(digits) && n >= 1 && n <= 31 ? digits.padEnd(whole.length, ' ') : whole;
  });
}

/** "on January 9, 1918, and arrived on January 12": a date with no year takes the one named just before it. */
function withYearsFromSentence(dates: DateMention[]): DateMention[] {
  let year: string | undefined;
  let previous: DateValue | undefined;
  const out: DateMention[] = [];
  for (const d of dates) {
    if (!d.inferredYear) {
      previous = d.until ?? d.date;
      year = previous.value.slice(0, 4);
      out.push(d);
    } else if (year) {
      let value = year + d.date.value.slice(4);
      // Narrative order: "stationed there until December 1917, returned on March 1" is the March after.
      if (previous && previous.precision !== 'year' && previous.value.length > 4 && value.slice(0, previous.value.length) < previous.value)
        value = String(Number(year) + 1) + d.date.value.slice(4);
      out.push({ start: d.start, end: d.end, date: { ...d.date, value }, inferredYear: true, yearFromSentence: true });
    } else if (!d.unresolved) out.push(d);
    else {
      // Kept even with no year to give it ("ST. LOUIS, Mo., Feb. 9", a dateline): its day is no figure. Not a claim (unresolved).
      // No year named before it in the text or the sentence: a dated mention later in the same sentence gives it
      // ("Friday, October 6, THE EMPLOYMENT SITUATION: SEPTEMBER 2000", a release's header).
      const later = dates.find((x) => x.start > d.start && !x.inferredYear);
      if (later)
        out.push({
          start: d.start,
          end: d.end,
          date: { ...d.date, value: (later.until ?? later.date).value.slice(0, 4) + d.date.value.slice(4) },
          inferredYear: true,
          yearFromSentence: true,
        });
      else out.push(d);
    }
  }
  return out;
}

/** "from A to B", "A — B", "between A and B": two dates become one range. */
function joinRanges(s: string, dates: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1];
    if (b && !a.until && !b.until) {
      const gap = s.slice(a.end, b.start);
      const between = /\bbetween\s+$/i.test(s.slice(Math.max(0, a.start - 9), a.start));
      if (/^\s*(?:–|—|-|to|until|till|through)\s*$/.test(gap) || (between && /^\s*and\s*$/.test(gap))) {
        out.push({ start: a.start, end: b.end, date: a.date, until: b.date, inferredYear: a.inferredYear || b.inferredYear });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

function point(date: DateValue | undefined): Omit<DateMention, 'start' | 'end'> | undefined {
  return date ? { date, inferredYear: false } : undefined;
}

function range(from: DateValue | undefined, until: DateValue | undefined): Omit<DateMention, 'start' | 'end'> | undefined {
  return from && until ? { date: from, until, inferredYear: false } : undefined;
}

/** A leap year stands in until the sentence or the context supplies the real one. */
const NO_YEAR = '2000';

function inferred(
  year: number | undefined,
  build: (year: string) => DateValue | undefined,
): Omit<DateMention, 'start' | 'end'> | undefined {
  const date = build(year === undefined ? NO_YEAR : String(year));
  if (!date) return undefined;
  return year === undefined ? { date, inferredYear: true, unresolved: true } : { date, inferredYear: true };
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace('.', '');
  return MONTH_NAMES.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

function day(year: string, monthName: string, dayText: string): DateValue | undefined {
  const m = monthNumber(monthName);
  const d = Number(dayText);
  const last = new Date(Date.UTC(2000, m, 0)).getUTCDate(); // leap-year February allowed
  if (!plausibleYear(year) || d < 1 || d > last) return undefined;
  return { value: `${year}-${pad(m)}-${pad(d)}`, precision: 'day' };
}

function numericDate(year: string, first: number, second: number): DateValue | undefined {
  const [m, d] = first > 12 ? [second, first] : [first, second];
  if (m < 1 || m > 12) return undefined;
  return day(year, MONTH_NAMES[m - 1]!, String(d));
}

function month(year: string, monthName: string): DateValue | undefined {
  return plausibleYear(year) ? { value: `${year}-${pad(monthNumber(monthName))}`, precision: 'month' } : undefined;
}

function season(year: string, name: string): DateValue | undefined {
  const part = (name.toLowerCase() === 'autumn' ? 'fall' : name.toLowerCase()) as Part;
  return plausibleYear(year) ? { value: year, precision: 'season', part } : undefined;
}

function partOf(words: string): Part {
  const w = words.toLowerCase();
  if (w === 'early' || /beginning|start/.test(w)) return 'early';
  if (w === 'late' || /end/.test(w)) return 'late';
  return 'mid';
}

function monthPart(year: string, monthName: string, words: string): DateValue | undefined {
  const m = month(year, monthName);
  return m ? { ...m, part: partOf(words) } : undefined;
}

function yearPart(year: string, words: string): DateValue | undefined {
  return plausibleYear(year) ? { value: year, precision: 'year', part: partOf(words) } : undefined;
}

function yearRange(from: string, to: string): Omit<DateMention, 'start' | 'end'> | undefined {
  const end = to.length === 2 ? from.slice(0, 2) + to : to;
  if (!plausibleYear(from) || !plausibleYear(end) || Number(end) <= Number(from)) return undefined;
  return range({ value: from, precision: 'year' }, { value: end, precision: 'year' });
}

/** Years a historical or current text plausibly names; "4192" or "0001" are other numbers. */
export function plausibleYear(text: string): boolean {
  const y = Number(text);
  return y >= 1000 && y <= 2100;
}
