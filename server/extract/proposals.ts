// New entities proposed for capitalised names no alias matched: a person after a title or with an
// initial, a place after "in"/"at" or named "Lake …"/"… River", an organisation, force, event or
// document by its head word. Spellings of one name (same folded key, or the same phonetic key for a
// person) become one proposal. The words below are generic English, never a subject area's vocabulary.
import type { Entity } from '../core/schema-types.js';
import { phoneticKeys } from './entities.js';
import { foldName, foldWord, stripAccents, type Token } from './tokens.js';
import {
  AUXILIARIES,
  CONNECTORS,
  REPORTING,
  DOCUMENT_HEAD,
  EVENT_HEAD,
  LABELS,
  NEVER_NAME_WORDS,
  FORCE_HEAD,
  TEMPORAL_WORDS,
  NAME_STOP as STOP,
  NOT_NAMES_ALONE,
  ORG_HEAD,
  PLACE_HEAD,
  TITLES,
  isPastVerb,
} from './words.js';

export interface NameSpan {
  start: number;
  end: number;
  text: string;
  type: Entity['type'];
  confidence: number;
  /** A title or initials mark the name as a person's ("Mr. Brown", "J. H. Elmsley"), whatever its words. */
  marked?: boolean;
}

const GAP = /^[\s.'’‐-]{0,3}$/;

/** Capitalised name spans among tokens, skipping tokens already matched to an entity (`covered[i]`). */
export function nameSpans(
  text: string,
  tokens: readonly Token[],
  covered: readonly boolean[],
  common?: (word: string) => boolean,
): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !isNameWord(tokens[i]!)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (covered[j + 1] || !joins(text, tokens[j]!, next)) break;
      if (isNameWord(next)) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      // "Baltimore and Ohio Railroad" is one name, "the Chinese Eastern Railway and Lake Khanka" two.
      // Nor "(Australian, N.Z. and Reuter.)": after a comma list's earlier items, "and" adds its last one.
      const listed =
        next.lower === 'and' && (isHead(tokens[j]!.lower) || (i > 0 && /,\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))));
      if (CONNECTORS.has(next.lower) && !listed && after && !covered[j + 2] && isNameWord(after) && joins(text, next, after)) {
        j += 2;
        continue;
      }
      break;
    }
    const span = classify(text, tokens, i, j, common);
    if (span) out.push(span);
    i = j;
  }
  return out;
}

function isHead(word: string): boolean {
  return PLACE_HEAD.has(word) || ORG_HEAD.has(word) || FORCE_HEAD.has(word) || EVENT_HEAD.has(word) || DOCUMENT_HEAD.has(word);
}

/** Two words of one name: a space or hyphen between them, or a full stop only after an initial ("G. F. Krivosheyev"). */
function joins(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return GAP.test(gap) && (!gap.includes('.') || a.text.length <= 2);
}

function isNameWord(t: Token): boolean {
  if (!t.capital) return false;
  // "§ Mr. Brotherton Does the hon. Gentleman agree": an auxiliary opens the speaker's question, it ends the name.
  // So does a sentence's first word run on after it ("§ Mr. Horam The increase …", "Mr. Horam I thought").
  if (AUXILIARIES.has(t.lower) || REPORTING.has(t.lower) || t.lower === 'the' || t.lower === 'i') return false;
  return /^\p{L}+(?:['’]\p{L}+)?$/u.test(t.text) && !(t.text.length > 5 && t.text === t.text.toUpperCase());
}

/**
 * Whether a span's words can be a name at all: not initials or abbreviations alone ("H.Q.", "C.G.S.",
 * "v"), not a common adjective alone ("Western", "White"), not words the text also writes in lower
 * case ("Staff" at a sentence start, when the text says "his staff"), unless a title or initials mark a person.
 */
function nameLike(core: readonly Token[], marked: boolean, common?: (word: string) => boolean): boolean {
  if (core.every((w) => w.text.length <= 2)) return false;
  if (marked) return true;
  if (core.length === 1 && NOT_NAMES_ALONE.has(core[0]!.lower)) return false;
  return !(common && core.every((w) => common(w.lower)));
}

function bare(w: Token): string {
  return w.lower.replace(/['’]s$/, '');
}

function classify(text: string, tokens: readonly Token[], i: number, j: number, common?: (word: string) => boolean): NameSpan | undefined {
  const words = tokens.slice(i, j + 1);
  let first = 0;
  // A title, a word that never opens a name, or a lone letter with no full stop, which is no initial ("V General Deniken": OCR noise).
  const strip = (w: Token) => STOP.has(bare(w)) || TITLES.has(bare(w)) || (w.text.length === 1 && text[w.end] !== '.');
  while (first < words.length && strip(words[first]!)) first++;
  let core = words.slice(first);
  if (core.length === 0) return undefined;
  // "Published", "Age": a field's label alone names nothing. "Results Patients with …", "Objective To examine …",
  // "Price Ten Cents" at a line's start: a section's label and its text's first word; what follows is a name
  // only as a name of its own (two words or more, no month, weekday or number word).
  if (LABELS.has(core[0]!.lower)) {
    if (core.length === 1) return undefined;
    if (!/(?:^|\n)[ \t>*•·-]*$|\(\s*$/.test(text.slice(Math.max(0, core[0]!.start - 40), core[0]!.start))) {
      // Not at a line's start: an ordinary capitalised word (kept).
    } else {
      core = core.slice(1);
      if (core.length < 2 || core.some((w) => NEVER_NAME_WORDS.has(w.lower) || STOP.has(w.lower))) return undefined;
    }
  }
  const lower = core.map((w) => w.lower);
  const head = lower[lower.length - 1]!;
  // A title then "of" ("Minister of Transport", "Bishop of London") names an office's department or see, not a person.
  const office = first > 1 && words[first - 1]!.lower === 'of' && TITLES.has(bare(words[first - 2]!));
  const titled = !office && first > 0 && words.slice(0, first).some((w) => TITLES.has(w.lower));
  const previous = i > 0 ? tokens[i - 1]!.lower : '';
  const hasInitial = /(?:^|\s)\p{Lu}\.\s*\p{Lu}/u.test(text.slice(core[0]!.start, core[core.length - 1]!.end + 1));
  let type: Entity['type'] = 'other';
  let confidence = 0.3;
  // "the Silver Jubilee bridge", "the Oscar Faber report", "the Empire hotel": a name that qualifies a
  // common noun names a thing of that noun's kind, never a person.
  const noun = headNounAfter(text, tokens, j);
  // (Not "Period of Japanese history": a heading's first word the text also writes in lower case.)
  if (noun && !titled && !hasInitial && !(common && common(lower[0]!))) {
    const kind = PLACE_HEAD.has(noun)
      ? 'place'
      : ORG_HEAD.has(noun)
        ? 'organisation'
        : FORCE_HEAD.has(noun)
          ? 'armed-force'
          : EVENT_HEAD.has(noun)
            ? 'event'
            : DOCUMENT_HEAD.has(noun)
              ? 'document'
              : undefined;
    if (kind) [type, confidence] = [kind, 0.55];
    else if (core.length >= 2) [type, confidence] = ['other', 0.45];
  }
  if (type !== 'other' || confidence > 0.3) {
    // The noun decided the kind.
  } else if (DOCUMENT_HEAD.has(lower[0]!) || lower.some((w) => DOCUMENT_HEAD.has(w) && w !== 'act' && w !== 'report'))
    [type, confidence] = ['document', 0.6];
  // "Bureau of Labor Statistics", "U.S. Department of Labor", "Army of the Potomac", "Battle of Gettysburg": the head word before "of".
  else if (headBeforeOf(lower, ORG_HEAD)) [type, confidence] = ['organisation', 0.6];
  else if (headBeforeOf(lower, FORCE_HEAD)) [type, confidence] = ['armed-force', 0.6];
  else if (headBeforeOf(lower, EVENT_HEAD)) [type, confidence] = ['event', 0.6];
  else if (EVENT_HEAD.has(head)) [type, confidence] = ['event', 0.6];
  else if (FORCE_HEAD.has(head)) [type, confidence] = ['armed-force', 0.6];
  else if (ORG_HEAD.has(head)) [type, confidence] = ['organisation', 0.6];
  else if (PLACE_HEAD.has(head) || PLACE_HEAD.has(lower[0]!)) [type, confidence] = ['place', 0.6];
  else if (titled || hasInitial) [type, confidence] = ['person', 0.65];
  else if (/^(?:in|at|near|from|to|towards|via|outside)$/.test(previous) && core.length <= 2) [type, confidence] = ['place', 0.45];
  else if (core.length >= 2 && core.length <= 3 && core.every((w) => !CONNECTORS.has(w.lower))) [type, confidence] = ['person', 0.4];
  // "Smith, 45, was elected": a capitalised word that an age or a figure in commas follows is a name, even first in its sentence.
  if (
    type === 'other' &&
    core.length === 1 &&
    core[0]!.text.length > 2 &&
    /^,\s*(?:aged\s+)?\d{1,3},/.test(text.slice(core[0]!.end, core[0]!.end + 12)) &&
    !(common && common(lower[0]!))
  )
    [type, confidence] = ['person', 0.45];
  if (type !== 'other' || confidence > 0.3) {
    // Kind decided above (a head word, a title, the noun it qualifies, an age after it).
    // One capitalised word inside a sentence that the text never writes in lower case ("In February 1920 Lenin spoke") is a name of unknown kind.
  } else if (
    core.length === 1 &&
    i + first > 0 &&
    common &&
    !common(lower[0]!) &&
    !NOT_NAMES_ALONE.has(lower[0]!) &&
    core[0]!.text.length > 2 &&
    !/(?:ese|ian|ish|can|ean|ch)$/.test(lower[0]!)
  )
    confidence = 0.35;
  else if (type === 'other') return undefined;
  if (lower.every((w) => TITLES.has(w) || STOP.has(w) || CONNECTORS.has(w))) return undefined;
  // "Sixty per cent …", "Received January", "Today": labels, months, number words and words of time name nothing.
  // (Read without a possessive ending: "in Tomorrow's Roads".)
  if (lower.map((w) => w.replace(/['’]s$/, '')).every((w) => NEVER_NAME_WORDS.has(w) || TEMPORAL_WORDS.has(w) || LABELS.has(w)))
    return undefined;
  if (
    !nameLike(
      core.filter((w) => !CONNECTORS.has(w.lower)),
      titled || (hasInitial && core[core.length - 1]!.text.length > 2),
      common,
    )
  )
    return undefined;
  // A head word alone ("War", "River", "Army") names nothing in particular.
  if (core.length === 1 && isHead(head)) return undefined;
  // "Bolinas, Calif.", "Sedalia, Mo.": an abbreviated state after a place and a comma qualifies that place.
  if (
    core.length === 1 &&
    i > 0 &&
    text[core[0]!.end] === '.' &&
    core[0]!.text.length <= 5 &&
    /\p{Lu}\p{L}*,\s*$/u.test(text.slice(Math.max(0, core[0]!.start - 30), core[0]!.start))
  )
    return undefined;
  // "Media contact:", "Internet address:": a name that a lower-case word and a colon follow is a label's first word ("Canada: 4,192" stays a name).
  if (/^[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?[ \t]*:/u.test(text.slice(core[core.length - 1]!.end, core[core.length - 1]!.end + 40)))
    return undefined;
  // "6 p.m. PDT", "0043 EDT": capitals right after a clock time are its time zone.
  if (
    core.length === 1 &&
    core[0]!.text.length <= 4 &&
    core[0]!.text === core[0]!.text.toUpperCase() &&
    /(?:\d\s*[ap]\.?m\.?|\d{1,2}:\d{2}|\b\d{4})[\s,(]*$/i.test(text.slice(Math.max(0, core[0]!.start - 12), core[0]!.start))
  )
    return undefined;
  const start = core[0]!.start;
  // "the Safety Board's full report": the name without its possessive ending.
  const end = core[core.length - 1]!.end - (/['’]s$/i.test(core[core.length - 1]!.text) ? 2 : 0);
  const span: NameSpan = { start, end, text: text.slice(start, end), type, confidence };
  if (titled || hasInitial) span.marked = true;
  return span;
}

function headBeforeOf(lower: readonly string[], heads: ReadonlySet<string>): boolean {
  return lower.some((w, k) => lower[k + 1] === 'of' && heads.has(w));
}

/**
 * The common noun a name qualifies ("Silver Jubilee bridge", "Oscar Faber report"): the lower-case word
 * right after it, when that word is no function word, auxiliary, participle, "-ing" form or adverb.
 */
function headNounAfter(text: string, tokens: readonly Token[], j: number): string | undefined {
  const next = tokens[j + 1];
  if (!next || next.capital || !/^[ \t]+$/.test(text.slice(tokens[j]!.end, next.start))) return undefined;
  const w = next.lower;
  if (w.length < 3 || STOP.has(w) || CONNECTORS.has(w) || AUXILIARIES.has(w) || isPastVerb(w) || /(?:ing|ly)$/.test(w)) return undefined;
  // A verb in the present ("Smith says", "Lee takes") ends in -s after a singular name: only a plural-free noun counts.
  if (/[^s]s$/.test(w)) return undefined;
  return w;
}

interface Proposal {
  entity: Entity;
  confidence: number;
  count: number;
  keys: string[];
}

/** Gathers name spans across a text into proposed entities with stable ids. */
export class ProposalCollector {
  private readonly byKey = new Map<string, Proposal>();
  private readonly ordered: Proposal[] = [];
  private readonly taken: Set<string>;

  constructor(
    private readonly sourceId: string,
    existingIds: Iterable<string>,
  ) {
    this.taken = new Set(existingIds);
  }

  /** Records a name and returns its proposal, merged with earlier spellings. */
  add(span: NameSpan): { entity: Entity; confidence: number } {
    const key = foldName(span.text);
    const surname = span.text
      .split(/[\s.]+/)
      .filter(Boolean)
      .pop()!;
    // A person's spellings sound alike in the surname and share the first initial ("Semenov"/"Semyonov", "J. H. Elmsley"/"James H.
    // Elmsley"); "Ashton Mill" and "Brook Mill" are two.
    const sound = span.type === 'person' ? phoneticKeys(surname).map((k) => `${span.type}:${key[0]}:${k}:${key.split(' ').length}`) : [];
    // "J. H. Elmsley", then "Elmsley": one person, found by the surname an earlier proposal ends with.
    const single = !/\s/.test(span.text.trim());
    const sameSurname = span.type === 'person' || single ? this.byKey.get(`surname:${foldWord(surname)}`) : undefined;
    // …unless both give a first name or initial and these differ ("Ashton Mill", then "Brook Mill").
    const bySurname = sameSurname && (single || foldName(sameSurname.entity.label)[0] === key[0]) ? sameSurname : undefined;
    let proposal = this.byKey.get(key) ?? sound.map((k) => this.byKey.get(k)).find(Boolean) ?? bySurname;
    if (!proposal) {
      const entity: Entity = {
        id: this.freshId(span.text),
        type: span.type,
        label: span.text,
        status: 'proposed',
        aliases: [{ name: span.text, kind: 'label', sources: [this.sourceId] }],
      };
      proposal = { entity, confidence: span.confidence, count: 0, keys: [] };
      this.ordered.push(proposal);
    } else if (!proposal.entity.aliases.some((a) => a.name === span.text)) {
      proposal.entity.aliases.push({ name: span.text, kind: 'spelling', sources: [this.sourceId] });
    }
    proposal.count++;
    proposal.confidence = Math.min(0.9, Math.max(proposal.confidence, span.confidence) + (proposal.count > 1 ? 0.05 : 0));
    const keys = [key, ...sound];
    if (proposal.entity.type === 'person' && span.type === 'person') keys.push(`surname:${foldWord(surname)}`);
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, proposal);
    return { entity: proposal.entity, confidence: proposal.confidence };
  }

  /**
   * A second name given in apposition to a proposed entity ("the Johnstown Flood (also known as the Great Flood of
   * 1889)", "X, or Y,"): an alias of that entity, not a new one. Undefined when the entity is not this text's proposal.
   */
  addAlias(entity: Entity, name: string): { entity: Entity; confidence: number } | undefined {
    const proposal = this.ordered.find((p) => p.entity === entity);
    if (!proposal) return undefined;
    const key = foldName(name);
    if (!this.byKey.has(key)) this.byKey.set(key, proposal);
    if (!proposal.entity.aliases.some((a) => a.name === name)) proposal.entity.aliases.push({ name, sources: [this.sourceId] });
    return { entity: proposal.entity, confidence: proposal.confidence };
  }

  /**
   * An entity named by a common-noun phrase the grammar gives as a value's subject ("participants", "FY2015 war
   * request"), with its head noun as a short name ("the request"); merged with a name or phrase of the same words.
   */
  addPhrase(phrase: string, head: string, type: Entity['type'], confidence: number): { entity: Entity; confidence: number } {
    const text = phrase.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
    const key = foldName(text);
    let proposal = this.byKey.get(key);
    if (!proposal) {
      const entity: Entity = {
        id: this.freshId(text),
        type,
        label: text,
        status: 'proposed',
        aliases: [{ name: text, kind: 'label', sources: [this.sourceId] }],
      };
      if (foldName(head) !== key) entity.aliases.push({ name: head, kind: 'short', sources: [this.sourceId] });
      proposal = { entity, confidence, count: 0, keys: [] };
      this.ordered.push(proposal);
      this.byKey.set(key, proposal);
    }
    proposal.count++;
    proposal.confidence = Math.min(0.9, Math.max(proposal.confidence, confidence) + (proposal.count > 1 ? 0.05 : 0));
    return { entity: proposal.entity, confidence: proposal.confidence };
  }

  results(minConfidence: number): { entities: Entity[]; confidence: Record<string, number> } {
    const kept = this.ordered.filter((p) => p.confidence >= minConfidence);
    for (const p of kept)
      p.entity.description = `Proposed by extraction from ${this.sourceId}: ${p.count} mention${p.count === 1 ? '' : 's'}, confidence ${p.confidence.toFixed(2)}.`;
    return {
      entities: kept.map((p) => p.entity),
      confidence: Object.fromEntries(kept.map((p) => [p.entity.id, Number(p.confidence.toFixed(2))])),
    };
  }

  private freshId(name: string): string {
    const base =
      stripAccents(name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 100) || 'entity';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** Known people by the folded last word of each of their names: "Elmsley" is James H. Elmsley when no other known person has that surname. */
export class SurnameIndex {
  private readonly bySurname = new Map<string, Entity[]>();

  constructor(entities: readonly Entity[]) {
    for (const e of entities) {
      if (e.type !== 'person' || e.status === 'rejected') continue;
      for (const name of new Set([e.label, ...e.aliases.map((a) => a.name)])) {
        const words = name.split(/[\s.]+/).filter((w) => /^\p{Lu}\p{L}{2,}/u.test(w));
        const last = words[words.length - 1];
        if (!last) continue;
        const key = foldWord(last);
        const list = this.bySurname.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        this.bySurname.set(key, list);
      }
    }
  }

  /** The one known person whose surname the name ends with. */
  match(name: string): Entity | undefined {
    const last = name
      .split(/[\s.]+/)
      .filter(Boolean)
      .pop();
    if (!last || last.length < 3) return undefined;
    const found = this.bySurname.get(foldWord(last));
    return found?.length === 1 ? found[0] : undefined;
  }
}
