// The graph-data files as PostgreSQL rows, both ways: a file written by a mutation (or found in a
// folder being imported) becomes the rows of its kind, and the rows read back are presented as the
// files they stand for (what loadStore reads and what an export writes).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { PoolClient } from 'pg';
import { CHANGELOG_FILE } from '../changelog.js';
import { DELETED_DIR } from '../source-state.js';

/** The files that hold one list of records each, and their tables. */
const LIST_TABLES: Record<string, ListTable> = {
  'entities.json': 'entities',
  'properties.json': 'properties',
  'judgements.json': 'judgements',
  'source-trust.json': 'source_trust',
};
type ListTable = 'entities' | 'properties' | 'judgements' | 'source_trust';
/** Lists a folder store may lack: read back only when they hold a record, so an export matches the folder imported. */
const OPTIONAL_LISTS = new Set(['source-trust.json']);

/** What a store-relative file name stands for. */
export type RecordFile =
  | { kind: 'list'; table: ListTable }
  | { kind: 'source'; id: string }
  | { kind: 'text'; file: string }
  | { kind: 'original'; file: string }
  | { kind: 'claims'; source: string }
  | { kind: 'deleted-text'; sha256: string }
  | { kind: 'changelog' };

export function recordFileOf(rel: string): RecordFile | undefined {
  const list = LIST_TABLES[rel];
  if (list) return { kind: 'list', table: list };
  if (rel === CHANGELOG_FILE) return { kind: 'changelog' };
  const [dir, name, ...deeper] = rel.split(path.sep);
  if (!name || deeper.length > 0) return undefined;
  if (dir === 'sources') {
    if (/^[a-z0-9-]+\.original\.[a-z0-9-]+$/.test(name)) return { kind: 'original', file: name };
    if (/^[a-z0-9-]+\.json$/.test(name)) return { kind: 'source', id: name.slice(0, -'.json'.length) };
    if (/^[a-z0-9-]+\.txt$/.test(name)) return { kind: 'text', file: name };
  }
  if (dir === 'claims' && /^[a-z0-9-]+\.json$/.test(name)) return { kind: 'claims', source: name.slice(0, -'.json'.length) };
  if (dir === DELETED_DIR && /^[0-9a-f]{64}\.txt$/.test(name)) return { kind: 'deleted-text', sha256: name.slice(0, 64) };
  return undefined;
}

/** Order in which writes are applied: a source row exists before its text and claims are set. */
export function applyOrder(file: RecordFile): number {
  return file.kind === 'source' ? 0 : 1;
}

/** Writes the rows a file's new content stands for (replacing what the file held). */
export async function applyFile(db: PoolClient, file: RecordFile, content: string | Uint8Array): Promise<void> {
  const text = () => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
  switch (file.kind) {
    case 'list':
      await db.query(`DELETE FROM ${file.table}`);
      // Each element keeps its text (json, not jsonb); the list's order is its position.
      await db.query(
        `INSERT INTO ${file.table} (position, id, record) SELECT ord - 1, e->>'id', e FROM json_array_elements($1::json) WITH ORDINALITY AS t(e, ord)`,
        [compactJson(text())],
      );
      return;
    case 'source':
      await db.query('INSERT INTO sources (id, record) VALUES ($1, $2::json) ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record', [
        file.id,
        compactJson(text()),
      ]);
      return;
    case 'text': {
      const { rowCount } = await db.query(`UPDATE sources SET text = $2 WHERE record->'text'->>'file' = $1`, [file.file, text()]);
      if (rowCount !== 1) throw new Error(`sources/${file.file} is the text of ${rowCount} sources, not of one`);
      return;
    }
    case 'original':
      await db.query('INSERT INTO source_originals (file, bytes) VALUES ($1, $2) ON CONFLICT (file) DO UPDATE SET bytes = EXCLUDED.bytes', [
        file.file,
        Buffer.from(typeof content === 'string' ? Buffer.from(content, 'utf8') : content),
      ]);
      return;
    case 'claims':
      await db.query('DELETE FROM claims WHERE source = $1', [file.source]);
      await db.query(
        `INSERT INTO claims (id, source, position, version, record)
         SELECT e->>'id', $1, ord - 1, COALESCE((e->>'version')::integer, 1), e FROM json_array_elements($2::json) WITH ORDINALITY AS t(e, ord)`,
        [file.source, compactJson(text())],
      );
      return;
    case 'deleted-text':
      await db.query('INSERT INTO deleted_texts (sha256, text) VALUES ($1, $2) ON CONFLICT (sha256) DO UPDATE SET text = EXCLUDED.text', [
        file.sha256,
        text(),
      ]);
      return;
    case 'changelog':
      await appendChanges(db, text());
      return;
  }
}

/** Removes the rows a removed file stood for. A source's text goes with its row. */
export async function removeFile(db: PoolClient, file: RecordFile): Promise<void> {
  switch (file.kind) {
    case 'source':
      await db.query('DELETE FROM sources WHERE id = $1', [file.id]);
      return;
    case 'text':
      return;
    case 'claims':
      await db.query('DELETE FROM claims WHERE source = $1', [file.source]);
      return;
    case 'deleted-text':
      await db.query('DELETE FROM deleted_texts WHERE sha256 = $1', [file.sha256]);
      return;
    case 'original':
      await db.query('DELETE FROM source_originals WHERE file = $1', [file.file]);
      return;
    default:
      throw new Error(`a ${file.kind} file is never removed`);
  }
}

/** Appends changelog lines (JSON lines, as in changelog.jsonl), each row keeping its line's exact text. */
export async function appendChanges(db: PoolClient, lines: string): Promise<number[]> {
  const records = lines.split('\n').filter((l) => l.trim() !== '');
  const seqs = records.map((line) => (JSON.parse(line) as { seq: number }).seq);
  if (records.length > 0) {
    await db.query('INSERT INTO changes (seq, record) SELECT s, r::json FROM unnest($1::bigint[], $2::text[]) AS t(s, r)', [seqs, records]);
  }
  return seqs;
}

/** The store as the files it stands for: parsed JSON files, text files, and (for an export) the byte files. */
export interface StoreImage {
  json: Map<string, unknown>;
  texts: Map<string, string>;
  bytes: Map<string, Buffer>;
  /** changelog.jsonl, each line as it was appended; '' when there is no change. */
  changelog: string;
  /** The last change's seq (0 when none). */
  lastSeq: number;
  /**
   * For each JSON file and text: a key naming exactly the rows read for it (their row versions, xmin:
   * any write to a row gives it a new one), for the start cache (start-cache.ts).
   */
  versions: Map<string, string>;
}

/** The key of the rows of one file, in their order: how many, and their row versions. */
function rowsKey(versions: string[]): string {
  return `${versions.length}:${createHash('sha1').update(versions.join(',')).digest('base64url')}`;
}

/**
 * Reads the whole store in one consistent snapshot (REPEATABLE READ). `full` adds what serving does
 * not need: originals, deleted texts and the changelog's text (an export).
 */
export async function readImage(db: PoolClient, full: boolean): Promise<StoreImage> {
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const json = new Map<string, unknown>();
    const texts = new Map<string, string>();
    const bytes = new Map<string, Buffer>();
    const versions = new Map<string, string>();
    for (const [file, table] of Object.entries(LIST_TABLES)) {
      const { rows } = await db.query<{ record: unknown; v: string }>(`SELECT record, xmin::text AS v FROM ${table} ORDER BY position`);
      if (rows.length > 0 || !OPTIONAL_LISTS.has(file)) {
        json.set(
          file,
          rows.map((r) => r.record),
        );
        versions.set(file, rowsKey(rows.map((r) => r.v)));
      }
    }
    const sources = await db.query<{ id: string; record: { text: { file: string } }; text: string | null; v: string }>(
      'SELECT id, record, text, xmin::text AS v FROM sources',
    );
    for (const s of sources.rows) {
      json.set(path.join('sources', `${s.id}.json`), s.record);
      versions.set(path.join('sources', `${s.id}.json`), rowsKey([s.v]));
      json.set(path.join('claims', `${s.id}.json`), []);
      if (s.text !== null) {
        texts.set(path.join('sources', s.record.text.file), s.text);
        versions.set(path.join('sources', s.record.text.file), rowsKey([s.v]));
      }
    }
    const claims = await db.query<{ source: string; record: unknown; v: string }>(
      'SELECT source, record, xmin::text AS v FROM claims ORDER BY source, position',
    );
    const claimVersions = new Map<string, string[]>();
    for (const c of claims.rows) {
      const file = path.join('claims', `${c.source}.json`);
      const list = json.get(file) as unknown[] | undefined;
      if (list) list.push(c.record);
      else json.set(file, [c.record]);
      let v = claimVersions.get(file);
      if (!v) claimVersions.set(file, (v = []));
      v.push(c.v);
    }
    for (const file of json.keys()) if (file.startsWith(`claims${path.sep}`)) versions.set(file, rowsKey(claimVersions.get(file) ?? []));
    const last = await db.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM changes');
    let changelog = '';
    if (full) {
      const originals = await db.query<{ file: string; bytes: Buffer }>('SELECT file, bytes FROM source_originals');
      for (const o of originals.rows) bytes.set(path.join('sources', o.file), o.bytes);
      const deleted = await db.query<{ sha256: string; text: string }>('SELECT sha256, text FROM deleted_texts');
      for (const d of deleted.rows) texts.set(path.join(DELETED_DIR, `${d.sha256}.txt`), d.text);
      const changes = await db.query<{ line: string }>('SELECT record::text AS line FROM changes ORDER BY seq');
      changelog = changes.rows.map((r) => `${r.line}\n`).join('');
    }
    await db.query('COMMIT');
    return { json, texts, bytes, changelog, lastSeq: Number(last.rows[0]?.seq ?? 0), versions };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** A file's JSON without its indentation: the rows keep each record's own text, and a file's layout is made again on export. */
function compactJson(text: string): string {
  return JSON.stringify(JSON.parse(text));
}
