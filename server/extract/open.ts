// Open vocabulary: a figure or date that no vocabulary property fits is not dropped. It gets a
// proposed property named from the text itself — the counted noun and the verb ("troops dispatched",
// "men employed", "date seized Vladivostok") or the role the words give a figure ("troop strength
// (approved)") — with its value type and unit, reviewable like a proposed entity (status "proposed";
// accepting adds it to the vocabulary, merging maps its claims onto an existing property). The role a
// figure plays (proposed, requested, approved, assigned, in excess, at sea, arrived…) comes from
// words/roles.json.
import type { Property } from '../core/schema-types.js';
import type { Token } from './tokens.js';
import { cachedBuild, propertiesKey } from './index-cache.js';
import { AUXILIARIES, FUNCTION_WORDS, isPastVerb, ROLES, type Role } from './words.js';

/** Function words: never the verb or the object a property is named from. */
const FUNCTION = new Set([
  ...FUNCTION_WORDS,
  'into',
  'these',
  'those',
  'some',
  'nearly',
  'over',
  'under',
  'than',
  'after',
  'before',
  'until',
  'since',
  'during',
  'he',
  'she',
  'not',
  'no',
]);

/** Role phrases by their first word: a figure's neighbours are looked up, not every phrase tried at every word. */
const ROLE_STARTS = new Map<string, { role: Role; phrase: string[] }[]>();
for (const role of ROLES)
  for (const phrase of role.phrases) ROLE_STARTS.set(phrase[0]!, [...(ROLE_STARTS.get(phrase[0]!) ?? []), { role, phrase }]);

export interface RoleReading {
  role: Role;
  /** Token index of the role's first word. */
  at: number;
}

/**
 * The role the words around a figure give it: right after what it counts ("3,000 assigned", "troops in
 * excess of") first, else shortly before the number ("the approved contingent, nearly 5000 strong",
 * "a joint expedition of 7,000"), not across another figure.
 */
export function readRole(
  tokens: readonly Token[],
  from: number,
  to: number,
  after: number,
  sentenceTokens = tokens.length,
): RoleReading | undefined {
  const match = (i: number): RoleReading | undefined => {
    for (const { role, phrase } of ROLE_STARTS.get(tokens[i]!.lower) ?? [])
      if (phrase.every((w, j) => tokens[i + j]?.lower === w)) return { role, at: i };
    return undefined;
  };
  for (let i = to; i < Math.min(sentenceTokens, after + 4); i++) {
    // Right after what is counted, not past a conjunction ("4,192 soldiers and authorized in August": the force was authorized).
    if (/^\d/.test(tokens[i]!.text) || /^(?:and|or|but|which|who|that)$/.test(tokens[i]!.lower)) break;
    const hit = match(i);
    if (hit) return hit;
  }
  for (let i = from - 1; i >= Math.max(0, from - 6); i--) {
    if (/^\d/.test(tokens[i]!.text)) break;
    const hit = match(i);
    if (hit) return hit;
  }
  return undefined;
}

/** Token index of the verb after a counted noun ("2,900 Japanese soldiers died", "950 men were underground"), past auxiliaries. */
export function verbAfter(tokens: readonly Token[], at: number, end: number): number | undefined {
  let i = at;
  while (i < end && AUXILIARIES.has(tokens[i]!.lower)) i++;
  if (i >= end || FUNCTION.has(tokens[i]!.lower) || /^\d/.test(tokens[i]!.text)) return undefined;
  return i;
}

/** The verb before a value ("dispatched 72,000", "employed 1,700 men", "fined £24"), over at most one function word. */
export function verbBefore(tokens: readonly Token[], from: number, start: number): number | undefined {
  for (let i = from - 1; i >= Math.max(start, from - 2); i--) {
    const t = tokens[i]!;
    if (isPastVerb(t.lower) || /ing$/.test(t.lower)) return i;
    if (!FUNCTION.has(t.lower)) return undefined;
  }
  return undefined;
}

/** The past verb nearest a date in its stretch, and its object (up to two content words): "seized Vladivostok". */
export function datePredicate(
  tokens: readonly Token[],
  from: number,
  to: number,
  segmentFrom: number,
  segmentTo: number,
): { words: string; at: number } | undefined {
  let best: number | undefined;
  for (let i = segmentFrom; i < segmentTo; i++) {
    if (i >= from && i < to) continue;
    if (!isPastVerb(tokens[i]!.lower) || AUXILIARIES.has(tokens[i]!.lower)) continue;
    if (best === undefined || Math.abs(i - from) < Math.abs(best - from)) best = i;
  }
  if (best === undefined) return undefined;
  const words = [tokens[best]!.text.toLowerCase()];
  for (let i = best + 1; i < Math.min(segmentTo, best + 4) && words.length < 3; i++) {
    if (i >= from && i < to) break;
    const w = tokens[i]!;
    if (/^\d/.test(w.text) || AUXILIARIES.has(w.lower)) break;
    if (FUNCTION.has(w.lower)) {
      if (words.length > 1) break;
      continue;
    }
    words.push(w.capital ? w.text : w.lower);
  }
  return { words: words.join(' '), at: best };
}

/** Proposed properties of one text: one per label, fresh ids beside the vocabulary's. */
export class PropertyProposals {
  private readonly byLabel = new Map<string, { property: Property; claims: number; example: string }>();
  /** Ids given to this text's proposals (the vocabulary's are in `byId`). */
  private readonly taken = new Set<string>();
  /** The vocabulary by id: built once per vocabulary (index-cache.ts), not per text. */
  private readonly byId: ReadonlyMap<string, Property>;

  constructor(
    private readonly sourceId: string,
    vocabulary: readonly Property[],
  ) {
    this.byId = cachedBuild('properties-by-id', vocabulary, propertiesKey, () => new Map(vocabulary.map((p) => [p.id, p])));
  }

  /**
   * The property named `label`: a vocabulary property with that label or id when one exists (an earlier
   * proposal, or a reviewed one; not when `beside`), else a new proposal. `cues` are the text's own words for it.
   */
  propose(
    label: string,
    valueType: 'quantity' | 'date',
    unit: string | undefined,
    cues: readonly string[],
    example: string,
    subjectTypes?: Property['subjectTypes'],
    beside = false,
  ): Property {
    const clean = label.replace(/\s+/g, ' ').trim().slice(0, 200) || (valueType === 'date' ? 'date' : 'figure');
    const key = `${valueType}|${clean.toLowerCase()}`;
    const known = this.byLabel.get(key);
    if (known) {
      known.claims++;
      return known.property;
    }
    const id = slug(clean);
    const existing = this.byId.get(id);
    // `beside`: a weak reading of a vocabulary property is proposed next to it ("deaths-2"), for review to merge.
    if (existing && existing.valueType === valueType && !beside) return existing;
    const property: Property = {
      id: this.freshId(id),
      label: clean,
      valueType,
      status: 'proposed',
      cues: [...new Set(cues.map((c) => c.toLowerCase()).filter((c) => c.length > 1))].slice(0, 10),
    };
    if (unit && valueType === 'quantity') property.unit = unit.slice(0, 50);
    // A role of a vocabulary property ("troop strength (approved)") is about what that property is about.
    if (subjectTypes) property.subjectTypes = [...subjectTypes];
    this.byLabel.set(key, { property, claims: 1, example });
    return property;
  }

  results(): Property[] {
    return [...this.byLabel.values()].map(({ property, claims, example }) => ({
      ...property,
      description:
        `Proposed by extraction from ${this.sourceId}: ${claims} claim${claims === 1 ? '' : 's'}, e.g. “${example.replace(/\s+/g, ' ').slice(0, 120)}”. Accept to add it to the vocabulary, or merge it into an existing property.`.slice(
          0,
          1000,
        ),
    }));
  }

  private freshId(base: string): string {
    let id = base;
    for (let n = 2; this.byId.has(id) || this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

function slug(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'property'
  );
}

export type { Role };
