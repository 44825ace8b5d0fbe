// Definite descriptions that point back at a named thing: "the cost of the Humber Bridge … the cost of the
// bridge", "The Silver Jubilee bridge has a capacity of … vehicles used the bridge". A text names a thing
// once and then calls it by its head noun; without this the figure in the second sentence has no subject
// but whatever else the sentence names. The head noun is read from the text itself (a name's last word,
// or the common noun a name qualifies), never from a list; only names new to the graph are referred to.
import type { Entity } from '../core/schema-types.js';
import type { EntityMention } from './entities.js';
import type { Token } from './tokens.js';
import { AUXILIARIES, NAME_STOP, isPastVerb } from './words.js';

interface Referent {
  entity: Entity;
  confidence: number;
}

/** Words that open a definite description ("the bridge", "this report"). */
const DEFINITE = new Set(['the', 'this', 'that']);

export class DefiniteReferences {
  private readonly byNoun = new Map<string, Referent>();

  /**
   * Learns the sentence's named things by their head nouns, then returns a mention for each definite
   * description of one learnt earlier (or in this sentence, before it) that no mention covers yet.
   */
  read(text: string, tokens: readonly Token[], mentions: readonly EntityMention[]): EntityMention[] {
    const out: EntityMention[] = [];
    const sorted = [...mentions].sort((a, b) => a.start - b.start);
    let next = 0;
    for (let i = 0; i + 1 < tokens.length; i++) {
      // Learn the names that end before this word, so that "the bridge" can follow "the Silver Jubilee bridge".
      while (next < sorted.length && sorted[next]!.end <= tokens[i]!.start) this.learn(text, tokens, sorted[next++]!);
      const the = tokens[i]!;
      const noun = tokens[i + 1]!;
      if (!DEFINITE.has(the.lower) || noun.capital || !/^\s+$/.test(text.slice(the.end, noun.start))) continue;
      const referent = this.byNoun.get(noun.lower);
      if (!referent) continue;
      // Not a compound ("the bridge tolls") nor a name's own words.
      const after = tokens[i + 2];
      if (after && !after.capital && /^[ \t]+$/.test(text.slice(noun.end, after.start)) && isNoun(after.lower)) continue;
      if (mentions.some((m) => m.start < noun.end && the.start < m.end)) continue;
      out.push({ start: the.start, end: noun.end, entities: [referent.entity], confidence: referent.confidence, via: 'alias' });
    }
    while (next < sorted.length) this.learn(text, tokens, sorted[next++]!);
    return out;
  }

  private learn(text: string, tokens: readonly Token[], mention: EntityMention): void {
    const entity = mention.entities[0];
    // Only things the graph does not know yet: a known entity's aliases and the carried topic already
    // stand for it ("the force" after a paragraph about one of several forces is the topic's, not the last named).
    if (!entity || entity.status !== 'proposed') return;
    const words = tokens.filter((t) => t.start >= mention.start && t.end <= mention.end);
    const last = words[words.length - 1];
    // "Humber Bridge" → "the bridge": a name of two words or more ends in its head noun.
    if (words.length >= 2 && last && last.text.length >= 4 && isNoun(last.lower))
      this.byNoun.set(last.lower, { entity, confidence: mention.confidence });
    // "the Silver Jubilee bridge" → "the bridge": the common noun the name qualifies.
    const following = tokens.find((t) => t.start >= mention.end);
    if (
      following &&
      !following.capital &&
      /^[ \t]+$/.test(text.slice(mention.end, following.start)) &&
      following.text.length >= 4 &&
      isNoun(following.lower)
    ) {
      this.byNoun.set(following.lower, { entity, confidence: mention.confidence });
    }
  }
}

/** A word that can be a head noun: no function word, auxiliary, participle, "-ing" form or adverb. */
function isNoun(word: string): boolean {
  return !NAME_STOP.has(word) && !AUXILIARIES.has(word) && !isPastVerb(word) && !/(?:ing|ly)$/.test(word);
}
