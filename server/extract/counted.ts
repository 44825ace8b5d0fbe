// What a number counts: the noun after it ("72,000 soldiers", "800 Russian children", "1,399
// killed"), and stated sums ("1,399 killed and another 1,717 deaths from disease").
import type { NumberMention } from './numbers.js';
import { IRREGULAR_PLURALS, MEASURES } from './units.js';

export interface CountedNoun {
  /** The head noun, lower case: "children", "killed", "companies". */
  noun: string;
  /** The noun phrase as written, up to the first function word: "Russian children", "died". */
  phrase: string;
  start: number;
  end: number;
  /** Joined to the number by a hyphen ("three-story"): a compound modifier, singular. */
  hyphenated?: boolean;
}

/** Generic English words that name what is counted, beyond plural nouns: never subject-specific. */
const COUNT_WORDS = new Set([
  'men',
  'women',
  'people',
  'children',
  'personnel',
  'staff',
  'police',
  'cattle',
  'killed',
  'dead',
  'wounded',
  'missing',
  'injured',
  'captured',
  'died',
  'sick',
  'strong',
  'yen',
  'dollars',
  'pounds',
  'rubles',
  'roubles',
  'euros',
  'francs',
  'marks',
  'head',
  'crew',
  'infantry',
  'cavalry',
  'artillery',
  'militia',
]);
/** Words that end a noun phrase after a number. */
const STOP = new Set([
  'and',
  'or',
  'of',
  'from',
  'in',
  'at',
  'on',
  'to',
  'with',
  'who',
  'whom',
  'which',
  'that',
  'as',
  'were',
  'was',
  'is',
  'are',
  'by',
  'under',
  'the',
  'a',
  'an',
  'for',
  'during',
  'after',
  'before',
  'than',
  'into',
  'had',
  'have',
  'has',
  'being',
  'been',
  'each',
  'per',
  'but',
  'while',
  'when',
  'where',
  'if',
  'not',
  'also',
  'then',
  'there',
  'this',
  'these',
  'those',
  'their',
  'his',
  'her',
  'its',
  'our',
  'would',
  'will',
  'could',
  'should',
  'may',
  'might',
  'did',
  'do',
  'be',
  'against',
  'between',
  // Conjunctions that open a clause ("a thirteen point adjustment because the loss …").
  'because',
  'although',
  'though',
  'unless',
  'whereas',
  'since',
  'until',
  'so',
  'yet',
]);
/** The next word, across a run of spaces with at most one line break (hard-wrapped text: "two important \nvotes"). */
const NEXT_WORD = /^[ \u00A0]*(?:\r?\n[ \u00A0]*)?([\p{L}][\p{L}'’-]*)/u;
/** "three-story house", "a 5-day strike": the counted noun joined to the number by a hyphen (singular, as compounds are). */
const HYPHENATED = /^-(\p{Ll}[\p{Ll}'’]*)(?=[\s,.;:)]|$)/u;

/** The counted noun right after a number, if any. `extra` adds a corpus's own unit words. */
export function countedNounAfter(s: string, end: number, extra?: ReadonlySet<string>): CountedNoun | undefined {
  const joined = HYPHENATED.exec(s.slice(end, end + 30));
  if (joined) return { noun: joined[1]!.toLowerCase(), phrase: joined[1]!, start: end + 1, end: end + joined[0].length, hyphenated: true };
  const words: { text: string; start: number; end: number }[] = [];
  let at = end;
  while (words.length < 3) {
    const m = NEXT_WORD.exec(s.slice(at, at + 40));
    if (!m) break;
    const lower = m[1]!.toLowerCase();
    if (STOP.has(lower)) break;
    const start = at + m[0].length - m[1]!.length;
    words.push({ text: m[1]!, start, end: start + m[1]!.length });
    at = start + m[1]!.length;
    if (COUNT_WORDS.has(lower) || extra?.has(lower)) break;
  }
  if (words.length === 0) return undefined;
  const head =
    words.find((w) => COUNT_WORDS.has(w.text.toLowerCase()) || extra?.has(w.text.toLowerCase())) ??
    words.find(
      (w) =>
        (w.text.length > 3 && /[^s]s$/i.test(w.text)) || IRREGULAR_PLURALS.has(w.text.toLowerCase()) || MEASURES.has(w.text.toLowerCase()),
    ) ??
    words[words.length - 1]!;
  const first = words[0]!;
  return { noun: head.text.toLowerCase().replace(/[’']s$/, ''), phrase: s.slice(first.start, head.end), start: first.start, end: head.end };
}

/** Words between two figures that make the second an addition to the first. */
const SUM_GAP =
  /^\s*(?:,\s*)?(?:and|plus|with)\s+(?:another|a further|an additional|further|additional|a further)\s+$|^\s*(?:,\s*)?plus\s+$/i;

export interface SumPart {
  mention: NumberMention;
  noun?: CountedNoun;
}

/** Whether `next` is stated as an addition to `previous` ("... and another 1,717 deaths"). */
export function isAddition(s: string, previous: SumPart, next: SumPart): boolean {
  const from = previous.noun?.end ?? previous.mention.end;
  if (from > next.mention.start) return false;
  return SUM_GAP.test(s.slice(from, next.mention.start));
}

/** A part's label as the source words it: "killed", "deaths from disease" (clipped at punctuation). */
export function partLabel(s: string, part: SumPart): string {
  const start = part.noun?.start ?? part.mention.end;
  const rest = s.slice(start, start + 100);
  const clause = /^[^,.;:()[\]]*/.exec(rest)![0];
  const cut = clause.search(/\s+(?:and|or|but|while|which|who)\s/);
  const label = (cut === -1 ? clause : clause.slice(0, cut)).trim();
  return label || s.slice(part.mention.start, part.mention.end);
}
