// Figures of one sentence as quantity claims: number, comparator, counted noun, stated sums, the
// property its cues point to, the subject, and the scope (time, aggregate, population, place).
import type { Entity, QuantityValue } from '../core/schema-types.js';
import { countedNounAfter, isAddition, partLabel, type SumPart } from './counted.js';
import { combine, draft, segmentAround, tokenRange, type Draft, type SentenceContext } from './draft.js';
import { findNumbers, readComparator, type ComparatorReading } from './numbers.js';
import { rankProperties, stem, type PropertyEntry, type PropertyScore } from './properties.js';
import type { InfoboxCell } from './infobox.js';
import { readScope } from './scope.js';
import { chooseSubject, placeOf, type SubjectInput } from './subjects.js';

/** Nouns of time: "two days before" is when something happened, rarely a stated duration. */
const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']);
/** A property needs at least this much cue evidence (a function-word cue right next to the value is 0.3). */
const MIN_PROPERTY_SCORE = 0.34;

interface Reading extends SumPart {
  comparator: ComparatorReading;
}

export function quantityClaims(ctx: SentenceContext, sourceId: string): Draft[] {
  const { sentence, masked } = ctx;
  const duration = ctx.cellAt(sentence.start);
  if (duration?.kind === 'duration') return [durationDraft(ctx, sourceId, duration)];
  const s = masked.slice(sentence.start, sentence.end);
  const readings: Reading[] = [];
  for (const n of findNumbers(s)) {
    const start = sentence.start + n.start;
    const end = sentence.start + n.end;
    if (ctx.dates.some((d) => d.start < end && start < d.end)) continue; // a day or year of a date
    const comparator = readComparator(s, n);
    const noun = countedNounAfter(s, comparator.end, ctx.properties.countWords);
    if (n.yearLike && !(noun && ctx.properties.countWords.has(noun.noun))) continue;
    // "one of the", "two fronts", "Five Russians": a spelled-out number counts only what a property counts.
    if (n.spelled && !(noun && ctx.properties.countWords.has(noun.noun))) continue;
    readings.push({ mention: n, noun, comparator });
  }
  const drafts: Draft[] = [];
  for (const group of sums(s, readings)) {
    const d = claimFor(ctx, sourceId, s, group);
    if (d) drafts.push(d);
  }
  return drafts;
}

/** Consecutive readings stated as additions ("1,399 killed and another 1,717 deaths") form one group. */
function sums(s: string, readings: Reading[]): Reading[][] {
  const groups: Reading[][] = [];
  for (const r of readings) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && isAddition(s, previous, r)) last.push(r);
    else groups.push([r]);
  }
  return groups;
}

function claimFor(ctx: SentenceContext, sourceId: string, s: string, group: Reading[]): Draft | undefined {
  const base = ctx.sentence.start;
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const valueStart = base + first.comparator.start;
  // A sum's wording runs to the end of its last part's label ("… and another 1,717 deaths from disease").
  const lastLabelEnd = (last.noun?.start ?? last.mention.end) + partLabel(s, last).length;
  const valueEnd = base + (group.length > 1 ? lastLabelEnd : Math.max(first.comparator.end, first.mention.end));
  const clause = ctx.clauseAt(base + first.mention.start);
  const cell = ctx.cellAt(base + first.mention.start);
  const property = chooseProperty(ctx, s, group, valueStart, valueEnd, clause) ?? rowProperty(ctx, cell);
  if (!property) return undefined;
  const subjectInput: SubjectInput = {
    text: ctx.masked, sentenceStart: ctx.sentence.start, clauseStart: clause.start, clauseEnd: clause.end,
    valueStart, valueEnd, mentions: ctx.mentions, kind: 'quantity', carried: ctx.carried,
    cueStart: property.cueAt === undefined ? undefined : ctx.tokens[property.cueAt]?.start,
    subjectTypes: property.entry.property.subjectTypes,
  };
  const counted = countedEntity(ctx, first, base);
  // An infobox cell's side is known from its column; prose is read for its subject.
  const subject = cell && cell.kind !== 'date' ? { entity: cell.subject, confidence: 0.85 } : counted ?? chooseSubject(subjectInput);
  if (!subject) return undefined;
  const place = placeOf(subjectInput, subject.entity);
  const scope = readScope({
    text: ctx.masked, clauseStart: clause.start, clauseEnd: clause.end, sentenceEnd: ctx.sentence.end, valueStart, valueEnd,
    dates: ctx.dates, place: place?.id,
  });
  const value: QuantityValue = {
    type: 'quantity',
    comparator: group.length > 1 ? 'exact' : first.comparator.comparator,
    amount: group.reduce((sum, r) => sum + r.mention.amount, 0),
    unit: (property.entry.unit ?? first.mention.currency ?? first.noun?.noun ?? 'items').slice(0, 50),
  };
  if (first.mention.upper !== undefined && group.length === 1) value.upper = first.mention.upper;
  if (group.length > 1) value.parts = group.map((r) => ({ amount: r.mention.amount, label: partLabel(s, r).slice(0, 100) }));
  const reading = Math.min(...group.map((r) => r.mention.certainty)) * (first.mention.spelled && first.mention.amount < 10 ? 0.8 : 1);
  const confidence = combine({ property: Math.min(1, property.score / 1.6), subject: subject.confidence, reading });
  return draft(ctx, {
    sourceId, subject: subject.entity.id, property: property.entry.property.id, value,
    wordingStart: valueStart, wordingEnd: valueEnd, scope, confidence,
    note: `property cue "${property.cue}"`,
  });
}

function chooseProperty(ctx: SentenceContext, s: string, group: Reading[], valueStart: number, valueEnd: number, clause: { start: number; end: number }): PropertyScore | undefined {
  const first = group[0]!;
  const { from, to } = tokenRange(ctx.tokens, valueStart, valueEnd);
  const noun = group.length === 1 ? first.noun : undefined;
  const nounAt = noun ? tokenRange(ctx.tokens, ctx.sentence.start + noun.start, ctx.sentence.start + noun.end).to - 1 : undefined;
  // The parts of a sum name what they count inside the value span, so those cues count there.
  let ranked = rankProperties(ctx.properties.quantity, {
    words: ctx.words, from, to: group.length > 1 ? from : to, noun: noun?.noun ?? first.mention.currency, nounAt,
    ...segmentAround(ctx, clause, valueStart, valueEnd),
  });
  if (group.length > 1) {
    // A sum is stated under the property whose cues cover every part ("killed" and "deaths" → deaths).
    const labels = group.map((r) => partLabel(s, r).toLowerCase());
    const covering = ranked.filter((p) => labels.every((l) => coversLabel(p.entry, l)));
    if (covering.length > 0) ranked = covering;
  }
  const best = ranked[0];
  if (!best || best.score < MIN_PROPERTY_SCORE) return undefined;
  // "two days before", "5 months": a time noun is a duration only when another cue says so ("lasted").
  if (noun && TIME_UNITS.has(stem(noun.noun)) && TIME_UNITS.has(stem(best.cue))) return undefined;
  return best;
}

/** The property an infobox row stands for when the cell's words name none ("600,000 (peak)" in the strength row). */
function rowProperty(ctx: SentenceContext, cell: InfoboxCell | undefined): PropertyScore | undefined {
  if (!cell?.property) return undefined;
  const entry = ctx.properties.quantity.entries.find((e) => e.property.id === cell.property);
  return entry ? { entry, score: 1.2, cue: `infobox ${cell.kind} row` } : undefined;
}

/** "(4 years, 5 months, 1 week and 5 days)" under an infobox date row: the span in days, worked out from the row's dates. */
function durationDraft(ctx: SentenceContext, sourceId: string, cell: InfoboxCell): Draft {
  const inner = /^\(\s*([\s\S]*?)\s*\)$/.exec(ctx.masked.slice(cell.start, cell.end));
  const wordingStart = inner ? cell.start + ctx.masked.slice(cell.start, cell.end).indexOf(inner[1]!) : cell.start;
  const wordingEnd = inner ? wordingStart + inner[1]!.length : cell.end;
  return draft(ctx, {
    sourceId, subject: cell.subject.id, property: cell.property!, wordingStart, wordingEnd, confidence: 0.8,
    value: { type: 'quantity', comparator: 'exact', amount: cell.days!, unit: 'days' },
    note: 'infobox duration, counted in days between the dates of the row above',
  });
}

function coversLabel(entry: PropertyEntry, label: string): boolean {
  const words = label.split(/[^\p{L}]+/u).map(stem);
  return entry.cues.some((c) => c.words.every((w) => words.includes(w)));
}

/** "100 Royal Marines", "1,500 British troops": what is counted is itself a named force. */
function countedEntity(ctx: SentenceContext, r: Reading, base: number): { entity: Entity; confidence: number } | undefined {
  if (!r.noun) return undefined;
  const from = base + r.mention.end;
  const to = base + r.noun.end;
  const mention = ctx.mentions.find((m) => m.start >= from && m.start < to && m.end <= to + 20);
  const entity = mention?.entities.find((e) => e.type === 'armed-force' || e.type === 'group' || e.type === 'organisation');
  return entity ? { entity, confidence: 0.85 * mention!.confidence } : undefined;
}
