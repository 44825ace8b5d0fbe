// What an extraction is given and what it gives back, declared once: the extractor (extract.ts),
// ingest (server/store/ingest.ts, which stores the result) and the worker thread that runs the
// extractor for the API (server/api/extract-worker.ts) all use these.
import type { Claim, Entity, Property, Reference } from '../core/schema-types.js';

export interface ExtractContext {
  sourceId: string;
  entities: Entity[];
  properties: Property[];
  /** The source's reference list when already known; otherwise it is parsed from the text. */
  references?: Reference[];
}

/** Called as sentences are read: characters done and the text length. */
export type ExtractProgress = (done: number, total: number) => void;

export interface ExtractionResult {
  claims: Claim[];
  proposedEntities: Entity[];
  /** Confidence of each proposed entity, by id (the entity schema has no field for it). */
  proposalConfidence: Record<string, number>;
  /**
   * Properties proposed for figures and dates no vocabulary property fits (status "proposed"), named from
   * the text's own words; the claims that state them refer to their ids.
   */
  proposedProperties: Property[];
  references: Reference[];
  warnings: string[];
}

/** What ingest stores of an extraction: the records (an extractor made for a test may give these alone). */
export type ExtractedRecords = Pick<ExtractionResult, 'claims' | 'proposedEntities' | 'references' | 'warnings'> &
  Partial<Pick<ExtractionResult, 'proposedProperties'>>;

/** An extraction as ingest calls it: in process (the CLI) or in a worker thread (the API). */
export type Extractor = (
  text: string,
  context: ExtractContext & { onProgress?: ExtractProgress },
) => ExtractedRecords | Promise<ExtractedRecords>;
