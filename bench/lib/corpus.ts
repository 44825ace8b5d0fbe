// generateCorpus: a deterministic, realistic corpus of any size. Claims come in groups of 2–20
// per (subject, property), sizes Zipf-like (P(k) ∝ 1/k²: most facts are stated by a handful of
// sources, a few by many), with mostly agreeing values, some conflicting ones, breakdowns of
// totals into parts, and a few curated judgements. Sources number claims/50.
import type { Corpus, Entity, Judgement, Property } from '../../server/core/model.js';
import { ClaimEmitter } from './emit.js';
import { generateGroup, type GroupPools } from './groups.js';
import { createRng, type Rng } from './prng.js';
import { SourceShelf } from './shelf.js';
import { inventEntity, PART_PROPERTIES, PROPERTY_SPECS, type PropertySpec } from './vocabulary.js';

export interface GenerateOptions {
  /** Exact number of claims to generate (parts of breakdowns included). */
  claims: number;
  seed?: number;
}

const MIN_GROUP = 2;
const MAX_GROUP = 20;
const GROUP_WEIGHTS = Array.from({ length: MAX_GROUP - MIN_GROUP + 1 }, (_, i) => 1 / (i + MIN_GROUP) ** 2);
const CLAIMS_PER_SOURCE = 50;
/** Sources written at the same time: a group draws its sources from these. */
const OPEN_SOURCES = 100;

/** Which properties sources state about each kind of subject. */
const PROPERTIES_BY_TYPE: Partial<Record<Entity['type'], string[]>> = {
  'armed-force': ['troop-strength', 'ships', 'deaths', 'casualties', 'prisoners', 'commanded-by', 'supported', 'start-date'],
  person: ['rank', 'motive', 'supported', 'start-date'],
  state: ['troop-strength', 'deaths', 'refugees', 'supported', 'motive', 'signed-date'],
  event: ['start-date', 'end-date', 'casualties', 'deaths', 'refugees', 'prisoners'],
  organisation: ['refugees', 'start-date', 'supported', 'motive'],
};
const SUBJECT_TYPES = Object.keys(PROPERTIES_BY_TYPE) as Entity['type'][];
const SPECS = new Map<string, PropertySpec>(PROPERTY_SPECS.map((s) => [s.property.id, s]));

export function generateCorpus({ claims, seed = 1 }: GenerateOptions): Corpus {
  if (!Number.isInteger(claims) || claims < 0) throw new Error(`claims must be a whole number, not ${claims}`);
  const rng = createRng(seed);
  const corpus: Corpus = { sources: [], texts: new Map(), entities: [], properties: allProperties(), claims: [], judgements: [] };
  // Finished in id order, the order the store loader reads claims/<source>.json files in.
  const shelf = new SourceShelf(
    rng,
    Math.max(2, Math.round(claims / CLAIMS_PER_SOURCE)),
    claims,
    OPEN_SOURCES,
    ({ source, text, claims: written }) => {
      corpus.sources.push(source);
      corpus.texts.set(source.id, text);
      for (const claim of written) corpus.claims.push(claim);
    },
  );
  const entities: Entity[] = [];
  const newEntity = (type?: Entity['type']): Entity => {
    const entity = inventEntity(rng, `e${entities.length.toString(36)}`, type);
    entities.push(entity);
    return entity;
  };
  const pool = (count: number, type: () => Entity['type']) => Array.from({ length: count }, () => newEntity(type()));
  const persons = pool(Math.max(8, Math.ceil(claims / 400)), () => 'person');
  const places = pool(Math.max(4, Math.ceil(claims / 2500)), () => 'place');
  const backers = pool(Math.max(6, Math.ceil(claims / 1000)), () => rng.pick(['state', 'organisation'] as const));
  const labels = new Map([...persons, ...places, ...backers].map((e) => [e.id, e.label]));
  const pools: GroupPools = { persons, places, backers, label: (id) => labels.get(id) ?? id };

  const emitter = new ClaimEmitter(rng, shelf);
  const judgements: Judgement[] = [];
  const judge = (j: Omit<Judgement, 'id'>) => judgements.push({ id: `j${judgements.length + 1}`, ...j });
  while (emitter.count < claims) {
    const subject = newEntity(rng.pick(SUBJECT_TYPES));
    for (const property of choose(rng, PROPERTIES_BY_TYPE[subject.type]!, rng.int(2, 5))) {
      const left = claims - emitter.count;
      if (left <= 0) break;
      const size = Math.min(left, MIN_GROUP + rng.weighted(GROUP_WEIGHTS));
      generateGroup({ rng, emitter, pools, subject, spec: SPECS.get(property)!, size, budget: () => claims - emitter.count, judge });
    }
  }

  shelf.finishAll();
  return { ...corpus, entities, judgements };
}

export function allProperties(): Property[] {
  return [...PROPERTY_SPECS.map((s) => s.property), ...PART_PROPERTIES];
}

/** `count` distinct items in random order (a partial Fisher–Yates shuffle). */
function choose<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const copy = [...items];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
