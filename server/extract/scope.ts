// The scope of a figure, in the source's words: when it holds ("By October 1918" → pointInTime with
// comparator by; "from 1918 to 1922" → period), what it aggregates ("(total)", "(peak)", "in all"),
// what it is restricted to ("(1922 only)") and where ("in the Russian Far East").
import type { DateValue, Scope } from '../core/schema-types.js';
import type { DateMention } from './dates.js';

export interface DateLead {
  /** How the lead word qualifies the date: a comparator, or which end of a period it opens. */
  role: 'by' | 'before' | 'after' | 'approx' | 'since' | 'until' | 'at';
  start: number;
}

const LEADS: [RegExp, DateLead['role']][] = [
  [/\b(?:no later than|not later than|by)\s+(?:the\s+)?(?:year\s+)?$/i, 'by'],
  [/\b(?:before|prior to)\s+(?:the\s+)?(?:year\s+)?$/i, 'before'],
  [/\b(?:after|following)\s+(?:the\s+)?(?:year\s+)?$/i, 'after'],
  [/\b(?:around|about|circa|approximately|c\.|ca\.)\s*$/i, 'approx'],
  [/\b(?:since|from|beginning in|starting in)\s+(?:the\s+)?(?:year\s+)?$/i, 'since'],
  [/\b(?:until|till|up to|through)\s+(?:the\s+)?(?:year\s+)?$/i, 'until'],
  [/\b(?:in|on|at|as of|during|of)\s+(?:the\s+)?(?:year\s+)?$/i, 'at'],
];

/** The word before a date that says how it is meant ("by October 1918", "until 1925"). */
export function dateLead(text: string, dateStart: number): DateLead | undefined {
  const before = text.slice(Math.max(0, dateStart - 24), dateStart);
  for (const [pattern, role] of LEADS) {
    const m = pattern.exec(before);
    if (m) return { role, start: dateStart - (before.length - m.index) };
  }
  return undefined;
}

/** A date value with the comparator its lead word gives ("by May 15, 1925" → by). */
export function withComparator(date: DateValue, lead: DateLead | undefined): DateValue {
  const comparator =
    lead && (lead.role === 'by' || lead.role === 'before' || lead.role === 'after' || lead.role === 'approx') ? lead.role : undefined;
  return comparator ? { ...date, comparator } : date;
}

const AGGREGATE_MARK = /^[\s\p{L}-]{0,40}?\(\s*(total|peak|initial|final|maximum|cumulative)\s*\)/iu;
const POPULATION_MARK = /^[\s\p{L}-]{0,40}?\(\s*([^()]{1,80}?\bonly)\s*\)/iu;
const AGGREGATE_WORDS: [RegExp, NonNullable<Scope['aggregate']>][] = [
  [/\b(?:in total|a total of|altogether|in all|cumulative(?:ly)?|all told|during the years of|throughout the|eventually)\b/i, 'total'],
  [/\b(?:at (?:its|their|the) (?:peak|height)|peaked at|at most at any one time|maximum)\b/i, 'peak'],
  [/\b(?:initially|at first|at the outset)\b/i, 'initial'],
];

export interface ScopeInput {
  /** The masked text and the clause around the value (scope words outside it do not count). */
  text: string;
  clauseStart: number;
  clauseEnd: number;
  /** Marks such as "(total)" follow the value in its own parentheses, past the clause. */
  sentenceEnd: number;
  valueStart: number;
  valueEnd: number;
  /** Dates of the sentence that are not the value, absolute offsets. */
  dates: readonly DateMention[];
  /** The place the value is about, found by the caller ("in the Russian Far East"). */
  place?: string;
}

export function readScope(input: ScopeInput): Scope | undefined {
  const scope: Scope = {};
  const wording: string[] = [];
  const after = input.text.slice(input.valueEnd, Math.min(input.sentenceEnd, input.valueEnd + 60));
  const mark = AGGREGATE_MARK.exec(after);
  if (mark) {
    scope.aggregate = normaliseAggregate(mark[1]!);
    wording.push(mark[1]!);
  } else {
    // Aggregate words near the value, within its clause (a bounded window: long clauses stay linear).
    const clause = input.text.slice(Math.max(input.clauseStart, input.valueStart - 120), Math.min(input.clauseEnd, input.valueEnd + 80));
    for (const [pattern, aggregate] of AGGREGATE_WORDS) {
      const m = pattern.exec(clause);
      if (m) {
        scope.aggregate = aggregate;
        wording.push(m[0]);
        break;
      }
    }
  }
  const population = POPULATION_MARK.exec(after);
  if (population) {
    scope.population = population[1]!.trim().replace(/\s+/g, ' ');
    wording.push(scope.population);
  }
  // "(1922 only)" restricts what is counted; its year is not also the time of the count.
  const populationEnd = population ? input.valueEnd + population.index + population[0].length : -1;
  const time = nearestDate(input, populationEnd);
  if (time) {
    const lead = dateLead(input.text, time.start);
    const phrase = input.text
      .slice(lead && lead.role !== 'at' ? lead.start : time.start, time.end)
      .replace(/\s+/g, ' ')
      .trim();
    if (time.until) scope.period = { start: time.date, end: time.until };
    else if (lead?.role === 'since') scope.period = { start: time.date };
    else if (lead?.role === 'until') scope.period = { end: time.date };
    else scope.pointInTime = withComparator(time.date, lead);
    wording.unshift(phrase);
  }
  if (input.place) scope.place = input.place;
  if (wording.length > 0) scope.wording = wording.join(', ').slice(0, 200);
  return Object.keys(scope).length > 0 ? scope : undefined;
}

function normaliseAggregate(word: string): NonNullable<Scope['aggregate']> {
  const w = word.toLowerCase();
  if (w === 'maximum') return 'peak';
  if (w === 'cumulative') return 'total';
  return w as NonNullable<Scope['aggregate']>;
}

/** The date that times a figure: the closest one in its clause, before it rather than after. */
function nearestDate(input: ScopeInput, skipUntil: number): DateMention | undefined {
  let best: DateMention | undefined;
  let bestDistance = Infinity;
  for (const d of input.dates) {
    if (d.start < input.clauseStart || d.end > input.clauseEnd) continue;
    if (d.start >= input.valueEnd && d.end <= skipUntil) continue;
    const distance = d.end <= input.valueStart ? input.valueStart - d.end : (d.start - input.valueEnd) * 1.5;
    if (distance >= 0 && distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}
