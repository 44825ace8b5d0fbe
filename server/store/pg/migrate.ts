// Schema migrations: numbered SQL files in ./migrations (under version control), applied in order
// when a store is opened, all in one transaction recorded in schema_migrations. An advisory lock
// makes two processes opening a fresh database at once apply them once.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from 'pg';

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;
/** Any fixed number, the same in every process: the key of the advisory lock. */
const MIGRATION_LOCK = 7_301_013;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function migrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => MIGRATION_FILE.test(f)).sort();
  return Promise.all(
    files.map(async (name) => ({
      version: Number(MIGRATION_FILE.exec(name)![1]),
      name,
      sql: await readFile(path.join(MIGRATIONS_DIR, name), 'utf8'),
    })),
  );
}

/** Applies the migrations the database lacks; returns their names. Refuses a database newer than this code. */
export async function migrate(pool: Pool): Promise<string[]> {
  const known = await migrations();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...known.map((m) => m.version));
    const unknown = [...applied].filter((v) => v > newest);
    if (unknown.length > 0)
      throw new Error(
        `the database has schema version ${Math.max(...unknown)}, newer than this server knows (${newest}): run a newer Concordance against it`,
      );
    const done: string[] = [];
    for (const m of known) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(m.name);
    }
    await client.query('COMMIT');
    return done;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
