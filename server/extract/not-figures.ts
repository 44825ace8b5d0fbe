// Numbers that are neither figures nor dates, told apart by their context (never by one text's words):
// times of day ("10:44 p.m.", "1344 GMT", "at 5.25", "4 o'clock"), locators ("p. 127", "vol 297
// cc1077-87", "table A-1"), identifiers and codes ("ISBN 978-0-19-…", "doi:10.1000/…", phone numbers,
// "version 2.3", "flight 4712"), house numbers ("10 Downing Street"), years of the era the date schema
// cannot hold ("490 BC"), years of an author-date citation ("(Smith 2004)", "Smith and Jones (1999)"),
// list enumerators at a line start, and URLs. The context words are data: words/figures.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface FiguresFile {
  locators: string[];
  clockWords: string[];
  timePrepositions: string[];
  streetWords: string[];
  identifierPrefixes: string[];
  eras: string[];
  militaryTimeWords: string[];
  timeZoneWords: string[];
}

const words = JSON.parse(readFileSync(path.join(import.meta.dirname, 'words', 'figures.json'), 'utf8')) as FiguresFile;
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The words as one alternation, longest first, grouped by their first letter ("p(?:aragraphs|aragraph|p|…)|s(?:…)"):
 * the same matches in the same order of preference (only words of one group can match at one place, even ignoring
 * case, and each group keeps their order), but the engine tries one group instead of every word at every word start.
 */
const alt = (list: readonly string[]) => {
  const groups = new Map<string, string[]>();
  for (const w of [...list].sort((a, b) => b.length - a.length)) {
    const key = w[0]!.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  }
  return [...groups.values()]
    .map((ws) => {
      if (ws.length === 1) return escape(ws[0]!);
      // "Street|street|STREET" (cased below): the whole words, in their order, as one group.
      if (ws.some((w) => w[0] !== ws[0]![0])) return `(?:${ws.map(escape).join('|')})`;
      return `${escape(ws[0]![0]!)}(?:${ws.map((w) => escape(w.slice(1))).join('|')})`;
    })
    .join('|');
};
/** The same words also capitalised ("Street", "BC"), for patterns that must stay case-sensitive elsewhere. */
const cased = (list: readonly string[]) => alt([...new Set(list.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]))]);

export interface Span {
  start: number;
  end: number;
}

/** Patterns compiled once per process (module load), not per text or per call. */
const CLOCK = alt(words.clockWords);
/**
 * Each pattern with a cheap hint that must match first (most sentences with a digit have no clock word, no
 * bracketed year, no street word): the full patterns, with their look-arounds, run only where they may match.
 */
const STREET_HINT = new RegExp(`\\b(?:${cased(words.streetWords)})\\b`, 'u');
const ERA_HINT = new RegExp(`\\d\\s?(?:${cased(words.eras)})(?![\\p{L}])|\\bA\\.?D\\b`, 'u');
// "page 1 of 9", "page 1of 9": the page count is the locator's too (a letter glued to the number is a suffix only alone: "12a").
const LOCATOR = new RegExp(
  `(?<![\\p{L}])(?:${alt(words.locators)})\\.?\\s?(?:[A-Z]{1,2}-?)?\\d+(?:[.:–—-]\\d+)*(?:[a-z](?![a-z]))?(?:\\s?(?:,|and|&|–|—|-|to|of)\\s?(?:[A-Z]{1,2}-?)?\\d+(?:[.:–—-]\\d+)*(?:[a-z](?![a-z]))?)*`,
  'giu',
);
const IDENTIFIER = new RegExp(`(?<![\\p{L}])(?:${alt(words.identifierPrefixes)})\\.?[:\\s#]?\\s?[\\dX][\\dX./-]*\\d*`, 'giu');

/** "Apollo 11 landed": see its place in PATTERNS. */
const IN_NAME =
  /(?<=(?<![.!?]\s|^)\b\p{Lu}\p{Ll}+\s)(?<!\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?\s)(?<!(?:ese|an|ans|ians|ish|ch|ic|i)\s)\d{1,3}(?![\d,.])(?=\s+(?:was|is|were|are|has|had|will|would|landed|launched|won|took|became|began|ended)\b)/gu;

/**
 * Patterns whose every match holds an anchor character (a digit; for identifiers also "X") at most `reach`
 * characters after its start (the longest word, then at most five one-character separators: every character
 * those patterns can match here is one UTF-16 unit): their sticky twin is tried only there, at each position in
 * turn, so they find the same matches in the same order as the global pattern scanning every position.
 */
interface Near {
  sticky: RegExp;
  anchor: RegExp;
  reach: number;
  /** Character codes a match can start with (its words' first letters in either case, and ſ and K, which fold to s and k). */
  starts?: Uint8Array;
}
const startsOf = (list: readonly string[]) => {
  const out = new Uint8Array(0x10000);
  for (const w of list)
    for (const c of [w[0]!.toLowerCase(), w[0]!.toUpperCase()]) {
      out[c.charCodeAt(0)] = 1;
      if (c === 's') out[0x17f] = 1;
      if (c === 'k') out[0x212a] = 1;
    }
  return out;
};
const longest = (list: readonly string[]) => Math.max(...list.map((w) => w.length));
const sticky = (re: RegExp) => new RegExp(re.source, re.flags.replace('g', '') + 'y');
const NEAR = new Map<RegExp, Near>([
  [LOCATOR, { sticky: sticky(LOCATOR), anchor: /\d/g, reach: longest(words.locators) + 5, starts: startsOf(words.locators) }],
  [
    IDENTIFIER,
    {
      sticky: sticky(IDENTIFIER),
      anchor: /[\dXx]/g,
      reach: longest(words.identifierPrefixes) + 3,
      starts: startsOf(words.identifierPrefixes),
    },
  ],
  // Its match is digits right after the white space its look-behind ends with.
  [IN_NAME, { sticky: sticky(IN_NAME), anchor: /(?<=\s)\d/gu, reach: 0 }],
]);

const PATTERNS: [RegExp | undefined, RegExp][] = [
  // "10:44 p.m.", "13:13", "2:00:35": a clock reading (or a race time: a duration the schema has no unit for).
  [/\d:\d/, new RegExp(`(?<![\\d.,])\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s?(?:${CLOCK})(?![\\p{L}]))?`, 'giu')],
  // "3.53 pm", "10 pm", "1344 GMT", "0800 hours", "4 o'clock"
  // (Its hint: a digit, perhaps a space, and a clock word, as every match ends.)
  [new RegExp(`\\d\\s?(?:${CLOCK})`, 'iu'), new RegExp(`(?<![\\d.,])\\d{1,4}(?:[.:]\\d{2})?\\s?(?:${CLOCK})(?![\\p{L}\\d])`, 'giu')],
  // "0800 hours", "1430 hrs": a four-digit clock reading (a duration, "48 hours", has fewer digits).
  [/h(?:ou)?rs?\b|\dh\b/i, new RegExp(`(?<![\\d.,])[012]\\d[0-5]\\d\\s?(?:${alt(words.militaryTimeWords)})(?![\\p{L}])`, 'giu')],
  // "about 0043 eastern daylight time", "2153 local time"; and any four digits with a leading zero ("0043"): a clock reading or a code.
  [
    /time\b|0\d{3}/i,
    new RegExp(`(?<![\\d.,])\\d{3,4}\\s(?:\\p{L}+\\s)?(?:${alt(words.timeZoneWords)})\\b|(?<![\\d.,])0\\d{3}(?![\\d.,])`, 'giu'),
  ],
  // "Household data: (202) 691-6378", "Tel.: (202)": an area code in brackets right after a label's colon.
  [/:\s?\(\d{3}\)/, /(?<=:\s?)\(\d{3}\)(?=\s*(?:\d{3}|\p{Lu}|$))/gu],
  // "1-click interview", "a 1-way street": "one" glued to a word names a kind, it counts nothing ("three-story" does).
  [/1-\p{Ll}/u, /(?<![\p{L}\p{N}.,-])1-\p{Ll}+/gu],
  // "Reston, VA 20192": a postal code after a state's two capitals.
  [/[A-Z]{2}\s\d{5}/, /(?<=\b[A-Z]{2}\s)\d{5}(?:-\d{4})?\b/g],
  // "at 5.25 this afternoon", "until 7.30": a time preposition and minutes after a dot, no unit after.
  [
    /\d\.[0-5]\d/,
    new RegExp(
      `(?<=\\b(?:${alt(words.timePrepositions)})\\s(?:about\\s|around\\s)?)(?:[01]?\\d|2[0-3])\\.[0-5]\\d(?![\\d.,]|\\s*(?:%|per\\b|percent\\b|per cent\\b|pc\\b|million|billion|thousand|bn\\b|m\\b|km|kg|metres?|meters?|miles?|tons?|tonnes?|points?|times|dollars?|pounds?|euros?|yen\\b|acres?|hectares?|litres?|degrees?|years?))`,
      'giu',
    ),
  ],
  // "p. 127", "pp. 12–15", "vol 297 cc1077-87", "table A-1 and A-2", "No. 4", "section 3.2"
  [undefined, LOCATOR],
  // "ISBN 978-0-19-…", "doi:10.1000/182", "tel. 555 0100", "version 2.3", "flight 4712"
  [undefined, IDENTIFIER],
  [/10\.\d{4}/, /\b10\.\d{4,9}\/\S+/g],
  [/https?:|www\./i, /\bhttps?:\/\/\S+|\bwww\.\S+/gi],
  // "978-0-19-280166-2", "555-867-5309", "12.05.2020", "1.2.3": three or more digit groups joined without spaces.
  // (A numeric date, "04/12/2007" or "1922-10-25", is a date: dates.ts reads it.)
  [
    /\d[-./]\d+[-./]\d/,
    /(?<![\p{L}\p{N}.,-])(?!\d{1,2}\/\d{1,2}\/\d{4}(?![\d/])|\d{4}-\d{2}-\d{2}(?![\d-]))\d+(?:[-./]\d+){2,}(?![\p{N}])/gu,
  ],
  // "(202) 691-6378", "+44 20 7946 0958": phone numbers.
  [/\(\d{3}\)|\+\d/, /\(\d{3}\)\s?\d{3}[-\s]\d{4}\b|\+\d{1,3}(?:[\s-]\d{2,4}){2,4}\b/g],
  // "10 Downing Street", "221B Baker Street", "1600 Pennsylvania Avenue"
  // (Also a pair, "at 270 and 2702 Olive street".)
  [
    STREET_HINT,
    new RegExp(
      `(?<![\\p{L}\\p{N},.])\\d{1,5}[A-Za-z]?\\.?(?:\\s*(?:,|and|&|–|-)\\s*\\d{1,5}[A-Za-z]?)*\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3}(?:${cased(words.streetWords)})\\b\\.?`,
      'gu',
    ),
  ],
  // "490 BC", "AD 79", "c. 3000 BCE"
  [
    ERA_HINT,
    new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,4}\\s?(?:${cased(words.eras)})(?![\\p{L}])|(?<![\\p{L}])(?:AD|A\\.D\\.)\\s?\\d{1,4}(?!\\d)`, 'gu'),
  ],
  // "(Smith 2004)", "(Smith and Jones, 2004a; Brown et al. 1999, p. 3)": author-date citations.
  [
    /\(\s*(?:see\s|cf\.\s|e\.g\.)?\p{Lu}/u,
    /\((?:\s*(?:see\s+|cf\.\s+|e\.g\.,?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+|\s+et\s+al\.?)?,?\s+\d{4}[a-z]?(?:,\s*(?:pp?\.\s*)?\d+(?:[–-]\d+)?)?\s*;?)+\)/gu,
  ],
  // "Smith, J. (2004). The docks …", "Brown, A. and Gray, T. (1999),": a reference entry's year after the authors' initials.
  [/\(\d{4}[a-z]?\)[.,:]/, /(?<=\p{Lu}\.\)?\s?)\(\d{4}[a-z]?\)(?=[.,:])/gu],
  // "347 U.S. 483 (1954)", "123 F.3d 456", "28 U.S.C. § 1253": a law report or code citation (volume, reporter, page).
  [
    /\d\s+\p{Lu}[\p{L}]{0,6}\./u,
    /(?<![\p{L}\p{N}])\d{1,4}\s+(?:\p{Lu}[\p{L}]{0,6}\.\s?){1,4}(?:\d[a-z]{1,2}\s)?(?:§+\s?)?\d{1,6}(?:\s*\(\d{4}\))?/gu,
  ],
  // "§ 1253", "§§ 12–14": a section.
  [/§/, /§+\s?\d+(?:[–-]\d+)?/g],
  // "Apollo 11 landed", "Windows 10 was released": a number that is part of a name (a capitalised word inside the
  // sentence, not a month, weekday or people's name — "the Japanese 680 were" —, and a verb after it, not a counted noun).
  // (IN_NAME, above: tried at digits after a space only, in sentences where a verb of its list follows a number.)
  [/\d\s+(?:was|is|were|are|has|had|will|would|landed|launched|won|took|became|began|ended)\b/, IN_NAME],
  // "Harries 2001, p. 127", "Gow and Smith 2004: 55": a citation in a note or a reference list.
  [
    /\d{4}[a-z]?(?:,\s*pp?\.|:\s?\d)/,
    /\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+|\s+et\s+al\.?)?,?\s+\d{4}[a-z]?(?:,\s*pp?\.\s*|:\s?)\d+(?:[–-]\d+)?/gu,
  ],
  // "Smith (2004) argued", "Brown et al. (1999)": the year in brackets right after an author's name (the bracket
  // found first: a look-behind over the name at every position would be slow).
  [
    /\(\d{4}/,
    /\(\d{4}[a-z]?(?:,\s*(?:pp?\.\s*)?\d+)?\)(?<=\p{Lu}[\p{L}'’-]+(?:\s+et\s+al\.?)?\s\(\d{4}[a-z]?(?:,\s*(?:pp?\.\s*)?\d+)?\))(?=\s+(?:found|finds|showed|shows|argued|argues|noted|notes|wrote|writes|suggested|suggests|claimed|claims|reported|reports|observed|observes|concluded|concludes|estimated|estimates)\b)/gu,
  ],
];
/** A list enumerator opening a line: "1.", "(2)", "3)", "iv." — it numbers the item, it is not a figure in it. */
const ENUMERATOR = /(?:^|\n)[ \t]*(?:\(?\d{1,3}[.)](?=\s)|\(\d{1,3}\))/g;

/** Cheap test first: most sentences have no digit at all. */
const DIGIT = /\d/;

/** The last sentence read: the figures and the dates of one sentence ask for the same spans. */
let last: { s: string; spans: Span[] } | undefined;

/** The spans of `s` whose numbers are not figures or dates (offsets relative to `s`), in no particular order. */
export function notFigureSpans(s: string): Span[] {
  if (!DIGIT.test(s)) return [];
  if (last?.s === s) return last.spans;
  const spans = readSpans(s);
  last = { s, spans };
  return spans;
}

function readSpans(s: string): Span[] {
  const out: Span[] = [];
  for (const [hint, re] of PATTERNS) {
    if (hint && !hint.test(s)) continue;
    const near = NEAR.get(re);
    if (near) {
      readNear(s, near, out);
      continue;
    }
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (/\d/.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  ENUMERATOR.lastIndex = 0;
  for (let m = ENUMERATOR.exec(s); m; m = ENUMERATOR.exec(s)) {
    const at = m.index + m[0].search(/[\d(]/);
    out.push({ start: at, end: m.index + m[0].length });
  }
  return out;
}

/** The matches holding a digit of a pattern of NEAR (see there), tried within `reach` before each anchor. */
function readNear(s: string, { sticky, anchor, reach, starts }: Near, out: Span[]): void {
  /** Positions below this one are tried, or inside a match. */
  let next = 0;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(s); a; a = anchor.exec(s)) {
    const q = a.index;
    if (q < next) continue;
    for (let p = Math.max(next, q - reach); p <= q; p++) {
      if (starts && starts[s.charCodeAt(p)] !== 1) continue;
      sticky.lastIndex = p;
      const m = sticky.exec(s);
      if (!m || m[0].length === 0) continue;
      if (/\d/.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length });
      next = m.index + m[0].length;
      p = next - 1;
    }
    next = Math.max(next, q + 1);
  }
}

/** Whether [start, end) overlaps one of the spans. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) if (s.start < end && start < s.end) return true;
  return false;
}
