// The value a few selected words state ("over 72,000 soldiers", "12 July", "1 I October 1918"), read by
// the extractor's own number and date readers, so that a claim made by hand from a selection starts from
// the same reading extraction would give it. A date without a year takes the last year the source states
// before the selection, as extraction does in the narrative.
import { LIMITS } from '../core/limits.js';
import type { Value } from '../core/schema-types.js';
import { countedNounAfter } from './counted.js';
import { findDates, type DateMention } from './dates.js';
import { findNumbers, readComparator } from './numbers.js';

export interface ValueContext {
  /** The source text the words were selected from, and where the selection starts in it. */
  text: string;
  at: number;
}

/** How far back in the source a year is looked for. */
const YEAR_LOOKBACK_CHARS = 20_000;

/** The year the narrative is in at `at`: that of the last date stated before it, if any. */
export function narrativeYear(context: ValueContext): number | undefined {
  const before = context.text.slice(Math.max(0, context.at - YEAR_LOOKBACK_CHARS), context.at);
  const dates = findDates(before).filter((d) => !d.unresolved && !d.inferredYear);
  const last = dates[dates.length - 1];
  return last ? Number(last.date.value.slice(0, 4)) : undefined;
}

/**
 * The first figure the words state that is not part of a date ("In 1918, 7,000 troops": the date is then
 * the figure's time, not the claim); else their first date; else the words as text. A day and month
 * with no year known ("on 12 July" in a source that never gives one) is no figure and no date: text.
 */
export function readValue(words: string, context?: ValueContext): Value {
  const text = words.trim();
  const dates = findDates(text, context ? narrativeYear(context) : undefined);
  const inDate = (start: number, end: number) => dates.some((d: DateMention) => start < d.end && end > d.start);
  const figure = findNumbers(text).find((n) => !inDate(n.start, n.end));
  if (figure) {
    const { comparator } = readComparator(text, figure);
    const noun = countedNounAfter(text, figure.end);
    const unit = figure.currency ?? (figure.percent ? 'percent' : undefined) ?? noun?.noun ?? 'items';
    return {
      type: 'quantity',
      comparator,
      amount: figure.amount,
      ...(figure.upper !== undefined ? { upper: figure.upper } : {}),
      unit: unit.slice(0, 50),
    };
  }
  const date = dates.find((d) => !d.unresolved);
  if (date) return { type: 'date', date: date.date };
  return { type: 'text', text: text.slice(0, LIMITS.textValueChars.value) };
}
