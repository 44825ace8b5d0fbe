// Orchestration: markers and the reference list first (so "[4]" is never a number), a masked copy of
// the text with the same offsets, sentences, then per sentence entity mentions, dates, figures and
// their claims; carried context (the year last named, the subject last talked about) flows forward.
import type { Citation, Claim, Entity } from '../core/schema-types.js';
import { findDates, type DateMention } from './dates.js';
import { dateClaims } from './date-claims.js';
import type { Draft, SentenceContext } from './draft.js';
import { buildEntityIndex, findMentions, nationOf, type EntityIndex, type EntityMention } from './entities.js';
import { PropertyProposals } from './open.js';
import { citationsOf, findMarkers, maskSpans, type Marker } from './footnotes.js';
import { buildPropertyIndex, sentenceWords, type PropertyIndex, type SentenceWords } from './properties.js';
import { readInfobox, type InfoboxCell } from './infobox.js';
import { cachedBuild, entitiesKey, propertiesKey } from './index-cache.js';
import { readAsDisplayed } from './invisible.js';
import { ProposalCollector, SurnameIndex, nameSpans, type NameSpan } from './proposals.js';
import { DefiniteReferences } from './anaphora.js';
import { quantityClaims } from './quantity-claims.js';
import { findReferenceList } from './references.js';
import { hardWrappedBreaks, pageApparatus } from './layout.js';
import { openingTitle, pageFurniture, type PageFurniture } from './furniture.js';
import { containment } from './spans.js';
import { figureHeadline, garbled, notAName } from './name-plausibility.js';
import { FUNCTION_WORDS, NEVER_NAME_WORDS, REPORTING, TEMPORAL_WORDS } from './words.js';
import { FUTURE_WORDS } from './units.js';
import { notFigureSpans, overlapsAny } from './not-figures.js';
import { resolveExtractSettings, type ExtractSettings, type ExtractSettingsInput, type SubjectSettings } from './settings.js';
import { clauseIn, clauseStructure, splitSentences, type ClauseStructure, type Sentence } from './sentences.js';
import { isLongTitle, isModifier, type Carried, type SubjectChoice } from './subjects.js';
import { NAMED_COMPLEMENT, PEOPLE_HEADS, headlineSubject, isMeasure, mentionIn, subjectPhrase, type PhraseInput } from './noun-phrases.js';
import type { ExtractContext, ExtractionResult } from './types.js';
import { tokenize, type Token } from './tokens.js';

export interface ExtractOptions {
  /** Called as sentences are read: characters done and the text length. */
  onProgress?: (done: number, total: number) => void;
  /** Claims below this confidence are left out (default settings.confidence.minClaim, 0.5; candidates under a proposed property: minProposedClaim, 0.35); 0 keeps every candidate. */
  minConfidence?: number;
  /** Proposed entities below this confidence are left out (default 0.4). */
  minProposalConfidence?: number;
  /** Overrides of the weights, windows and thresholds (settings.ts); validated, unknown names refused. */
  settings?: ExtractSettingsInput;
}

const MARKUP = /<\/?[A-Za-z][^<>\n]{0,300}>/g;
/** Image file names left in captured pages ("War flag of the Imperial Japanese Army (1868-1945).svg"). */
const FILE_EXTENSION = /\.(?:svg|png|jpe?g|gif|tiff?|webp)\b/gi;
const PROGRESS_EVERY = 64 * 1024;

/** Reads the text as displayed (invisible characters and bidi overrides: invisible.ts); quotes keep the original's offsets. */
export function extractClaims(text: string, context: ExtractContext, options: ExtractOptions = {}): ExtractionResult {
  return readAsDisplayed(text, context.references !== undefined, (shown) => extractShown(shown, context, options));
}

function extractShown(text: string, context: ExtractContext, options: ExtractOptions): ExtractionResult {
  const settings = resolveExtractSettings(options.settings);
  const warnings: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(context.sourceId))
    warnings.push(`source id ${JSON.stringify(context.sourceId)} is not a valid id: claim ids made from it will not validate`);
  const list = findReferenceList(text);
  const references = context.references ?? list.references;
  const maxRef = references.length > 0 ? Math.max(...references.map((r) => r.number)) : undefined;
  const markers = findMarkers(text, { maxRef: maxRef ?? 300 });
  if (maxRef !== undefined) {
    const known = new Set(references.map((r) => r.number));
    const unknown = [...new Set(markers.flatMap((m) => m.refs).filter((r) => !known.has(r)))];
    if (unknown.length > 0) warnings.push(`footnote markers cite references missing from the list: ${unknown.join(', ')}`);
  }
  const spansOf = (re: RegExp) => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const blanks: { start: number; end: number }[] = [...markers, ...spansOf(MARKUP), ...fileNames(text)];
  if (list.end > list.start) blanks.push({ start: list.start, end: list.end });
  // Running heads, page numbers and footnote paragraphs are the page's apparatus, not statements.
  blanks.push(...pageApparatus(text, markers, settings));
  // Menus, links, timestamps and labels of a captured page (furniture.ts): masked, or at least never names.
  const furniture = pageFurniture(text, settings.furniture);
  blanks.push(...furniture.masked);
  const masked = maskSpans(text, blanks);
  const inFurniture = containment(furniture.noNames);
  const inCaseless = containment(furniture.caseless);
  const sentences = splitSentences(masked, 0, masked.length, hardWrappedBreaks(masked, settings));
  const headerEnd = proseStart(masked);

  // Built once per distinct vocabulary and entity list, not per text (index-cache.ts): read-only from here on.
  const entityIndex = cachedBuild('entity-index', context.entities, entitiesKey, () => buildEntityIndex(context.entities));
  const properties = cachedBuild('property-index', context.properties, propertiesKey, () => buildPropertyIndex(context.properties));
  const cells = readInfobox(text, masked, entityIndex, properties);
  const proposals = new ProposalCollector(
    context.sourceId,
    context.entities.map((e) => e.id),
  );
  const open = new PropertyProposals(context.sourceId, context.properties);
  const surnames = cachedBuild('surnames', context.entities, entitiesKey, () => new SurnameIndex(context.entities));
  /** "the bridge" after "the Humber Bridge" (anaphora.ts). */
  const definites = new DefiniteReferences();
  /**
   * Words the text has written in lower case so far (gathered from each sentence's tokens as it is read: a
   * second pass over a 5 MB text costs more than it saves): common words, not names, when capitalised.
   */
  const lowerWords = new Set<string>();
  const common = (word: string) => lowerWords.has(word);
  const drafts: Draft[] = [];
  /** Drafts read from lines without a full stop (headings, captions, infobox rows). */
  const inLine = new Set<Draft>();
  const lineStarts: number[] = [];
  const state = new Carry(settings.subject.paragraphDecay, settings.subject);
  /** Looked for once, and only when a day with no year comes before any year (see openingYear). */
  let opening: number | null | undefined;
  let reported = 0;
  /** Sentences read before anything was named, to read again with the first subject named after them. */
  const awaiting: ((carried: Carried) => Draft[])[] = [];

  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const nextStart = sentences[i + 1]?.start ?? text.length;
    const tokens = tokenize(masked.slice(sentence.start, sentence.end), sentence.start);
    for (const t of tokens) if (!t.capital && t.text.length > 2) lowerWords.add(t.text);
    // A sound-alike of a known name (an OCR misreading, "Forcs" for "Force") is not one when the text writes the
    // word in lower case somewhere ("the South Fork Dam … the south fork"): a common word, not a misread name.
    const mentions = findMentions(entityIndex, masked, tokens, properties.countWords).filter(
      (m) =>
        m.via !== 'phonetic' ||
        !(FUNCTION_SET.has(masked.slice(m.start, m.end).toLowerCase()) || writtenLower(masked, masked.slice(m.start, m.end), lowerWords)),
    );
    const covered = coveredTokens(tokens, mentions);
    // OCR garbage names nothing; nor does a run of common words in a heading, menu or row (name-plausibility.ts).
    const spans = garbled(tokens, settings.names) ? [] : nameSpans(masked, tokens, covered, common);
    for (const span of spans) {
      if (
        inFurniture(span.start, span.end) ||
        notAName(span, inCaseless(span.start, span.end), masked.slice(span.end, span.end + 8), settings.names)
      )
        continue;
      // "Maj.-Gen. J. H. Elmsley", "General Otani": titles and initials stripped, the surname of a known person.
      const known = span.type === 'person' || !/\s/.test(span.text) ? surnames.match(span.text) : undefined;
      if (known) {
        mentions.push({ start: span.start, end: span.end, entities: [known], confidence: 0.8, via: 'alias' });
        continue;
      }
      // "the Johnstown Flood (also known as the Great Flood of 1889)", "X, or Y,": a second name of the one just proposed.
      const apposed = apposedTo(masked, span, mentions);
      const alias = apposed ? proposals.addAlias(apposed.entities[0]!, span.text) : undefined;
      if (alias) {
        mentions.push({ start: span.start, end: span.end, entities: [alias.entity], confidence: apposed!.confidence, via: 'alias' });
        continue;
      }
      const { entity, confidence } = proposals.add(span);
      const mention: EntityMention = { start: span.start, end: span.end, entities: [entity], confidence: 0.6 * confidence, via: 'alias' };
      // "the Canadian Government" can stand for the Canadian force the graph knows, as a known state's name does.
      const force = /\s/.test(span.text) ? nationOf(entityIndex, span.text.split(/\s+/)[0]!) : undefined;
      if (force) mention.standIns = [force];
      mentions.push(mention);
    }
    mentions.push(...definites.read(masked, tokens, mentions));
    mentions.sort((a, b) => a.start - b.start);
    // A clause in the text's future ("businesses are likely to face … in January") dates its year-less months by the
    // document's own date, when that is later than the year the narrative last named ("the worst since 2009").
    const sentenceYear =
      state.year !== undefined &&
      FUTURE_CLAUSE.test(masked.slice(sentence.start, sentence.end)) &&
      (opening ??= openingYear(text) ?? null) !== null
        ? Math.max(state.year, opening)
        : state.year;
    let dates = shift(findDates(masked.slice(sentence.start, sentence.end), sentenceYear, state.month), sentence.start);
    // A dateline or header day with no year before it ("LONDON, March 3 —", "Friday, October 6") takes the first
    // year the opening of the text names (its own furniture included: a release date, a page's timestamp).
    if (state.year === undefined && dates.some((d) => d.unresolved) && (opening ??= openingYear(text) ?? null) !== null) {
      state.year = opening;
      dates = shift(findDates(masked.slice(sentence.start, sentence.end), state.year, state.month), sentence.start);
    }
    state.enter(sentence, mentions, masked);
    // A text that opens with a heading naming nothing known ("REPORT ON THE EXPLOSION AT THE UNIVERSAL
    // COLLIERY, SENGHENYDD") is about what the heading names: a proposed entity, the last-resort subject.
    // …else the longest heading among the lines above the prose (a report's or an article's title under a
    // publisher's chrome: "The Cost of Iraq, Afghanistan, and Other Global War on Terror Operations Since 9/11").
    if (i === 0 && !state.hasTitle()) {
      const opened = openingTitle(masked, furniture, sentence, () =>
        sentence.isLine ? headingSpan(masked, sentence) : datelineSpan(masked, sentence),
      );
      // A date alone ("Monday, April 6, 2009") dates the text; it does not name it.
      const heading = opened && !dateOnly(opened.text) ? opened : headerTitle(masked, sentences, furniture, headerEnd);
      // A headline stating a figure ("60,000 ALLIED TROOPS FOR SIBERIA") names nothing the text is about.
      if (heading && !figureHeadline(heading.text)) {
        // A headline's subject is what the text is about ("Major magnitude 6.3 earthquake strikes central Italy"); a
        // title's subtitle after a colon is not part of its name ("All cause … osteoarthritis: population based cohort study").
        const headline = headlineSubject(masked, tokenize(masked.slice(heading.start, heading.end), heading.start));
        // Markup and a trailing date are no part of it ("`Mr. REID — 17 May 2007`" → "Mr. REID").
        const main = heading.text
          .replace(/:\s[\s\S]*$/, '')
          .replace(/^[`*_#=\s]+|[`*_=\s]+$/g, '')
          .replace(/\s+[—–-]+\s+[^—–]*\d[^—–]*$/, '')
          .trim();
        state.setTitle(
          headline
            ? proposals.addPhrase(masked.slice(headline.start, headline.end).replace(/\s+/g, ' '), headline.head, 'other', 0.5).entity
            : proposals.add({
                ...heading,
                text: main,
                start: heading.start + Math.max(0, heading.text.indexOf(main)),
                end: heading.start + Math.max(0, heading.text.indexOf(main)) + main.length,
              }).entity,
        );
      }
    }
    const read = (carried: Carried | undefined): Draft[] => {
      const ctx = new Context(
        text,
        masked,
        sentence,
        tokens,
        mentions,
        dates,
        properties,
        carried,
        markers,
        nextStart,
        cells,
        entityIndex,
        open,
        settings,
        proposals,
        headerEnd,
      );
      const figures = quantityClaims(ctx, context.sourceId);
      const found = [
        ...figures,
        ...dateClaims(
          ctx,
          context.sourceId,
          figures.map((f) => ({ start: f.at, end: f.at + f.claim.wording.length })),
        ),
      ];
      if (sentence.isLine) for (const d of found) inLine.add(d);
      return found;
    };
    const carried = state.carried(!sentence.isLine && sentence.start >= headerEnd);
    const found = read(carried);
    if (sentence.isLine) lineStarts.push(sentence.start);
    drafts.push(...found);
    // A text that opens on figures before naming anything ("Thirty-six grants were provided to states in three
    // categories.", "Argued February 28, 1994 Decided May 23, 1994"): those sentences are read again with the
    // first subject the text goes on to name, rather than dropped for want of one.
    if (
      found.length === 0 &&
      carried === undefined &&
      awaiting.length < settings.subject.awaitedSentences &&
      MAY_STATE_VALUE.test(masked.slice(sentence.start, sentence.end))
    )
      awaiting.push(read);
    state.leave(dates, mentions, sentence, masked);
    if (awaiting.length > 0) {
      const named = state.carried(true);
      if (named) for (const again of awaiting.splice(0)) drafts.push(...again(named));
    }
    if (options.onProgress && (sentence.end - reported >= PROGRESS_EVERY || i === sentences.length - 1)) {
      reported = sentence.end;
      options.onProgress(i === sentences.length - 1 ? text.length : sentence.end, text.length);
    }
  }
  if (sentences.length === 0) options.onProgress?.(text.length, text.length);

  const minConfidence = options.minConfidence ?? settings.confidence.minClaim;
  const minProposed = Math.min(minConfidence, settings.confidence.minProposedClaim);
  const vocabulary = new Set(context.properties.map((p) => p.id));
  const passes = (d: Draft) => (d.claim.confidence ?? 0) >= (vocabulary.has(d.claim.property) ? minConfidence : minProposed);
  const kept = withoutRestatedHeadings(drafts, inLine, lineStarts, settings.layout.restatedWithin)
    .filter(passes)
    .sort((a, b) => a.at - b.at || a.claim.property.localeCompare(b.claim.property));
  const claims: Claim[] = kept.map((d, n) => ({ ...d.claim, id: `${context.sourceId}-x${n + 1}` }));
  const { entities: proposedEntities, confidence: proposalConfidence } = proposals.results(
    options.minProposalConfidence ?? settings.confidence.minProposal,
  );
  const used = new Set(claims.map((c) => c.subject));
  const known = new Set(context.entities.map((e) => e.id));
  // A claim may stand on a low-confidence proposal: keep every proposal a kept claim refers to.
  const extra = proposals
    .results(0)
    .entities.filter((e) => used.has(e.id) && !known.has(e.id) && !proposedEntities.some((p) => p.id === e.id));
  // Only the proposed properties some kept claim states.
  const stated = new Set(claims.map((c) => c.property));
  const proposedProperties = open.results().filter((p) => stated.has(p.id));
  return { claims, proposedEntities: [...proposedEntities, ...extra], proposalConfidence, proposedProperties, references, warnings };
}

/**
 * A heading that restates what the prose under it says ("Japan during World War I — Period of Japanese
 * history from 1914 to 1918", then "Japan participated in World War I from 1914 to 1918"): the same
 * subject, property and value once more is one statement, kept where the prose makes it.
 */
function withoutRestatedHeadings(
  drafts: readonly Draft[],
  inLine: ReadonlySet<Draft>,
  lineStarts: readonly number[],
  within: number,
): Draft[] {
  if (inLine.size === 0) return [...drafts];
  const key = (d: Draft) => `${d.claim.subject}|${d.claim.property}|${JSON.stringify(d.claim.value)}`;
  const prose = new Map<string, number[]>();
  for (const d of drafts) {
    if (inLine.has(d)) continue;
    const k = key(d);
    const list = prose.get(k);
    if (list) list.push(d.at);
    else prose.set(k, [d.at]);
  }
  return drafts.filter((d) => {
    if (!inLine.has(d)) return true;
    // The prose under a heading runs to the next heading (the next line without a full stop).
    let lo = 0;
    let hi = lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lineStarts[mid]! <= d.at) lo = mid + 1;
      else hi = mid;
    }
    const next = lineStarts[lo] ?? Infinity;
    const end = Math.min(d.at + within, next);
    return !(prose.get(key(d)) ?? []).some((at) => at > d.at && at < end);
  });
}

/** Words between a name and a second name for the same thing: "(also known as the", "(locally, the", ", or". */
const APPOSITION =
  /^\s*(?:\(\s*(?:(?:also|locally|formerly|commonly|popularly|sometimes|officially|originally|otherwise)\b[\s,]*(?:(?:known|called|referred\s+to)\s+(?:as\s+)?)?|(?:known|called|referred\s+to)\s+(?:as\s+)?|a\.?k\.?a\.?\s+)|,\s*(?:(?:also|locally|formerly|commonly|popularly)\s+)?(?:known\s+as|called)\s+|,\s*or\s+)(?:the\s+)?$/i;

/** The proposed name a new name is in apposition to, if any: the mention right before it, joined by APPOSITION. */
function apposedTo(masked: string, span: { start: number; end: number }, mentions: readonly EntityMention[]): EntityMention | undefined {
  let previous: EntityMention | undefined;
  for (const m of mentions) if (m.end <= span.start && (!previous || m.end > previous.end)) previous = m;
  if (!previous || previous.entities.length !== 1 || previous.entities[0]!.status !== 'proposed') return undefined;
  if (span.start - previous.end > 40) return undefined;
  const between = masked.slice(previous.end, span.start);
  if (!APPOSITION.test(between)) return undefined;
  // The second name closes the parenthesis or the commas ("… the Great Flood of 1889)", "…, or Y,").
  const after = masked.slice(span.end, span.end + 30);
  return (between.includes('(') ? /^[^()\n]{0,24}\)/ : /^\s*[,;.)]/).test(after) ? previous : undefined;
}

/** "This" opening a sentence is no misreading of a name. */
const FUNCTION_SET = new Set(FUNCTION_WORDS);
const lowerSeen = new WeakMap<object, Map<string, boolean>>();
/** Whether the text writes the word in lower case anywhere (looked up once per text and word: sound-alikes are rare). */
function writtenLower(masked: string, word: string, lowerWords: Set<string>): boolean {
  const lower = word.toLowerCase();
  if (lowerWords.has(lower)) return true;
  let seen = lowerSeen.get(lowerWords);
  if (!seen) lowerSeen.set(lowerWords, (seen = new Map()));
  let found = seen.get(lower);
  if (found === undefined) {
    found = new RegExp(`(?<![\\p{L}\\p{N}])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(masked);
    seen.set(lower, found);
  }
  return found;
}

/** The opening heading as a name span ("Marathon", "Economy of Iceland"): one to twelve words, no sentence punctuation; written in capitals, its label in title case. */
function headingSpan(masked: string, sentence: Sentence): NameSpan | undefined {
  const text = masked
    .slice(sentence.start, sentence.end)
    .trim()
    .replace(/^[=#]+\s*|\s*=+$/g, '');
  const words = text.split(/\s+/);
  if (words.length > 12 || /[.!?:;]/.test(text) || !/^\p{Lu}/u.test(text)) return undefined;
  const start = sentence.start + masked.slice(sentence.start, sentence.end).indexOf(text);
  return { start, end: start + text.length, text, type: 'other', confidence: 0.5 };
}

/** A line that is a date and nothing else ("Monday, April 6, 2009", "December 8, 2014 (RL33110)"). */
function dateOnly(line: string): boolean {
  let rest = line;
  for (const d of findDates(line).sort((a, b) => b.start - a.start)) rest = rest.slice(0, d.start) + rest.slice(d.end);
  return rest !== line && !/\p{L}{3,}/u.test(rest.replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\([^()]*\)/giu, ''));
}

/** Where the first paragraph of prose starts (fifteen words or more ending a sentence): the lines above it head the text. */
function proseStart(masked: string): number {
  const head = masked.slice(0, 20_000);
  let at = 0;
  for (const line of head.split('\n')) {
    if (/[.!?]["”’)]?\s*$/.test(line) && line.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 15) return at;
    at += line.length + 1;
  }
  return 0;
}

/** The longest heading line above the first prose line that is not the page's chrome: two to 24 words, its subtitle left out. */
function headerTitle(masked: string, sentences: readonly Sentence[], furniture: PageFurniture, end: number): NameSpan | undefined {
  const chrome = containment(furniture.noNames);
  let best: NameSpan | undefined;
  let bestWords = 1;
  let lines = 0;
  for (const sentence of sentences) {
    // A title stands at the top: among the first dozen lines.
    if (sentence.start >= end || ++lines > 12) break;
    if (!sentence.isLine) continue;
    // A headline in sentence case is kept from proposing names like the page's chrome, but is still the title.
    if (
      chrome(sentence.start, sentence.end) &&
      !headlineSubject(masked, tokenize(masked.slice(sentence.start, sentence.end), sentence.start))
    )
      continue;
    const raw = masked.slice(sentence.start, sentence.end);
    const text = raw
      .trim()
      .replace(/^[=#]+\s*|\s*=+$/g, '')
      .replace(/:\s[\s\S]*$/, '');
    // (Not a line with control characters: no name holds them.)
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text)) continue;
    const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    // Not a speaker's or a byline's name ("Mr Mike Hall (Weaver Vale) (Lab)").
    if (words > 24 || words <= bestWords || !/^[\p{Lu}\d]/u.test(text) || /[.!?]$|\(/.test(text)) continue;
    if (/^(?:mr|mrs|ms|miss|dr|sir|lord|lady|hon|rt)\b/i.test(text) || dateOnly(text)) continue;
    const start = sentence.start + raw.indexOf(text);
    best = { start, end: start + text.length, text, type: 'other', confidence: 0.5 };
    bestWords = words;
  }
  return best;
}

/** A news dateline opening the text ("HALIFAX, N.S., Dec. 8, 1917 —"): the place in capitals the report is filed from. */
function datelineSpan(masked: string, sentence: Sentence): NameSpan | undefined {
  const m = /^(\s*)(\p{Lu}{3,}(?:[ -]\p{Lu}{2,}){0,3}),/u.exec(masked.slice(sentence.start, sentence.end));
  if (!m) return undefined;
  const start = sentence.start + m[1]!.length;
  return { start, end: start + m[2]!.length, text: m[2]!, type: 'place', confidence: 0.5 };
}

/** The phrase's words of `shortest` letters or more (four unless told), lower case. */
function phraseWords(masked: string, phrase: { start: number; end: number }, shortest = 4): string[] {
  return masked
    .slice(phrase.start, phrase.end)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= shortest);
}

const topicWordsOf = new WeakMap<Entity, Set<string>>();
/** The lower-case words of an entity's names, for "the explosion" after a title naming "the Explosion at …". */
function topicWords(entity: Entity): Set<string> {
  let words = topicWordsOf.get(entity);
  if (!words) {
    words = new Set(
      [entity.label, ...entity.aliases.map((a) => a.name)]
        .flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u))
        .filter((w) => w.length > 3),
    );
    topicWordsOf.set(entity, words);
  }
  return words;
}

/** What wiki and Markdown write around a heading ("= Title =", "## Title"), or nothing. */
const HEADING_MARKUP = /^[\s=#*_`]*$/;

/** How far into the text the year a dateline leaves out is looked for. */
const OPENING = 5000;
/** A digit, or a number word: a sentence that may state a figure or a date. */
const MAY_STATE_VALUE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b/i;
const FUTURE_CLAUSE = new RegExp(`\\b(?:${FUTURE_WORDS.join('|')})\\b`, 'i');

function openingYear(text: string): number | undefined {
  const opening = text.slice(0, OPENING);
  // Not a cited work's year ("(Smith 2004)") nor a code's digits.
  const skip = notFigureSpans(opening);
  const dated = findDates(opening).find((d) => !d.inferredYear && !d.unresolved && !overlapsAny(skip, d.start, d.end));
  return dated ? Number(dated.date.value.slice(0, 4)) : undefined;
}

/** A file name runs back from its extension to the line start or the previous sentence end (at most 120 characters). */
function fileNames(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(FILE_EXTENSION)) {
    let start = m.index;
    while (start > 0 && m.index - start < 120 && !/[\n.!?]/.test(text[start - 1]!)) start--;
    out.push({ start, end: m.index + m[0].length });
  }
  return out;
}

/** Which tokens an alias mention already covers (proposals are for the rest). */
function coveredTokens(tokens: readonly { start: number; end: number }[], mentions: readonly EntityMention[]): boolean[] {
  const covered = new Array<boolean>(tokens.length).fill(false);
  let k = 0;
  for (const m of mentions) {
    if (m.via !== 'alias') continue;
    while (k < tokens.length && tokens[k]!.end <= m.start) k++;
    for (let i = k; i < tokens.length && tokens[i]!.start < m.end; i++) covered[i] = true;
  }
  return covered;
}

function shift(dates: DateMention[], by: number): DateMention[] {
  return dates.map((d) => ({ ...d, start: d.start + by, end: d.end + by }));
}

/** One sentence as the claim readers see it (a class, so that no closure is made per sentence). */
class Context implements SentenceContext {
  private stems: SentenceWords | undefined;
  private clauses: ClauseStructure | undefined;

  constructor(
    readonly text: string,
    readonly masked: string,
    readonly sentence: Sentence,
    readonly tokens: Token[],
    readonly mentions: EntityMention[],
    readonly dates: DateMention[],
    readonly properties: PropertyIndex,
    readonly carried: Carried | undefined,
    private readonly markers: readonly Marker[],
    private readonly reach: number,
    private readonly cells: readonly InfoboxCell[],
    private readonly entityIndex: EntityIndex,
    readonly open: PropertyProposals,
    readonly settings: ExtractSettings,
    private readonly proposals: ProposalCollector,
    readonly headerEnd: number,
  ) {}

  phraseSubject(
    input: Omit<PhraseInput, 'text' | 'tokens' | 'sentenceStart'> & { subjectTypes?: readonly Entity['type'][] },
    mentionsChoice: () => SubjectChoice | undefined,
  ): SubjectChoice | undefined {
    const phrase = subjectPhrase({ ...input, text: this.masked, tokens: this.tokens, sentenceStart: this.sentence.start });
    // "$484 million today", "the current targets", "$85 billion worth of bonds": a word of time or qualification heads no subject.
    // …nor does a number word or a month alone ("Sixty per cent were male").
    // …nor a phrase the value itself is part of ("The nineteen point upward adjustment resulted from …").
    if (
      !phrase ||
      (phrase.start < input.valueEnd && input.valueStart < phrase.end) ||
      TEMPORAL_WORDS.has(phrase.head) ||
      phraseWords(this.masked, phrase, 1).every((w) => NEVER_NAME_WORDS.has(w) || TEMPORAL_WORDS.has(w))
    )
      return mentionsChoice();
    const s = this.settings.subject;
    // The clause's subject phrase is a weaker reading than a preposition's or an owner's object: the mentions'
    // weights keep a clear choice of their own.
    const weak = phrase.rule === 'clause-subject';
    const clear = () => {
      const alt = weak ? mentionsChoice() : undefined;
      return alt && alt.confidence >= s.phraseOverride ? alt : undefined;
    };
    // "The manager, Mr. Edward Shaw, was convicted": a name in apposition names the phrase.
    const apposed = this.mentions.find(
      (m) =>
        /^,\s*(?:[\p{Lu}][\p{L}.]*\s+)?$/u.test(this.masked.slice(phrase.end, m.start)) &&
        m.start - phrase.end < 16 &&
        /^\s*,/.test(this.masked.slice(m.end, m.end + 3)),
    );
    // "the administration of Prime Minister Terauchi agreed to send 12,000 troops": the name the phrase is of or in.
    const complement = weak
      ? this.mentions.find((m) => m.start > phrase.end && NAMED_COMPLEMENT.test(this.masked.slice(phrase.end, m.start)))
      : undefined;
    // A name covering the phrase's words ("the Humber Bridge" read as a phrase "Humber Bridge"): the name.
    const mention =
      mentionIn(phrase, this.mentions) ??
      apposed ??
      complement ??
      this.mentions.find((m) => m.start <= phrase.start && phrase.end <= m.end);
    // A name of a kind the property cannot be about ("General Otani … had some 72,000 troops"): the mentions' weights decide.
    // (A proposed name of no known kind may be of any.)
    const unknownKind = (e: Entity) => e.status === 'proposed' && e.type === 'other';
    if (mention && input.subjectTypes && !mention.entities.some((e) => unknownKind(e) || input.subjectTypes!.includes(e.type)))
      return mentionsChoice();
    if (mention)
      return (
        clear() ?? {
          entity: mention.entities[0]!,
          confidence: Math.min(s.phraseName, Math.max(s.phraseName * 0.8, mention.confidence)),
          mention,
          also: [],
          phrase: true,
        }
      );
    // A thing of a kind the vocabulary's property cannot be about ("The colliery company employed 1,700 men" is no
    // force's strength): the subject stands, with a confidence low enough that the figure is offered under a property
    // named from its own words.
    const fit = (entity: Entity) =>
      !input.subjectTypes || input.subjectTypes.includes(entity.type) ? s.phraseCommon : s.phraseCommon * s.misfit;
    // "the explosion", "the colliery company" in a report on "the explosion at the Universal Colliery": what the text is about.
    const topic = this.carried;
    if (
      (phrase.definite || phrase.rule === 'qualified') &&
      topic &&
      phraseWords(this.masked, phrase).some((w) => topicWords(topic.entity).has(w))
    ) {
      return clear() ?? { entity: topic.entity, confidence: fit(topic.entity), also: [], phrase: true };
    }
    const alt = clear();
    if (alt) return alt;
    const words = this.text.slice(phrase.start, phrase.end).replace(/\s+/g, ' ');
    // A measure's word alone ("With a population of 30,000, it was …", "above 55 years of age") is what is measured
    // of something else: no entity of its own.
    // …nor is a phrase opened by a number word ("The nineteen point upward adjustment resulted from a thirteen point
    // adjustment"): an amount, not a thing.
    const own = phraseWords(this.masked, phrase, 1);
    if (own.every(isMeasure) || NEVER_NAME_WORDS.has(own[0] === 'the' ? (own[1] ?? '') : (own[0] ?? ''))) return mentionsChoice();
    const type = PEOPLE_HEADS.has(phrase.head) ? 'group' : 'other';
    const { entity } = this.proposals.addPhrase(words, phrase.head, type, s.phraseProposal);
    // Later sentences may call it by its head noun again ("the request").
    this.mentions.push({ start: phrase.start, end: phrase.end, entities: [entity], confidence: s.phraseProposal, via: 'alias' });
    this.mentions.sort((a, b) => a.start - b.start);
    return { entity, confidence: fit(entity), also: [], phrase: true };
  }

  nation(word: string): Entity | undefined {
    return nationOf(this.entityIndex, word);
  }

  cellAt(offset: number): InfoboxCell | undefined {
    if (this.cells.length === 0) return undefined;
    let found: InfoboxCell | undefined;
    for (const c of this.cells) if (c.start <= offset && offset < c.end && (!found || c.end - c.start < found.end - found.start)) found = c;
    return found;
  }

  get words(): SentenceWords {
    return (this.stems ??= sentenceWords(this.tokens));
  }

  clauseAt(offset: number): { start: number; end: number } {
    return clauseIn((this.clauses ??= clauseStructure(this.masked, this.sentence)), offset);
  }

  citationsAt(offset: number): Citation[] {
    return citationsAfter(this.text, this.markers, offset, this.reach);
  }
}

/** The first run of markers at or after `offset` within the sentence's reach: the statement's citations. */
function citationsAfter(text: string, markers: readonly Marker[], offset: number, limit: number): Citation[] {
  const run: Marker[] = [];
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < markers.length; i++) {
    const m = markers[i]!;
    if (m.start >= limit) break;
    const previous = run[run.length - 1];
    if (previous && !/^[\s.,;:]*$/.test(text.slice(previous.end, m.start))) break;
    run.push(m);
  }
  return citationsOf(text, run);
}

/**
 * What flows from one sentence to the next: the last year named (for "on April 6"), the subject
 * the text is talking about (for "It", "They" and for rows that name nothing), and the document's
 * title entity, the fallback for infobox rows.
 */
class Carry {
  constructor(
    private readonly decay: number,
    private readonly settings?: SubjectSettings,
  ) {}

  year: number | undefined;
  /** The month last named with its year ("1918-07"), for "on the 28th". */
  month: string | undefined;
  private topic: Carried | undefined;
  private title: Carried | undefined;
  private paragraph = -1;

  /** What a sentence that names nothing is about; `inProse`: the sentence stands below the lines that head the text. */
  carried(inProse = false): Carried | undefined {
    if (!inProse) return this.topic ?? this.title ?? this.lastNamed;
    // In the prose, a document's long title ("Statistical Bulletin - Office for National Statistics", a paper's title)
    // names the document, not what its figures are about: the last thing the prose named comes before it.
    if (!this.topic && this.title && this.lastNamed && isLongTitle(this.title.entity, this.settings)) return { ...this.lastNamed, inProse };
    const carried = this.topic ?? this.title ?? this.lastNamed;
    return carried && { ...carried, inProse };
  }

  /** The last thing prose named, a weak last resort: a figure in a sentence naming nothing is still offered for review with a subject. */
  private lastNamed: Carried | undefined;

  hasTitle(): boolean {
    return this.title !== undefined;
  }

  setTitle(entity: Entity): void {
    this.title = { entity, confidence: 0.5, kind: 'title' };
  }

  enter(sentence: Sentence, mentions: readonly EntityMention[], masked: string): void {
    if (sentence.paragraph !== this.paragraph && this.topic)
      this.topic = { ...this.topic, confidence: this.topic.confidence * (1 - this.decay) };
    this.paragraph = sentence.paragraph;
    if (!this.title && sentence.isLine) {
      // A heading's markup ("= Title =", "## Title") is not part of the name.
      const whole = mentions.find(
        (m) =>
          m.via === 'alias' &&
          HEADING_MARKUP.test(masked.slice(sentence.start, m.start)) &&
          HEADING_MARKUP.test(masked.slice(m.end, sentence.end)),
      );
      if (whole) this.title = { entity: whole.entities[0]!, confidence: 0.5, kind: 'title' };
    }
  }

  leave(dates: readonly DateMention[], mentions: readonly EntityMention[], sentence: Sentence, masked: string): void {
    for (const d of dates) {
      if (d.unresolved) continue;
      const last = d.until ?? d.date;
      if (!d.inferredYear) this.year = Number(last.value.slice(0, 4));
      if (last.value.length >= 7 && (last.precision === 'day' || last.precision === 'month')) this.month = last.value.slice(0, 7);
    }
    // The grammatical subject: a mention opening the sentence (after at most a short introductory phrase).
    // Captions, headings and infobox rows (lines without a full stop) do not change the topic of the prose.
    const named = mentions.findLast((m) => m.via === 'alias' && m.entities[0]!.type !== 'place');
    if (named) this.lastNamed = { entity: named.entities[0]!, confidence: 0.3, kind: 'title' };
    if (sentence.isLine) return;
    const opening = mentions.find(
      (m) =>
        m.start - sentence.start <= 48 &&
        m.via === 'alias' &&
        !isModifier(masked, m, mentions) &&
        m.entities[0]!.type !== 'place' &&
        !(m.entities[0]!.status === 'proposed' && m.entities[0]!.type === 'other') &&
        /^\W*(?:t[hb][eco]\s+)?$|^[^,]{0,40},\s*(?:t[hb][eco]\s+)?$/i.test(masked.slice(sentence.start, m.start)) &&
        // Who reports or measures ("The USGS says …", "the Institute registered the quake at …") is a source, not the topic.
        !REPORTING.has(/^\s*(\p{L}+)/u.exec(masked.slice(m.end, m.end + 30))?.[1]?.toLowerCase() ?? ''),
    );
    if (opening)
      this.topic = {
        entity: opening.entities[0]!,
        ...(opening.standIns ? { standIns: opening.standIns } : {}),
        confidence: Math.min(0.9, opening.confidence),
        kind: 'topic',
      };
  }
}
