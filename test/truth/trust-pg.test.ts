// Reviewer trust through the backend seam on PostgreSQL: a judgement written by one process is a row
// of source_trust, reaches another process by its NOTIFY, and moves its likely value too; the revert
// goes the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revertChange } from '../../server/store/revert.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { PostgresBackend } from '../../server/store/pg/backend.js';
import { importFolder } from '../../server/store/pg/transfer.js';
import { Repository } from '../../server/store/repository.js';
import { setTrust } from '../../server/store/source-trust.js';
import { createTestDatabase, type TestDatabase } from '../pg/database.js';

let db: TestDatabase;
let a: Repository;
let b: Repository;
const WP = 'wikipedia-japanese-intervention';
const DEATHS_GROUP = 'japanese-expeditionary-force|deaths';

beforeAll(async () => {
  db = await createTestDatabase();
  const importer = await PostgresBackend.connect(db.url);
  await importFolder(importer, DEFAULT_DATA_DIR).finally(() => importer.close());
  a = await Repository.openBackend(await PostgresBackend.connect(db.url));
  b = await Repository.openBackend(await PostgresBackend.connect(db.url));
}, 60_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

const likelyIn = (repo: Repository, group: string) => repo.snapshot.analysis.likely.byGroup.get(group)?.[0]?.claimIds;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}

describe('reviewer trust on PostgreSQL', () => {
  it('is stored as a row, seen by the other process, and reverted', async () => {
    const before = likelyIn(a, DEATHS_GROUP);
    expect(before).toBeDefined();
    const { judgement, change } = await setTrust(a, WP, 0, { primary: true }, { who: 'tester' });
    expect(judgement).toMatchObject({ source: WP, primary: true, version: 1 });
    const rows = await (
      await PostgresBackend.connect(db.url)
    ).withClient(async (c) => (await c.query('SELECT id, record FROM source_trust')).rows);
    expect(rows).toEqual([{ id: WP, record: { id: WP, source: WP, primary: true, version: 1 } }]);
    const after = likelyIn(a, DEATHS_GROUP);
    expect(after).not.toEqual(before);
    await until(() => (b.snapshot.analysis.corpus.trust ?? []).length === 1);
    expect(likelyIn(b, DEATHS_GROUP)).toEqual(after);

    await revertChange(a, change, { who: 'tester' });
    expect(a.snapshot.analysis.corpus.trust).toEqual([]);
    expect(likelyIn(a, DEATHS_GROUP)).toEqual(before);
    await until(() => (b.snapshot.analysis.corpus.trust ?? []).length === 0);
    expect(likelyIn(b, DEATHS_GROUP)).toEqual(before);
    // An export of the store has no source-trust.json once it is empty again: the folder it came from had none.
    const image = await (await PostgresBackend.connect(db.url)).image();
    expect(image.json.has('source-trust.json')).toBe(false);
  });
});
