// Spelled-out numbers: "two", "twenty-five", "a hundred", "two hundred and fifty thousand",
// "a dozen", "half a million", fractions ("one third", "two-thirds"). Numerals are numbers.ts's job; this
// reads words only.
import { FRACTION_DENOMINATORS } from './units.js';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

export interface WordNumber {
  end: number;
  value: number;
  /** False for a lone "one" or "a dozen", often not a count at all. */
  certain: boolean;
  /** A fraction ("one third", "two-thirds"): a figure with or without a counted noun. */
  fraction?: boolean;
}

const WORD = /[A-Za-z]+/y;

/** The spelled-out number starting at `at` in `s`, if any. */
const ARTICLE_BEFORE_SCALE =
  /^(?:an?|half(?:\s+an?)?)[ \t\u00A0]*(?:\r?\n)?[ \t\u00A0]*(?<=\s)(?:hundred|thousand|million|billion|dozen)\b/i;

export function wordNumberAt(s: string, at: number): WordNumber | undefined {
  // "a" and "half" start a number only before a scale word: decide that before reading further.
  if (/^(?:an?|half)\b/i.test(s.slice(at, at + 5)) && !ARTICLE_BEFORE_SCALE.test(s.slice(at, at + 32))) return undefined;
  const tokens = wordsFrom(s, at, 8);
  if (tokens.length === 0) return undefined;
  let i = 0;
  let prefixValue: number | undefined; // "a hundred", "half a million"
  const first = tokens[0]!.word;
  if ((first === 'a' || first === 'an') && tokens[1] && (SCALES[tokens[1].word] || tokens[1].word === 'dozen')) {
    prefixValue = 1;
    i = 1;
  } else if (first === 'half' && (tokens[1]?.word === 'a' || tokens[1]?.word === 'an') && tokens[2] && SCALES[tokens[2].word]) {
    return { end: tokens[2].end, value: SCALES[tokens[2].word]! / 2, certain: true };
  }
  if (tokens[i]?.word === 'dozen') {
    return { end: tokens[i]!.end, value: 12 * (prefixValue ?? 1), certain: false };
  }
  let total = 0;
  let current = prefixValue ?? 0;
  let end = -1;
  let count = 0;
  for (; i < tokens.length; i++) {
    const { word, end: wordEnd } = tokens[i]!;
    if (word === 'and' && count > 0 && tokens[i + 1] && isNumberWord(tokens[i + 1]!.word) && (current >= 100 || total > 0)) continue;
    if (UNITS[word] !== undefined) current += UNITS[word]!;
    else if (TENS[word] !== undefined) current += TENS[word]!;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (SCALES[word]) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    } else break;
    count++;
    end = wordEnd;
  }
  if (count === 0) return undefined;
  const value = total + current;
  const fraction = fractionAfter(tokens, i, count, total, current);
  if (fraction) return { end: fraction.end, value: fraction.value, certain: true, fraction: true };
  return { end, value, certain: !(count === 1 && value === 1) };
}

/**
 * "one third", "two-thirds", "three quarters", "one-tenth of one percent": a number word under twenty and
 * a denominator (words/units.json) make a fraction — singular after "one", plural after more. "of" and a
 * second number before "percent" multiply it ("one-tenth of one percent" is 0.1 percent).
 */
function fractionAfter(
  tokens: readonly { word: string; end: number }[],
  i: number,
  count: number,
  total: number,
  current: number,
): { value: number; end: number } | undefined {
  const word = tokens[i]?.word;
  if (!word || count !== 1 || total !== 0 || current < 1 || current >= 20) return undefined;
  const denominator = FRACTION_DENOMINATORS.get(word);
  if (!denominator || (current === 1) === /s$/.test(word)) return undefined;
  const value = current / denominator;
  const of = tokens[i + 1]?.word === 'of' ? tokens[i + 2] : undefined;
  const times = of && (of.word === 'a' || of.word === 'an' ? 1 : UNITS[of.word]);
  const unit = tokens[i + 3]?.word;
  if (of && times && (unit === 'percent' || unit === 'per' || unit === 'pct')) return { value: value * times, end: of.end };
  return { value, end: tokens[i]!.end };
}

function isNumberWord(word: string): boolean {
  return UNITS[word] !== undefined || TENS[word] !== undefined || SCALES[word] !== undefined;
}

/** Lower-cased words from `at`, crossing hyphens ("twenty-five") and white space but never a blank line. */
function wordsFrom(s: string, at: number, max: number): { word: string; end: number }[] {
  const out: { word: string; end: number }[] = [];
  let pos = at;
  while (out.length < max) {
    WORD.lastIndex = pos;
    const m = WORD.exec(s);
    if (!m) break;
    const end = pos + m[0].length;
    if (end < s.length && /[\p{L}\p{N}]/u.test(s[end]!)) break;
    out.push({ word: m[0].toLowerCase(), end });
    // A hyphen, or a run of white space with at most one line break (hard-wrapped text).
    const sep = /^(?:-|[ \t\u00A0]+(?:\r?\n[ \t\u00A0]*)?|\r?\n[ \t\u00A0]*)/.exec(s.slice(end, end + 16));
    if (!sep) break;
    pos = end + sep[0].length;
  }
  return out;
}
