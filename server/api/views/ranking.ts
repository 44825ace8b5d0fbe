// Which entities and sources matter most in a large graph: per entity and per source, its claims
// and the contradictions they take part in, counted once per revision. The overview shows the top
// of this ranking, and the server's layout (positions.ts) lays the same top out by force.
import { factsOf, type FactsSource } from './view-facts.js';

export const DEFAULT_OVERVIEW_LIMIT = 1500;

/** Per entity and per source: its claims and the contradictions they take part in. */
export interface Tally {
  claims: number;
  conflicts: number;
}

export interface OverviewRanking {
  /** Entity keys, most disputed first (then most claimed, then by key). */
  entities: string[];
  /** Per node key (entity or source): its tally. */
  tally: Map<string, Tally>;
  /** Per entity key: its sources, each with the tally of that source's claims about it. */
  sourcesOf: Map<string, Map<string, Tally>>;
}

const rankings = new WeakMap<object, OverviewRanking>();

/**
 * Counts once per revision: per analysis (read from its corpus, the graph left unbuilt), or per
 * graph as given (a graph patched in place by a later write must be given again as a new one).
 */
export function rankingOf(from: FactsSource): OverviewRanking {
  // An analysis's ranking is its comparisons' (and so its corpus's): trust learnt after a write changes neither.
  const key = 'corpus' in from ? from.comparisons : from;
  let r = rankings.get(key);
  if (r) return r;
  const facts = factsOf(from);
  const tally = new Map<string, Tally>();
  const sourcesOf = new Map<string, Map<string, Tally>>();
  const bump = (map: Map<string, Tally>, key: string, conflicts: number) => {
    const t = map.get(key) ?? { claims: 0, conflicts: 0 };
    t.claims++;
    t.conflicts += conflicts;
    map.set(key, t);
  };
  facts.forEachClaim((_claim, a) => {
    const entity = `entity:${a.subject}`;
    const source = `source:${a.source}`;
    if (!facts.hasHub(entity) || !facts.hasHub(source)) return;
    const conflicts = a.conflicts;
    bump(tally, entity, conflicts);
    bump(tally, source, conflicts);
    let per = sourcesOf.get(entity);
    if (!per) sourcesOf.set(entity, (per = new Map()));
    bump(per, source, conflicts);
  });
  const score = (k: string) => tally.get(k) ?? { claims: 0, conflicts: 0 };
  const entities = facts
    .entities()
    .sort((x, y) => score(y).conflicts - score(x).conflicts || score(y).claims - score(x).claims || (x < y ? -1 : 1));
  r = { entities, tally, sourcesOf };
  rankings.set(key, r);
  return r;
}

/**
 * Sources drawn per entity in the overview: the ones most contradicted about it. A city edited by
 * forty people would otherwise fill the picture with their names and leave room for few cities.
 */
export const SOURCES_PER_ENTITY = 3;

/** The nodes of an overview of at most `limit` nodes: each entity in rank order with its main sources. */
export function overviewNodes(from: FactsSource, limit: number): string[] {
  const { entities, sourcesOf } = rankingOf(from);
  const chosen = new Set<string>();
  for (const entity of entities) {
    const sources = [...(sourcesOf.get(entity)?.entries() ?? [])]
      .sort((x, y) => y[1].conflicts - x[1].conflicts || y[1].claims - x[1].claims || (x[0] < y[0] ? -1 : 1))
      .slice(0, SOURCES_PER_ENTITY)
      .map(([s]) => s)
      .filter((s) => !chosen.has(s));
    if (chosen.size + 1 + sources.length > limit) {
      if (chosen.size === 0) chosen.add(entity);
      break;
    }
    chosen.add(entity);
    for (const s of sources) chosen.add(s);
  }
  return [...chosen];
}
