// What the per-sentence extractors share: the sentence's context, and turning a reading into a
// claim with its exact quote (the sentence, or a window of it around the value when very long).
import { selectorAt } from '../core/anchor.js';
import type { Citation, Claim, Scope, Value } from '../core/schema-types.js';
import type { DateMention } from './dates.js';
import type { EntityMention } from './entities.js';
import type { InfoboxCell } from './infobox.js';
import type { PropertyIndex, SentenceWords } from './properties.js';
import type { Sentence } from './sentences.js';
import type { PhraseInput } from './noun-phrases.js';
import type { Carried, SubjectChoice } from './subjects.js';
import type { Token } from './tokens.js';
import type { Entity } from '../core/schema-types.js';
import type { PropertyProposals } from './open.js';
import type { ExtractSettings } from './settings.js';

export interface SentenceContext {
  /** The source text as given: quotes and wordings are sliced from it. */
  text: string;
  /** The same text with markers, markup and the reference list blanked: everything is read from it. */
  masked: string;
  sentence: Sentence;
  tokens: Token[];
  /** Stems of the tokens, indexed, for cue lookups (built on first use: most sentences state no value). */
  readonly words: SentenceWords;
  mentions: EntityMention[];
  /** Dates of the sentence, absolute offsets. */
  dates: DateMention[];
  carried?: Carried;
  properties: PropertyIndex;
  /** The citations of the statement a value at this offset belongs to. */
  citationsAt(offset: number): Citation[];
  /** The infobox cell an offset lies in, if the text opens with a pasted infobox (see infobox.ts). */
  cellAt(offset: number): InfoboxCell | undefined;
  /** The clause of the sentence around an offset (see sentences.ts clauseAround). */
  clauseAt(offset: number): { start: number; end: number };
  /** The force or group a nationality word stands for ("Japanese", "Americans"), if the graph has one. */
  nation(word: string): Entity | undefined;
  /**
   * The subject the sentence's grammar gives a value (noun-phrases.ts): the name the phrase in the subject's
   * place holds, else an entity proposed from the phrase itself; undefined when no rule applies.
   */
  phraseSubject(
    input: Omit<PhraseInput, 'text' | 'tokens' | 'sentenceStart'> & { subjectTypes?: readonly Entity['type'][] },
    /** The choice by the mentions' weights (subjects.ts), when no phrase applies or a clause subject reads weaker. */
    mentionsChoice: () => SubjectChoice | undefined,
  ): SubjectChoice | undefined;
  /** Where the first line of prose starts: the lines above it (title, dateline, stamps) head the document. */
  headerEnd: number;
  /** Properties proposed for figures and dates no vocabulary entry fits (open.ts). */
  open: PropertyProposals;
  settings: ExtractSettings;
}

export type DraftClaim = Omit<Claim, 'id'> & { id?: undefined };

export interface Draft {
  claim: DraftClaim;
  /** Where the value starts: orders the claims, so ids are stable for the same text. */
  at: number;
}

export interface DraftInput {
  sourceId: string;
  subject: string;
  property: string;
  value: Value;
  wordingStart: number;
  wordingEnd: number;
  scope?: Scope;
  confidence: number;
  note?: string;
}

export function draft(ctx: SentenceContext, input: DraftInput): Draft {
  const { start, end } = quoteWindow(ctx.text, ctx.sentence, input.wordingStart, input.wordingEnd, ctx.settings.layout.maxQuote);
  const wording =
    ctx.text.slice(input.wordingStart, input.wordingEnd).replace(/\s+/g, ' ').trim().slice(0, 500) ||
    ctx.text.slice(start, end).slice(0, 500);
  const claim: DraftClaim = {
    source: input.sourceId,
    subject: input.subject,
    property: input.property,
    value: input.value,
    wording,
    quote: selectorAt(ctx.text, start, end),
    citations: ctx.citationsAt(input.wordingEnd),
    status: 'extracted',
    confidence: round(input.confidence),
    version: 1,
  };
  if (input.scope) claim.scope = input.scope;
  if (input.note) claim.note = input.note.slice(0, 2000);
  return { claim, at: input.wordingStart };
}

/** The sentence, or for a very long one a window around the value cut at spaces (no split word or surrogate pair). */
function quoteWindow(text: string, sentence: Sentence, from: number, to: number, maxQuote: number): { start: number; end: number } {
  if (sentence.end - sentence.start <= maxQuote) return { start: sentence.start, end: sentence.end };
  const half = Math.max(0, Math.floor((maxQuote - (to - from)) / 2));
  let start = Math.max(sentence.start, from - half);
  let end = Math.min(sentence.end, to + half);
  if (start > sentence.start) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < from) start = space + 1;
  }
  if (end < sentence.end) {
    const space = text.lastIndexOf(' ', end);
    if (space > to) end = space;
  }
  return { start, end };
}

export function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

/**
 * Overall confidence of a claim from the strength of its parts (each 0..1): a geometric mean, so a
 * claim needs both a clear property and a clear subject — a strong cue does not rescue a guessed subject.
 */
export function combine(parts: { property: number; subject: number; reading: number }): number {
  return parts.reading * Math.sqrt(parts.property * parts.subject);
}

/** Index range [from, to) of the tokens inside [start, end) (binary search: tokens are in text order). */
export function tokenRange(tokens: readonly Token[], start: number, end: number): { from: number; to: number } {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > start) hi = mid;
    else lo = mid + 1;
  }
  let to = lo;
  while (to < tokens.length && tokens[to]!.start < end) to++;
  return { from: lo, to };
}

/**
 * Token range of the comma-delimited stretch around a value, inside its clause: "Soon after X signed
 * the Treaty on March 3, 1918, contingents began to land" — "signed" is in the date's stretch, "began"
 * is not. Commas inside the value itself ("March 3, 1918", "1,399") do not count.
 */
export function segmentAround(
  ctx: SentenceContext,
  clause: { start: number; end: number },
  valueStart: number,
  valueEnd: number,
): { segmentFrom: number; segmentTo: number } {
  const before = ctx.masked.slice(clause.start, valueStart);
  const after = ctx.masked.slice(valueEnd, clause.end);
  const lastComma = lastCommaIn(before);
  const nextComma = after.search(/,\s/);
  let start = lastComma === -1 ? clause.start : clause.start + lastComma + 1;
  let end = nextComma === -1 ? clause.end : valueEnd + nextComma;
  // A fronted date ("On January 20, 1925, the Convention was signed"): its stretch is the main clause
  // after it, past any subordinate clause in between ("On 15 November 1922, after the war ended, …").
  if (/^\W*(?:\p{L}+\s+){0,2}$/u.test(ctx.masked.slice(start, valueStart)) && nextComma !== -1) {
    let comma = end;
    for (let hops = 0; hops < 3 && comma < clause.end; hops++) {
      const rest = ctx.masked.slice(comma + 1, clause.end);
      const further = rest.search(/,\s/);
      const stretchEnd = further === -1 ? clause.end : comma + 1 + further;
      if (!/^\s*(?:after|before|when|while|although|though|as|since|because|if|once|following)\b/i.test(rest)) {
        start = comma + 1;
        end = stretchEnd;
        break;
      }
      comma = stretchEnd;
    }
  }
  const { from, to } = tokenRange(ctx.tokens, start, end);
  return { segmentFrom: from, segmentTo: to };
}

/** Index of the last comma followed by white space (a linear scan: a regex with look-ahead would be quadratic). */
function lastCommaIn(s: string): number {
  for (let i = s.length - 2; i >= 0; i--) if (s.charCodeAt(i) === 44 && /\s/.test(s[i + 1]!)) return i;
  return -1;
}
