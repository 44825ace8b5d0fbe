// Numbers in running text: numerals with any thousands separator ("1,399", "1 399", European
// "70.000"), decimals, multipliers ("900 million"), currency ("¥900 million"), word numbers ("two",
// "a hundred", "twenty-five thousand") and ranges ("three to five"). Offsets are relative to the
// string given; callers pass a sentence of the masked text, so footnote markers never reach here.
import { wordNumberAt } from './word-numbers.js';

export interface NumberMention {
  start: number;
  end: number;
  amount: number;
  /** Upper end of a range ("three to five", "12,000–15,000"). */
  upper?: number;
  /** Currency sign or word found with the number: "yen", "dollars"... */
  currency?: string;
  /** Spelled out ("two marine companies"): counts only when a counted noun follows. */
  spelled: boolean;
  /** A bare four-digit number 1000–2100 with no separator: a year unless a counted noun follows. */
  yearLike: boolean;
  /** 0..1: how sure the reading is (an ambiguous "1.399" is less sure). */
  certainty: number;
  /** The multiplier word applied ("million" = 1e6), so a range can share it: "5 to 10 million". */
  multiplier?: number;
  /** Followed by "%" or "percent"/"per cent": a share, not a count. */
  percent?: boolean;
  /** A spelled-out fraction ("one third"): a figure even with no counted noun. */
  fraction?: boolean;
}

/** Unicode vulgar fractions, as written after whole numbers ("16⅔", "2½"). */
const VULGAR_FRACTIONS: Record<string, number> = {
  '½': 1 / 2,
  '⅓': 1 / 3,
  '⅔': 2 / 3,
  '¼': 1 / 4,
  '¾': 3 / 4,
  '⅕': 1 / 5,
  '⅖': 2 / 5,
  '⅗': 3 / 5,
  '⅘': 4 / 5,
  '⅙': 1 / 6,
  '⅚': 5 / 6,
  '⅛': 1 / 8,
  '⅜': 3 / 8,
  '⅝': 5 / 8,
  '⅞': 7 / 8,
};
const CURRENCY_SIGNS: Record<string, string> = { '¥': 'yen', $: 'dollars', '£': 'pounds', '€': 'euros', '₽': 'rubles' };
const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9, k: 1e3 };
/** Measures after which "1.399" is a decimal, not 1,399. */
const MEASURES = new Set([
  'percent',
  'per',
  'km',
  'kilometres',
  'kilometers',
  'miles',
  'mi',
  'kg',
  'm',
  'metres',
  'meters',
  'tons',
  'tonnes',
  'degrees',
  'hectares',
  'acres',
  'litres',
  'hours',
  'times',
]);

// Thousands by comma, thin/no-break/plain space, or dot; else plain digits with an optional decimal part.
const NUMERAL =
  /(?<![\p{L}\p{N}.,/#-])([¥$£€₽]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![.,]?\d)|\d{1,3}\.\d{3}(?!\d)|\d+(?:[.,]\d+)?)([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞](?:rds?|ths?|nds?|s)?(?!\p{L}))?(?![\p{N}])(?!(?:st|nd|rd|th|s)\b)(?!\.\p{L})(\s?(?:bn|m|k)\b|[ \t\u00A0]*(?:\r?\n[ \t\u00A0]*)?(?:thousand|million|billion|trillion)\b)?/gu;

/** Where a spelled-out number can begin: a number word, or "a"/"an"/"half" (word-numbers.ts decides). */
const WORD_START =
  /\b(?:an?|half|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b/gi;

export function findNumbers(s: string): NumberMention[] {
  const out: NumberMention[] = [];
  const digits = /\d/.test(s); // most prose has none: skip the numeral pattern altogether
  if (digits) {
    // exec on the one pattern rather than matchAll, which copies it for every sentence.
    NUMERAL.lastIndex = 0;
    for (let m = NUMERAL.exec(s); m; m = NUMERAL.exec(s)) {
      const mention = readNumeral(s, m);
      if (mention) out.push(mention);
    }
  }
  WORD_START.lastIndex = 0;
  for (let m = WORD_START.exec(s); m; m = WORD_START.exec(s)) {
    const at = m.index;
    if (at > 0 && /[\p{L}\p{N}'’-]/u.test(s[at - 1]!)) continue;
    const w = wordNumberAt(s, at);
    if (!w || out.some((n) => n.start < w.end && at < n.end)) continue; // "900 million": already read
    const spelled: NumberMention = {
      start: at,
      end: w.end,
      amount: w.value,
      spelled: true,
      yearLike: false,
      certainty: w.certain ? 0.9 : 0.7,
    };
    const money = CURRENCY_WORD_AFTER.exec(s.slice(w.end, w.end + 24)); // "Ten Cents", "five dollars"
    if (money) spelled.currency = money[1]!.toLowerCase();
    if (PERCENT_AFTER.test(s.slice(w.end, w.end + 12))) spelled.percent = true; // "Sixty per cent"
    if (w.fraction) spelled.fraction = true;
    out.push(spelled);
    WORD_START.lastIndex = w.end;
  }
  out.sort((a, b) => a.start - b.start);
  return mergeRanges(s, out);
}

function readNumeral(s: string, m: RegExpExecArray | RegExpMatchArray): NumberMention | undefined {
  const start = m.index!;
  const sign = m[1]?.trim();
  const digits = m[2]!;
  // "16⅔rds per cent": a vulgar fraction after the digits (its ordinal ending is part of the wording).
  const fraction = m[3] ? VULGAR_FRACTIONS[m[3][0]!] : undefined;
  const multiplier = m[4]?.trim().toLowerCase();
  let amount: number;
  let certainty = 1;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)) amount = Number(digits.replace(/,/g, ''));
  else if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(digits)) amount = Number(digits.replace(/\./g, ''));
  else if (/^\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+$/.test(digits)) amount = Number(digits.replace(/\D/g, ''));
  else if (/^0\.\d+$/.test(digits))
    amount = Number(digits); // "0.009 USD": never European thousands
  else if (/^\d{1,3}\.\d{3}$/.test(digits)) {
    // "70.000 troops": European thousands unless a measure follows ("1.500 km").
    const next = /^\s*([\p{L}%]+)/u.exec(s.slice(start + m[0].length))?.[1]?.toLowerCase();
    const decimal = multiplier !== undefined || next === undefined || next === '%' || MEASURES.has(next);
    amount = decimal ? Number(digits) : Number(digits.replace('.', ''));
    certainty = 0.7;
  } else if (/^\d+,\d{1,2}$/.test(digits)) {
    if (!multiplier) return undefined; // "1,5" alone is a list or a typo, not a figure
    amount = Number(digits.replace(',', '.'));
  } else amount = Number(digits);
  if (fraction !== undefined) {
    if (!/^\d+$/.test(digits)) return undefined; // "1.5½" is no number
    amount += fraction;
  }
  if (!Number.isFinite(amount)) return undefined;
  const scale = multiplier ? (MULTIPLIERS[multiplier] ?? 1) : 1;
  amount *= scale;
  const end = start + m[0].length;
  const bare = !sign && !multiplier && fraction === undefined && /^\d{4}$/.test(digits);
  const mention: NumberMention = { start, end, amount, spelled: false, yearLike: bare && amount >= 1000 && amount <= 2100, certainty };
  if (scale !== 1) mention.multiplier = scale;
  // The sign may follow the amount ("1,200€", "500 €"), as in much of Europe.
  const after = sign ? undefined : /^ ?([¥$£€₽])/.exec(s.slice(end, end + 2));
  const currency = sign ? CURRENCY_SIGNS[sign] : after ? CURRENCY_SIGNS[after[1]!] : undefined;
  if (currency) mention.currency = currency;
  if (after) mention.end = end + after[0].length;
  if (PERCENT_AFTER.test(s.slice(end, end + 12))) mention.percent = true;
  return mention;
}

/** A currency word right after a spelled-out number, across a run of white space (not a blank line). */
const CURRENCY_WORD_AFTER =
  /^[ \t\u00A0]*(?:\r?\n[ \t\u00A0]*)?(cents|dollars|pounds|yen|euros|rubles|roubles|francs|marks|shillings|pence)\b/i;

const PERCENT_AFTER = /^\s?(?:%|per ?cent\b|pct\b)/i;

/** "three to five", "12,000–15,000", "between 5 and 10": one range mention. */
function mergeRanges(s: string, numbers: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const a = numbers[i]!;
    const b = numbers[i + 1];
    const gap = b ? s.slice(a.end, b.start) : '';
    // "3.9 percent to 4.1 percent", "5 km to 10 km": the unit may be written at both ends.
    const unit = b ? UNIT_REPEATED.exec(gap) : null;
    const repeated =
      unit !== null &&
      s
        .slice(b!.end, b!.end + unit[1]!.length + 1)
        .trimStart()
        .startsWith(unit[1]!);
    if (b && !a.yearLike && !b.yearLike && (/^\s*(?:[–—-]|to|and)\s*$/.test(gap) || repeated) && b.amount > a.amount) {
      const isBetween = /\bbetween\s+$/i.test(s.slice(Math.max(0, a.start - 10), a.start));
      if (!/and/.test(gap) || isBetween) {
        const scale = scaleOf(b, a);
        out.push({
          ...a,
          end: b.end,
          amount: a.amount * scale,
          upper: b.amount,
          certainty: Math.min(a.certainty, b.certainty),
          currency: a.currency ?? b.currency,
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A unit written after each end of a range: "percent to", "km –". */
const UNIT_REPEATED = /^\s?(%|per ?cent|percent|[a-z]{1,12})\s*(?:[–—-]|to)\s*$/;

/** "5 to 10 million": the multiplier written once applies to both ends. */
function scaleOf(upper: NumberMention, lower: NumberMention): number {
  const m = upper.multiplier;
  if (!m || lower.multiplier || lower.amount * m > upper.amount) return 1;
  return m;
}

export type Comparator = 'exact' | 'approx' | 'almost' | 'gt' | 'gte' | 'lt' | 'lte' | 'range';

export interface ComparatorReading {
  comparator: Comparator;
  /** Span of the wording, comparator words included: "over 72,000", "3,000 or more". */
  start: number;
  end: number;
}

/** Comparator phrases that come before the number, longest first so "just under" is not "just". */
const BEFORE_PHRASES: [string, Comparator][] = (
  [
    ['in excess of', 'gt'],
    ['upwards of', 'gt'],
    ['more than', 'gt'],
    ['greater than', 'gt'],
    ['well over', 'gt'],
    ['exceeding', 'gt'],
    ['exceeded', 'gt'],
    ['exceeds', 'gt'],
    ['exceed', 'gt'],
    ['over', 'gt'],
    ['above', 'gt'],
    ['no fewer than', 'gte'],
    ['no less than', 'gte'],
    ['not less than', 'gte'],
    ['a minimum of', 'gte'],
    ['at least', 'gte'],
    ['no more than', 'lte'],
    ['not more than', 'lte'],
    ['a maximum of', 'lte'],
    ['up to', 'lte'],
    ['as many as', 'lte'],
    ['as much as', 'lte'],
    ['at most', 'lte'],
    ['fewer than', 'lt'],
    ['less than', 'lt'],
    ['under', 'lt'],
    ['below', 'lt'],
    ['approximately', 'approx'],
    ['an estimated', 'approx'],
    ['estimated', 'approx'],
    ['roughly', 'approx'],
    ['around', 'approx'],
    ['about', 'approx'],
    ['circa', 'approx'],
    ['approx.', 'approx'],
    ['ca.', 'approx'],
    ['c.', 'approx'],
    ['some', 'approx'],
    ['more or less', 'approx'],
    ['just under', 'almost'],
    ['just short of', 'almost'],
    ['close to', 'almost'],
    ['almost', 'almost'],
    ['nearly', 'almost'],
    ['exactly', 'exact'],
    ['precisely', 'exact'],
    ['a mere', 'exact'],
    ['just', 'exact'],
    ['only', 'exact'],
  ] as [string, Comparator][]
).sort((a, b) => b[0].length - a[0].length);
const COMPARATOR_OF = new Map(BEFORE_PHRASES);
/** One pattern for all of them, anchored at the number: the longest phrase wins by alternation order. */
/** A run of white space with at most one line break: hard-wrapped text, never across a blank line. */
const SPACE_RUN = '(?:[ \\t\\u00A0]+(?:\\r?\\n[ \\t\\u00A0]*)?|\\r?\\n[ \\t\\u00A0]*)';
const BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${BEFORE_PHRASES.map(([p]) => p.replace(/[.]/g, '\\.').replace(/ /g, SPACE_RUN)).join('|')})(${SPACE_RUN})$`,
  'u',
);

/** "not" / "nor" / "never" right before a comparator phrase, with its space. */
const NEGATION_BEFORE = /(?<!\p{L})(?:not|nor|never)[ \t\u00A0]+$/u;
/** The bound a denied bound leaves: not over N is at most N, not under N is at least N. */
const NEGATED = new Map<Comparator, Comparator>([
  ['gt', 'lte'],
  ['gte', 'lt'],
  ['lt', 'gte'],
  ['lte', 'gt'],
]);

const AFTER: [RegExp, Comparator][] = [
  // "3,000 or more", "35 years or over": one word (the unit) may come between.
  [/^\s*(?:\+|(?:\p{L}+\s+)?(?:or more|or over|or older|and more|and over)\b|plus\b)/iu, 'gte'],
  [/^\s*(?:(?:\p{L}+\s+)?or (?:fewer|less)\b|at most\b)/iu, 'lte'],
  [/^(?:-odd\b|\s+odd\b|\s+or so\b)/i, 'approx'],
];

/** The comparator the wording gives a number, from the words right before or after it. */
export function readComparator(s: string, mention: NumberMention): ComparatorReading {
  if (mention.upper !== undefined) return { comparator: 'range', start: mention.start, end: mention.end };
  // A line break inside the sentence counts as a space: "more\nthan 30,000", "almost \n30,000" in wrapped text.
  const before = s.slice(Math.max(0, mention.start - 32), mention.start).toLowerCase();
  const m = BEFORE.exec(before); // not after a letter: "moreover 5" is not "over 5"
  if (m) {
    const start = mention.start - m[1]!.length - m[2]!.length;
    const stated = COMPARATOR_OF.get(m[1]!.replace(/\s+/g, ' '))!;
    // A bound the wording denies is the opposite bound: "not exceeding €5,000,000" is at most, "nor over 5%" too.
    const negated = NEGATION_BEFORE.exec(before.slice(0, before.length - m[1]!.length - m[2]!.length));
    const opposite = negated ? NEGATED.get(stated) : undefined;
    if (opposite) return { comparator: opposite, start: start - negated![0].length, end: mention.end };
    return { comparator: stated, start, end: mention.end };
  }
  const after = s.slice(mention.end, mention.end + 32);
  for (const [pattern, comparator] of AFTER) {
    const m = pattern.exec(after);
    if (m) return { comparator, start: mention.start, end: mention.end + m[0].length };
  }
  return { comparator: 'exact', start: mention.start, end: mention.end };
}
