// Deleting a source and undoing changes (issues 12 and 13), over real HTTP: a deletion removes the
// source with its claims, judgements and comparisons and can be reverted to the byte; any review,
// hand-made claim or ingest can be reverted; a revert whose records changed since is refused.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selectorAt } from '../../server/core/anchor.js';
import type { Claim, Judgement } from '../../server/core/schema-types.js';
import type { Extractor } from '../../server/extract/types.js';
import { loadStore } from '../../server/store/load.js';
import { readChangelog } from '../../server/store/changelog.js';
import { expectError, expectShape, startApi, type RunningApi } from '../api/harness.js';
import { miniStore } from '../helpers/mini-store.js';
import { fingerprint } from '../helpers/temp-store.js';

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

let api: RunningApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(): Promise<RunningApi> {
  api = await startApi(await miniStore(), { extractor: async () => menExtractor });
  return api;
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const revert = (a: RunningApi, seq: number, body?: unknown) =>
  a.send('POST', `/api/changes/${seq}/revert`, body === undefined ? {} : json(body));

/** Everything but the changelog and the kept texts of deleted sources: the records themselves. */
async function records(root: string): Promise<Record<string, string>> {
  const all = await fingerprint(root);
  return Object.fromEntries(Object.entries(all).filter(([f]) => f !== 'changelog.jsonl' && !f.startsWith('deleted/')));
}

describe('DELETE /api/sources/:id', () => {
  it('needs the source ETag, removes source, claims, judgements and comparisons, and is revertible to the byte', async () => {
    const a = await start();
    // A second source whose claim conflicts with the chronicle's, and a judgement between them.
    const added = await a.send(
      'POST',
      '/api/sources',
      json({ title: 'Letter', publisher: 'Archive', text: 'The garrison had 9,000 men that winter.' }),
    );
    expect(added.status).toBe(201);
    const judgement: Judgement = { id: 'j-letter', a: 'letter-x1', b: 'chronicle-1', verdict: 'conflicts', reason: 'different counts' };
    // Reopened on a copy (close() removes its folder), so the judgement is loaded as curated data.
    const copy = await mkdtemp(path.join(tmpdir(), 'concordance-revert-'));
    await cp(a.dataDir, copy, { recursive: true });
    await writeFile(path.join(copy, 'judgements.json'), `${JSON.stringify([judgement], null, 2)}\n`);
    await a.close();
    api = await startApi(copy, { extractor: async () => menExtractor });
    const b = api;
    const before = await records(b.dataDir);
    const conflictsBefore = (await b.get('/api/conflicts')).body.count;

    const got = await b.get('/api/sources/letter');
    const etag = got.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expectError(await b.send('DELETE', '/api/sources/letter'), 428, '/headers/if-match');
    expectError(await b.send('DELETE', '/api/sources/letter', { headers: { 'if-match': `W/${etag}` } }), 400, '/headers/if-match');
    expectError(await b.send('DELETE', '/api/sources/letter', { headers: { 'if-match': '"stale"' } }), 412);
    expectError(await b.send('DELETE', '/api/sources/nope', { headers: { 'if-match': etag } }), 404);
    expect(await records(b.dataDir)).toEqual(before);

    const deleted = await b.send('DELETE', '/api/sources/letter', { headers: { 'if-match': etag } });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expectShape(deleted.body, 'SourceDeleted');
    expect(deleted.body).toMatchObject({ deleted: 'letter', claims: 1, judgements: 1 });
    expectError(await b.get('/api/sources/letter'), 404);
    expect((await b.get('/api/conflicts')).body.count).toBeLessThan(conflictsBefore);
    const stored = await loadStore(b.dataDir);
    expect(stored.problems).toEqual([]);
    expect(stored.corpus.sources.map((s) => s.id)).toEqual(['chronicle']);
    expect(stored.corpus.claims.some((c) => c.source === 'letter')).toBe(false);
    expect(stored.corpus.judgements).toEqual([]);
    const { changes } = await readChangelog(b.dataDir);
    const line = changes.at(-1)!;
    expect(line).toMatchObject({
      action: 'delete-source',
      source: 'letter',
      removed: { source: { id: 'letter' }, judgements: [judgement] },
    });

    const undone = await revert(b, line.seq, { note: 'deleted by mistake' });
    expect(undone.status, JSON.stringify(undone.body)).toBe(201);
    expectShape(undone.body, 'RevertResult');
    expect(undone.body).toEqual({ seq: line.seq + 1, reverted: line.seq });
    expect(await records(b.dataDir)).toEqual(before);
    expect((await b.get('/api/conflicts')).body.count).toBe(conflictsBefore);
    expect((await loadStore(b.dataDir)).problems).toEqual([]);
    // Reverting the deletion again is stale: the revert changed the source since.
    const again = await revert(b, line.seq);
    expectError(again, 409);
    expect(again.body.details.later).toMatchObject({ seq: line.seq + 1, action: 'revert' });
  });
});

describe('POST /api/changes/:seq/revert', () => {
  it('restores a claim before a review, as a new version; the undone review cannot be reverted twice', async () => {
    const a = await start();
    const accepted = await a.send('PATCH', '/api/claims/chronicle-2', json({ action: 'accept' }, { 'if-match': '"1"' }));
    expect(accepted.body).toMatchObject({ status: 'reviewed', version: 2 });
    const seq = (await a.get('/api/claims/chronicle-2/history')).body.items[0].seq as number;
    expect((await revert(a, seq)).status).toBe(201);
    const claim = (await a.get('/api/claims/chronicle-2')).body;
    expect(claim).toMatchObject({ status: 'extracted', version: 3 });
    // An If-Match taken before the revert is stale now.
    expect((await a.send('PATCH', '/api/claims/chronicle-2', json({ action: 'reject' }, { 'if-match': '"2"' }))).status).toBe(412);
    const history = (await a.get('/api/claims/chronicle-2/history')).body;
    expect(history.items.map((c: { action: string }) => c.action)).toEqual(['accept', 'revert']);
    expect(history.items[1]).toMatchObject({
      reverts: seq,
      before: { version: 2, status: 'reviewed' },
      after: { version: 3, status: 'extracted' },
    });
    expectError(await revert(a, seq), 409);
    // The revert is a change like any other: reverting it accepts the claim again.
    expect((await revert(a, history.items[1].seq)).status).toBe(201);
    expect((await a.get('/api/claims/chronicle-2')).body).toMatchObject({ status: 'reviewed', version: 4 });
  });

  it('removes a hand-made claim, and removes an ingested source unless it was reviewed since', async () => {
    const a = await start();
    const made = await a.send(
      'POST',
      '/api/claims',
      json({
        source: 'chronicle',
        subject: 'garrison',
        property: 'troop-strength',
        value: { type: 'quantity', comparator: 'exact', amount: 4000, unit: 'soldiers' },
        wording: '4,000 men',
        quote: { exact: '4,000 men' },
      }),
    );
    expect(made.status).toBe(201);
    const created = (await a.get(`/api/claims/${made.body.id}/history`)).body.items[0].seq as number;
    expect((await revert(a, created)).status).toBe(201);
    expectError(await a.get(`/api/claims/${made.body.id}`), 404);

    const ingested = await a.send('POST', '/api/sources', json({ title: 'Notes', publisher: 'Me', text: 'Some 3 men and 5 men.' }));
    expect(ingested.status).toBe(201);
    const { changes } = await readChangelog(a.dataDir);
    const ingest = changes.find((c) => c.action === 'ingest')!;
    expect((await a.send('PATCH', '/api/claims/notes-x1', json({ action: 'accept' }, { 'if-match': '"1"' }))).status).toBe(200);
    const refused = await revert(a, ingest.seq);
    expectError(refused, 409);
    expect(refused.body.error).toMatch(/change \d+ \(accept by anonymous/);
    // Undo the review first, then the ingest.
    const review = (await a.get('/api/claims/notes-x1/history')).body.items[0].seq as number;
    expect((await revert(a, review)).status).toBe(201);
    expectError(await revert(a, ingest.seq), 409);
  });

  it('reverts an ingest that nobody reviewed: the source is gone, its text kept for a revert of the revert', async () => {
    const a = await start();
    const before = await records(a.dataDir);
    expect((await a.send('POST', '/api/sources', json({ title: 'Notes', publisher: 'Me', text: 'Some 3 men.' }))).status).toBe(201);
    const ingest = (await readChangelog(a.dataDir)).changes.at(-1)!;
    expect((await revert(a, ingest.seq)).status).toBe(201);
    expect(await records(a.dataDir)).toEqual(before);
    const removal = (await readChangelog(a.dataDir)).changes.at(-1)!;
    expect(removal).toMatchObject({ action: 'revert', reverts: ingest.seq, removed: { source: { id: 'notes' } } });
    expect((await revert(a, removal.seq)).status).toBe(201);
    expect(await readFile(path.join(a.dataDir, 'sources', 'notes.txt'), 'utf8')).toBe('Some 3 men.');
  });

  it('404 for an unknown change, 400 for a malformed seq or body, nothing written', async () => {
    const a = await start();
    const before = await fingerprint(a.dataDir);
    expectError(await revert(a, 99), 404);
    expectError(await a.send('POST', '/api/changes/0/revert'), 400, '/params/seq');
    expectError(await a.send('POST', '/api/changes/abc/revert'), 400, '/params/seq');
    expectError(await a.send('POST', '/api/changes/99/revert', json({ note: 'bell\u0007' })), 400, '/note');
    expectError(await a.send('POST', '/api/changes/99/revert', json({ colour: 'red' })), 400, '/');
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });
});
