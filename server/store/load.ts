// Reads graph-data/ into a Corpus and reports every problem with its file and record id.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkIntegrity } from '../core/integrity.js';
import { hashString, IdTable } from '../core/grouping.js';
import { emptyCorpus, type Corpus, type DataProblem } from '../core/model.js';
import { check } from '../core/schemas.js';
import type { Claim, Source } from '../core/schema-types.js';
import { relativeFileOf, storeLayout, type StoreLayout } from './layout.js';
import { readKeyed, StartCache } from './start-cache.js';

export interface LoadResult {
  corpus: Corpus;
  problems: DataProblem[];
  /** With a start cache: what it saved (files not validated again, sources not checked again) and what was done. */
  startCache?: StartCacheUse;
}

export interface StartCacheUse {
  filesValidated: number;
  filesKnownValid: number;
  sourcesChecked: number;
  sourcesKept: number;
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

/**
 * Reads synchronously: a store is read before the server listens, and at 1,000,000 claims (60,000
 * files) readFileSync took 3.2 s where fs/promises' readFile, one file after another, took 9.7 s and 16
 * at a time 9.1 s (each file is several thread-pool round trips; bench/results/writes.md).
 */
export const folderReader: StoreReader = {
  async readJson(file) {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return JSON.parse(raw);
  },
  readText: async (file) => readFileSync(file, 'utf8'),
  jsonFilesIn,
};

/** The folder reader telling `cache` what each file was when read (start-cache.ts). */
function keyedFolderReader(note: NoteRead): StoreReader {
  const read = (file: string) => {
    const { content, key, ctimeMs } = readKeyed(file);
    note(file, key, ctimeMs);
    return content;
  };
  return {
    async readJson(file) {
      let raw: string;
      try {
        raw = read(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      return JSON.parse(raw);
    },
    readText: async (file) => read(file),
    jsonFilesIn,
  };
}

export interface LoadOptions {
  /**
   * A start cache file (start-cache.ts; the folder store only): files unchanged since they were last
   * found valid are not validated again, and sources whose files are unchanged keep their checks' results.
   */
  startCache?: string;
  /**
   * With a start cache, the reader to use, telling `note` what each file was when read (its key, and
   * when it last changed): the folder's files by default; a database's rows by their versions.
   */
  keyedReader?: (note: NoteRead) => StoreReader;
}

/** What the file just read was: `key` names exactly the content read (undefined: unknown), `changedMs` when it last changed. */
export type NoteRead = (file: string, key: string | undefined, changedMs: number) => void;

export async function loadStore(root?: string, reader: StoreReader = folderReader, options: LoadOptions = {}): Promise<LoadResult> {
  const layout = storeLayout(root);
  const corpus = emptyCorpus();
  const problems: DataProblem[] = [];
  const rel = relativeTo(layout.root);
  const cache = options.startCache ? StartCache.open(options.startCache, layout.root) : undefined;
  if (cache) {
    const note: NoteRead = (file, key, changedMs) => cache.noteRead(rel(file), key, changedMs);
    reader = options.keyedReader ? options.keyedReader(note) : keyedFolderReader(note);
  }
  const use: StartCacheUse = { filesValidated: 0, filesKnownValid: 0, sourcesChecked: 0, sourcesKept: 0 };

  async function readJson<T>(file: string, schemaRef: string, fallback: T): Promise<T> {
    let data: unknown;
    try {
      data = await reader.readJson(file);
    } catch (err) {
      problems.push({ file: rel(file), message: `unreadable JSON: ${(err as Error).message}` });
      return fallback;
    }
    if (data === undefined) return fallback;
    if (cache?.knownValid(rel(file))) {
      use.filesKnownValid++;
      return data as T;
    }
    use.filesValidated++;
    const schemaProblems = check(schemaRef, data);
    for (const p of schemaProblems) {
      problems.push({ file: rel(file), record: recordIdAt(data, p.at), at: p.at, message: p.message });
    }
    if (schemaProblems.length > 0) return fallback;
    cache?.noteValid(rel(file));
    return data as T;
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
      const textFile = path.join(layout.sourcesDir, source.text.file);
      corpus.texts.set(source.id, await reader.readText(textFile));
      cache?.noteValid(rel(textFile));
    } catch {
      // reported by the integrity check as a missing text
    }
  }
  const claimFiles = new Map<string, Claim[]>();
  for (const file of await reader.jsonFilesIn(layout.claimsDir)) {
    const claims = await readJson<Claim[]>(path.join(layout.claimsDir, file), `${COLLECTION}ClaimsFile`, []);
    const sourceId = file.replace(/\.json$/, '');
    claimFiles.set(sourceId, claims);
    for (const c of claims) {
      if (c.source !== sourceId)
        problems.push({
          file: rel(path.join(layout.claimsDir, file)),
          record: c.id,
          message: `claim of source ${c.source} is filed under ${sourceId}`,
        });
    }
    for (const c of claims) corpus.claims.push(c);
  }

  // Made when a claim's problem is first reported: a million entries for none is most of a clean start's check.
  let claimSource: Map<string, string> | undefined;
  const fileOf = relativeFileOf(layout, (id) => (claimSource ??= new Map(corpus.claims.map((c) => [c.id, c.source]))).get(id));
  if (!cache) {
    problems.push(...checkIntegrity(corpus, fileOf));
    return { corpus, problems };
  }
  const { found, groups, checked } = checkIntegrityKept(corpus, claimFiles, layout, cache, fileOf);
  problems.push(...found);
  use.sourcesChecked = checked;
  use.sourcesKept = groups.size - checked;
  // Problems that refuse the store are found again at the next start (only served stores keep results).
  cache.save(problems.some((p) => !p.code) ? undefined : integrityToKeep(groups, problems));
  return { corpus, problems, startCache: use };
}

/**
 * checkIntegrity, skipping the sources whose files (source record, text, claims) and the shared lists
 * they are checked against (entities, properties) are unchanged since their problems were found: a
 * source's checks read only these (a claim's total, partOf, is of its own source). What spans sources
 * is checked every time: duplicate ids and the claims judgements name.
 */
function checkIntegrityKept(
  corpus: Corpus,
  claimFiles: Map<string, Claim[]>,
  layout: StoreLayout,
  cache: StartCache,
  fileOf: (kind: string, id: string) => string,
): { found: DataProblem[]; groups: Map<string, string | undefined>; checked: number } {
  const rel = relativeTo(layout.root);
  const shared = cache.groupKey([rel(layout.entitiesFile), rel(layout.propertiesFile)]);
  const sourceById = new Map(corpus.sources.map((s) => [s.id, s]));
  const groups = new Map<string, string | undefined>();
  for (const id of [...sourceById.keys(), ...claimFiles.keys()]) {
    if (groups.has(id)) continue;
    const source = sourceById.get(id);
    const files = [
      source ? rel(path.join(layout.sourcesDir, `${id}.json`)) : '-source',
      source ? rel(path.join(layout.sourcesDir, source.text.file)) : '-text',
      claimFiles.has(id) ? rel(path.join(layout.claimsDir, `${id}.json`)) : '-claims',
    ];
    groups.set(id, shared === undefined ? undefined : `${shared}/${cache.groupKey(files) ?? ''}`);
  }
  const kept: DataProblem[] = [];
  const fresh = new Set<string>();
  for (const [id, key] of groups) {
    const known = cache.cachedGroup(shared, id, key);
    if (known) kept.push(...known);
    else fresh.add(id);
  }
  if (fresh.size === groups.size) return { found: checkIntegrity(corpus, fileOf), groups, checked: fresh.size };
  const part: Corpus = {
    ...corpus,
    sources: corpus.sources.filter((s) => fresh.has(s.id)),
    claims: [...fresh].flatMap((id) => claimFiles.get(id) ?? []),
    judgements: [],
  };
  // Duplicates are looked for across the whole corpus below (the lists checked against are unchanged and were found without any).
  const found = checkIntegrity(part, fileOf).filter((p) => !DUPLICATE.test(p.message));
  return { found: [...acrossSources(corpus, fileOf), ...found, ...kept], groups, checked: fresh.size };
}

const DUPLICATE = /^duplicate \w+ id$/;

/** The checks of integrity.ts that span sources: duplicate ids, and judgements naming claims. */
function acrossSources(corpus: Corpus, fileOf: (kind: string, id: string) => string): DataProblem[] {
  const problems: DataProblem[] = [];
  const report = (kind: string, id: string, message: string, at?: string) =>
    problems.push({ file: fileOf(kind, id), record: id, at, message });
  const ids = (records: readonly { id: string }[], kind: string): Set<string> => {
    const seen = new Set<string>();
    for (const r of records) {
      if (seen.has(r.id)) report(kind, r.id, `duplicate ${kind} id`);
      seen.add(r.id);
    }
    return seen;
  };
  ids(corpus.sources, 'source');
  ids(corpus.entities, 'entity');
  ids(corpus.properties, 'property');
  const claims = claimIds(corpus.claims, report);
  ids(corpus.judgements, 'judgement');
  for (const j of corpus.judgements) {
    for (const side of ['a', 'b'] as const)
      if (!claims.has(j[side])) report('judgement', j.id, `${side} names unknown claim ${j[side]}`, `/${side}`);
    if (j.a === j.b) report('judgement', j.id, 'a judgement compares a claim with itself');
  }
  return problems;
}

/**
 * The claims' ids, each repeated one reported: in an id table (grouping.ts) rather than a Set of a
 * million strings, as every id is a string once the files are valid (else the Set, as for the other kinds).
 */
function claimIds(claims: readonly Claim[], report: (kind: string, id: string, message: string) => void): { has(id: string): boolean } {
  if (!claims.every((c) => typeof c.id === 'string')) {
    const seen = new Set<string>();
    for (const c of claims) {
      if (seen.has(c.id)) report('claim', c.id, 'duplicate claim id');
      seen.add(c.id);
    }
    return seen;
  }
  const table = new IdTable(claims);
  for (let i = 0; i < claims.length; i++) {
    const id = claims[i]!.id;
    if (!table.add(id, hashString(id), i)) report('claim', id, 'duplicate claim id');
  }
  return table;
}

/** Each source's problems, by the file they name, for the sources whose files are known; undefined when a problem names no source's file. */
function integrityToKeep(groups: Map<string, string | undefined>, problems: DataProblem[]) {
  const shared = [...groups.values()].find((k) => k !== undefined)?.split('/')[0];
  if (shared === undefined) return undefined;
  const bySource = new Map<string, DataProblem[]>();
  const inSources = `sources${path.sep}`;
  const inClaims = `claims${path.sep}`;
  for (const p of problems) {
    const dir = p.file.startsWith(inSources) ? inSources : p.file.startsWith(inClaims) ? inClaims : undefined;
    if (!dir || !p.file.endsWith('.json')) return undefined;
    const id = p.file.slice(dir.length, -'.json'.length);
    if (!groups.has(id)) return undefined;
    let list = bySource.get(id);
    if (!list) bySource.set(id, (list = []));
    list.push(p);
  }
  const kept: Record<string, { key: string; problems: DataProblem[] }> = {};
  for (const [id, key] of groups)
    if (key !== undefined && key.startsWith(`${shared}/`) && !key.endsWith('/')) kept[id] = { key, problems: bySource.get(id) ?? [] };
  return { shared, groups: kept };
}

/**
 * path.relative(root, p), without resolving both paths for each of the files' several names (1.4 s of
 * a 1M start, profiled): a path made by path.join under the root is its tail. Anything else goes the long way.
 */
function relativeTo(root: string): (p: string) => string {
  const { sep } = path;
  const prefix = path.resolve(root) + sep;
  const normal = (p: string) => !p.includes('..') && !p.includes(sep + sep) && !p.includes(`${sep}.${sep}`) && !p.endsWith(sep);
  return (p) => (p.startsWith(prefix) && normal(p) ? p.slice(prefix.length) : path.relative(root, p));
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
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
