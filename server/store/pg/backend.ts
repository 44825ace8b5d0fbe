// The PostgreSQL store (DATABASE_URL=postgres://…): the same records as graph-data/, one row each,
// shared by several server processes. A write is one transaction that
//   1. takes the writers' lock (an advisory lock: one writer at a time, readers never wait),
//   2. checks the version of every claim it rewrites against the version this process started from
//      (a review based on a version another process has replaced is stale: 412, as today),
//   3. checks that no other process has written since this one loaded (else: 503, try again; this
//      process reloads at once), so a rewritten list never drops another process's records,
//   4. writes the rows, appends the changelog and NOTIFYs the new seq, then commits.
// Every process LISTENs and reloads its snapshot when another one commits.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { Change } from '../../core/schema-types.js';
import type { DataProblem } from '../../core/model.js';
import type { Loaded, StoreBackend } from '../backend.js';
import { parseChangelog } from '../changelog.js';
import { StoreWriteError } from '../failures.js';
import { loadStore, type NoteRead, type StoreReader } from '../load.js';
import { startCacheFile } from '../start-cache.js';
import { storeLayout, type StoreLayout } from '../layout.js';
import { MutationError } from '../mutations.js';
import type { Append, FileWrite } from '../transaction.js';
import { migrate } from './migrate.js';
import { applyFile, applyOrder, readImage, recordFileOf, removeFile, type RecordFile, type StoreImage } from './records.js';

export const CHANGES_CHANNEL = 'concordance_changes';
/** The key of the writers' advisory lock (any fixed number, the same in every process). */
const WRITER_LOCK = 7_301_014;
/** The names a database store gives its records: graph-data's paths under a root that is never a folder. */
const RECORD_ROOT = path.resolve('/', 'postgres');

export class PostgresBackend implements StoreBackend {
  readonly layout: StoreLayout = storeLayout(RECORD_ROOT);
  /** Tells this process's notifications from other processes'. */
  private readonly instance = randomBytes(6).toString('hex');
  /** Claim versions by source as this process last loaded or wrote them: what its writes start from. */
  private versions = new Map<string, Map<string, number>>();
  /** The last change seq this process has loaded or written. */
  private knownSeq = 0;
  private listener: pg.Client | undefined;
  private onChange: ((seq: number) => void) | undefined;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    readonly description: string,
  ) {}

  /** Connects, applies pending migrations and starts listening for other processes' writes. */
  static async connect(url: string): Promise<PostgresBackend> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle client losing its server is reported here rather than crashing the process.
    pool.on('error', (err) => console.error(`PostgreSQL: ${err.message}`));
    const backend = new PostgresBackend(pool, `PostgreSQL ${redacted(url)}`);
    try {
      await migrate(pool);
      await backend.listen(url);
    } catch (err) {
      await backend.close();
      throw new Error(`cannot use the PostgreSQL store at ${redacted(url)}: ${(err as Error).message}`, { cause: err });
    }
    return backend;
  }

  async load(): Promise<Loaded> {
    const image = await this.withClient((db) => readImage(db, false));
    // Rows unchanged since an earlier start (same row versions) are not validated again (start-cache.ts).
    const startCache = await this.startCache();
    const root = this.layout.root;
    const {
      corpus,
      problems,
      startCache: use,
    } = await loadStore(
      root,
      imageReader(root, image),
      startCache ? { startCache, keyedReader: (note) => imageReader(root, image, note) } : {},
    );
    const { problems: logProblems } = await this.readChangelog();
    this.versions = new Map();
    for (const c of corpus.claims) this.versionsOf(c.source).set(c.id, c.version ?? 1);
    this.knownSeq = image.lastSeq;
    return { corpus, problems: [...problems, ...logProblems], lastSeq: image.lastSeq, ...(use ? { startCache: use } : {}) };
  }

  async commit(writes: FileWrite[], appends: Append[], removals: string[]): Promise<void> {
    const named = (file: string) => {
      const rel = path.relative(this.layout.root, file);
      const record = recordFileOf(rel);
      if (!record) throw new Error(`${rel} is not a record of the store`);
      return record;
    };
    const toWrite = writes
      .map((w) => ({ record: named(w.file), content: w.content }))
      .sort((a, b) => applyOrder(a.record) - applyOrder(b.record));
    const toRemove = removals.map(named);
    const lines = appends
      .map((a) => {
        if (named(a.file).kind !== 'changelog') throw new Error(`only the changelog is appended to, not ${a.file}`);
        return a.content;
      })
      .join('');
    const seqs = lines
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as Change).seq);
    const written = new Map<string, Map<string, number>>();
    await this.withClient(async (db) => {
      await db.query('BEGIN');
      try {
        await db.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
        for (const source of claimSourcesOf([...toWrite.map((w) => w.record), ...toRemove])) await this.checkVersions(db, source);
        await this.checkNothingNewer(db, seqs);
        for (const w of toWrite) await applyFile(db, w.record, w.content);
        for (const r of toRemove) await removeFile(db, r);
        if (lines) await applyFile(db, { kind: 'changelog' }, lines);
        if (seqs.length > 0) await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `${this.instance} ${seqs.at(-1)}`]);
        await db.query('COMMIT');
      } catch (err) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
    for (const w of toWrite) if (w.record.kind === 'claims') written.set(w.record.source, versionsIn(w.content));
    for (const r of toRemove) if (r.kind === 'claims') written.set(r.source, new Map());
    for (const [source, versions] of written) this.versions.set(source, versions);
    if (seqs.length > 0) this.knownSeq = Math.max(this.knownSeq, ...seqs);
  }

  /** The claims of `source` in the database must be those, at the versions, this process started from. */
  private async checkVersions(db: pg.PoolClient, source: string): Promise<void> {
    const known = this.versions.get(source) ?? new Map<string, number>();
    const { rows } = await db.query<{ id: string; version: number }>('SELECT id, version FROM claims WHERE source = $1', [source]);
    const inDatabase = new Map(rows.map((r) => [r.id, r.version]));
    const changed = [...new Set([...known.keys(), ...inDatabase.keys()])].find((id) => known.get(id) !== inDatabase.get(id));
    if (changed === undefined) return;
    const current = await db.query<{ record: unknown }>('SELECT record FROM claims WHERE id = $1', [changed]);
    this.onChange?.(Number.MAX_SAFE_INTEGER);
    const now = inDatabase.get(changed);
    throw new MutationError(
      'version-mismatch',
      `claim ${changed} is ${now === undefined ? 'no longer' : `at version ${now}`} in the database${known.has(changed) ? `, not ${known.get(changed)}` : ''}: another server process changed it`,
      current.rows[0]?.record ?? null,
    );
  }

  /** No change may have been committed since this process loaded or last wrote: its lists would drop it. */
  private async checkNothingNewer(db: pg.PoolClient, seqs: number[]): Promise<void> {
    const { rows } = await db.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM changes');
    const last = Number(rows[0]?.seq ?? 0);
    if (last === this.knownSeq && (seqs.length === 0 || seqs[0] === last + 1)) return;
    this.onChange?.(last);
    throw new StoreWriteError(
      'locked',
      `another server process wrote to the database (change ${last}) since this one loaded it (change ${this.knownSeq}); it is being loaded now: try again in a moment, nothing was written`,
      this.description,
      null,
    );
  }

  /**
   * The start cache of this database: named by the cluster's system identifier and the database's oid,
   * so that row versions (xmin, unique within a cluster) name the same rows. None when they cannot be read.
   */
  private async startCache(): Promise<string | undefined> {
    try {
      const { rows } = await this.pool.query<{ id: string; oid: string }>(
        'SELECT (SELECT system_identifier::text FROM pg_control_system()) AS id, (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS oid',
      );
      const { id, oid } = rows[0] ?? {};
      return id && oid ? startCacheFile(`postgres:${id}:${oid}`) : undefined;
    } catch {
      return undefined;
    }
  }

  async readChangelog(): Promise<{ changes: Change[]; problems: DataProblem[] }> {
    const { rows } = await this.pool.query<{ line: string }>('SELECT record::text AS line FROM changes ORDER BY seq');
    const parsed = parseChangelog(rows.map((r) => r.line).join('\n'));
    // Problems name the row by its seq rather than a line of a file.
    return parsed;
  }

  async readText(file: string): Promise<string | undefined> {
    const record = recordFileOf(path.relative(this.layout.root, file));
    if (record?.kind !== 'deleted-text') return undefined;
    const { rows } = await this.pool.query<{ text: string }>('SELECT text FROM deleted_texts WHERE sha256 = $1', [record.sha256]);
    return rows[0]?.text;
  }

  async ensureFolder(): Promise<void> {}

  watch(onChange: (seq: number) => void): void {
    this.onChange = onChange;
  }

  /** The whole store as graph-data files (for db:export). */
  image(): Promise<StoreImage> {
    return this.withClient((db) => readImage(db, true));
  }

  /** A client of the pool for one transaction (db:import). */
  withClient<T>(task: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.pool.connect().then(async (db) => {
      try {
        return await task(db);
      } finally {
        db.release();
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private versionsOf(source: string): Map<string, number> {
    let map = this.versions.get(source);
    if (!map) this.versions.set(source, (map = new Map()));
    return map;
  }

  /** LISTEN on a connection of its own; reconnects (and reloads, having maybe missed a change) if it drops. */
  private async listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      const [instance, seq] = (message.payload ?? '').split(' ');
      if (instance !== this.instance && seq) this.onChange?.(Number(seq));
    });
    client.on('error', (err) => {
      if (this.closed) return;
      console.error(`PostgreSQL notifications: ${err.message}; reconnecting`);
      void client.end().catch(() => undefined);
      setTimeout(() => {
        if (this.closed) return;
        this.listen(url).then(
          () => this.onChange?.(Number.MAX_SAFE_INTEGER),
          (e: unknown) => client.emit('error', e),
        );
      }, 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    this.listener = client;
  }
}

/** The sources whose claims a write rewrites or removes. */
function claimSourcesOf(records: RecordFile[]): string[] {
  return [...new Set(records.flatMap((r) => (r.kind === 'claims' ? [r.source] : [])))];
}

function versionsIn(content: string | Uint8Array): Map<string, number> {
  const claims = JSON.parse(typeof content === 'string' ? content : Buffer.from(content).toString('utf8')) as {
    id: string;
    version?: number;
  }[];
  return new Map(claims.map((c) => [c.id, c.version ?? 1]));
}

/** loadStore reading the rows as the files they stand for (telling `note` their row versions, read in one snapshot). */
function imageReader(root: string, image: StoreImage, note?: NoteRead): StoreReader {
  const rel = (file: string) => path.relative(root, file);
  return {
    readJson: async (file) => {
      const data = image.json.get(rel(file));
      if (data !== undefined) note?.(file, image.versions.get(rel(file)), 0);
      return data;
    },
    readText: async (file) => {
      const text = image.texts.get(rel(file));
      if (text === undefined) throw new Error(`no text ${rel(file)}`);
      note?.(file, image.versions.get(rel(file)), 0);
      return text;
    },
    jsonFilesIn: async (dir) => {
      const prefix = `${rel(dir)}${path.sep}`;
      return [...image.json.keys()]
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length))
        .sort();
    },
  };
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL (not a URL)';
  }
}
