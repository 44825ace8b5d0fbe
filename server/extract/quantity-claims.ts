// Figures of one sentence as quantity claims: number, comparator, counted noun, stated sums, the
// property its cues point to, the subject, and the scope (time, aggregate, population, place).
import type { Entity, Property, QuantityValue } from '../core/schema-types.js';
import { readRole, verbAfter, verbBefore, type RoleReading } from './open.js';
import { countedNounAfter, isAddition, partLabel, type SumPart } from './counted.js';
import { combine, draft, segmentAround, tokenRange, type Draft, type SentenceContext } from './draft.js';
import { findNumbers, readComparator, type ComparatorReading } from './numbers.js';
import { notFigureSpans, overlapsAny } from './not-figures.js';
import { rankProperties, stem, type PropertyEntry, type PropertyScore } from './properties.js';
import type { InfoboxCell } from './infobox.js';
import { readScope } from './scope.js';
import { chooseSubject, placeOf, type SubjectChoice, type SubjectInput } from './subjects.js';
import { FUNCTION_WORDS, isPastVerb, TEMPORAL_WORDS } from './words.js';
import { countsRatherThanYear, IRREGULAR_PLURALS, MEASURES } from './units.js';
import { copulaSubject, nounOfSum } from './figure-names.js';

/** Nouns of time: "two days before" is when something happened, rarely a stated duration. */
const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']);

interface Reading extends SumPart {
  comparator: ComparatorReading;
}

export function quantityClaims(ctx: SentenceContext, sourceId: string): Draft[] {
  const { sentence, masked } = ctx;
  const duration = ctx.cellAt(sentence.start);
  if (duration?.kind === 'duration') return [durationDraft(ctx, sourceId, duration)];
  const s = masked.slice(sentence.start, sentence.end);
  const readings: Reading[] = [];
  // Times of day, locators, identifiers, house numbers, citation years: numbers, not figures (not-figures.ts).
  const notFigures = notFigureSpans(s);
  for (const n of findNumbers(s)) {
    const start = sentence.start + n.start;
    const end = sentence.start + n.end;
    if (ctx.dates.some((d) => d.start < end && start < d.end)) continue; // a day or year of a date
    if (overlapsAny(notFigures, n.start, n.end)) continue;
    const comparator = readComparator(s, n);
    // "a 30% increase in", "the 10 per cent. charge": what a share counts comes after its percent words.
    const noun = countedNounAfter(s, n.percent ? afterPercentWords(s, comparator.end) : comparator.end, ctx.properties.countWords);
    if (n.yearLike && !(noun && ctx.properties.countWords.has(noun.noun)) && !countsRatherThanYear(s, n.start, n.end)) continue;
    // A spelled-out number states a figure when it counts something ("two other fiery crashes", "forty-two
    // men", "a dozen ships"); not "one of the", "two of them", nor a lone "one" ("one day", "one rescuer"
    // is a figure only as part of a sum) unless the vocabulary counts that noun.
    // A fraction or a share is a figure with no counted noun ("by one third", "Sixty per cent"); so is a number
    // word closing a phrase after a copula or a preposition ("a base offense level at six,", "rose to seven.").
    if (
      n.spelled &&
      !n.currency &&
      !n.fraction &&
      !n.percent &&
      !spelledFigure(n.amount, noun, ctx.properties.countWords) &&
      !(noun === undefined && spelledValueAlone(s, n))
    )
      continue; // "Ten Cents" is a price
    // "26 mi 385 yd", "5 ft 11 in", "2 hours 30 minutes": the second number continues a compound measure.
    const previous = readings[readings.length - 1];
    if (previous?.noun && !n.spelled && !previous.mention.spelled && /^[ \u00A0]+$/.test(s.slice(previous.noun.end, n.start)) && noun)
      continue;
    readings.push({ mention: n, noun, comparator });
  }
  const drafts: Draft[] = [];
  const single: { reading: Reading; draft: Draft }[] = [];
  for (const group of sums(s, readings)) {
    const d = claimFor(ctx, sourceId, s, group);
    if (!d) continue;
    drafts.push(d);
    if (group.length === 1) single.push({ reading: group[0]!, draft: d });
  }
  statedTotals(s, single);
  return drafts;
}

/**
 * "Casualties: 7,791, 698 killed/missing, 2,189 wounded, 1,421 died of disease, 3,483 others": a figure
 * followed, in a comma-separated list, by figures that add up to it exactly is their total — its value
 * gets them as parts (each still a claim of its own), so reconciliation can check the arithmetic.
 */
function statedTotals(s: string, figures: readonly { reading: Reading; draft: Draft }[]): void {
  for (let i = 0; i < figures.length; i++) {
    const total = figures[i]!.draft.claim.value;
    if (total.type !== 'quantity' || total.comparator !== 'exact' || total.parts) continue;
    let sum = 0;
    for (let j = i + 1; j < figures.length; j++) {
      const previous = figures[j - 1]!.reading;
      const gap = s.slice(previous.noun?.end ?? previous.mention.end, figures[j]!.reading.comparator.start);
      const part = figures[j]!.draft.claim.value;
      if (!/^[^.;:]*,\s*$/.test(gap) || part.type !== 'quantity' || part.comparator !== 'exact') break;
      sum += part.amount;
      if (sum > total.amount) break;
      if (sum === total.amount && j > i + 1) {
        total.parts = figures
          .slice(i + 1, j + 1)
          .map((f) => ({ amount: f.reading.mention.amount, label: partLabel(s, f.reading).slice(0, 100) }));
        i = j;
        break;
      }
    }
  }
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
  const { from, to } = tokenRange(ctx.tokens, valueStart, valueEnd);
  const noun = group.length === 1 ? first.noun : undefined;
  let nounTo = noun ? tokenRange(ctx.tokens, base + noun.start, base + noun.end).to : to;
  // "6 per cent. of", "Sixty per cent": the words of the share are the value's, not a verb after it.
  if (!noun && first.mention.percent) while (nounTo < ctx.tokens.length && PERCENT_WORDS.has(ctx.tokens[nounTo]!.lower)) nounTo++;
  const clauseTo = tokenRange(ctx.tokens, clause.start, clause.end).to;
  // "Some 2,900 Japanese soldiers died": the verb after what is counted says what the figure is.
  const verbAt = verbAfter(ctx.tokens, nounTo, clauseTo);
  // The words around the value, an infobox row, or a "Label:" row: the strongest evidence wins.
  let property = [
    chooseProperty(ctx, s, group, valueStart, valueEnd, clause, verbAt),
    rowProperty(ctx, cell),
    labelProperty(ctx, valueStart),
  ].reduce<PropertyScore | undefined>((best, p) => (p && (!best || p.score > best.score) ? p : best), undefined);
  const role = cell ? undefined : readRole(ctx.tokens, from, to, Math.min(nounTo, to + 3), clauseTo);
  const wording = ctx.text.slice(valueStart, valueEnd);
  let proposed = false;
  if (role && property && !carriesRole(property.entry, role)) {
    // A figure with a role ("the approved contingent, nearly 5000 strong") is not the plain count: a
    // vocabulary property for that role of the same unit, else a proposed "troop strength (approved)".
    const roleEntry = ctx.properties.quantity.entries.find((e) => carriesRole(e, role) && (e.unit ?? '') === (property!.entry.unit ?? ''));
    if (roleEntry) property = { entry: roleEntry, score: property.score, cue: role.role.label, cueAt: role.at };
    else {
      const label = `${property.entry.property.label} (${role.role.label})`;
      property = proposedScore(
        ctx,
        ctx.open.propose(
          label,
          'quantity',
          property.entry.unit ?? noun?.noun,
          [...property.entry.cues.map((c) => c.words.join(' ')).slice(0, 5), role.role.label],
          wording,
          property.entry.property.subjectTypes,
        ),
        role.at,
      );
      proposed = true;
    }
  }
  /** A property named from the counted noun and the verb ("troops dispatched", "men employed"), when no vocabulary property fits. */
  const fromWords = (beside = false): PropertyScore | undefined => {
    const verb = verbBefore(ctx.tokens, from, tokenRange(ctx.tokens, clause.start, clause.end).from) ?? verbAt;
    const verbWord = verb === undefined ? undefined : ctx.tokens[verb]!.lower;
    let words = [
      ...new Set(
        [
          noun?.noun ?? (first.mention.currency ? 'amount' : first.mention.percent ? 'percent' : undefined),
          verbWord,
          role?.role.label,
        ].filter((w): w is string => Boolean(w)),
      ),
    ];
    // A bare number that counts nothing ("p. 127", a list item's "4.") states nothing checkable.
    if (isLocator(ctx, valueStart)) return undefined;
    // "17% of the UK population", "5% of the funds": a share of what follows "of".
    const share = first.mention.percent && !noun ? shareOf(s, afterPercentWords(s, first.comparator.end)) : undefined;
    if (share) words = [`share of ${share}`, ...words.filter((w) => w !== 'percent')];
    // "$17 million of damage", "$81 billion for war-designated funding": what a sum is of or for.
    const sum = first.mention.currency && !noun ? nounOfSum(s, first.comparator.end) : undefined;
    if (sum) words = [...new Set([...sum, ...words.filter((w) => w !== 'amount')])];
    // "striking workers (75,000)", "the unemployment rate, 3.9 percent", "a reduction of 40%": what the figure is, named just before it.
    const unnamed = (w: string) => w === 'percent' || w === 'amount' || w === role?.role.label;
    if (
      words.length === 0 ||
      (words.length === 1 && noun && UNIT_ONLY.has(noun.noun)) ||
      (!noun && !share && !sum && (first.mention.percent || first.mention.currency) && words.every(unnamed))
    ) {
      const clauseFrom = tokenRange(ctx.tokens, clause.start, clause.end).from;
      // "The population of the UK was estimated to be 63.7 million", "the war funding now totals $79.0 billion".
      const before = copulaSubject(ctx.tokens, from, clauseFrom) ?? nounBefore(ctx, from, clauseFrom);
      if (before) words = [...new Set([...before, ...words.filter((w) => w !== 'amount')])];
    }
    // "at a depth of 10 kilometres": a unit of measure names no property, the noun before it does.
    if (noun && MEASURES.has(noun.noun) && words.length > 0 && words[0] === noun.noun) {
      const before = nounBefore(ctx, from, tokenRange(ctx.tokens, clause.start, clause.end).from);
      if (before) words = [...new Set([...before, ...words])];
    }
    // "a moment magnitude 6.3 earthquake", "the magnitude 4.8": a singular noun right before a numeral names what it measures.
    const named = nameBefore(ctx, from, valueStart, first);
    if (named && !words.includes(named)) words = [named, ...words];
    if (words.length === 0) words = ['figure'];
    const unit = first.mention.currency ?? (first.mention.percent ? 'percent' : undefined) ?? noun?.noun ?? 'items';
    return proposedScore(ctx, ctx.open.propose(words.join(' '), 'quantity', unit, words, wording, undefined, beside), verb ?? role?.at);
  };
  // A spelled-out number counting what no vocabulary property counts ("two divisions", "two other fiery crashes")
  // is offered under a property named from its own words: a vocabulary property's cue nearby is not about it.
  if (first.mention.spelled && !(noun && ctx.properties.countWords.has(noun.noun))) property = undefined;
  // "losses had reached £3 billion": a sum of money is no count of the dead, whatever cue is near it.
  if (property && !proposed && first.mention.currency && !CURRENCY_UNITS.has((property.entry.unit ?? '').toLowerCase()))
    property = undefined;
  if (property && !proposed && first.mention.percent && property.entry.unit !== 'percent') property = undefined;
  if (!property) {
    property = fromWords();
    if (!property) return undefined;
    proposed = true;
  }
  const subjectInput: SubjectInput = {
    text: ctx.masked,
    sentenceStart: ctx.sentence.start,
    clauseStart: clause.start,
    clauseEnd: clause.end,
    valueStart,
    valueEnd,
    mentions: ctx.mentions,
    kind: 'quantity',
    carried: ctx.carried,
    cueStart: property.cueAt === undefined ? undefined : ctx.tokens[property.cueAt]?.start,
    subjectTypes: property.entry.property.subjectTypes,
    settings: ctx.settings.subject,
  };
  const counted = countedEntity(ctx, first, base);
  // An infobox cell's side is known from its column; prose is read for its subject.
  // The sentence's grammar first ("$81 billion for war-designated funding", "a guard of four soldiers"), then the mentions' weights.
  // The sentence's grammar ("$81 billion for war-designated funding", "a guard of four soldiers"), else the mentions' weights.
  let subject: SubjectChoice | { entity: Entity; confidence: number } | undefined =
    cell && cell.kind !== 'date'
      ? { entity: cell.subject, confidence: 0.85 }
      : (counted ??
        ctx.phraseSubject(
          {
            valueStart,
            valueEnd,
            kind: 'quantity',
            share: first.mention.currency !== undefined || first.mention.percent === true,
            cueStart: subjectInput.cueStart,
            subjectTypes: subjectInput.subjectTypes,
            roled: role !== undefined,
          },
          () => chooseSubject(subjectInput),
        ));
  if (!subject) return undefined;
  // The vocabulary's property cannot be about anything the sentence names ("950 men were underground" is
  // no armed force's strength in a colliery report): the figure is kept under a property named from its words.
  const reading = Math.min(...group.map((r) => r.mention.certainty)) * (first.mention.spelled && first.mention.amount < 10 ? 0.8 : 1);
  const below = () =>
    combine({ property: Math.min(1, property!.score / ctx.settings.property.quantityFull), subject: subject!.confidence, reading }) <
    ctx.settings.confidence.minClaim;
  // The same when the vocabulary reading is too weak to pass on its own (a cue far off, a subject only guessed):
  // offered for review under a property named from its words rather than left out.
  if (!proposed && group.length === 1 && !cell && below()) {
    // (Named from its words it may be the very vocabulary property again, "deaths": then a proposal beside it,
    // which review merges into the vocabulary's when it is that.)
    const own = fromWords(true);
    const free = own
      ? chooseSubject({
          ...subjectInput,
          subjectTypes: undefined,
          cueStart: own.cueAt === undefined ? undefined : ctx.tokens[own.cueAt]?.start,
        })
      : undefined;
    // A subject read from the grammar stays; the property named from the words is as sure as it is.
    const kept = 'phrase' in subject && subject.phrase ? { ...subject, confidence: ctx.settings.subject.phraseCommon } : undefined;
    if (own && free && own.entry.property.status === 'proposed') [property, subject, proposed] = [own, kept ?? free, true];
  }
  const place = placeOf(subjectInput, subject.entity);
  const scope = readScope({
    text: ctx.masked,
    clauseStart: clause.start,
    clauseEnd: clause.end,
    sentenceEnd: ctx.sentence.end,
    valueStart,
    valueEnd,
    dates: ctx.dates,
    place: place?.id,
  });
  const value: QuantityValue = {
    type: 'quantity',
    comparator: group.length > 1 ? 'exact' : first.comparator.comparator,
    amount: group.reduce((sum, r) => sum + r.mention.amount, 0),
    unit: (
      property.entry.unit ??
      first.mention.currency ??
      (first.mention.percent ? 'percent' : undefined) ??
      first.noun?.noun ??
      'items'
    ).slice(0, 50),
  };
  if (first.mention.upper !== undefined && group.length === 1) value.upper = first.mention.upper;
  if (group.length > 1) value.parts = group.map((r) => ({ amount: r.mention.amount, label: partLabel(s, r).slice(0, 100) }));
  const propertyEvidence = proposed
    ? ctx.settings.confidence.proposedProperty
    : Math.min(1, property.score / ctx.settings.property.quantityFull);
  const confidence = combine({ property: propertyEvidence, subject: subject.confidence, reading });
  const note = proposed
    ? `proposed property "${property.entry.property.label}" (no vocabulary property fits)`
    : `property cue "${property.cue}"`;
  return draft(ctx, {
    sourceId,
    subject: subject.entity.id,
    property: property.entry.property.id,
    value,
    wordingStart: valueStart,
    wordingEnd: valueEnd,
    scope,
    confidence,
    note: role ? `${note}; role: ${role.role.label}` : note,
  });
}

/** Units a vocabulary property of money is measured in. */
const CURRENCY_UNITS = new Set([
  'yen',
  'dollars',
  'pounds',
  'euros',
  'rubles',
  'roubles',
  'francs',
  'marks',
  'usd',
  'gbp',
  'eur',
  'jpy',
  'money',
  'currency',
]);

/** Where the words after a share's number end: "6 per cent. of" → before " of". */
function afterPercentWords(s: string, end: number): number {
  const m = /^\s?(?:%|per ?cent(?:\.(?=\s+\p{Ll}))?|percent|pct\.?)/iu.exec(s.slice(end, end + 14));
  return m ? end + m[0].length : end;
}

/** "of the UK population", "of the funds", "of patients": the head of what a share is a share of. */
function shareOf(s: string, at: number): string | undefined {
  const m = /^\s*of\s+(?:(?:the|all|its|their|his|her|our|these|those)\s+)?/i.exec(s.slice(at, at + 30));
  if (!m) return undefined;
  const noun = countedNounAfter(s, at + m[0].length);
  return noun && !/^\p{Lu}/u.test(noun.noun) && noun.noun.length > 2 ? noun.noun : undefined;
}

/** The words of a share after its number ("per cent", "percent", "pct", "%"). */
const PERCENT_WORDS = new Set(['per', 'cent', 'percent', 'pct', '%', 'centum']);
/** Counted nouns that say only the unit ("3.9 percent"): the figure's name is then the noun before it. */
const UNIT_ONLY = new Set(['percent', 'per', 'cent', 'pc', 'points', 'amount']);
/** Words that never name what a figure is. */
const NOT_NAMES = new Set([
  ...FUNCTION_WORDS,
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'some',
  'nearly',
  'over',
  'under',
  'than',
  'up',
  'down',
  'just',
  'only',
  'almost',
  'around',
  'roughly',
  'approximately',
  'more',
  'less',
  'fewer',
  'least',
  'most',
  'had',
  'has',
  'have',
  'rose',
  'fell',
  'declined',
  'increased',
  'decreased',
  'reached',
  'stood',
  'totalled',
  'totaled',
  'numbered',
  'estimated',
]);

/** Up to two content words right before a value, not across a clause start or another number: "striking workers". */
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)$/;
function nounBefore(ctx: SentenceContext, from: number, clauseFrom: number): string[] | undefined {
  const out: string[] = [];
  for (let i = from - 1; i >= Math.max(clauseFrom, from - 3) && out.length < 2; i--) {
    const t = ctx.tokens[i]!;
    // "four grants in four states, $24.8 million": words another number counts belong to that number.
    if (/^\d/.test(t.text) || NUMBER_WORD.test(t.lower)) return undefined;
    if (NOT_NAMES.has(t.lower)) {
      if (out.length > 0) break;
      continue;
    }
    if (t.capital && out.length === 0 && i > clauseFrom) continue; // a name is the subject, not what is counted
    out.unshift(t.lower);
  }
  return out.length > 0 ? out : undefined;
}

/** The singular noun written right before a numeral with no comparator ("magnitude 6.3"), if any. */
function nameBefore(ctx: SentenceContext, from: number, valueStart: number, first: Reading): string | undefined {
  if (first.mention.spelled || first.comparator.comparator !== 'exact' || first.mention.currency || from === 0) return undefined;
  const t = ctx.tokens[from - 1]!;
  if (!/^\s+$/.test(ctx.masked.slice(t.end, valueStart)) || t.capital || !/^\p{Ll}{4,}$/u.test(t.text)) return undefined;
  const w = t.lower;
  if (/s$|ing$/.test(w) || NOT_NAMES.has(w) || isPastVerb(w) || TIME_UNITS.has(w) || MEASURES.has(w)) return undefined;
  return w;
}

/** Whether a spelled-out number counts what follows it: a counted noun (a plural, a unit, a count word), not "one" alone. */
function spelledFigure(
  amount: number,
  noun: { noun: string; phrase: string; hyphenated?: boolean } | undefined,
  countWords: ReadonlySet<string>,
): boolean {
  if (!noun) return false;
  if (countWords.has(noun.noun)) return true;
  // "one day"; "Two Rivers", "Five Russians": a capitalised head is a name (but "eight Olympic gold medals" counts).
  if (amount === 1 || /(?:^|\s)\p{Lu}[\p{L}'’-]*$/u.test(noun.phrase)) return false;
  if (noun.hyphenated) return true; // "a three-story lodging house"
  // "ten times what the Americans had asked for": a ratio between two figures, not a third.
  if (noun.noun === 'times') return false;
  if (/[^s]s$|men$|people$|children$/.test(noun.noun) || MEASURE_NOUNS.has(noun.noun) || MEASURES.has(noun.noun)) return true;
  if (IRREGULAR_PLURALS.has(noun.noun)) return true; // "eighty-eight feet"
  // "a nineteen point upward adjustment", "a ten year plan": a singular noun after a number above one is a
  // compound modifier of the noun that follows (the unit of a measure, written unhyphenated).
  return /^\p{Ll}+\s+\p{Ll}/u.test(noun.phrase) && !/s$/.test(noun.phrase.split(/\s+/)[0]!);
}

/** Words before a number word that make it the value of what precedes ("level at six", "rose to seven", "was nine"). */
const VALUE_BEFORE =
  /(?:^|[^\p{L}])(\p{L}+)[ \t\u00A0]+(at|to|was|were|is|are|been|be|reached|totalled|totaled|numbered|stood\s+at)[ \t\u00A0]+$/iu;

/**
 * A number word with no counted noun that closes its phrase (punctuation follows) and is the value of the
 * noun before it: "the base offense level at six,", "the toll rose to seven." Not "one" (a pronoun), not a
 * time ("arrived at six."): the word before "at" is no verb.
 */
function spelledValueAlone(s: string, n: { start: number; end: number; amount: number }): boolean {
  if (n.amount < 2 || !/^\s*(?:[,;:)]|\.(?!\d)|$)/.test(s.slice(n.end, n.end + 3))) return false;
  const m = VALUE_BEFORE.exec(s.slice(Math.max(0, n.start - 40), n.start));
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  if (FUNCTION_SET.has(word) || isPastVerb(word) || /ing$/.test(word) || TEMPORAL_WORDS.has(word)) return false;
  return true;
}
const FUNCTION_SET = new Set(FUNCTION_WORDS);

/** Units a spelled-out number measures in the singular as in "a hundred metre" or "two dozen": rare, but figures. */
const MEASURE_NOUNS = new Set([
  'percent',
  'per',
  'dozen',
  'score',
  'head',
  'crew',
  'staff',
  'personnel',
  'cattle',
  'sheep',
  'aircraft',
  'fish',
  'deer',
]);

/** Words after which a number points somewhere instead of counting ("p. 127", "file 762", "No. 4"). */
const LOCATOR = /(?:\b(?:p|pp|page|pages|no|nos|vol|file|folio|fol|chapter|ch|section|sec|art|para|fig|table|note|item|line)\.?\s*|^\s*)$/i;

function isLocator(ctx: SentenceContext, valueStart: number): boolean {
  const before = ctx.masked.slice(Math.max(ctx.sentence.start, valueStart - 12), valueStart);
  return LOCATOR.test(before) && (!/^\s*$/.test(before) || /^\s*\d{1,3}[.)]\s/.test(ctx.masked.slice(valueStart, valueStart + 6)));
}

/** A vocabulary entry states a role when one of its cues is one of the role's words ("requested", "pledged"). */
function carriesRole(entry: PropertyEntry, role: RoleReading): boolean {
  return role.role.phrases.some((p) => entry.cues.some((c) => c.words.length === p.length && c.words.every((w, j) => w === stem(p[j]!))));
}

function proposedScore(ctx: SentenceContext, property: Property, cueAt: number | undefined): PropertyScore {
  const entry: PropertyEntry = { property, cues: [], labelWords: property.label.split(/\s+/).length };
  if (property.unit) entry.unit = property.unit;
  return cueAt === undefined
    ? { entry, score: ctx.settings.confidence.proposedProperty, cue: property.label }
    : { entry, score: ctx.settings.confidence.proposedProperty, cue: property.label, cueAt };
}

/**
 * "Strength: 70,000 Japanese, 8,763 Americans, …", "Casualties: 7,791, …": a row of a flattened table
 * whose label names the property of every figure on it.
 */
function labelProperty(ctx: SentenceContext, valueStart: number): PropertyScore | undefined {
  if (!ctx.sentence.isLine) return undefined;
  const line = ctx.masked.slice(ctx.sentence.start, valueStart);
  const m = /^\s*([\p{L}][\p{L} ]{1,40}):\s/u.exec(line);
  if (!m) return undefined;
  const labelTokens = tokenRange(ctx.tokens, ctx.sentence.start, ctx.sentence.start + m[1]!.length);
  const ranked = rankProperties(ctx.properties.quantity, {
    words: ctx.words,
    from: labelTokens.to,
    to: labelTokens.to,
    segmentFrom: labelTokens.from,
    segmentTo: labelTokens.to,
    reach: ctx.settings.property.reach,
    roleScore: ctx.settings.property.roleScore,
  });
  const best = ranked.find((p) => p.cueAt !== undefined && p.cueAt >= labelTokens.from && p.cueAt < labelTokens.to);
  return best ? { ...best, score: Math.max(best.score, 1.2), cue: `row label "${m[1]}"` } : undefined;
}

function chooseProperty(
  ctx: SentenceContext,
  s: string,
  group: Reading[],
  valueStart: number,
  valueEnd: number,
  clause: { start: number; end: number },
  verbAt: number | undefined,
): PropertyScore | undefined {
  const first = group[0]!;
  const { from, to } = tokenRange(ctx.tokens, valueStart, valueEnd);
  const noun = group.length === 1 ? first.noun : undefined;
  const nounAt = noun ? tokenRange(ctx.tokens, ctx.sentence.start + noun.start, ctx.sentence.start + noun.end).to - 1 : undefined;
  // The parts of a sum name what they count inside the value span, so those cues count there.
  let ranked = rankProperties(ctx.properties.quantity, {
    // "4,192 Canadians": people of a nation are counted as men.
    words: ctx.words,
    from,
    to: group.length > 1 ? from : to,
    noun: (noun && ctx.nation(noun.phrase) && !/\s/.test(noun.phrase) ? 'men' : noun?.noun) ?? first.mention.currency,
    nounAt,
    verbAt,
    // "698 killed/missing, 2,189 wounded": a cue before a comma belongs to the item before, not to this value.
    predicate: from > 0 && /^[\s"“]*$/.test(ctx.masked.slice(ctx.tokens[from - 1]!.end, valueStart)),
    reach: ctx.settings.property.reach,
    roleScore: ctx.settings.property.roleScore,
    ...segmentAround(ctx, clause, valueStart, valueEnd),
  });
  if (group.length > 1) {
    // A sum is stated under the property whose cues cover every part ("killed" and "deaths" → deaths).
    const labels = group.map((r) => partLabel(s, r).toLowerCase());
    const covering = ranked.filter((p) => labels.every((l) => coversLabel(p.entry, l)));
    if (covering.length > 0) ranked = covering;
  }
  const best = ranked[0];
  if (!best || best.score < ctx.settings.property.minScore) return undefined;
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
    sourceId,
    subject: cell.subject.id,
    property: cell.property!,
    wordingStart,
    wordingEnd,
    confidence: 0.8,
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
  if (entity) return { entity, confidence: 0.85 * mention!.confidence };
  // "70,000 Japanese", "8,763 Americans", "4,192 Canadians who …": a nationality word names the nation's force.
  const word = /^\p{Lu}[\p{L}]+$/u.exec(r.noun.phrase)?.[0];
  const nation = word ? ctx.nation(word) : undefined;
  return nation ? { entity: nation, confidence: 0.8 } : undefined;
}
