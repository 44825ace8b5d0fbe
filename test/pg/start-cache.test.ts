// The start cache on PostgreSQL (start-cache.ts, records.ts): rows are keyed by their row versions
// (xmin), so a load after an earlier one validates and checks only what changed, and a row changed
// by hand in SQL is validated and its problem found at the next load.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/lib/corpus.js';
import { writeCorpusFiles } from '../../server/store/create.js';
import { PostgresBackend } from '../../server/store/pg/backend.js';
import { importFolder } from '../../server/store/pg/transfer.js';
import { createTestDatabase, type TestDatabase } from './database.js';

let db: TestDatabase;
let backend: PostgresBackend;
const previous = process.env.CONCORDANCE_START_CACHE;

beforeAll(async () => {
  process.env.CONCORDANCE_START_CACHE = await mkdtemp(path.join(tmpdir(), 'concordance-start-cache-pg-'));
  db = await createTestDatabase();
  const root = await mkdtemp(path.join(tmpdir(), 'concordance-start-pg-'));
  await writeCorpusFiles(generateCorpus({ claims: 300, seed: 5 }), root);
  const importer = await PostgresBackend.connect(db.url);
  await importFolder(importer, root).finally(() => importer.close());
  backend = await PostgresBackend.connect(db.url);
}, 60_000);

afterAll(async () => {
  if (previous === undefined) delete process.env.CONCORDANCE_START_CACHE;
  else process.env.CONCORDANCE_START_CACHE = previous;
  await backend?.close();
  await db?.drop();
});

describe('start cache on PostgreSQL', () => {
  it('a second load validates no unchanged row; a row changed in SQL is validated and refused, naming its file', async () => {
    const first = await backend.load();
    expect(first.problems).toEqual([]);
    expect(first.startCache).toMatchObject({ filesKnownValid: 0, sourcesKept: 0 });
    const second = await backend.load();
    expect(second.problems).toEqual([]);
    expect(second.startCache).toMatchObject({ filesValidated: 0, filesKnownValid: first.startCache!.filesValidated, sourcesChecked: 0 });
    expect(second.corpus).toEqual(first.corpus);

    const claim = first.corpus.claims[0]!;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      // Every other row untouched: only this row's version tells.
      await client.query(`UPDATE claims SET record = (record::jsonb || '{"status": "edited-by-hand"}')::json WHERE id = $1`, [claim.id]);
    } finally {
      await client.end();
    }
    const third = await backend.load();
    expect(third.startCache).toMatchObject({ filesValidated: 1, sourcesChecked: 1 });
    expect(third.problems.map((p) => p.file)).toEqual([path.join('claims', `${claim.source}.json`)]);
  });
});
