// What a figure or a date is about, read from the sentence's grammar rather than from the nearest name:
// the noun phrase that holds the subject's place. A reader files "$81 billion (5%) for war-designated
// funding" under the funding, "after more than 4 years of war" under the war, "a Bolshevist guard of
// four soldiers" under the guard, "The FY2015 war request … totals $73.5 billion" under the request and
// "the new FY2015 request submitted in November 2014" under the request — common nouns as often as
// names. The phrase is read from word shapes and a few lists of function words (words/phrases.json);
// the caller links it to a name the phrase holds, or proposes an entity named by the phrase itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Token } from './tokens.js';
import { AUXILIARIES, LABELS, REPORTING, isPastVerb } from './words.js';

interface PhraseWords {
  determiners: string[];
  prepositions: string[];
  conjunctions: string[];
  pronouns: string[];
  adverbs: string[];
  amountVerbs: string[];
  measureHeads: string[];
  peopleHeads: string[];
  populationLabels: string[];
  collectiveHeads: string[];
  unitWords: string[];
  ingNouns: string[];
}

const words = JSON.parse(readFileSync(path.join(import.meta.dirname, 'words', 'phrases.json'), 'utf8')) as PhraseWords;
const DETERMINERS = new Set(words.determiners);
const PREPOSITIONS = new Set(words.prepositions);
const CONJUNCTIONS = new Set(words.conjunctions);
const PRONOUNS = new Set(words.pronouns);
const ADVERBS = new Set(words.adverbs);
const AMOUNT_VERBS = new Set(words.amountVerbs);
const MEASURE_HEAD_WORDS = new Set(words.measureHeads);
/** A head noun naming a measure, singular or plural ("rates", "figures"). */
export const isMeasure = (w: string) => MEASURE_HEAD_WORDS.has(w) || (w.endsWith('s') && MEASURE_HEAD_WORDS.has(w.slice(0, -1)));
/** Head nouns of people ("participants", "patients"): a phrase with one is a group. */
export const PEOPLE_HEADS = new Set(words.peopleHeads);
const POPULATION_LABELS = new Set(words.populationLabels);
const COLLECTIVE_HEADS = new Set(words.collectiveHeads);
const UNIT_WORDS = new Set(words.unitWords);
const ING_NOUNS = new Set(words.ingNouns);
/** A participle or an "-ing" form that is no noun ("sailing", "sent"; not "funding"). */
const verbal = (w: string) => !ING_NOUNS.has(w) && (isPastVerb(w) || /ing$/.test(w));

export type PhraseRule = 'for' | 'duration-of' | 'owner' | 'qualified' | 'clause-subject' | 'reduced-relative' | 'section' | 'headline';

/** "the administration of Prime Minister Terauchi", "Collections in Britain": a phrase whose complement is a name. */
export const NAMED_COMPLEMENT = /^\s+(?:of|in)\s+(?:the\s+)?$/;

export interface Phrase {
  start: number;
  end: number;
  /** The phrase's last word, lower case: how the text refers to it again ("the request"). */
  head: string;
  rule: PhraseRule;
  /** Opened by "the", "this" …: it may refer back to what the text is about ("the explosion", "the company"). */
  definite?: boolean;
}

export interface PhraseInput {
  /** The masked text (absolute offsets). */
  text: string;
  /** The sentence's tokens. */
  tokens: readonly Token[];
  sentenceStart: number;
  valueStart: number;
  valueEnd: number;
  kind: 'quantity' | 'date';
  /** A sum of money or a percentage ("$81 billion", "5%"): "for X" says whose it is. */
  share?: boolean;
  /** Where the property's cue word is: a phrase holding it names what is measured, not whose it is ("gross domestic product was …"). */
  cueStart?: number;
  /** The value has a role ("proposed a joint expedition of 7,000 troops"): what it would be is not yet a thing of its own. */
  roled?: boolean;
}

const MAX_WORDS = 6;
/** "a total of", "the number of": nouns after which "of" still states the value itself. */
const QUANTIFYING =
  /\b(?:number|total|sum|majority|most|many|some|all|each|one|none|part|rest|remnants?|maximum|minimum|average|excess|amount)\s+of\s+(?:the\s+)?$/i;

/** The noun phrase that holds the subject's place for the value, by the first rule that applies. */
export function subjectPhrase(input: PhraseInput): Phrase | undefined {
  const phrase = firstPhrase(input);
  if (!phrase) return undefined;
  if (input.cueStart !== undefined && phrase.start <= input.cueStart && input.cueStart < phrase.end) return undefined;
  return phrase;
}

function firstPhrase(input: PhraseInput): Phrase | undefined {
  const { text, valueEnd } = input;
  const after = text.slice(valueEnd, valueEnd + 120);
  if (input.kind === 'quantity') {
    // "$81 billion (5%) for war-designated funding", "5% of the funds (across agencies) are for programs".
    if (input.share) {
      const m =
        /^(?:\s*%|\s*per\s?cent)?(?:\s*\))?(?:\s*\([^()]{0,40}\))?(?:\s+of\s+the\s+\p{L}+)?(?:\s*\([^()]{0,40}\))?(?:\s+(?:is|are|was|were|went|goes|go))?\s+for\s+/u.exec(
          after,
        );
      if (m) {
        const p = phraseFrom(input, valueEnd + m[0].length, 'for');
        if (p) return p;
      }
    }
    // "a 4.8 aftershock", "a $5.5 billion FY2015 budget amendment": a number before a singular noun qualifies it.
    const qualified = qualifiedNoun(input);
    if (qualified) return qualified;
    // "after more than 4 years of war", "the past 13 years of war".
    const d = /^\s+(?:years?|months?|weeks?|days?|decades?|centuries|hours?)\s+of\s+/i.exec(after);
    if (d) {
      const p = phraseFrom(input, valueEnd + d[0].length, 'duration-of');
      if (p) return p;
    }
    // "a Bolshevist guard of four soldiers": what the figure counts the members of.
    const owner = input.roled ? undefined : ownerBefore(input);
    if (owner) return owner;
    const section = sectionLabel(input);
    if (section) return section;
  } else {
    // "the new FY2015 request submitted in November 2014", "airstrikes launched in late August 2014".
    // A date's subject by the clause's grammar alone is too often the time's own noun ("The culmination was …").
    return reducedRelative(input);
  }
  return clauseSubject(input);
}

function indexAt(tokens: readonly Token[], offset: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.end > offset) return i;
  return tokens.length;
}

/** The characters between two tokens. */
function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

/** A word no noun phrase holds inside it (it ends one). */
function ends(t: Token): boolean {
  const w = t.lower;
  return (
    PREPOSITIONS.has(w) ||
    CONJUNCTIONS.has(w) ||
    (PRONOUNS.has(w) && !DETERMINERS.has(w)) ||
    AUXILIARIES.has(w) ||
    REPORTING.has(w) ||
    ADVERBS.has(w) ||
    AMOUNT_VERBS.has(w) ||
    /^\d+$/.test(t.text) ||
    (/ly$/.test(w) && w.length > 4)
  );
}

/** The noun phrase starting at (or right after a determiner at) an offset, up to a boundary; at most MAX_WORDS words. */
function phraseFrom(input: PhraseInput, offset: number, rule: PhraseRule, limit = Infinity): Phrase | undefined {
  const { tokens, text } = input;
  let i = indexAt(tokens, offset);
  if (i >= tokens.length || tokens[i]!.start - offset > 2) return undefined;
  const definite = i < tokens.length && /^(?:the|this|these|that|those)$/.test(tokens[i]!.lower);
  while (i < tokens.length && DETERMINERS.has(tokens[i]!.lower)) i++;
  const first = i;
  let last = -1;
  for (; i < tokens.length && tokens[i]!.end <= limit && i - first < MAX_WORDS; i++) {
    const t = tokens[i]!;
    const joined = i > first && /^[-‐]$/.test(gap(text, tokens[i - 1]!, t));
    if (i > first && !joined && !/^[ \t\n]+$/.test(gap(text, tokens[i - 1]!, t))) break;
    if (!joined && ends(t)) break;
    // A participle or an "-ing" form inside the phrase is an adjective only before its noun ("enhanced security").
    if (!joined && i > first && verbal(t.lower)) break;
    last = i;
  }
  if (last < first) return undefined;
  // Not a pronoun, nor a phrase ending in a participle ("the troops sent").
  const head = tokens[last]!.lower;
  if (PRONOUNS.has(head) || (last > first && isPastVerb(head))) return undefined;
  if (!/\p{L}{2,}/u.test(head)) return undefined;
  return { start: tokens[first]!.start, end: tokens[last]!.end, head, rule, ...(definite ? { definite } : {}) };
}

/** "a Bolshevist guard of four soldiers": a determiner, a phrase whose head names no measure, "of", the value. */
function ownerBefore(input: PhraseInput): Phrase | undefined {
  const { tokens, text, valueStart } = input;
  const before = text.slice(Math.max(input.sentenceStart, valueStart - 80), valueStart);
  if (!/\s+of\s+$/.test(before)) return undefined;
  const ofAt = indexAt(tokens, valueStart) - 1;
  if (ofAt < 1 || tokens[ofAt]!.lower !== 'of') return undefined;
  let i = ofAt - 1;
  const last = i;
  while (i >= 0 && last - i < MAX_WORDS && !DETERMINERS.has(tokens[i]!.lower) && !ends(tokens[i]!)) {
    if (i < last && !/^[ \t\n-]+$/.test(gap(text, tokens[i]!, tokens[i + 1]!))) return undefined;
    i--;
  }
  if (i < 0 || !DETERMINERS.has(tokens[i]!.lower) || i === last) return undefined;
  const head = tokens[last]!.lower;
  // A body made of members ("a guard of four soldiers"), not an event ("the murder of two subjects") nor a measure.
  if (!COLLECTIVE_HEADS.has(head)) return undefined;
  return { start: tokens[i + 1]!.start, end: tokens[last]!.end, head, rule: 'owner' };
}

/** "Participants 1163 patients aged …": a structured abstract's section that names a population is about it. */
function sectionLabel(input: PhraseInput): Phrase | undefined {
  const first = input.tokens[0];
  if (!first || !first.capital || !LABELS.has(first.lower) || !POPULATION_LABELS.has(first.lower)) return undefined;
  if (!/(?:^|\n)[ \t]*$/.test(input.text.slice(Math.max(0, first.start - 4), first.start))) return undefined;
  if (first.end > input.valueStart || !/^\s+$/.test(input.text.slice(first.end, input.valueStart))) return undefined;
  return { start: first.start, end: first.end, head: first.lower, rule: 'section' };
}

/** "X submitted in November 2014": the phrase a past participle right before the date's preposition follows. */
function reducedRelative(input: PhraseInput): Phrase | undefined {
  const { tokens, text, valueStart } = input;
  let at = indexAt(tokens, valueStart) - 1;
  if (at >= 0 && /^(?:in|on|by|during|since|from)$/.test(tokens[at]!.lower)) at--;
  else return undefined;
  if (at < 1 || !isPastVerb(tokens[at]!.lower) || AUXILIARIES.has(tokens[at - 1]!.lower)) return undefined;
  const last = at - 1;
  let i = last;
  while (i >= 0 && last - i < MAX_WORDS && !DETERMINERS.has(tokens[i]!.lower) && !ends(tokens[i]!)) {
    if (i < last && !/^[ \t\n-]+$/.test(gap(text, tokens[i]!, tokens[i + 1]!))) break;
    i--;
  }
  const first = i + 1;
  if (first > last) return undefined;
  // The phrase is an object or a preposition's ("the new FY2015 request submitted", "with airstrikes launched"), not a
  // clause's subject with its finite verb ("The American contingent of about 8,000 men left in April 1920").
  const opener = tokens[first - 1];
  if (!opener || !(DETERMINERS.has(opener.lower) || PREPOSITIONS.has(opener.lower))) return undefined;
  if (opener.lower === 'of' && first >= 2 && /^\d/.test(tokens[first - 2]!.text)) return undefined;
  const head = tokens[last]!.lower;
  if (tokens[last]!.capital && first === last) return undefined; // a name: the mentions already say so
  if (isMeasure(head) || isPastVerb(head) || PRONOUNS.has(head)) return undefined;
  return { start: tokens[first]!.start, end: tokens[last]!.end, head, rule: 'reduced-relative' };
}

/**
 * "The FY2015 war request for DOD, State/USAID, and Veterans Administration Medical totals $73.5 billion":
 * the sentence's subject phrase (after an opening phrase set off by a comma), when the value stands in its
 * predicate after the verb; not through a reporting verb ("The USGS says nearly 70,000 people live …").
 */
function clauseSubject(input: PhraseInput, depth = 0): Phrase | undefined {
  const { tokens, text, valueStart } = input;
  let from = 0;
  const opening = tokens[0];
  if (!opening) return undefined;
  // "Including the new request, the FY2015 war funding …", "In addition, …": the subject follows the comma.
  if (PREPOSITIONS.has(opening.lower) || /ing$/.test(opening.lower) || ADVERBS.has(opening.lower) || LABELS.has(opening.lower)) {
    const comma = text.slice(opening.start, valueStart).search(/,\s/);
    if (comma !== -1) from = indexAt(tokens, opening.start + comma + 1);
    else if (LABELS.has(opening.lower) && opening.capital) from = 1;
    else return undefined;
  }
  let phrase = phraseFrom(input, tokens[from]?.start ?? valueStart, 'clause-subject', valueStart);
  // "Moreover, …", "Yesterday, …": a word set off by a comma opens the sentence; the subject follows.
  if (
    phrase &&
    /^,\s/.test(text.slice(phrase.end, phrase.end + 2)) &&
    from === 0 &&
    phrase.start === tokens[0]!.start &&
    !/\s/.test(text.slice(phrase.start, phrase.end))
  )
    phrase = phraseFrom(
      input,
      indexAt(tokens, phrase.end + 1) < tokens.length ? tokens[indexAt(tokens, phrase.end + 1)]!.start : valueStart,
      'clause-subject',
      valueStart,
    );
  if (!phrase) return undefined;
  // The verb: the first verb-like word after the phrase, before the value; a prepositional tail may come between.
  let v = indexAt(tokens, phrase.end);
  for (; v < tokens.length && tokens[v]!.end <= valueStart; v++) {
    const t = tokens[v]!;
    if (AUXILIARIES.has(t.lower) || AMOUNT_VERBS.has(t.lower) || REPORTING.has(t.lower) || isPastVerb(t.lower)) break;
    if (CONJUNCTIONS.has(t.lower) && t.lower !== 'and') return undefined;
  }
  if (v >= tokens.length || tokens[v]!.end > valueStart) return undefined;
  const verb = tokens[v]!;
  // "Casualties: 7,791, 698 killed": a row's label, not a subject; nor a phrase another figure follows.
  if (/[:;()\d]/.test(text.slice(phrase.end, verb.start))) return undefined;
  // "Earlier reports from the USGS had said the quake was a 6.7": the reported clause's own subject.
  const valueAt = indexAt(tokens, valueStart);
  // (Not a passive: "The epicenter was registered 95 kilometres …" states its own figure.)
  const reported = tokens
    .slice(v, valueAt)
    .findIndex((t, k) => REPORTING.has(t.lower) && !/^(?:was|were|is|are|be|been|being)$/.test(tokens[v + k - 1]?.lower ?? ''));
  if (reported !== -1) {
    const r = v + reported;
    const next = tokens[r + 1]?.lower === 'that' ? r + 2 : r + 1;
    if (depth > 0 || next >= valueAt) return undefined;
    return clauseSubject({ ...input, tokens: tokens.slice(next), sentenceStart: tokens[next]!.start }, depth + 1);
  }
  // The value in the verb's own clause: no clause, relative or reported statement between them.
  const between = text.slice(verb.end, valueStart);
  if (/[;:]|\b(?:that|which|who|whose|where|when|while|because|if)\b|,\s+(?:and|but)\b/i.test(between)) return undefined;
  // "was prompted by the murder of two Japanese subjects": the value is an agent's or another noun's, not the predicate's.
  if (/\bby\b/i.test(between) || (/\bof\s+(?:the\s+)?$/i.test(between) && !QUANTIFYING.test(between))) return undefined;
  if (isMeasure(phrase.head)) {
    // "the strength of the designated regiments was only about 2,700": the measure's owner; "The total was …" names none.
    const of = /^\s+of\s+/.exec(text.slice(phrase.end, phrase.end + 8));
    return of ? phraseFrom(input, phrase.end + of[0].length, 'clause-subject', verb.start) : undefined;
  }
  return phrase;
}

/** A mention the phrase holds (the last one: the head-most), else undefined: the caller proposes the phrase itself. */
export function mentionIn<M extends { start: number; end: number }>(phrase: Phrase, mentions: readonly M[]): M | undefined {
  let found: M | undefined;
  for (const m of mentions) if (m.start >= phrase.start && m.end <= phrase.end) found = m;
  return found;
}

/**
 * "a 4.8 aftershock", "a major 6.3 earthquake", "a $5.5 billion FY2015 budget amendment": a number followed
 * at once by a singular common noun (no unit) is that thing's measure, not a count of it ("1163 patients").
 */
function qualifiedNoun(input: PhraseInput): Phrase | undefined {
  const { tokens, text, valueEnd } = input;
  const i = indexAt(tokens, valueEnd);
  const t = tokens[i];
  if (!t || t.start - valueEnd > 1 || !/^ $/.test(text.slice(valueEnd, t.start)) || (t.capital && !/\d/.test(t.text))) return undefined;
  const w = t.lower;
  if (w.length < 4 || UNIT_WORDS.has(w) || /s$/.test(w) || ends(t) || isPastVerb(w) || /ing$/.test(w)) return undefined;
  // Not a number that counts a singular ("one day", "1 percent").
  if (/^\s*(?:one|a|an|1)\s*$/i.test(text.slice(input.valueStart, valueEnd))) return undefined;
  const p = phraseFrom(input, t.start, 'qualified');
  // "2,000 administrative troops", "223 different zip codes": a count of the plural head after all.
  return p && !isMeasure(p.head) && !/s$/.test(p.head) && !UNIT_WORDS.has(p.head) && !PEOPLE_HEADS.has(p.head) ? p : undefined;
}

/**
 * A headline's subject ("Major magnitude 6.3 earthquake strikes central Italy" → "Major magnitude 6.3
 * earthquake"): a phrase then a verb in the present or past; undefined for a title without a verb
 * ("The Cost of Iraq, Afghanistan, and Other Global War on Terror Operations Since 9/11").
 */
export function headlineSubject(text: string, tokens: readonly Token[]): Phrase | undefined {
  if (tokens.length < 3) return undefined;
  let last = -1;
  for (let i = 0; i < tokens.length && i < MAX_WORDS + 2; i++) {
    const t = tokens[i]!;
    const between = i > 0 ? gap(text, tokens[i - 1]!, t) : ' ';
    if (!/^[ \t-]+$/.test(between) && !(/^[.,]$/.test(between) && /^\d/.test(t.text))) return undefined;
    if (DETERMINERS.has(t.lower) && i === 0) continue;
    // The verb: lower case, after at least one word, in -s or a past form ("strikes", "kills", "hit").
    if (last >= 0 && !t.capital && (/[^s]s$/.test(t.lower) || isPastVerb(t.lower) || AUXILIARIES.has(t.lower)) && i + 1 < tokens.length)
      break;
    if (ends(t) && !/^\d/.test(t.text)) return undefined;
    last = i;
  }
  if (last < 0 || last + 1 >= tokens.length) return undefined;
  const verb = tokens[last + 1]!;
  if (verb.capital || !(/[^s]s$/.test(verb.lower) || isPastVerb(verb.lower) || AUXILIARIES.has(verb.lower))) return undefined;
  // "North Korea says its latest satellite launch exploded": what is reported is the news, not the reporter.
  if (REPORTING.has(verb.lower)) return undefined;
  const first = DETERMINERS.has(tokens[0]!.lower) ? 1 : 0;
  if (first > last) return undefined;
  return { start: tokens[first]!.start, end: tokens[last]!.end, head: tokens[last]!.lower, rule: 'headline' };
}
