// Who or what a value is about. Candidates are the entity mentions of the sentence, weighed by
// kind (a count is rarely about a place, a date often about an event), by position (the nearest
// mention before the value in the same clause; the grammatical subject at the sentence start; not
// a mention governed by "in"/"at"/"from"), and the subject carried over from earlier sentences
// when the sentence opens with a pronoun or names nothing. A property that declares the kinds of
// entity it can be about (`subjectTypes` in properties.json) overrides the kind prior: a cost is an
// undertaking's, a birth date a person's; and a name that can stand for an entity of the right kind
// ("the Japanese" for Japan, Japan for its troops) is read as that entity.
import type { Entity } from '../core/schema-types.js';
import type { EntityMention } from './entities.js';
import { EXTRACT_SETTINGS, type SubjectSettings } from './settings.js';
import { AUXILIARIES, REPORTING, isPastVerb } from './words.js';

export type ValueKind = 'quantity' | 'date';

const TYPE_WEIGHT: Record<ValueKind, Record<Entity['type'], number>> = {
  quantity: {
    'armed-force': 1,
    group: 0.9,
    organisation: 0.85,
    state: 0.8,
    event: 0.75,
    vessel: 0.6,
    other: 0.6,
    person: 0.45,
    document: 0.4,
    place: 0.15,
  },
  date: {
    event: 1,
    document: 1,
    organisation: 0.95,
    state: 0.95,
    'armed-force': 0.95,
    group: 0.9,
    vessel: 0.9,
    person: 0.85,
    other: 0.8,
    place: 0.3,
  },
};

const GOVERNED =
  /\b(?:in|at|to|from|into|near|across|towards?|on|with|against|through|throughout|via|over|during|under|between)\s+(?:the\s+)?$/i;
const PRONOUN_START = /^\W*(?:it|its|they|their|them|he|his|she|her|this|these|those)\b/i;

export interface Carried {
  entity: Entity;
  /** What its name can also stand for (EntityMention.standIns). */
  standIns?: Entity[];
  confidence: number;
  /** The subject of the prose so far, or only the document's title (a weaker guess). */
  kind: 'topic' | 'title';
  /** The value stands in the prose, below the lines that head the text: there a name anywhere in its sentence wins over a long title. */
  inProse?: boolean;
}

export interface SubjectInput {
  text: string;
  sentenceStart: number;
  clauseStart: number;
  clauseEnd: number;
  valueStart: number;
  valueEnd: number;
  mentions: readonly EntityMention[];
  kind: ValueKind;
  carried?: Carried;
  /** Where the property's cue word is: the mention right before it is often its subject ("other Allied forces withdrew"). */
  cueStart?: number;
  /** The kinds of entity the value's property can be about (Property.subjectTypes); absent, any kind. */
  subjectTypes?: readonly Entity['type'][];
  /** Weights and windows (settings.subject); the defaults when absent. */
  settings?: SubjectSettings;
}

export interface SubjectChoice {
  entity: Entity;
  /** 0..1: how clearly the sentence points at this subject. */
  confidence: number;
  mention?: EntityMention;
  /** Entities coordinated with the chosen one ("Kolchak and Denikin"): the value is theirs too. */
  also: Entity[];
  /** Read from the sentence's grammar (noun-phrases.ts), whatever property the value is given. */
  phrase?: true;
}

export function chooseSubject(input: SubjectInput): SubjectChoice | undefined {
  let best: { entity: Entity; mention?: EntityMention } | undefined;
  let bestScore = 0;
  const antecedent = relativeAntecedent(input);
  const item = listItem(input);
  for (const mention of input.mentions) {
    const { entity, weight } = preferredEntity(input, mention.entities, mention.standIns);
    // The antecedent of the value's relative clause ("X, which was established on …") is its subject
    // however far the clause runs; otherwise the position in the sentence decides.
    let position = mention === antecedent ? 1.5 : positionWeight(input, mention);
    // In a list ("1,200 houses in Leeds, 800 houses in Bradford"), a figure is its own item's, not its neighbour's.
    if (item && !(mention.start >= item.start && mention.end <= item.end))
      position *= (input.settings ?? EXTRACT_SETTINGS.subject).otherItem;
    // The mention right before the cue verb is its subject whatever its kind ("the Maritime Provinces seceded"),
    // unless the property says it cannot be about that kind of entity.
    const type = isCueSubject(input, mention) && fits(input, entity) ? Math.max(0.8, weight) : weight;
    const score = type * position * mention.confidence;
    if (score > bestScore) {
      bestScore = score;
      best = { entity, mention };
    }
  }
  const carried = input.carried;
  if (carried) {
    // A pronoun names it; a sentence that names nothing before the value ("The culmination was …") is still about it.
    // …unless a name right before the cue verb is its subject ("in May 1921, the Maritime Provinces seceded").
    const namesNothingBefore = !input.mentions.some(
      (m) => (m.start >= input.sentenceStart && m.end <= input.valueStart && !isGoverned(input, m)) || isCueSubject(input, m),
    );
    // The document's title is a last resort: a name in the value's own sentence ("… 53.5 million people in England",
    // "The population of the UK was … 63.7 million …, up from … 63.3 million") is what the sentence is about, however
    // weak its own weight ("Statistical Bulletin - Office for National Statistics" is no subject of it).
    const clauseNames =
      carried.kind === 'title' &&
      isLongTitle(carried.entity, input.settings) &&
      input.mentions.some(
        (m) =>
          m.start >= (carried.inProse ? input.sentenceStart : input.clauseStart) &&
          m.end <= input.clauseEnd &&
          m.entities[0] !== carried.entity,
      );
    const weight = pronounSubject(input)
      ? 0.8
      : namesNothingBefore && carried.kind === 'topic'
        ? 0.55
        : clauseNames
          ? 0.3 * (input.settings ?? EXTRACT_SETTINGS.subject).titleBesideName
          : 0.3;
    const chosen = preferredEntity(input, [carried.entity], carried.standIns);
    const score = chosen.weight * weight * carried.confidence;
    if (clauseNames && best) {
      // A name in the clause wins over the title, whatever its weight (the confidence says how weak it is).
    } else if (score > bestScore) {
      bestScore = score;
      best = { entity: chosen.entity };
    }
  }
  if (!best) return undefined;
  const also = best.mention ? coordinated(input, best.mention, best.entity) : [];
  return { entity: best.entity, mention: best.mention, confidence: Math.min(1, 0.1 + 1.1 * bestScore), also };
}

/** A title of many words ("Statistical Bulletin - Office for National Statistics", a paper's title) names a document, not what its figures are about. */
export function isLongTitle(entity: Entity, settings?: SubjectSettings): boolean {
  return entity.label.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= (settings ?? EXTRACT_SETTINGS.subject).titleDocumentWords;
}

/**
 * The list item a value stands in: the stretch of its clause between the commas around it, when a
 * neighbouring stretch states a figure too ("… 1,200 houses in Leeds, 800 houses in Bradford, and 650 …")
 * and the item names something of its own. Undefined outside lists ("Smith, 45, was elected").
 */
function listItem(input: SubjectInput): { start: number; end: number } | undefined {
  // Counts are listed item by item; a date between commas is more often a clause's time than a list's item.
  if (input.kind !== 'quantity') return undefined;
  const text = input.text;
  const separator = /,\s+(?:and\s+)?|;\s*/g;
  const seps = [...text.slice(input.sentenceStart, input.valueStart).matchAll(separator)].map((m) => ({
    start: input.sentenceStart + m.index,
    end: input.sentenceStart + m.index + m[0].length,
  }));
  const last = seps[seps.length - 1];
  const start = Math.max(input.clauseStart, last?.end ?? input.sentenceStart);
  separator.lastIndex = 0;
  const after = text.slice(input.valueEnd, input.clauseEnd);
  const next = separator.exec(after);
  const end = next ? input.valueEnd + next.index : input.clauseEnd;
  // The neighbouring items, right before and right after, state a figure too.
  const figure = /\d/;
  const previousItem = last ? text.slice(seps[seps.length - 2]?.end ?? input.sentenceStart, last.start) : '';
  const nextItem = next ? after.slice(next.index + next[0].length).split(/,\s|;/)[0]! : '';
  if (!figure.test(previousItem) && !figure.test(nextItem)) return undefined;
  if (!input.mentions.some((m) => m.start >= start && m.end <= end)) return undefined;
  return { start, end };
}

/** Whether the value's property can be about this kind of entity (any kind when it declares none). */
function fits(input: SubjectInput, entity: Entity): boolean {
  return !input.subjectTypes || input.subjectTypes.includes(entity.type);
}

/** How well an entity's kind suits the value: a kind the property declares fits fully; else the prior by value kind, and less for a misfit. */
function kindWeight(input: SubjectInput, entity: Entity): number {
  const prior = TYPE_WEIGHT[input.kind][entity.type];
  if (!input.subjectTypes) return prior;
  return input.subjectTypes.includes(entity.type) ? 1 : prior * (input.settings ?? EXTRACT_SETTINGS.subject).misfit;
}

/**
 * A shared alias names several entities, and a name can stand for others ("the Japanese" for Japan,
 * Japan for its troops): take the one whose kind suits the value. A stand-in is read only for the
 * first (most usual) kind a property declares: Japan's withdrawal is its troops', but Japan's part in
 * a war "from 1914 to 1918" is not the start and end of its expeditionary force.
 */
function preferredEntity(
  input: SubjectInput,
  entities: readonly Entity[],
  standIns: readonly Entity[] | undefined,
): { entity: Entity; weight: number } {
  let entity = entities[0]!;
  let weight = kindWeight(input, entity);
  for (const e of entities) {
    const w = kindWeight(input, e);
    if (w > weight) [entity, weight] = [e, w];
  }
  if (input.subjectTypes && standIns) {
    for (const e of standIns) {
      if (e.type !== input.subjectTypes[0]) continue;
      const w = kindWeight(input, e) * (input.settings ?? EXTRACT_SETTINGS.subject).standIn;
      if (w > weight) [entity, weight] = [e, w];
    }
  }
  return { entity, weight };
}

/** Nouns after which "of X" still names what is counted ("the number of Japanese soldiers"). */
const QUANTIFYING_OF = /\b(?:number|total|majority|most|many|some|all|each|one|none|part|rest|remnants?)\s+of\s+(?:the\s+)?$/i;

/** What the words before a mention say about it, the same for every value of the sentence: worked out once. */
interface MentionFacts {
  governed: boolean;
  genitive: boolean;
  example: boolean;
}

const factsOf = new WeakMap<EntityMention, MentionFacts>();

function facts(input: SubjectInput, mention: EntityMention): MentionFacts {
  let f = factsOf.get(mention);
  if (!f) {
    const before = input.text.slice(Math.max(input.sentenceStart, mention.start - 80), mention.start);
    f = {
      governed: GOVERNED.test(before) || /\bbetween\s+[^,;()]{0,60}\band\s+(?:the\s+)?$/i.test(before),
      genitive: /\bof\s+(?:the\s+)?$/i.test(before) && !QUANTIFYING_OF.test(before),
      example: /\bsuch as\b[^;:()]{0,50}$/i.test(before),
    };
    factsOf.set(mention, f);
  }
  return f;
}

function positionWeight(input: SubjectInput, mention: EntityMention): number {
  const inClause = mention.start >= input.clauseStart && mention.end <= input.clauseEnd;
  let w: number;
  if (mention.end <= input.valueStart) w = 1 / (1 + (input.valueStart - mention.end) / (input.settings ?? EXTRACT_SETTINGS.subject).window);
  else if (mention.start >= input.valueEnd) w = 0.45 / (1 + (mention.start - input.valueEnd) / 40);
  else w = 0.9; // the value sits inside the mention's span (rare: "Force of 1918")
  // "On 15 November 1922, after …, the Far Eastern Republic was annexed": a value fronted before the
  // main clause belongs to its predicate, whose subject is the name right before the cue verb.
  const fronted =
    mention.start >= input.valueEnd &&
    isCueSubject(input, mention) &&
    /^\W*(?:\w+\W+)?$/.test(input.text.slice(input.sentenceStart, input.valueStart));
  if (fronted) w = 1 / (1 + (mention.start - input.valueEnd) / 150);
  else if (!inClause) w *= 0.4;
  const known = facts(input, mention);
  // "the Russian Civil War of 1917–1922", "the Nikolayevsk incident of 1920": the value belongs to the name;
  // so does the value of a cue the name contains ("the Nikolayevsk incident in 1920").
  const owns = /^\s+of\s+(?:about\s+|some\s+)?$/.test(input.text.slice(mention.end, input.valueStart));
  const containsCue = input.cueStart !== undefined && mention.start <= input.cueStart && input.cueStart < mention.end;
  if (owns) w *= 2;
  else if (!containsCue && known.governed) w *= 0.45;
  else if (known.genitive) w *= 0.7; // "the history of Japan"
  if (known.example) w *= 0.5; // examples, not the subject
  if (mention.end <= input.valueStart && isPossessor(input, mention)) w *= 1.6;
  // The mention right before the cue is its subject ("other Allied forces withdrew"); a mention
  // containing the cue is named by it ("the Nikolayevsk incident in 1920").
  if (containsCue) w *= 1.5;
  else if (isCueSubject(input, mention)) w *= 1.6;
  // "The French munitions ship Mont-Blanc": a name qualifying the phrase's head is not what the phrase names.
  if (isModifier(input.text, mention, input.mentions)) return w * (input.settings ?? EXTRACT_SETTINGS.subject).modifier;
  // "The Oscar Faber report … concluded that … 115,000 vehicles might cross": who reports is a source, not the figure's subject.
  if (reportsValue(input, mention)) return w * (input.settings ?? EXTRACT_SETTINGS.subject).reporter;
  if (isSentenceSubject(input, mention)) w += 0.5;
  return w;
}

/**
 * A name followed, within one noun phrase, by lower-case words and another name ("The French munitions
 * ship Mont-Blanc", "the Massachusetts relief train Halifax"): it qualifies the later name, the head.
 */
export function isModifier(
  text: string,
  mention: { start: number; end: number },
  mentions: readonly { start: number; end: number }[],
): boolean {
  const next = mentions.find((m) => m.start >= mention.end);
  if (!next || next.start - mention.end > 40) return false;
  // Inside one noun phrase: a determiner opens it ("Japan occupies northern Sakhalin" is a clause, not a phrase).
  const determiner = /\b(?:the|a|an|this|that|its|their|his|her|our)\s+$/i;
  if (
    !determiner.test(text.slice(Math.max(0, mention.start - 8), mention.start)) &&
    !/^(?:the|a|an)\s/i.test(text.slice(mention.start, mention.end))
  )
    return false;
  const between = text.slice(mention.end, next.start);
  return (
    /^(?:[ \t]+\p{Ll}[\p{Ll}-]*){1,3}[ \t]+$/u.test(between) &&
    !/(?:ing|ed)\b/.test(between) &&
    !/\b(?:and|or|of|in|at|to|from|by|with|for|on|as|than|that|which|who|the|a|an|was|were|is|are|had|has|have)\b/.test(between) &&
    !between
      .trim()
      .split(/\s+/)
      .some((w) => REPORTING.has(w) || AUXILIARIES.has(w) || isPastVerb(w))
  );
}

/** The mention is the subject of a reporting verb ("concluded that …") whose report, with a subject of its own, holds the value. */
function reportsValue(input: SubjectInput, mention: EntityMention): boolean {
  if (mention.end > input.valueStart) return false;
  const between = input.text.slice(mention.end, input.valueStart);
  // "… announced that it would withdraw by October": the report is about the reporter itself.
  const m = /^[^.;:]{0,80}?\b(\p{Ll}+)\s+that\s+(?!(?:it|they|he|she|we|its|their|his|her)\b)/u.exec(between);
  return m !== null && REPORTING.has(m[1]!);
}

/** Governed by a preposition ("in Vladivostok"), also as the second of a pair ("between the guerrillas and the Japanese"). */
function isGoverned(input: SubjectInput, mention: EntityMention): boolean {
  return facts(input, mention).governed;
}

function isCueSubject(input: SubjectInput, mention: EntityMention): boolean {
  return (
    input.cueStart !== undefined &&
    mention.end <= input.cueStart &&
    /^["”’'\s,]*(?:\w+\s+)?$/.test(input.text.slice(mention.end, input.cueStart))
  );
}

/** "Kolchak until his defeat … in 1920": the person a "his"/"her" before the value refers to. */
function isPossessor(input: SubjectInput, mention: EntityMention): boolean {
  if (!mention.entities.some((e) => e.type === 'person')) return false;
  const between = input.text.slice(mention.end, input.valueStart);
  if (!/\b(?:his|her)\b/i.test(between)) return false;
  return !input.mentions.some(
    (m) => m !== mention && m.start >= mention.end && m.end <= input.valueStart && m.entities.some((e) => e.type === 'person'),
  );
}

/** "the Far Eastern Republic (FER), which was established on April 6": the mention a relative clause hangs on. */
function relativeAntecedent(input: SubjectInput): EntityMention | undefined {
  let found: EntityMention | undefined;
  for (const m of input.mentions) {
    if (m.end > input.valueStart) break;
    const after = input.text.slice(m.end, Math.min(input.valueStart, m.end + 40));
    if (!/^\s*(?:\([^()]*\)\s*)?,\s*(?:which|who|whose)\b/i.test(after)) continue;
    // "an army during the Russian Civil War, which fought …": after a preposition the clause may hang higher up.
    const before = input.text.slice(Math.max(input.sentenceStart, m.start - 30), m.start);
    found = GOVERNED.test(before) ? undefined : m;
  }
  return found;
}

/** "They", "it", "he" as the subject of the value's clause: the carried subject is meant. */
function pronounSubject(input: SubjectInput): boolean {
  const opening = input.text.slice(input.sentenceStart, input.sentenceStart + 12);
  if (PRONOUN_START.test(opening)) return true;
  const clause = input.text.slice(input.clauseStart, input.valueStart);
  const m = /(?:^|[,;]\s*)(?:they|it|he|she)\b(?![\s\S]*\b(?:they|it|he|she)\b)/i.exec(clause);
  if (!m) return false;
  const at = input.clauseStart + m.index;
  return !input.mentions.some((x) => x.start >= at && x.end <= input.valueStart);
}

/** The mention opens the sentence or the value's clause, possibly after an introductory phrase ("By October 1918, ..."). */
function isSentenceSubject(input: SubjectInput, mention: EntityMention): boolean {
  if (mention.start > input.valueStart) return false;
  return opens(input.text, input.sentenceStart, mention) || opens(input.text, input.clauseStart, mention);
}

function opens(text: string, from: number, mention: EntityMention): boolean {
  if (mention.start < from || mention.start - from > 48) return false;
  const lead = text.slice(from, mention.start);
  // "Tbe", "Thc": how OCR reads "The".
  return /^\W*(?:t[hb][eco]\s+)?$/i.test(lead) || /^[^,]{0,40},\s*(?:t[hb][eco]\s+)?$/i.test(lead);
}

/** Entities joined to the chosen mention by "and" or commas, of the same kind. */
function coordinated(input: SubjectInput, chosen: EntityMention, entity: Entity): Entity[] {
  const out: Entity[] = [];
  const index = input.mentions.indexOf(chosen);
  const join = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$/;
  for (let i = index - 1; i >= 0; i--) {
    const m = input.mentions[i]!;
    const next = input.mentions[i + 1]!;
    const e = m.entities.find((x) => x.type === entity.type);
    if (!e || !join.test(input.text.slice(m.end, next.start))) break;
    if (e !== entity && !out.includes(e)) out.push(e);
  }
  for (let i = index + 1; i < input.mentions.length; i++) {
    const m = input.mentions[i]!;
    const previous = input.mentions[i - 1]!;
    const e = m.entities.find((x) => x.type === entity.type);
    if (!e || m.start > input.valueStart || !join.test(input.text.slice(previous.end, m.start))) break;
    if (e !== entity && !out.includes(e)) out.push(e);
  }
  return out;
}

/** The place a value is located at: a place mention governed by "in"/"at"/"from"/"left" in its clause. */
export function placeOf(input: SubjectInput, subject: Entity | undefined): Entity | undefined {
  let best: Entity | undefined;
  let bestDistance = Infinity;
  for (const mention of input.mentions) {
    const entity = mention.entities.find((e) => e.type === 'place');
    if (!entity || entity === subject || mention.start < input.clauseStart || mention.end > input.clauseEnd) continue;
    const before = input.text.slice(Math.max(input.clauseStart, mention.start - 24), mention.start);
    if (
      !/\b(?:in|at|to|from|into|near|left|reached|throughout|across)\s+(?:the\s+)?(?:(?:port|city|town|region|area|vicinity)\s+of\s+(?:the\s+)?)?$/i.test(
        before,
      )
    )
      continue;
    const distance = Math.abs(mention.start - input.valueStart);
    if (distance < bestDistance && distance < 80) {
      best = entity;
      bestDistance = distance;
    }
  }
  return best;
}
