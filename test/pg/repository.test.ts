// Two repositories (as two server processes would hold them) on one database, with the order of
// their writes pinned: a write held back until another process has committed is checked in SQL —
// a stale claim version is a version-mismatch (the API's 412), a write to other records from a
// process that has not loaded the newer change is refused (503, try again) without writing, and
// after the reload the NOTIFY starts, the same write goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../server/store/failures.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { MutationError, patchClaim } from '../../server/store/mutations.js';
import { PostgresBackend } from '../../server/store/pg/backend.js';
import { importFolder } from '../../server/store/pg/transfer.js';
import { Repository } from '../../server/store/repository.js';
import { createTestDatabase, type TestDatabase } from './database.js';

let db: TestDatabase;
let a: Repository;
let b: Repository;
const who = { who: 'tester' };

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

/** Holds `repo`'s write queue until the returned function is called: what is queued meanwhile runs after. */
function holdWrites(repo: Repository): () => void {
  let release!: () => void;
  void repo.exclusive(() => new Promise<void>((resolve) => (release = resolve)));
  return () => release();
}

const versionIn = async (id: string) => {
  const backend = await PostgresBackend.connect(db.url);
  try {
    return (await backend.load()).corpus.claims.find((c) => c.id === id)?.version ?? 1;
  } finally {
    await backend.close();
  }
};

describe('writes of two processes on one database', () => {
  it('a review of a claim version another process has replaced fails in SQL as a version mismatch, and writes nothing', async () => {
    const target = a.snapshot.analysis.corpus.claims[0]!;
    const version = target.version ?? 1;
    const release = holdWrites(b);
    const late = patchClaim(b, target.id, version, { action: 'reject' }, who);
    await patchClaim(a, target.id, version, { action: 'accept' }, who);
    release();
    const error = await late.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MutationError);
    expect(error).toMatchObject({ kind: 'version-mismatch', details: { id: target.id, version: version + 1, status: 'reviewed' } });
    expect(await versionIn(target.id)).toBe(version + 1);
    // B has loaded A's write since: it serves the new version.
    await b.exclusive(async () => undefined);
    expect(b.snapshot.analysis.index.claim.get(target.id)).toMatchObject({ version: version + 1, status: 'reviewed' });
  }, 60_000);

  it('a write to another claim from a process that has not loaded the newer change is refused without writing, and goes through once it has', async () => {
    const claims = a.snapshot.analysis.corpus.claims;
    const [first, second] = [claims[1]!, claims.find((c) => c.source !== claims[1]!.source)!];
    const release = holdWrites(b);
    const late = patchClaim(b, second.id, second.version ?? 1, { action: 'accept' }, who);
    await patchClaim(a, first.id, first.version ?? 1, { action: 'accept' }, who);
    release();
    const error = await late.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect(error).toMatchObject({ kind: 'locked' });
    expect((error as Error).message).toMatch(/another server process wrote to the database/);
    expect(await versionIn(second.id)).toBe(second.version ?? 1);
    // The refusal started B's reload; the same write then lands, after A's in the changelog.
    const written = await patchClaim(b, second.id, second.version ?? 1, { action: 'accept' }, who);
    expect(written).toMatchObject({ version: (second.version ?? 1) + 1 });
    const { changes } = await b.readChangelog();
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
    expect(changes.at(-1)).toMatchObject({ claim: second.id, action: 'accept' });
  }, 60_000);
});
