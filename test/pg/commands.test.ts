// validate, report and export read the PostgreSQL store when DATABASE_URL names one: the bundled
// corpus imported into a fresh database gives the same report and exports as the folder it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDbCli } from './cli.js';
import { createTestDatabase, type TestDatabase } from './database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  const imported = runDbCli('db-import.ts', ['--from', 'graph-data'], db.url);
  expect(imported.status, imported.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await db?.drop();
});

describe('the store commands on PostgreSQL', () => {
  it('validate names the database and counts what the folder holds', () => {
    const fromDb = runDbCli('validate.ts', [], db.url);
    const fromFolder = runDbCli('validate.ts', [], undefined);
    expect(fromDb.status, fromDb.stderr).toBe(0);
    expect(fromDb.stdout).toMatch(/^PostgreSQL postgres:\/\/.+ is valid: /);
    expect(fromDb.stdout.split('is valid: ')[1]).toBe(fromFolder.stdout.split('is valid: ')[1]);
  }, 180_000);

  it('report and export give what they give from the folder', () => {
    for (const args of [['--json'], []]) {
      const fromDb = runDbCli('report.ts', args, db.url);
      expect(fromDb.status, fromDb.stderr).toBe(0);
      expect(fromDb.stdout).toBe(runDbCli('report.ts', args, undefined).stdout);
    }
    for (const format of ['claims-csv', 'comparisons-csv']) {
      const fromDb = runDbCli('export.ts', ['--format', format], db.url);
      expect(fromDb.status, fromDb.stderr).toBe(0);
      expect(fromDb.stdout.length).toBeGreaterThan(100);
      expect(fromDb.stdout).toBe(runDbCli('export.ts', ['--format', format], undefined).stdout);
    }
  }, 300_000);

  it('a database that does not answer is a failure naming it, not the folder read instead', () => {
    const run = runDbCli('validate.ts', [], 'postgres://postgres@127.0.0.1:1/nowhere');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/PostgreSQL store at postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere/);
  }, 60_000);
});
