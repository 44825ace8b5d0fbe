// Entity mentions: every alias of every entity, folded (case, accents, romanisation variants), matched
// longest-first over a sentence's tokens; unmatched capitalised words fall back to a Daitch–Mokotoff
// phonetic key, which makes "Semionoff" a candidate for Semyonov at a lower confidence.
import dmModule from 'talisman/phonetics/daitch-mokotoff.js';
import type { Entity } from '../core/schema-types.js';
import { foldWord, tokenize, type Token } from './tokens.js';

type Encoder = (word: string) => string[];
const dm = ((dmModule as { default?: Encoder }).default ?? dmModule) as Encoder;

export interface EntityMention {
  start: number;
  end: number;
  /** Candidate entities, best first (an alias can be shared). */
  entities: Entity[];
  confidence: number;
  via: 'alias' | 'phonetic';
}

interface AliasEntry {
  entity: Entity;
  /** Which alias words are capitalised: the text must capitalise them too ("Allies" is not "allies"). */
  capitals: boolean[];
}

export interface EntityIndex {
  byKey: Map<string, AliasEntry[]>;
  /** Phonetic key → entities, with the folded word the key came from. */
  byPhonetic: Map<string, { entity: Entity; word: string }[]>;
  maxWords: number;
  byId: Map<string, Entity>;
}

export function buildEntityIndex(entities: readonly Entity[]): EntityIndex {
  const byKey = new Map<string, AliasEntry[]>();
  const byPhonetic = new Map<string, { entity: Entity; word: string }[]>();
  let maxWords = 1;
  for (const entity of entities) {
    if (entity.status === 'rejected') continue;
    const names = new Set([entity.label, ...entity.aliases.map((a) => a.name)]);
    for (const name of names) {
      const tokens = tokenize(name);
      if (tokens.length === 0) continue;
      const key = tokens.map((t) => foldWord(t.text)).join(' ');
      const list = byKey.get(key) ?? [];
      if (!list.some((e) => e.entity.id === entity.id)) list.push({ entity, capitals: tokens.map((t) => t.capital) });
      byKey.set(key, list);
      maxWords = Math.max(maxWords, tokens.length);
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
  return { byKey, byPhonetic, maxWords, byId: new Map(entities.map((e) => [e.id, e])) };
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

/** Entity mentions among the tokens of one sentence, longest alias first, left to right. */
export function findMentions(index: EntityIndex, text: string, tokens: readonly Token[]): EntityMention[] {
  const out: EntityMention[] = [];
  const folded = tokens.map((t) => foldWord(t.text));
  for (let i = 0; i < tokens.length; ) {
    const match = aliasAt(index, text, tokens, folded, i);
    if (match) {
      out.push(match.mention);
      i += match.words;
      continue;
    }
    const t = tokens[i]!;
    if (t.capital && t.text.length >= 4 && !/\d/.test(t.text)) {
      // Only a different spelling is a phonetic candidate: the same word was already tried as an alias.
      const candidates = new Set<Entity>();
      for (const code of phoneticKeys(t.text)) for (const b of index.byPhonetic.get(code) ?? []) if (b.word !== folded[i]) candidates.add(b.entity);
      if (candidates.size > 0) out.push({ start: t.start, end: t.end, entities: [...candidates], confidence: 0.55, via: 'phonetic' });
    }
    i++;
  }
  return out;
}

/** Words of one name are separated by a space, hyphen, dot or comma at most ("Lieut.-General", "Force, Siberia"). */
const NAME_GAP = /^[\s.,'’‐–-]{0,3}$/;

function aliasAt(index: EntityIndex, text: string, tokens: readonly Token[], folded: string[], i: number): { mention: EntityMention; words: number } | undefined {
  let span = 1;
  while (span < index.maxWords && i + span < tokens.length && NAME_GAP.test(text.slice(tokens[i + span - 1]!.end, tokens[i + span]!.start))) span++;
  for (let n = span; n >= 1; n--) {
    const entries = index.byKey.get(folded.slice(i, i + n).join(' '));
    if (!entries) continue;
    const fitting = entries.filter((e) => e.capitals.every((cap, j) => !cap || tokens[i + j]!.capital));
    if (fitting.length === 0) continue;
    const confidence = fitting.length === 1 ? 0.95 : 0.7;
    return { mention: { start: tokens[i]!.start, end: tokens[i + n - 1]!.end, entities: fitting.map((e) => e.entity), confidence, via: 'alias' }, words: n };
  }
  return undefined;
}
