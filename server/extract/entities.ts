// Entity mentions: every alias of every entity, folded (case, accents, romanisation variants), matched
// longest-first over a sentence's tokens; unmatched capitalised words fall back to a Daitch–Mokotoff
// phonetic key, which makes "Semionoff" a candidate for Semyonov at a lower confidence.
import dmModule from 'talisman/phonetics/daitch-mokotoff.js';
import type { Entity } from '../core/schema-types.js';
import { foldWord, tokenize, type Token } from './tokens.js';
import { THE as THE_WORD } from './words.js';

type Encoder = (word: string) => string[];
const dm = ((dmModule as { default?: Encoder }).default ?? dmModule) as Encoder;

export interface EntityMention {
  start: number;
  end: number;
  /** Candidate entities, best first (an alias can be shared). */
  entities: Entity[];
  confidence: number;
  via: 'alias' | 'phonetic';
  /**
   * Entities the same words can stand for when the claim's property calls for another kind of subject
   * (see subjects.ts): a people's name alone ("the Japanese") for the state, force or undertaking its
   * adjective names ("Japanese government", "Japanese troops", "Japanese intervention"); a state or
   * alliance for the armed force its adjective names ("Japanese Empire" → "Japanese troops").
   */
  standIns?: Entity[];
}

interface AliasEntry {
  entity: Entity;
  /** Which alias words are capitalised: the text must capitalise them too ("Allies" is not "allies"). */
  capitals: boolean[];
}

/** Aliases as a trie of folded words: matching walks it word by word and stops where no alias continues. */
interface AliasNode {
  next: Map<string, AliasNode>;
  /** Aliases that end at this word. */
  entries?: AliasEntry[];
}

export interface EntityIndex {
  aliases: AliasNode;
  /** Phonetic key → entities, with the folded word the key came from. */
  byPhonetic: Map<string, { entity: Entity; word: string }[]>;
  /** Lower-case words that begin an alias, as written ("the", "zaibatsu", "other"). */
  lowerStarts: Set<string>;
  /** Phonetic candidates already worked out, by word. */
  phoneticSeen: Map<string, Entity[]>;
  /** A people's adjective → the force or group whose aliases it opens ("Japanese" → "Japanese troops"). */
  demonyms: Map<string, Entity>;
  /**
   * A capitalised adjective → every entity one of whose names is that word and one noun ("Japanese
   * government", "Japanese troops", "Japanese intervention") or that word alone ("the Japanese").
   */
  kin: Map<string, Entity[]>;
  /** Entity → the adjectives that open its two-word names ("Japan" → "japanese"). */
  adjectives: Map<Entity, string[]>;
  /**
   * A nationality adjective → the entities whose names open with it, armed forces first
   * ("canadian" → Canadian Siberian Expeditionary Force, "american" → American Expeditionary Force, Siberia).
   */
  nations: Map<string, Entity[]>;
  /** The initials of a known name of two to five capitalised words ("UK" for United Kingdom, "USA" for United States of America), in capitals. */
  initials: Map<string, Entity[]>;
}

const KIND_ORDER: Entity['type'][] = [
  'armed-force',
  'group',
  'state',
  'organisation',
  'event',
  'person',
  'vessel',
  'document',
  'other',
  'place',
];
/** Endings of English nationality adjectives: "Canadian", "Japanese", "British", "Czechoslovak", "Dutch", "Thai". */
const NATIONALITY = /(?:an|ese|ish|ch|ak|ic|i)$/;

function nationsOf(entities: readonly Entity[]): Map<string, Entity[]> {
  const out = new Map<string, Entity[]>();
  for (const entity of entities) {
    if (entity.status === 'rejected') continue;
    for (const name of new Set([entity.label, ...entity.aliases.map((a) => a.name)])) {
      const tokens = tokenize(name).filter((t) => !THE.test(t.text));
      if (tokens.length < 2 || !tokens[0]!.capital || tokens[0]!.text.length < 4) continue;
      const key = foldWord(tokens[0]!.text);
      if (!NATIONALITY.test(key)) continue;
      const list = out.get(key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      out.set(key, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => KIND_ORDER.indexOf(a.type) - KIND_ORDER.indexOf(b.type));
  return out;
}

/**
 * The entity a nationality word stands for when it names what is counted ("70,000 Japanese", "8,763
 * Americans", "4,192 Canadians"): the people's force from the demonym map, else the first armed force
 * or group whose name opens with the adjective (a plural demonym read as its adjective).
 */
export function nationOf(index: EntityIndex, word: string): Entity | undefined {
  const fold = foldWord(word);
  for (const key of [fold, fold.replace(/s$/, '')]) {
    const force = index.demonyms.get(key);
    if (force) return force;
    const found = index.nations.get(key)?.find((e) => e.type === 'armed-force' || e.type === 'group');
    if (found) return found;
  }
  return undefined;
}

export function buildEntityIndex(entities: readonly Entity[]): EntityIndex {
  const aliases: AliasNode = { next: new Map() };
  const byPhonetic = new Map<string, { entity: Entity; word: string }[]>();
  const lowerStarts = new Set<string>();
  for (const entity of entities) {
    if (entity.status === 'rejected') continue;
    const names = new Set([entity.label, ...entity.aliases.map((a) => a.name)]);
    for (const name of names) {
      const tokens = tokenize(name);
      if (tokens.length === 0) continue;
      const words = tokens.map((t) => foldWord(t.text));
      // Long titles may be written with a small first letter ("the revolt of the Czechoslovak Legion").
      if (!tokens[0]!.capital || tokens.length >= 3) lowerStarts.add(tokens[0]!.text.toLowerCase());
      let node = aliases;
      for (const w of words) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = { next: new Map() }));
        node = child;
      }
      const list = (node.entries ??= []);
      const capitals = tokens.map((t) => t.capital);
      const same = list.find((e) => e.entity.id === entity.id);
      // One entity spelled "Zaibatsu" and "zaibatsu": a capital is required only where every spelling has one.
      if (same) same.capitals = same.capitals.map((cap, j) => cap && capitals[j] !== false);
      else list.push({ entity, capitals });
      // Surnames and one-word names are what a variant spelling usually changes.
      const last = tokens[tokens.length - 1]!;
      if (last.capital && last.text.length >= 4) {
        const word = foldWord(last.text);
        for (const code of phoneticKeys(last.text)) {
          const bucket = byPhonetic.get(code) ?? [];
          if (!bucket.some((b) => b.entity === entity && b.word === word)) bucket.push({ entity, word });
          byPhonetic.set(code, bucket);
        }
      }
    }
  }
  return {
    aliases,
    byPhonetic,
    phoneticSeen: new Map(),
    lowerStarts,
    demonyms: demonymsOf(entities),
    nations: nationsOf(entities),
    initials: initialsOf(entities),
    ...kinOf(entities),
  };
}

/** Lower-case words a name's initials leave out ("United States of America" → USA). */
const UNINITIALLED = new Set(['of', 'for', 'and', 'the', 'de', 'on', 'in', '&']);

/**
 * Every known name's initials: the first letters of its capitalised words (two to five), joining words left out.
 * Not a person's ("OK" is no Otani Kikuzo), and two letters only for a state or organisation ("UK", "US"):
 * two capitals stand for too much else.
 */
function initialsOf(entities: readonly Entity[]): Map<string, Entity[]> {
  const out = new Map<string, Entity[]>();
  for (const entity of entities) {
    if (entity.status === 'rejected' || entity.type === 'person') continue;
    for (const name of new Set([entity.label, ...entity.aliases.map((a) => a.name)])) {
      const words = tokenize(name).filter((t) => !UNINITIALLED.has(t.text));
      if (words.length < 2 || words.length > 5 || !words.every((t) => t.capital && /^\p{L}/u.test(t.text))) continue;
      const key = words.map((t) => t.text[0]!.toUpperCase()).join('');
      if (key.length === 2 && entity.type !== 'state' && entity.type !== 'organisation') continue;
      const list = out.get(key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      out.set(key, list);
    }
  }
  return out;
}

/**
 * A known name's initials written in capitals in a sentence that is not itself in capitals ("the population of
 * the UK", "U.S. troops"): a mention of that name. Two-letter abbreviations are otherwise never names.
 */
function initialismAt(
  index: EntityIndex,
  text: string,
  tokens: readonly Token[],
  i: number,
  shouted: boolean,
): { mention: EntityMention; words: number } | undefined {
  if (shouted || index.initials.size === 0) return undefined;
  const t = tokens[i]!;
  let letters: string;
  let words = 1;
  let end = t.end;
  if (/^\p{Lu}{2,5}$/u.test(t.text)) letters = t.text;
  else {
    const dotted = /^(?:\p{Lu}\.){2,5}/u.exec(text.slice(t.start, t.start + 10));
    if (!dotted || t.text.length !== 1) return undefined;
    letters = dotted[0].replace(/\./g, '');
    words = letters.length;
    end = t.start + dotted[0].length;
    for (let k = 1; k < words; k++) if (tokens[i + k]?.text !== letters[k]) return undefined;
  }
  const entities = index.initials.get(letters);
  if (!entities) return undefined;
  return { mention: { start: t.start, end, entities, confidence: entities.length === 1 ? 0.8 : 0.6, via: 'alias' }, words };
}

/** Which entities a capitalised adjective can name: those with a name of that word and one noun, or that word alone. */
function kinOf(entities: readonly Entity[]): { kin: Map<string, Entity[]>; adjectives: Map<Entity, string[]> } {
  const kin = new Map<string, Entity[]>();
  const adjectives = new Map<Entity, string[]>();
  for (const entity of entities) {
    if (entity.status === 'rejected') continue;
    for (const name of new Set([entity.label, ...entity.aliases.map((a) => a.name)])) {
      const tokens = tokenize(name).filter((t) => !THE.test(t.text));
      if (tokens.length < 1 || tokens.length > 2 || !tokens[0]!.capital || tokens[0]!.text.length < 4) continue;
      // "Japanese government", "Allied powers": a lower-case or plural noun after the adjective, not a second name ("Otani Kikuzo").
      if (tokens.length === 2 && tokens[1]!.capital && !/s$/.test(tokens[1]!.text)) continue;
      const key = foldWord(tokens[0]!.text);
      const list = kin.get(key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      kin.set(key, list);
      if (tokens.length === 2) {
        const own = adjectives.get(entity) ?? [];
        if (!own.includes(key)) own.push(key);
        adjectives.set(entity, own);
      }
    }
  }
  return { kin, adjectives };
}

/** The armed force or group a state's or alliance's adjective names ("Japanese Empire" → "Japanese troops"); a force is its own. */
export function forceOf(entity: Entity, index: EntityIndex): Entity | undefined {
  if (entity.type === 'armed-force' || entity.type === 'group') return entity;
  if (entity.type !== 'state' && entity.type !== 'organisation') return undefined;
  for (const adjective of index.adjectives.get(entity) ?? []) {
    const force = index.demonyms.get(adjective);
    if (force && force !== entity) return force;
  }
  return undefined;
}

/** What a mention's words can also stand for (see EntityMention.standIns). */
function standInsOf(
  index: EntityIndex,
  text: string,
  tokens: readonly Token[],
  from: number,
  words: number,
  entities: readonly Entity[],
): Entity[] | undefined {
  let first = from;
  if (words > 1 && THE.test(tokens[first]!.text)) first++;
  const out: Entity[] = [];
  // A people's name alone (a word that opens a force's plural name, "Japanese troops"): every entity its adjective names.
  const word = first === from + words - 1 && tokens[first]!.capital ? foldWord(tokens[first]!.text) : undefined;
  if (word && index.demonyms.has(word)) {
    for (const e of index.kin.get(word) ?? []) if (!entities.includes(e) && !out.includes(e)) out.push(e);
  }
  for (const e of entities) {
    const force = forceOf(e, index);
    if (force && !entities.includes(force) && !out.includes(force)) out.push(force);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * "Japanese troops", "Japanese soldiers", "Japanese forces" are aliases of one force: its first word,
 * before any plural noun, stands for it when the text counts something else ("Japanese casualties").
 */
function demonymsOf(entities: readonly Entity[]): Map<string, Entity> {
  const votes = new Map<string, Map<Entity, number>>();
  for (const entity of entities) {
    if (entity.status === 'rejected' || (entity.type !== 'armed-force' && entity.type !== 'group')) continue;
    for (const alias of entity.aliases) {
      const tokens = tokenize(alias.name).filter((t) => !THE.test(t.text));
      if (tokens.length !== 2 || !tokens[0]!.capital || !/s$/i.test(tokens[1]!.text)) continue;
      const key = foldWord(tokens[0]!.text);
      const counts = votes.get(key) ?? new Map<Entity, number>();
      counts.set(entity, (counts.get(entity) ?? 0) + 1);
      votes.set(key, counts);
    }
  }
  const out = new Map<string, Entity>();
  for (const [key, counts] of votes) {
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) out.set(key, ranked[0]![0]);
  }
  return out;
}

const phoneticCache = new Map<string, string[]>();

/** Daitch–Mokotoff codes of a word, prefixed by its folded initial so that codes only meet within a letter. */
export function phoneticKeys(word: string): string[] {
  let codes = phoneticCache.get(word);
  if (!codes) {
    const folded = foldWord(word);
    codes = /^[a-z]/.test(folded) ? dm(folded).map((c) => `${folded[0]}${c}`) : [];
    if (phoneticCache.size < 100_000) phoneticCache.set(word, codes);
  }
  return codes;
}

/**
 * Entity mentions among the tokens of one sentence. Every position's longest alias is a candidate;
 * longer candidates win overlaps ("The Japanese Siberian Intervention" is the event, not "The Japanese").
 */
export function findMentions(
  index: EntityIndex,
  text: string,
  tokens: readonly Token[],
  countWords?: ReadonlySet<string>,
): EntityMention[] {
  // Folded forms are worked out only where an alias can start: capitalised words and the few
  // lower-case words aliases begin with ("the", "zaibatsu"); the rest of the sentence is skipped.
  const folded: (string | undefined)[] = new Array(tokens.length);
  const candidates: { mention: EntityMention; from: number; words: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.capital && !index.lowerStarts.has(t.text)) continue;
    const match = aliasAt(index, text, tokens, folded, i);
    if (match) candidates.push({ mention: match.mention, words: match.words, from: i });
  }
  if (candidates.length > 1) candidates.sort(longestFirst);
  const taken = new Uint8Array(tokens.length);
  const out: EntityMention[] = [];
  for (const c of candidates) {
    let free = true;
    for (let k = c.from; k < c.from + c.words; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.from; k < c.from + c.words; k++) taken[k] = 1;
    out.push(c.mention);
  }
  // A sentence in capitals says nothing by them: "TELL US" is no United States.
  const shouted = !tokens.some((t) => t.text.length > 2 && /\p{Ll}/u.test(t.text));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] || !t.capital) continue;
    if (t.text.length <= 5) {
      const initials = initialismAt(index, text, tokens, i, shouted);
      if (initials) {
        out.push(initials.mention);
        for (let k = i; k < i + initials.words; k++) taken[k] = 1;
        continue;
      }
    }
    if (t.text.length < 4) continue;
    const next = tokens[i + 1];
    const fold = (folded[i] ??= foldWord(t.text));
    const counts = next !== undefined && !taken[i + 1] && countWords?.has(next.lower) === true;
    const force = counts ? (index.demonyms.get(fold) ?? nationOf(index, t.text)) : undefined;
    if (force && next && opensPhrase(text, tokens, i) && /^\s+$/.test(text.slice(t.end, next.start))) {
      out.push({ start: t.start, end: next.end, entities: [force], confidence: 0.75, via: 'alias' });
      taken[i + 1] = 1;
      continue;
    }
    const found = phoneticCandidates(index, t.text, fold);
    if (found.length > 0) out.push({ start: t.start, end: t.end, entities: found, confidence: 0.55, via: 'phonetic' });
  }
  return out.length > 1 ? out.sort(byStart) : out;
}

/**
 * The word opens the sentence or a clause ("Japanese casualties … included", "…, Japanese losses"):
 * a demonym there is the subject; elsewhere ("the execution of Japanese prisoners") it is not the force.
 */
/** "the", and how OCR misreads it ("Tbe", "tbe", "Thc"). */
const ORDINAL_ADJECTIVES = new Set(['last', 'first', 'remaining', 'other', 'new', 'main', 'whole', 'entire']);
const THE = { test: (word: string) => THE_WORD.has(word) };

function opensPhrase(text: string, tokens: readonly Token[], i: number): boolean {
  let k = i;
  // "The last Canadian troops", "the remaining Japanese forces".
  if (k > 0 && ORDINAL_ADJECTIVES.has(tokens[k - 1]!.lower)) k--;
  if (k > 0 && THE.test(tokens[k - 1]!.text)) k--;
  return k === 0 || /[,;:(]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
}

function longestFirst(a: { words: number; from: number }, b: { words: number; from: number }): number {
  return b.words - a.words || a.from - b.from;
}

function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}

/** Words of one name are separated by a space, hyphen, dot or comma at most ("Lieut.-General", "Force, Siberia"). */
const NAME_GAP = /^[\s.,'’‐–-]{0,3}$/;

/** Entities whose surname sounds like the word; only a different spelling counts (the same word was tried as an alias). */
function phoneticCandidates(index: EntityIndex, word: string, folded: string): Entity[] {
  let found = index.phoneticSeen.get(word);
  if (!found) {
    const set = new Set<Entity>();
    for (const code of phoneticKeys(word)) for (const b of index.byPhonetic.get(code) ?? []) if (b.word !== folded) set.add(b.entity);
    found = [...set];
    if (index.phoneticSeen.size < 100_000) index.phoneticSeen.set(word, found);
  }
  return found;
}

/** Whether two tokens can be words of one name: usually a single space, else NAME_GAP. */
function nameGap(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return true;
  return NAME_GAP.test(text.slice(from, to));
}

function aliasAt(
  index: EntityIndex,
  text: string,
  tokens: readonly Token[],
  folded: (string | undefined)[],
  i: number,
): { mention: EntityMention; words: number } | undefined {
  let node = index.aliases.next.get((folded[i] ??= foldWord(tokens[i]!.text)));
  let best: { entries: AliasEntry[]; words: number } | undefined;
  // Walk word by word while the words read so far still begin some alias; keep the longest that fits.
  for (let n = 1; node; n++) {
    if (node.entries) {
      const fitting = node.entries.filter((e) => capitalsFit(e, tokens, i, n));
      if (fitting.length > 0) best = { entries: fitting, words: n };
    }
    const next = i + n;
    if (node.next.size === 0 || next >= tokens.length || !nameGap(text, tokens[next - 1]!.end, tokens[next]!.start)) break;
    node = node.next.get((folded[next] ??= foldWord(tokens[next]!.text)));
  }
  if (!best) return undefined;
  const confidence = best.entries.length === 1 ? 0.95 : 0.7;
  const entities = best.entries.map((e) => e.entity);
  const mention: EntityMention = { start: tokens[i]!.start, end: tokens[i + best.words - 1]!.end, entities, confidence, via: 'alias' };
  const standIns = standInsOf(index, text, tokens, i, best.words, entities);
  if (standIns) mention.standIns = standIns;
  return { mention, words: best.words };
}

/** Capitals must match, except the first word of a long title ("the revolt of the Czechoslovak Legion"). */
function capitalsFit(e: AliasEntry, tokens: readonly Token[], i: number, n: number): boolean {
  for (let j = 0; j < e.capitals.length; j++) {
    if (!e.capitals[j] || tokens[i + j]!.capital) continue;
    if (j === 0 && n >= 3 && e.capitals.slice(1).some(Boolean)) continue;
    return false;
  }
  return true;
}
