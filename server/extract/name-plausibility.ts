// Whether capitalised words can be a proper name, judged by general evidence only: the shape of each word
// (OCR garbage mixes case inside a word: "OeataliUac", "HarloA", "BrMge"; a run-together label: "LocationSouth"),
// how much of its sentence is such garbage, and whether a capitalised run is made only of common English words
// (a heading's "Key Points", a menu's "Browse Subject Areas"), using two general word lists shipped as data:
// words/english.txt (SCOWL's small English lists, lower case) and words/given-names.txt (built by
// bench/build-name-words.ts). No list names any text's words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTRACT_SETTINGS, type NameSettings } from './settings.js';
import type { NameSpan } from './proposals.js';
import type { Token } from './tokens.js';

const dir = path.join(import.meta.dirname, 'words');
const readList = (name: string): Set<string> =>
  new Set(
    readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );

/** Words that point to a place in a document ("Vol. III", "Page 5"): figures.json's locators, shared with not-figures.ts. */
const LOCATORS = new Set((JSON.parse(readFileSync(path.join(dir, 'figures.json'), 'utf8')) as { locators: string[] }).locators);

let english: Set<string> | undefined;
let given: Set<string> | undefined;

/** A common English word in lower case ("points", "browse", "judges"); a given name ("Mark", "Grant") is not counted as one. */
export function isCommonWord(word: string): boolean {
  english ??= readList('english.txt');
  given ??= readList('given-names.txt');
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return english.has(w) && !given.has(w);
}

/**
 * A word whose case is not a written word's: a capital after a run of lower-case letters ("OeataliUac",
 * "LocationSouth"; "MacArthur" and "McDonald" have a short prefix, under settings.innerCapitalAfter), two
 * capitals then lower case ("IMatke"; not "IBMs" as the word is read whole), or one letter three times over ("Faaaeacer").
 */
export function oddlyShaped(word: string, settings: NameSettings = EXTRACT_SETTINGS.names): boolean {
  if (word.length < 3) return false;
  if (new RegExp(`\\p{Ll}{${settings.innerCapitalAfter},}\\p{Lu}`, 'u').test(word)) return true;
  if (/^\p{Lu}\p{Lu}\p{Ll}{2,}$/u.test(word)) return true;
  return /(\p{L})\1\1/iu.test(word);
}

/**
 * A stretch of OCR garbage ("Appalltaur AeeUsat Hoar BwAee. •eeOaaA-A* Eatirs Tral*"): enough of its words
 * (settings.garbledWords at least, and settings.garbledShare of them) are oddly shaped. No name comes from it:
 * its capitals are misread letters, not names.
 */
export function garbled(tokens: readonly Token[], settings: NameSettings = EXTRACT_SETTINGS.names): boolean {
  let words = 0;
  let odd = 0;
  for (const t of tokens) {
    if (t.text.length < 3 || !/^\p{L}/u.test(t.text)) continue;
    words++;
    if (oddlyShaped(t.text, settings)) odd++;
  }
  return odd >= settings.garbledWords && odd >= settings.garbledShare * words;
}

/**
 * Whether every word of a capitalised run is a common English word (connectors and words of one or two
 * letters aside): in a line whose capitals say nothing (a heading, a menu, a caption, a row), such a run is
 * the line's wording ("Key Points", "Browse Subject Areas", "Circuit Judges"), not a name.
 */
export function allCommonWords(words: readonly string[]): boolean {
  const counted = words.filter((w) => w.length > 2);
  return counted.length > 0 && counted.every(isCommonWord);
}

/**
 * Whether a capitalised run found by proposals.ts cannot be a name: one of its words is oddly shaped, it is a
 * single common word or locator labelling the numeral after it (`after`: the text right after the span), or it
 * stands in a line whose capitals say nothing (`caseless`) and is made of common words only, with no title or
 * initials marking a person ("Mr. Brown" stays one).
 */
export function notAName(span: NameSpan, caseless: boolean, after: string, settings: NameSettings = EXTRACT_SETTINGS.names): boolean {
  const words = span.text.split(/[^\p{L}'’]+/u).filter(Boolean);
  if (words.some((w) => oddlyShaped(w, settings))) return true;
  // "Vol. III", "Number 17", "Issue 14260": one common word or locator before a numeral labels the numeral.
  if (words.length === 1 && /^\.?\s?(?:\d|[IVXLC]+\b)/.test(after) && (LOCATORS.has(words[0]!.toLowerCase()) || isCommonWord(words[0]!)))
    return true;
  return caseless && !span.marked && allCommonWords(words);
}

/**
 * A heading that opens with a figure other than a year ("60,000 ALLIED TROOPS FOR SIBERIA", "100,000 JAPANESE IN
 * SIBERIA,") is a headline stating that figure, not the name of a thing the text is about.
 */
export function figureHeadline(heading: string): boolean {
  return /^\s*\d[\d,.]*\s/u.test(heading) && !/^\s*(?:1[0-9]|20)\d\d(?:\s|$)/.test(heading);
}
