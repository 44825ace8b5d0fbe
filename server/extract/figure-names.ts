// What a figure with no counted noun is named from, when no vocabulary property fits: the noun a sum of
// money is "of" or "for" ("$17 million of damage", "$81 billion for war-designated funding"), or the subject
// of the clause the figure completes after a copula ("The population of the UK was estimated to be 63.7
// million", "the FY2015 war funding now totals $79.0 billion", "the estimated flow of international
// migrants … was 517,800"). Generic grammar, no subject's words.
import { MONTH_NAMES } from './dates.js';
import type { Token } from './tokens.js';
import { FUNCTION_WORDS } from './words.js';

const FUNCTION = new Set(FUNCTION_WORDS);
/** Verbs that make the figure the value of the clause's subject. */
const COPULAS = new Set([
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'being',
  'total',
  'totals',
  'totalled',
  'totaled',
  'stood',
  'stands',
  'reached',
  'reaches',
  'amounted',
  'amounts',
  'numbered',
  'numbers',
]);
/** Words that may stand between the subject and the value beside the copula ("was estimated to be", "now totals", "stood at"). */
const CHAIN = new Set([
  ...COPULAS,
  'estimated',
  'thought',
  'believed',
  'reported',
  'projected',
  'put',
  'to',
  'at',
  'as',
  'now',
  'still',
  'then',
  'already',
  'up',
  'down',
  'just',
  'only',
  'some',
  'about',
  'around',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'over',
  'more',
  'less',
  'than',
]);
/** Prepositions that end a subject's head ("the population of the UK", "flow … to the UK in the year …"). */
const PREPOSITIONS = new Set([
  'of',
  'in',
  'to',
  'for',
  'at',
  'on',
  'from',
  'by',
  'during',
  'aged',
  'with',
  'among',
  'between',
  'since',
  'under',
  'over',
  'across',
  'within',
]);
/** Words that open a clause inside a sentence: a subject starts after them. */
const OPENERS = new Set([
  'and',
  'or',
  'but',
  'while',
  'whereas',
  'that',
  'which',
  'who',
  'when',
  'where',
  'because',
  'so',
  'although',
  'though',
]);
/** Words that never name what a figure is, though content words. */
const NOT_NAMES = new Set([
  'estimated',
  'total',
  'overall',
  'figure',
  'number',
  'amount',
  'latest',
  'new',
  'same',
  'current',
  'other',
  'such',
]);
const MONTHS = new Set(MONTH_NAMES);
/** A year, or a day beside a month name. */
function datePart(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!.text;
  if (/^\d{4}$/.test(t) && Number(t) >= 1000 && Number(t) <= 2100) return true;
  return /^\d{1,2}$/.test(t) && (MONTHS.has(tokens[k - 1]?.lower ?? '') || MONTHS.has(tokens[k + 1]?.lower ?? ''));
}
const content = (t: Token) => !FUNCTION.has(t.lower) && !NOT_NAMES.has(t.lower) && !t.capital && !/^\d/.test(t.text) && t.text.length > 1;

/**
 * The head of the clause's subject when the value completes it after a copula: up to two content words
 * before the first preposition, and the head of an "of" complement ("flow of … migrants" → flow, migrants).
 * `from` is the value's first token; undefined when no copula stands right before the value.
 */
export function copulaSubject(tokens: readonly Token[], from: number, clauseFrom: number): string[] | undefined {
  let i = from - 1;
  let copula = false;
  while (i >= clauseFrom && CHAIN.has(tokens[i]!.lower)) {
    if (COPULAS.has(tokens[i]!.lower)) copula = true;
    i--;
  }
  if (!copula || i < clauseFrom) return undefined;
  // The subject runs back to the clause's start, a conjunction or relative word, or another figure
  // ("… was 517,800 and estimated outflow for the same period was 352,100").
  let start = i;
  // (A date's digits are no figure: "… in the year to 30 June 2012 was 517,800".)
  const figure = (k: number) => /^\d/.test(tokens[k]!.text) && !datePart(tokens, k);
  while (start > clauseFrom && !figure(start - 1) && !OPENERS.has(tokens[start - 1]!.lower)) start--;
  if (i - start > 20) return undefined;
  const phrase = tokens.slice(start, i + 1);
  // A relative clause's "that total $1.6 trillion" names its subject before it, out of reach.
  if (phrase.length === 1 && /^(?:that|which|who|it|this|these|they)$/.test(phrase[0]!.lower)) return undefined;
  const p = phrase.findIndex((t, k) => k > 0 && PREPOSITIONS.has(t.lower));
  const head = (p === -1 ? phrase : phrase.slice(0, p)).filter(content).slice(-2);
  if (head.length === 0) return undefined;
  const words = head.map((t) => t.lower);
  if (p !== -1 && phrase[p]!.lower === 'of') {
    const rest = phrase.slice(p + 1);
    const end = rest.findIndex((t) => PREPOSITIONS.has(t.lower));
    const of = (end === -1 ? rest : rest.slice(0, end)).filter(content).pop();
    if (of) words.push(of.lower);
  }
  return words;
}

const OF_AFTER = /^\s*(?:worth\s+)?(?:of|in)\s+(?:(?:the|a|an|its|their)\s+)?([\p{Ll}][\p{Ll}'’-]*)(?:\s+([\p{Ll}][\p{Ll}'’-]*))?/u;

/** "$17 million of damage", "$81 billion for war-designated funding", "$85 billion worth of bonds": what a sum is of or for. */
export function nounOfSum(s: string, end: number): string[] | undefined {
  const m = OF_AFTER.exec(s.slice(end, end + 60));
  if (!m) return undefined;
  const words = [m[1]!, m[2]].filter((w): w is string => w !== undefined && !FUNCTION.has(w) && !NOT_NAMES.has(w));
  // Stop at the first function word: "funding not considered" → funding.
  if (m[2] !== undefined && FUNCTION.has(m[2])) words.splice(1);
  if (words.length === 0 || FUNCTION.has(m[1]!)) return undefined;
  return words;
}
