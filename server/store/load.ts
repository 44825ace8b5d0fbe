// Reads graph-data/ into a Corpus and reports every problem with its file and record id.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkIntegrity } from '../core/integrity.js';
import { emptyCorpus, type Corpus, type DataProblem } from '../core/model.js';
import { check } from '../core/schemas.js';
import type { Claim, Source } from '../core/schema-types.js';
import { relativeFileOf, storeLayout, type StoreLayout } from './layout.js';

export interface LoadResult {
  corpus: Corpus;
  problems: DataProblem[];
}

const COLLECTION = 'collections.schema.json#/definitions/';

/**
 * Where loadStore reads records from, named by the paths of the graph-data layout: the folder
 * itself, or another store (PostgreSQL) presenting its tables as the files they export to.
 */
export interface StoreReader {
  /** The parsed content of a JSON file; undefined when there is none; throws when it is unreadable. */
  readJson(file: string): Promise<unknown>;
  /** A text file's content; throws when there is none. */
  readText(file: string): Promise<string>;
  /** The names of the .json files in a folder, sorted; empty when there is no such folder. */
  jsonFilesIn(dir: string): Promise<string[]>;
}

export const folderReader: StoreReader = {
  async readJson(file) {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return JSON.parse(raw);
  },
  readText: (file) => readFile(file, 'utf8'),
  jsonFilesIn,
};

export async function loadStore(root?: string, reader: StoreReader = folderReader): Promise<LoadResult> {
  const layout = storeLayout(root);
  const corpus = emptyCorpus();
  const problems: DataProblem[] = [];
  const rel = (p: string) => path.relative(layout.root, p);

  async function readJson<T>(file: string, schemaRef: string, fallback: T): Promise<T> {
    let data: unknown;
    try {
      data = await reader.readJson(file);
    } catch (err) {
      problems.push({ file: rel(file), message: `unreadable JSON: ${(err as Error).message}` });
      return fallback;
    }
    if (data === undefined) return fallback;
    const schemaProblems = check(schemaRef, data);
    for (const p of schemaProblems) {
      problems.push({ file: rel(file), record: recordIdAt(data, p.at), at: p.at, message: p.message });
    }
    return schemaProblems.length === 0 ? (data as T) : fallback;
  }

  corpus.entities = await readJson(layout.entitiesFile, `${COLLECTION}EntitiesFile`, []);
  corpus.properties = await readJson(layout.propertiesFile, `${COLLECTION}PropertiesFile`, []);
  corpus.judgements = await readJson(layout.judgementsFile, `${COLLECTION}JudgementsFile`, []);
  corpus.trust = await readJson(layout.trustFile, 'source-trust.schema.json#/definitions/TrustJudgementFile', []);

  for (const file of await reader.jsonFilesIn(layout.sourcesDir)) {
    const source = await readJson<Source | undefined>(path.join(layout.sourcesDir, file), 'source.schema.json', undefined);
    if (!source) continue;
    if (`${source.id}.json` !== file)
      problems.push({
        file: rel(path.join(layout.sourcesDir, file)),
        record: source.id,
        message: 'file name does not match the source id',
      });
    corpus.sources.push(source);
    try {
      corpus.texts.set(source.id, await reader.readText(path.join(layout.sourcesDir, source.text.file)));
    } catch {
      // reported by the integrity check as a missing text
    }
  }
  for (const file of await reader.jsonFilesIn(layout.claimsDir)) {
    const claims = await readJson<Claim[]>(path.join(layout.claimsDir, file), `${COLLECTION}ClaimsFile`, []);
    const sourceId = file.replace(/\.json$/, '');
    for (const c of claims) {
      if (c.source !== sourceId)
        problems.push({
          file: rel(path.join(layout.claimsDir, file)),
          record: c.id,
          message: `claim of source ${c.source} is filed under ${sourceId}`,
        });
    }
    corpus.claims.push(...claims);
  }

  const claimSource = new Map(corpus.claims.map((c) => [c.id, c.source]));
  problems.push(
    ...checkIntegrity(
      corpus,
      relativeFileOf(layout, (id) => claimSource.get(id)),
    ),
  );
  return { corpus, problems };
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

/** The id of the record a JSON pointer points into, for messages such as "claims/x.json, record wp-7". */
function recordIdAt(data: unknown, pointer: string): string | undefined {
  const first = pointer.split('/')[1];
  if (Array.isArray(data) && first !== undefined) {
    const record = data[Number(first)] as { id?: unknown } | undefined;
    return typeof record?.id === 'string' ? record.id : `#${first}`;
  }
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

export type { StoreLayout };
