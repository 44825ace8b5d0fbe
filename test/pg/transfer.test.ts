// db:import / db:export: the bundled corpus goes into a fresh database and comes back byte for
// byte; a store that has lived (reviews, a deletion, its changelog and kept text) does too; the
// schema comes from the versioned migrations; what cannot be moved losslessly is refused.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { patchClaim } from '../../server/store/mutations.js';
import { PostgresBackend } from '../../server/store/pg/backend.js';
import { migrations } from '../../server/store/pg/migrate.js';
import { exportFolder, importFolder } from '../../server/store/pg/transfer.js';
import { Repository } from '../../server/store/repository.js';
import { deleteSource, sourceEtag } from '../../server/store/source-state.js';
import { revertChange } from '../../server/store/revert.js';
import { filesBelow } from '../durability/store-checks.js';
import { tempStore } from '../helpers/temp-store.js';
import { runDbCli } from './cli.js';
import { createTestDatabase, type TestDatabase } from './database.js';

const databases: TestDatabase[] = [];
const folders: string[] = [];
async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}
async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'concordance-pg-'));
  folders.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

/** Every file of `a` is in `b` with the same bytes, and `b` has no other. */
async function expectSameFiles(a: string, b: string): Promise<void> {
  const files = await filesBelow(a);
  expect(await filesBelow(b)).toEqual(files);
  for (const f of files) {
    const [x, y] = await Promise.all([readFile(path.join(a, f)), readFile(path.join(b, f))]);
    expect(x.equals(y), `${f} differs after the round trip`).toBe(true);
  }
}

describe('db:import and db:export', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });

  it('round-trips the bundled graph-data byte for byte through the CLIs', async () => {
    const imported = runDbCli('db-import.ts', ['--from', DEFAULT_DATA_DIR], db.url);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/imported .* 9 files, 2 sources, \d+ claims, 0 changes/);
    const out = path.join(await scratch(), 'exported');
    const exported = runDbCli('db-export.ts', ['--to', out], db.url);
    expect(exported.status, exported.stderr).toBe(0);
    await expectSameFiles(DEFAULT_DATA_DIR, out);
  }, 120_000);

  it('applies the versioned migrations once, recorded in schema_migrations', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.name)).toEqual((await migrations()).map((m) => m.name));
      expect(rows[0]).toMatchObject({ version: 1, name: '001_init.sql' });
      const types = await client.query<{ table_name: string; data_type: string }>(
        `SELECT table_name, data_type FROM information_schema.columns WHERE column_name = 'record' ORDER BY table_name`,
      );
      // json, not jsonb: the text of each record is kept as written.
      expect(new Set(types.rows.map((r) => r.data_type))).toEqual(new Set(['json']));
    } finally {
      await client.end();
    }
  });

  it('refuses to import into a database that already holds a store, and changes nothing', async () => {
    const again = runDbCli('db-import.ts', ['--from', DEFAULT_DATA_DIR], db.url);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds a store/);
  }, 60_000);

  it('refuses a folder holding a file that is no record of a store (it would be lost)', async () => {
    const folder = await tempStore();
    folders.push(folder);
    await writeFile(path.join(folder, 'notes.txt'), 'kept by hand\n');
    const target = await database();
    const run = runDbCli('db-import.ts', ['--from', folder], target.url);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/notes\.txt/);
  }, 60_000);

  it('moves a store with a history (reviews, a deleted and restored source, its changelog and kept text) both ways', async () => {
    const first = await database();
    const backend = await PostgresBackend.connect(first.url);
    await importFolder(backend, DEFAULT_DATA_DIR);
    const repo = await Repository.openBackend(backend);
    try {
      const claim = repo.snapshot.analysis.corpus.claims[0]!;
      await patchClaim(repo, claim.id, claim.version ?? 1, { action: 'accept' }, { who: 'tester' });
      const source = repo.snapshot.analysis.corpus.sources.at(-1)!.id;
      await deleteSource(repo, source, sourceEtag(repo.snapshot.analysis, source)!, { who: 'tester' });
      await revertChange(repo, 2, { who: 'tester' }, 'put back');
      const other = repo.snapshot.analysis.corpus.sources[0]!.id;
      await deleteSource(repo, other, sourceEtag(repo.snapshot.analysis, other)!, { who: 'tester' });
      const out = path.join(await scratch(), 'lived');
      await exportFolder(backend, out);
      const files = await filesBelow(out);
      expect(files).toContain('changelog.jsonl');
      expect(files.some((f) => f.startsWith('deleted/'))).toBe(true);
      // The export opens as a folder store with the same records.
      const reopened = await Repository.open(out);
      expect(reopened.snapshot.analysis.corpus.claims).toEqual(repo.snapshot.analysis.corpus.claims);
      expect((await reopened.readChangelog()).changes).toHaveLength(4);
      // And goes into another database and out again unchanged.
      const second = await database();
      const backend2 = await PostgresBackend.connect(second.url);
      try {
        await importFolder(backend2, out);
        const again = path.join(await scratch(), 'again');
        await exportFolder(backend2, again);
        await expectSameFiles(out, again);
      } finally {
        await backend2.close();
      }
    } finally {
      await repo.close();
    }
  }, 120_000);
});
