// Dates of one sentence that are the value of a date property (founded, signed, withdrew...) as
// date claims. A range gives two claims, its start and its end ("1918–1922" → start and end date;
// a person's "(1865–1940)" → birth and death). Dates that only time a figure stay its scope.
import type { DateValue, Property } from '../core/schema-types.js';
import { datePredicate } from './open.js';
import { MONTH_NAMES, type DateMention } from './dates.js';
import { combine, draft, segmentAround, tokenRange, type Draft, type SentenceContext } from './draft.js';
import { inLongerPhrase, rankProperties, type PropertyScore } from './properties.js';
import { dateLead, withComparator, type DateLead } from './scope.js';
import { chooseSubject, placeOf, type SubjectChoice, type SubjectInput } from './subjects.js';
import { notFigureSpans, overlapsAny } from './not-figures.js';
import type { Token } from './tokens.js';
import { FUNCTION_WORDS } from './words.js';

/** Words that stand for each end of a range when the sentence says nothing more specific. */
const RANGE_START = ['from', 'since', 'began', 'beginning', 'started', 'start'];
const RANGE_END = ['until', 'to', 'ended', 'end'];
/** A person's "(1865–1940)" is a lifespan. */
const LIFE_START = ['born', 'birth'];
const LIFE_END = ['died', 'death'];
/** A state's or body's "(1920–1922)" is the span it existed. */
const EXISTENCE_START = ['founded', 'established'];
const EXISTENCE_END = ['dissolved', 'abolished'];

export function dateClaims(ctx: SentenceContext, sourceId: string, figureSpans: readonly { start: number; end: number }[]): Draft[] {
  const drafts: Draft[] = [];
  // A date in the clause of a figure times that figure ("By October 1918, … numbered over 72,000"): it is the figure's scope.
  // A date in the clause of a figure times that figure ("By October 1918, … numbered over 72,000"): it is the figure's scope.
  const figureClauses = figureSpans.map((f) => ctx.clauseAt(f.start));
  // An author-date citation's year, an identifier or a time of day is no date claim (not-figures.ts).
  const notFigures = ctx.dates.length > 0 ? notFigureSpans(ctx.masked.slice(ctx.sentence.start, ctx.sentence.end)) : [];
  for (const d of ctx.dates) {
    if (/^\s*only\b/.test(ctx.masked.slice(d.end, d.end + 8))) continue; // "(1922 only)" restricts a figure
    if (d.unresolved) continue; // no year to give it
    // "Retrieved 3 March 2020", "accessed 5 May 2019", "Archived from the original on …": a reference's access date.
    if (ACCESS_DATE.test(ctx.masked.slice(Math.max(ctx.sentence.start, d.start - 40), d.start))) continue;
    // "HC Deb 10 July 1997 vol 297 cc1077-87": the date a record's reference line cites, not a statement (its year
    // still dates the days the record names after it).
    if (/^\s+vol\.?\s?\d/i.test(ctx.masked.slice(d.end, d.end + 12))) continue;
    if (overlapsAny(notFigures, d.start - ctx.sentence.start, d.end - ctx.sentence.start)) continue;
    if (figureSpans.some((f) => f.start <= d.start && d.end <= f.end)) continue;
    // "$20 billion (2016, nominal)", "5.1 billion (2012 est.)": a year in brackets right after a figure dates that figure.
    if (figureSpans.some((f) => f.end <= d.start && /^\s*\(\s*(?:\p{L}+\s+)?$/u.test(ctx.masked.slice(f.end, d.start)))) continue;
    const clause = ctx.clauseAt(d.start);
    const segment = segmentAround(ctx, clause, d.start, d.end);
    const lead = dateLead(ctx.masked, d.start);
    const wordingStart = lead && lead.role !== 'at' ? lead.start : d.start;
    // The value's properties first: where their cue sits helps find the subject.
    const readings: Reading[] = [];
    if (d.until) {
      const lifespan =
        /\(\s*$/.test(ctx.masked.slice(d.start - 3, d.start)) &&
        ctx.mentions.some((m) => m.end <= d.start && m.entities[0]!.type === 'person');
      // A state's or body's name followed at once by a range ("Far Eastern Republic 1920–1922 buffer state"): the years it existed.
      const named = ctx.mentions.find((m) => m.end <= d.start && /^\s*\(?\s*$/.test(ctx.masked.slice(m.end, d.start)));
      const existence =
        !lifespan && named !== undefined && (named.entities[0]!.type === 'state' || named.entities[0]!.type === 'organisation');
      // Only a range the words mark as one ("from … to", "between … and", "1918–1922") has a start and an end role.
      const marked =
        lifespan ||
        /\b(?:from|between|since)\s+(?:the\s+)?$/i.test(ctx.masked.slice(Math.max(0, d.start - 12), d.start)) ||
        /[–—-]|\bto\b|\buntil\b/.test(ctx.masked.slice(d.start, d.end));
      const taken = new Set<string>();
      const startRole = lifespan ? LIFE_START : existence ? EXISTENCE_START : marked ? RANGE_START : [];
      const endRole = lifespan ? LIFE_END : existence ? EXISTENCE_END : marked ? RANGE_END : [];
      for (const [date, role] of [
        [d.date, startRole],
        [d.until, endRole],
      ] as const) {
        const property = chooseProperty(ctx, d, role, taken, segment);
        if (!property) continue;
        taken.add(property.entry.property.id);
        readings.push([date, property, undefined]);
      }
    } else {
      const role = lead?.role === 'since' ? RANGE_START : lead?.role === 'until' ? RANGE_END : [];
      const property = chooseProperty(ctx, d, role, new Set(), segment);
      if (property) readings.push([d.date, property, lead]);
    }
    let proposed = false;
    if (readings.length === 0) {
      // A date in a figure's clause that reads as its time ("by October 1918", "in 1912") is that figure's scope;
      // one with its own verb ("… approved a force of 4000 on 12 August", "was refused on 2 December") is a claim too.
      if (
        figureClauses.some((c) => c.start <= d.start && d.end <= c.end) &&
        /\b(?:by|as of|in|during|until|till|at|before|after)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?:the\s+)?$/i.test(
          ctx.masked.slice(Math.max(0, d.start - 30), d.start),
        )
      )
        continue;
      // No vocabulary property fits: one named from the verb and its object ("date seized Vladivostok").
      const own = proposedReadings(ctx, d, clause, segment, wordingStart, lead);
      // A date in words that state nothing (a citation's "Harries 2001, p. 127") is not a claim.
      if (!own) continue;
      readings.push(...own);
      proposed = true;
    }
    const cueAt = readings[0]![1].cueAt;
    const subjectInput: SubjectInput = {
      text: ctx.masked,
      sentenceStart: ctx.sentence.start,
      clauseStart: clause.start,
      clauseEnd: clause.end,
      valueStart: d.start,
      valueEnd: d.end,
      mentions: ctx.mentions,
      kind: 'date',
      carried: ctx.carried,
      cueStart: cueAt === undefined ? undefined : ctx.tokens[cueAt]?.start,
      subjectTypes: readings[0]![1].entry.property.subjectTypes,
      settings: ctx.settings.subject,
    };
    // An infobox's date row is about the article's title.
    const cell = ctx.cellAt(d.start);
    // A "Date: August 1918 – October 1922" row of a flattened infobox is about the article's title, like the infobox's own date row.
    // So is a date on a line above the prose ("December 8, 2014 (RL33110)", "(Published 08 March 2011)"): the document's.
    const titleRow =
      !cell &&
      ctx.sentence.isLine &&
      ctx.carried?.kind === 'title' &&
      (/^\s*[\p{L}][\p{L} ]{0,40}:\s/u.test(ctx.masked.slice(ctx.sentence.start, d.start)) ||
        (d.end <= ctx.headerEnd && !ctx.mentions.some((m) => m.via === 'alias' && m.entities[0]!.status !== 'proposed')));
    let subject: SubjectChoice | undefined =
      cell?.kind === 'date'
        ? { entity: cell.subject, confidence: 0.9, also: [] }
        : titleRow
          ? { entity: ctx.carried!.entity, confidence: 0.8, also: [] }
          : ctx.phraseSubject(
              {
                valueStart: d.start,
                valueEnd: d.end,
                kind: 'date',
                cueStart: subjectInput.cueStart,
                subjectTypes: subjectInput.subjectTypes,
              },
              () => chooseSubject(subjectInput),
            );
    if (!subject) continue;
    // The vocabulary's property cannot be about anything the sentence names (a colliery report's "explosion
    // occurred on 14 October 1913" is no event the graph knows): kept under a property named from its verb.
    // The same when the vocabulary reading is too weak to pass on its own: offered under a property named from its words.
    if (
      !proposed &&
      !cell &&
      !titleRow &&
      readings.every(
        (r) =>
          combine({ property: Math.min(1, r[1].score / ctx.settings.property.dateFull), subject: subject!.confidence, reading: 1 }) <
          ctx.settings.confidence.minClaim,
      )
    ) {
      const own = proposedReadings(ctx, d, clause, segment, wordingStart, lead);
      const free = own
        ? chooseSubject({
            ...subjectInput,
            subjectTypes: undefined,
            cueStart: own[0]![1].cueAt === undefined ? undefined : ctx.tokens[own[0]![1].cueAt!]?.start,
          })
        : undefined;
      if (own && free && own[0]![1].entry.property.status === 'proposed') {
        readings.splice(0, readings.length, ...own);
        // A subject read from the grammar stays.
        subject = subject.phrase ? { ...subject, confidence: ctx.settings.subject.phraseCommon } : free;
        proposed = true;
      }
    }
    if (cell?.kind === 'date' || titleRow) for (const r of readings) r[1] = { ...r[1], score: Math.max(r[1].score, 1) };
    const place = placeOf(subjectInput, subject.entity)?.id;
    for (const [date, property, dateLeadWord] of readings) {
      for (const entity of [subject.entity, ...subject.also]) {
        drafts.push(
          dateDraft(ctx, sourceId, {
            date,
            d,
            property,
            subject: { ...subject, entity },
            wordingStart,
            place,
            lead: dateLeadWord,
            inferred: d.inferredYear,
            sameSentence: d.yearFromSentence,
            proposed,
          }),
        );
      }
    }
  }
  return drafts;
}

type Reading = [DateValue, PropertyScore, DateLead | undefined];

/** Readings of a date under properties proposed from its verb and object; undefined when the words around it state nothing. */
function proposedReadings(
  ctx: SentenceContext,
  d: DateMention,
  clause: { start: number; end: number },
  segment: { segmentFrom: number; segmentTo: number },
  wordingStart: number,
  lead: DateLead | undefined,
): Reading[] | undefined {
  const { from, to } = tokenRange(ctx.tokens, d.start, d.end);
  const clauseTokens = tokenRange(ctx.tokens, clause.start, clause.end);
  // A news dateline ("HALIFAX, N.S., Dec. 8, 1917 —", "LONDON, March 3 —"): the date the report was filed.
  const dateline =
    DATELINE.test(ctx.masked.slice(Math.max(ctx.sentence.start, d.start - 60), d.start)) &&
    /^\.?\s*[—–-]/.test(ctx.masked.slice(d.end, d.end + 4));
  const predicate =
    (dateline ? { words: 'reported', at: from } : undefined) ??
    datePredicate(ctx.tokens, from, to, segment.segmentFrom, segment.segmentTo) ??
    datePredicate(ctx.tokens, from, to, clauseTokens.from, clauseTokens.to) ??
    dateTopic(ctx.tokens, from, to, clauseTokens.from, clauseTokens.to);
  // A date alone on a line above the prose ("Monday, April 6, 2009", "December 8, 2014 (RL33110)") dates the document.
  const heading =
    !predicate && ctx.sentence.isLine && d.end <= ctx.headerEnd && ctx.carried?.kind === 'title' ? { words: '', at: from } : undefined;
  if (!predicate && !heading) return undefined;
  const label = predicate ? `date ${predicate.words}` : 'date';
  const wording = ctx.text.slice(wordingStart, d.end);
  const score = ctx.settings.confidence.proposedProperty * ctx.settings.property.dateFull;
  const read = (predicate ?? heading)!;
  const cues = read.words ? [read.words] : [];
  const scored = (property: Property): PropertyScore => ({
    entry: { property, cues: [], labelWords: property.label.split(/\s+/).length },
    score,
    cue: property.label,
    cueAt: read.at,
  });
  if (!d.until) return [[d.date, scored(ctx.open.propose(label, 'date', undefined, cues, wording)), lead]];
  return [
    [d.date, scored(ctx.open.propose(`${label} (from)`, 'date', undefined, cues, wording)), undefined],
    [d.until, scored(ctx.open.propose(`${label} (until)`, 'date', undefined, cues, wording)), undefined],
  ];
}

const ACCESS_DATE = /\b(?:retrieved|accessed|archived(?: from the original)?)(?: on)?\s*:?\s*$/i;

/** What comes before a dateline's date: a place in capitals at a line start, perhaps a region after a comma ("HALIFAX, N.S., "). */
const DATELINE = /(?:^|\n)\s*\p{Lu}[\p{Lu}. '’/-]{2,}(?:,\s*[\p{L}.]{1,20}\.?)?,?\s*$/u;

/** Words that never name what a date is the date of. */
const NOT_TOPIC = new Set([
  ...FUNCTION_WORDS,
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'these',
  'those',
  'until',
  'till',
  'since',
  'around',
  'will',
  'shall',
  'being',
  'during',
  'before',
  'after',
  'early',
  'late',
  'mid',
  'between',
  'through',
  'would',
  'there',
  'here',
  'also',
  'then',
  'when',
  'had',
  'has',
  'have',
  'not',
  'no',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  // The months of a list of dates ("in January, February, and March") are its other items, not its topic.
  ...MONTH_NAMES,
]);

const MONTH_TOKENS = new Set(MONTH_NAMES);
const CLOCK = new Set(['am', 'pm', 'noon', 'midnight', 'o', 'clock', 'hours', 'hrs']);

/**
 * No verb to name a date's property from ("MONDAY 14 July—Consideration of the Finance Bill", "Merson's
 * 1869 painting", a dateline): the first content words after it in its clause, else those before it.
 */
function dateTopic(
  tokens: readonly Token[],
  from: number,
  to: number,
  clauseFrom: number,
  clauseTo: number,
): { words: string; at: number } | undefined {
  const pick = (indices: number[]) => {
    const words: string[] = [];
    let at: number | undefined;
    for (const i of indices) {
      const t = tokens[i]!;
      // "WEDNESDAY 16 JULY—Until 2 pm, there will be debates": a time of day before the topic is passed over.
      if (/^\d/.test(t.text) || CLOCK.has(t.lower)) {
        if (words.length > 0) break;
        continue;
      }
      if (NOT_TOPIC.has(t.lower)) {
        if (words.length > 0) break;
        continue;
      }
      if (t.text.length < 2) {
        // an initial or an abbreviation's letter ("N.S."), never a topic
        if (words.length > 0) break;
        continue;
      }
      at ??= i;
      words.push(t.capital ? t.text : t.lower);
      if (words.length === 2) break;
    }
    return at === undefined ? undefined : { words: words.join(' '), at };
  };
  const after: number[] = [];
  for (let i = to; i < Math.min(clauseTo, to + 10); i++) after.push(i);
  const before: number[] = [];
  // Four words back, not counting the other months of a list ("in January, February, and March"), whose last
  // item opens a clause of its own (", and March"): the list's words before it are then read.
  const listItem = (i: number) => MONTH_TOKENS.has(tokens[i]!.lower) || tokens[i]!.lower === 'and' || tokens[i]!.lower === 'or';
  // (The clause holds nothing but the list's last items, and a month comes just before it.)
  let lastMonth = clauseFrom - 1;
  while (lastMonth >= 0 && (tokens[lastMonth]!.lower === 'and' || tokens[lastMonth]!.lower === 'or')) lastMonth--;
  let listOnly = lastMonth >= 0 && MONTH_TOKENS.has(tokens[lastMonth]!.lower);
  for (let i = clauseFrom; i < from; i++) if (!listItem(i)) listOnly = false;
  for (let i = from - 1, n = 0; i >= (listOnly ? 0 : clauseFrom) && n < 4; i--) {
    before.push(i);
    if (!listItem(i)) n++;
  }
  return pick(after) ?? pick(before);
}

function chooseProperty(
  ctx: SentenceContext,
  d: DateMention,
  roleWords: readonly string[],
  taken: Set<string>,
  segment: { segmentFrom: number; segmentTo: number },
): PropertyScore | undefined {
  const { from, to } = tokenRange(ctx.tokens, d.start, d.end);
  const ranked = rankProperties(ctx.properties.date, {
    words: ctx.words,
    from,
    to,
    roleWords,
    reach: ctx.settings.property.reach,
    roleScore: ctx.settings.property.roleScore,
    ...segment,
  });
  const best = ranked.find((p) => !taken.has(p.entry.property.id));
  if (!best || best.score < ctx.settings.property.minScore) return undefined;
  // "On August 23, 1914, Japan declared war on Germany": the date times that statement, it does not announce a withdrawal.
  if (best.cueAt !== undefined && !best.cue.includes(' ') && inLongerPhrase(ctx.properties, ctx.words, best.cueAt)) return undefined;
  return best;
}

interface DateDraftInput {
  date: DateValue;
  d: DateMention;
  property: PropertyScore;
  subject: SubjectChoice;
  wordingStart: number;
  place?: string;
  lead: DateLead | undefined;
  inferred: boolean;
  /** The inferred year came from the same sentence, which is surer than the paragraph. */
  sameSentence?: boolean;
  /** The property is proposed (no vocabulary property fits). */
  proposed: boolean;
}

function dateDraft(ctx: SentenceContext, sourceId: string, input: DateDraftInput): Draft {
  const value = { type: 'date' as const, date: withComparator(input.date, input.lead) };
  const reading = !input.inferred ? 1 : input.sameSentence ? 0.9 : 0.75;
  const confidence = combine({
    property: Math.min(1, input.property.score / ctx.settings.property.dateFull),
    subject: input.subject.confidence,
    reading,
  });
  const cue = input.proposed
    ? `proposed property "${input.property.entry.property.label}" (no vocabulary property fits)`
    : `property cue "${input.property.cue}"`;
  const note = `${cue}${input.inferred ? '; year taken from the preceding text' : ''}`;
  return draft(ctx, {
    sourceId,
    subject: input.subject.entity.id,
    property: input.property.entry.property.id,
    value,
    wordingStart: input.wordingStart,
    wordingEnd: input.d.end,
    scope: input.place ? { place: input.place } : undefined,
    confidence,
    note,
  });
}
