// A deleted source takes the reviewers' trust judgements that name it with it (its own, and those
// marking another source derivative of it), in the same all-or-nothing write, recorded in the
// delete's changelog line; reverting the delete puts them back unchanged; a source added anew under
// the same id inherits none. On the folder store over real HTTP, and on PostgreSQL.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { selectorAt } from '../../server/core/anchor.js';
import type { Claim, TrustJudgement } from '../../server/core/schema-types.js';
import type { Extractor } from '../../server/extract/types.js';
import { readChangelog } from '../../server/store/changelog.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { PostgresBackend } from '../../server/store/pg/backend.js';
import { importFolder } from '../../server/store/pg/transfer.js';
import { Repository } from '../../server/store/repository.js';
import { revertChange } from '../../server/store/revert.js';
import { deleteSource, sourceEtag } from '../../server/store/source-state.js';
import { setTrust } from '../../server/store/source-trust.js';
import { expectError, startApi, type RunningApi } from '../api/harness.js';
import { RB, WP } from '../api/fixture-store.js';
import { miniStore } from '../helpers/mini-store.js';
import { createTestDatabase, type TestDatabase } from '../pg/database.js';

const menExtractor: Extractor = (text, { sourceId }) => {
  const claims: Claim[] = [...text.matchAll(/(\d[\d,]*) men/g)].map((m, i) => ({
    id: `${sourceId}-x${i + 1}`,
    source: sourceId,
    subject: 'garrison',
    property: 'troop-strength',
    value: { type: 'quantity', comparator: 'exact', amount: Number(m[1]!.replace(/,/g, '')), unit: 'soldiers' },
    wording: m[0],
    quote: selectorAt(text, m.index!, m.index! + m[0].length),
    citations: [],
    status: 'extracted',
    confidence: 0.5,
    version: 1,
  }));
  return { claims, proposedEntities: [], references: [], warnings: [] };
};

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const bySource = (list: readonly TrustJudgement[]) => list.toSorted((x, y) => x.source.localeCompare(y.source));
const LETTER = { title: 'Letter', publisher: 'Archive', text: 'The garrison had 9,000 men that winter.' };

let api: RunningApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('deleting a source on the folder store', () => {
  const trustIn = async (a: RunningApi): Promise<TrustJudgement[]> =>
    JSON.parse(await readFile(path.join(a.dataDir, 'source-trust.json'), 'utf8'));
  const judge = async (a: RunningApi, id: string, body: unknown, etag = '"0"') => {
    const reply = await a.send('PUT', `/api/sources/${id}/trust`, json(body, { 'if-match': etag }));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.change as number;
  };
  const remove = async (a: RunningApi, id: string) => {
    const etag = (await a.get(`/api/sources/${id}`)).headers.etag as string;
    const reply = await a.send('DELETE', `/api/sources/${id}`, { headers: { 'if-match': etag } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return (await readChangelog(a.dataDir)).changes.at(-1)!;
  };

  it('removes the judgements naming it in the delete, logs them, and its revert puts them back unchanged', async () => {
    const a = (api = await startApi(await miniStore(), { extractor: async () => menExtractor }));
    for (const body of [LETTER, { title: 'Diary', publisher: 'Archive', text: 'The garrison counted 9,000 men.' }])
      expect((await a.send('POST', '/api/sources', json(body))).status).toBe(201);
    await judge(a, 'letter', { primary: true, note: "the commander's own letter" });
    await judge(a, 'diary', { derivativeOf: 'letter' });
    await judge(a, 'chronicle', { primary: true });
    const before = await trustIn(a);
    expect(before).toHaveLength(3);

    const deleted = await remove(a, 'letter');
    expect(await trustIn(a)).toEqual(before.filter((j) => j.source === 'chronicle'));
    expect(deleted).toMatchObject({ action: 'delete-source', source: 'letter' });
    expect(bySource(deleted.removed!.trust!)).toEqual(bySource(before.filter((j) => j.source !== 'chronicle')));
    const diary = await a.get('/api/sources/diary/trust');
    expect(diary.body.judgement).toBeNull();
    expect(diary.headers.etag).toBe('"0"');
    expect(a.repo.snapshot.analysis.corpus.trust).toEqual(await trustIn(a));

    const undone = await a.send('POST', `/api/changes/${deleted.seq}/revert`, {});
    expect(undone.status, JSON.stringify(undone.body)).toBe(201);
    expect(bySource(await trustIn(a))).toEqual(bySource(before));
    const restored = (await readChangelog(a.dataDir)).changes.at(-1)!;
    expect(bySource(restored.restored!.trust!)).toEqual(bySource(deleted.removed!.trust!));
    const back = await a.get('/api/sources/diary/trust');
    expect(back.headers.etag).toBe('"1"');
    expect(back.body.judgement).toEqual({ primary: false, derivativeOf: { id: 'letter', title: 'Letter' }, note: null, version: 1 });
    expect((await a.get('/api/sources/letter/trust')).body.judgement).toMatchObject({
      primary: true,
      note: "the commander's own letter",
      version: 1,
    });
  });

  it('keeps a judgement made since the delete, and gives a source added anew under the same id no old judgement', async () => {
    const a = (api = await startApi(await miniStore(), { extractor: async () => menExtractor }));
    for (const body of [LETTER, { title: 'Diary', publisher: 'Archive', text: 'The garrison counted 9,000 men.' }])
      expect((await a.send('POST', '/api/sources', json(body))).status).toBe(201);
    await judge(a, 'letter', { primary: true });
    await judge(a, 'diary', { derivativeOf: 'letter' });

    // The diary is judged again while the letter is gone: the revert of the delete leaves that judgement.
    const deleted = await remove(a, 'letter');
    await judge(a, 'diary', { primary: true });
    const undone = await a.send('POST', `/api/changes/${deleted.seq}/revert`, {});
    expect(undone.status, JSON.stringify(undone.body)).toBe(201);
    expect((await a.get('/api/sources/diary/trust')).body.judgement).toMatchObject({ primary: true, derivativeOf: null });
    expect((await readChangelog(a.dataDir)).changes.at(-1)!.restored!.trust!.map((j) => j.source)).toEqual(['letter']);
    const cleared = (await a.send('DELETE', '/api/sources/letter/trust', { headers: { 'if-match': '"1"' } })).body.change as number;

    // Deleted again, and the same document added anew: the id is the same, the judgements are not.
    await remove(a, 'letter');
    const readded = await a.send('POST', '/api/sources', json(LETTER));
    expect(readded.status).toBe(201);
    expect(readded.body.source?.id ?? readded.body.id).toBe('letter');
    const letter = await a.get('/api/sources/letter/trust');
    expect(letter.body.judgement).toBeNull();
    expect(letter.headers.etag).toBe('"0"');
    // Reverting the old clearing of its judgement would bring the old letter's judgement to the new one: refused.
    const refused = await a.send('POST', `/api/changes/${cleared}/revert`, {});
    expectError(refused, 409);
    expect(refused.body.error).toMatch(/added anew/);
    expect((await a.get('/api/sources/letter/trust')).body.judgement).toBeNull();
  });
});

describe('deleting a source on PostgreSQL', () => {
  let db: TestDatabase | undefined;
  const opened: Repository[] = [];
  afterAll(async () => {
    for (const repo of opened) await repo.close();
    await db?.drop();
  });
  const rows = async (url: string) => {
    const backend = await PostgresBackend.connect(url);
    try {
      return (
        await backend.withClient(async (c) => (await c.query<{ record: TrustJudgement }>('SELECT record FROM source_trust')).rows)
      ).map((r) => r.record);
    } finally {
      await backend.close();
    }
  };

  it("removes the rows naming the source in the delete's transaction, and its revert restores them", async () => {
    db = await createTestDatabase();
    const importer = await PostgresBackend.connect(db.url);
    await importFolder(importer, DEFAULT_DATA_DIR).finally(() => importer.close());
    const a = await Repository.openBackend(await PostgresBackend.connect(db.url));
    const b = await Repository.openBackend(await PostgresBackend.connect(db.url));
    opened.push(a, b);
    const who = { who: 'tester' };
    await setTrust(a, WP, 0, { primary: true }, who);
    await setTrust(a, RB, 0, { derivativeOf: WP }, who);
    const before = await rows(db.url);
    expect(before).toHaveLength(2);

    await deleteSource(a, WP, sourceEtag(a.snapshot.analysis, WP)!, who);
    expect(await rows(db.url)).toEqual([]);
    const { changes } = await a.readChangelog();
    const line = changes.at(-1)!;
    expect(line).toMatchObject({ action: 'delete-source', source: WP });
    expect(bySource(line.removed!.trust!)).toEqual(bySource(before));
    for (let i = 0; i < 200 && (b.snapshot.analysis.corpus.trust ?? []).length !== 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(b.snapshot.analysis.corpus.trust ?? []).toEqual([]);

    await revertChange(a, line.seq, who);
    expect(bySource(await rows(db.url))).toEqual(bySource(before));
    expect(bySource(a.snapshot.analysis.corpus.trust ?? [])).toEqual(bySource(before));
    for (let i = 0; i < 200 && (b.snapshot.analysis.corpus.trust ?? []).length !== 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(bySource(b.snapshot.analysis.corpus.trust ?? [])).toEqual(bySource(before));
  }, 120_000);
});
