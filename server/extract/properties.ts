// Which property a figure or date states, from the `cues` each property declares in graph-data:
// a new subject area needs new cues, not new code. A cue counts more when it is close to the value,
// when it names what is counted ("72,000 soldiers"), when it is several words long, and less when it
// is a function word ("from", "in") that half the sentences of any text contain.
import type { Property } from '../core/schema-types.js';
import type { Token } from './tokens.js';

interface Cue {
  words: string[];
  weight: number;
  /** The cue word is part of the property's label: a tie-breaker for shared cues ("killed"). */
  inLabel: boolean;
}

export interface PropertyEntry {
  property: Property;
  cues: Cue[];
  unit?: string;
  labelWords: number;
}

/** The properties of one value type, with their cues indexed by first and by last word. */
export interface PropertyGroup {
  entries: PropertyEntry[];
  byFirst: Map<string, CueRef[]>;
  byLast: Map<string, CueRef[]>;
}

interface CueRef {
  entry: PropertyEntry;
  cue: Cue;
}

export interface PropertyIndex {
  quantity: PropertyGroup;
  date: PropertyGroup;
  /** Every property unit and one-word quantity cue: words that name what a number counts. */
  countWords: Set<string>;
  /** Cues of entity and text properties of more than one word, by first word ("declared war"). */
  phrases: Map<string, string[][]>;
}

export interface PropertyScore {
  entry: PropertyEntry;
  score: number;
  /** The cue that counted most, for notes and tests, and its token index (undefined for a role word). */
  cue: string;
  cueAt?: number;
}

/** English function words: as cues they say little, so they weigh little. */
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'in',
  'on',
  'at',
  'to',
  'from',
  'by',
  'of',
  'for',
  'with',
  'until',
  'till',
  'since',
  'after',
  'before',
  'between',
  'against',
  'into',
  'its',
  'their',
  'his',
  'her',
  'because',
  'due to',
  'following',
  'as',
  'and',
  'or',
]);

/** Defaults of settings.property.roleScore and .reach (settings.ts), for callers that pass none. */
const ROLE_SCORE = 0.36;
const REACH = 40;

export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function buildPropertyIndex(properties: readonly Property[]): PropertyIndex {
  const group = (): PropertyGroup => ({ entries: [], byFirst: new Map(), byLast: new Map() });
  const index: PropertyIndex = { quantity: group(), date: group(), countWords: new Set(), phrases: new Map() };
  for (const property of properties) {
    if (property.valueType !== 'quantity' && property.valueType !== 'date') {
      for (const cue of property.cues ?? []) {
        const words = cue
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
          .map(stem);
        // A phrase that only adds a preposition ("signed in", "signed at") is the same verb: it does not count.
        if (words.length > 1 && !FUNCTION_WORDS.has(words[words.length - 1]!)) push(index.phrases, words[0]!, words);
      }
      continue;
    }
    const label = new Set(
      `${property.label} ${property.id}`
        .toLowerCase()
        .split(/[^a-z]+/)
        .map(stem),
    );
    const cues: Cue[] = (property.cues ?? [])
      .map((cue) => {
        const words = cue
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
          .map(stem);
        const base = FUNCTION_WORDS.has(cue.toLowerCase()) ? 0.3 : 1;
        return { words, weight: base * (1 + 0.35 * (words.length - 1)), inLabel: words.every((w) => label.has(w)) };
      })
      .filter((c) => c.words.length > 0);
    const entry: PropertyEntry = { property, cues, labelWords: property.label.split(/\s+/).length };
    if (property.unit) entry.unit = property.unit.toLowerCase();
    const target = property.valueType === 'quantity' ? index.quantity : index.date;
    target.entries.push(entry);
    for (const cue of cues) {
      push(target.byFirst, cue.words[0]!, { entry, cue });
      push(target.byLast, cue.words[cue.words.length - 1]!, { entry, cue });
    }
    if (property.valueType === 'quantity') {
      // As written and as stemmed: "orphans" and "orphan" both name what is counted.
      const words = [entry.unit, ...(property.cues ?? []).filter((c) => !/\s/.test(c) && !FUNCTION_WORDS.has(c.toLowerCase()))];
      for (const w of words) if (w) index.countWords.add(w.toLowerCase()).add(stem(w.toLowerCase()));
    }
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A sentence's word stems, and where each stem occurs: built once, shared by every value of the sentence. */
export interface SentenceWords {
  stems: string[];
  at: Map<string, number[]>;
  /** Cues whose first word is in the sentence, per property kind (rankProperties), found when first asked for. */
  cues?: Map<PropertyGroup, CueRef[]>;
}

export function sentenceWords(tokens: readonly Token[]): SentenceWords {
  const stems = tokens.map((t) => stem(t.lower));
  const at = new Map<string, number[]>();
  stems.forEach((s, i) => {
    const list = at.get(s);
    if (list) list.push(i);
    else at.set(s, [i]);
  });
  return { stems, at, cues: undefined };
}

export interface ScoreInput {
  words: SentenceWords;
  /** Token range of the value itself (cues inside it do not count). */
  from: number;
  to: number;
  /** The counted noun after a number, lower case ("soldiers"), and its token index. */
  noun?: string;
  nounAt?: number;
  /** Extra words standing for the value's position, e.g. "from"/"to" for the ends of a range. */
  roleWords?: readonly string[];
  /** Token range of the comma-delimited stretch around the value: cues there count more. */
  segmentFrom?: number;
  segmentTo?: number;
  /** Whether the word right before the value can be its predicate (nothing but spaces between); default true. */
  predicate?: boolean;
  /** The verb right after what is counted ("2,900 soldiers died"): a predicate, weighed like the word before the value. */
  verbAt?: number;
  /** Words around the value looked at (settings.property.reach; default 40). */
  reach?: number;
  /** What a range's role word alone is worth (settings.property.roleScore; default 0.36). */
  roleScore?: number;
}

/** The cues whose first word the sentence holds, in the order of its words: the same for every value of the sentence, so kept with its words. */
function cuesIn(group: PropertyGroup, words: SentenceWords): CueRef[] {
  const byGroup = (words.cues ??= new Map());
  let cues = byGroup.get(group);
  if (!cues) {
    const found = new Set<CueRef>();
    for (const word of words.at.keys()) for (const ref of group.byFirst.get(word) ?? []) found.add(ref);
    byGroup.set(group, (cues = [...found]));
  }
  return cues;
}

/**
 * Properties of the given kind ranked by cue evidence around the value; empty when no cue is present.
 * Evidence: the word right before the value ("lost up to 3,000", "deployed 70,000") is the predicate
 * and weighs most; the counted noun ("900 orphans") next; the property's unit; then any other cue,
 * less the farther it is and more inside the value's own comma-delimited stretch.
 */
export function rankProperties(group: PropertyGroup, input: ScoreInput): PropertyScore[] {
  // Only cues whose first word is in the sentence (or whose last word is a role of the value) can score.
  let present: Iterable<CueRef> = cuesIn(group, input.words);
  if (input.roleWords && input.roleWords.length > 0) {
    const withRoles = new Set(present);
    for (const role of input.roleWords) for (const ref of group.byLast.get(role) ?? []) withRoles.add(ref);
    present = withRoles;
  }
  const evidence = new Map<PropertyEntry, { best: number; cue: string; at: number | undefined; total: number }>();
  for (const { entry, cue } of present) {
    const score = cueScore(cue, input);
    if (score <= 0) continue;
    const e = evidence.get(entry) ?? { best: 0, cue: '', at: undefined, total: 0 };
    e.total += score;
    if (score > e.best) {
      e.best = score;
      e.cue = cue.words.join(' ');
      e.at = lastHitAt;
    }
    evidence.set(entry, e);
  }
  const noun = input.noun ? stem(input.noun) : undefined;
  const out: PropertyScore[] = [];
  for (const entry of group.entries) {
    const e = evidence.get(entry);
    if (!e) continue;
    const unit = entry.unit && noun && stem(entry.unit) === noun ? 0.3 : 0;
    // Corroborating cues add a little; more words in the label mean a narrower property.
    const score = e.best + unit + 0.15 * (e.total - e.best) - 0.01 * entry.labelWords;
    out.push(e.at === undefined ? { entry, score, cue: e.cue } : { entry, score, cue: e.cue, cueAt: e.at });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The one-word cue at token `at` is the first word of a longer cue of an entity or text property
 * ("declared" in "declared war on Germany"): that phrase, not the one word, says what was stated.
 */
export function inLongerPhrase(index: PropertyIndex, words: SentenceWords, at: number): boolean {
  const stems = words.stems;
  for (const phrase of index.phrases.get(stems[at]!) ?? []) if (phrase.every((w, j) => stems[at + j] === w)) return true;
  return false;
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token index of the best occurrence found by the last cueScore call (kept out of its result to spare an object per cue). */
let lastHitAt: number | undefined;

function cueScore(cue: Cue, input: ScoreInput): number {
  const stems = input.words.stems;
  let best = 0;
  let at: number | undefined;
  const n = cue.words.length;
  // A role ("from" for a range's start) is weak evidence, whatever the cue's own weight.
  const reach = input.reach ?? REACH;
  if (input.roleWords && n === 1 && input.roleWords.includes(cue.words[0]!)) best = input.roleScore ?? ROLE_SCORE;
  // A role completes a cue that ends in it: "existed from April 1920 to November 1922" states "existed until".
  // The rest of the cue may stand further back in the value's own stretch ("existed in the east … between
  // January 31, 1920 and October 28, 1920"), counting less the farther it is.
  if (input.roleWords && n > 1 && input.roleWords.includes(cue.words[n - 1]!)) {
    const head = cue.words.slice(0, -1);
    const earliest = Math.max(0, input.segmentFrom ?? input.from - 2, input.from - reach);
    for (let at = input.from - head.length; at >= earliest; at--) {
      if (!head.every((w, j) => stems[at + j] === w)) continue;
      const gap = input.from - at - head.length;
      best = Math.max(best, gap <= 1 ? cue.weight * 1.2 : (cue.weight * 1.2) / (1 + (gap - 1) / 8));
      break;
    }
  }
  // Only occurrences within REACH words of the value count (farther ones would score almost nothing):
  // this keeps a sentence listing hundreds of figures linear.
  const occurrences = input.words.at.get(cue.words[0]!) ?? [];
  for (let k = firstAtOrAfter(occurrences, input.from - reach - n); k < occurrences.length; k++) {
    const i = occurrences[k]!;
    if (i > input.to + reach) break;
    if (i + n > stems.length || (i + n > input.from && i < input.to)) continue;
    let hit = true;
    for (let j = 0; j < n; j++)
      if (stems[i + j] !== cue.words[j]) {
        hit = false;
        break;
      }
    if (!hit) continue;
    const distance = i >= input.to ? i - input.to : input.from - (i + n);
    let s = cue.weight / (1 + distance / 4);
    if (cue.weight >= 1) {
      // Function words get no bonus: "in" right before a date says nothing about which date it is.
      if ((i + n === input.from && input.predicate !== false) || i === input.verbAt)
        s = cue.weight * 2; // the predicate: "numbered over 72,000", "2,900 soldiers died"
      else if (i === input.nounAt)
        s = cue.weight * 1.6; // the counted noun: "900 orphans"
      else if (input.segmentFrom !== undefined) {
        // Inside the value's own comma-delimited stretch a cue keeps its weight longer.
        const inSegment = i >= input.segmentFrom && i + n <= (input.segmentTo ?? stems.length);
        s = inSegment ? (1.5 * cue.weight) / (1 + distance / 8) : s * 0.6;
      }
    }
    if (cue.inLabel) s *= 1.1;
    if (s > best) {
      best = s;
      at = i;
    }
  }
  lastHitAt = at;
  return best;
}
