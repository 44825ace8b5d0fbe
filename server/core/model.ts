// The in-memory corpus: everything in graph-data/, as plain records, with lookups by id.
import type { Claim, Entity, Judgement, Property, Source, TrustJudgement } from './schema-types.js';

export type * from './schema-types.js';

export interface Corpus {
  sources: Source[];
  /** Full text of each source, by source id. */
  texts: Map<string, string>;
  entities: Entity[];
  properties: Property[];
  claims: Claim[];
  judgements: Judgement[];
  /** Reviewers' judgements of sources (source-trust.json): priors for truth discovery. */
  trust?: TrustJudgement[];
  /**
   * Claims whose source text changed after they were anchored and whose quote no longer matches:
   * shown as orphaned, never silently re-anchored.
   */
  orphaned?: Set<string>;
}

export interface CorpusIndex {
  source: Map<string, Source>;
  entity: Map<string, Entity>;
  property: Map<string, Property>;
  claim: Map<string, Claim>;
}

export function indexCorpus(corpus: Corpus): CorpusIndex {
  return {
    source: byId(corpus.sources),
    entity: byId(corpus.entities),
    property: byId(corpus.properties),
    claim: byId(corpus.claims),
  };
}

export function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  // A loop rather than new Map(records.map(...)): no [id, record] pair allocated per record (a million at 1M claims).
  const map = new Map<string, T>();
  for (const r of records) map.set(r.id, r);
  return map;
}

export function emptyCorpus(): Corpus {
  return { sources: [], texts: new Map(), entities: [], properties: [], claims: [], judgements: [] };
}

/** A problem found in graph-data: which file, which record, what is wrong. */
export interface DataProblem {
  /** text-changed and orphaned-quote problems let a server still start, showing the claims as orphaned. */
  code?: 'text-changed' | 'orphaned-quote';
  file: string;
  record?: string;
  at?: string;
  message: string;
}

export function formatProblem(p: DataProblem): string {
  const where = [p.file, p.record && `record ${p.record}`, p.at && p.at !== '/' && `at ${p.at}`].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}
