// Entity matching for the W3C Entity Reconciliation API (0.2): a name from someone's spreadsheet
// against the entity register, every alias counted. Scores run 0–100: an exact alias scores 100,
// a prefix 85, shared words by their overlap, a property condition (a claim of the candidate that
// states the value given) adds to it. `match` is true only for a unique exact name of the right type.
import type { Analysis } from '../../analysis/analyse.js';
import type { Claim, Entity } from '../../core/schema-types.js';
import { fold } from '../../common/fold.js';

export interface ReconQuery {
  query?: string;
  type?: string | string[];
  limit?: number;
  properties?: { pid: string; v: PropertyValue | PropertyValue[] }[];
  type_strict?: 'any' | 'should' | 'all';
}

type PropertyValue = string | number | boolean | { id: string; name?: string };

export interface Candidate {
  id: string;
  name: string;
  description?: string;
  score: number;
  match: boolean;
  type: { id: string; name: string }[];
  features: { id: string; value: number | boolean }[];
}

export const ENTITY_TYPE_NAMES: Readonly<Record<Entity['type'], string>> = {
  person: 'Person',
  state: 'State',
  'armed-force': 'Armed force',
  organisation: 'Organisation',
  place: 'Place',
  event: 'Event',
  document: 'Document',
  group: 'Group',
  vessel: 'Vessel',
  other: 'Other',
};

export const DEFAULT_CANDIDATES = 5;
const MAX_CANDIDATES = 50;

function words(text: string): Set<string> {
  return new Set(text.split(' ').filter(Boolean));
}

/** How well one folded name matches the folded query, 0–100. */
export function nameScore(name: string, query: string): number {
  if (!query || !name) return 0;
  if (name === query) return 100;
  if (name.startsWith(`${query} `) || query.startsWith(`${name} `)) return 85;
  const a = words(name);
  const b = words(query);
  let shared = 0;
  for (const w of b) if (a.has(w)) shared++;
  if (shared === 0) return name.includes(query) && query.length >= 3 ? 40 : 0;
  // Dice overlap of the word sets, scaled below a prefix match.
  return Math.round((160 * shared) / (a.size + b.size));
}

function claimStates(claim: Claim, value: PropertyValue, entityName: (id: string) => string): boolean {
  const v = claim.value;
  if (typeof value === 'object')
    return v.type === 'entity' && (v.entity === value.id || (value.name !== undefined && fold(entityName(v.entity)) === fold(value.name)));
  const wanted = fold(String(value));
  switch (v.type) {
    case 'quantity':
      return typeof value === 'number' ? v.amount === value : fold(String(v.amount)) === wanted || fold(claim.wording) === wanted;
    case 'date':
      return v.date.value.startsWith(String(value)) || fold(claim.wording) === wanted;
    case 'entity':
      return fold(entityName(v.entity)) === wanted || v.entity === String(value);
    case 'text':
      return fold(v.text) === wanted;
    default:
      return fold(claim.wording) === wanted;
  }
}

/** Candidates for one query, best first. */
export function reconcileQuery(analysis: Analysis, query: ReconQuery, claimsBySubject: ReadonlyMap<string, Claim[]>): Candidate[] {
  const folded = fold(query.query ?? '');
  const types = query.type === undefined ? [] : Array.isArray(query.type) ? query.type : [query.type];
  const strict = query.type_strict ?? 'any';
  const limit = Math.min(MAX_CANDIDATES, Math.max(1, Math.floor(query.limit ?? DEFAULT_CANDIDATES)));
  const entityName = (id: string) => analysis.index.entity.get(id)?.label ?? id;
  const scored: Candidate[] = [];
  for (const entity of analysis.corpus.entities) {
    if (entity.status === 'rejected') continue;
    // type_strict "all" cannot hold for an entity that has one type and several are asked.
    const typeOk = types.length === 0 || (strict === 'all' ? types.every((t) => t === entity.type) : types.includes(entity.type));
    if (!typeOk && strict !== 'should') continue;
    let best = nameScore(fold(entity.label), folded);
    for (const alias of entity.aliases) best = Math.max(best, nameScore(fold(alias.name), folded));
    const features: Candidate['features'] = [{ id: 'name', value: best }];
    let score = folded ? best : 0;
    for (const condition of query.properties ?? []) {
      const values = Array.isArray(condition.v) ? condition.v : [condition.v];
      const claims = (claimsBySubject.get(entity.id) ?? []).filter((c) => c.property === condition.pid);
      const stated = values.some((v) => claims.some((c) => claimStates(c, v, entityName)));
      features.push({ id: `property:${condition.pid}`, value: stated });
      if (stated) score += folded ? 10 : 100 / (query.properties?.length ?? 1);
    }
    if (!typeOk) score -= 20;
    if (score <= 0) continue;
    scored.push({
      id: entity.id,
      name: entity.label,
      ...(entity.description ? { description: entity.description } : {}),
      score: Math.min(100, score),
      match: false,
      type: [{ id: entity.type, name: ENTITY_TYPE_NAMES[entity.type] }],
      features,
    });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const top = scored.slice(0, limit);
  // A certain match: a full-name hit that no other candidate shares.
  if (top[0] && top[0].features[0]!.value === 100 && !(top[1] && top[1].features[0]!.value === 100)) top[0].match = true;
  return top;
}

export function subjectIndex(analysis: Analysis): Map<string, Claim[]> {
  const bySubject = new Map<string, Claim[]>();
  for (const claim of analysis.corpus.claims) {
    if (claim.status === 'rejected') continue;
    let list = bySubject.get(claim.subject);
    if (!list) bySubject.set(claim.subject, (list = []));
    list.push(claim);
  }
  return bySubject;
}
