// Limits and the smaller findings of issue 12 (points 3, 6 and 7), over real HTTP: each refusal
// names the limit or the field, and leaves the store and the served snapshot as they were.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selectorAt } from '../../server/core/anchor.js';
import { LIMITS } from '../../server/core/limits.js';
import type { Claim } from '../../server/core/schema-types.js';
import type { Extractor } from '../../server/extract/types.js';
import { expectError, startApi, type Reply, type RunningApi } from '../api/harness.js';
import { miniStore } from '../helpers/mini-store.js';
import { fingerprint } from '../helpers/temp-store.js';

const menExtractor: Extractor = (text, { sourceId }) => ({
  claims: [...text.matchAll(/(\d+) men/g)].map((m, i): Claim => ({
    id: `${sourceId}-x${i + 1}`,
    source: sourceId,
    subject: 'garrison',
    property: 'troop-strength',
    value: { type: 'quantity', comparator: 'exact', amount: Number(m[1]), unit: 'soldiers' },
    wording: m[0],
    quote: selectorAt(text, m.index!, m.index! + m[0].length),
    citations: [],
    status: 'extracted',
    version: 1,
  })),
  proposedEntities: [],
  references: [],
  warnings: [],
});

let api: RunningApi | undefined;
const extraCleanup: string[] = [];
afterEach(async () => {
  await api?.close();
  api = undefined;
  for (const dir of extraCleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function start(clientDir?: string): Promise<RunningApi> {
  api = await startApi(await miniStore(), { extractor: async () => menExtractor, ...(clientDir ? { clientDir } : {}) });
  return api;
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const troops = { type: 'quantity', comparator: 'exact', amount: 4000, unit: 'soldiers' };
const claimInput = {
  source: 'chronicle',
  subject: 'garrison',
  property: 'troop-strength',
  value: troops,
  wording: '4,000 men',
  quote: { exact: '4,000 men' },
};

/** Sends a request and checks that it changed nothing, on disk or in memory. */
async function refused(a: RunningApi, send: () => Promise<Reply>): Promise<Reply> {
  const before = await fingerprint(a.dataDir);
  const revision = a.repo.snapshot.revision;
  const reply = await send();
  expect(await fingerprint(a.dataDir)).toEqual(before);
  expect(a.repo.snapshot.revision).toBe(revision);
  return reply;
}

describe('limits (issue 12.3)', () => {
  it('the 500,000-part claim is refused before it is read, naming the body limit', async () => {
    const a = await start();
    const parts = Array.from({ length: 500_000 }, (_, i) => ({ amount: 1, label: `part ${i}` }));
    const body = JSON.stringify({ ...claimInput, value: { ...troops, amount: 500_000, parts } });
    expect(body.length).toBeGreaterThan(14_000_000);
    const reply = await refused(a, () => a.send('POST', '/api/claims', json(body)));
    expectError(reply, 413, '/body');
    expect(reply.body.error).toContain(`the limit for this endpoint is ${LIMITS.writeBodyBytes.value} bytes`);
  });

  it('a claim with one part too many is refused naming the limit and the field', async () => {
    const a = await start();
    const n = LIMITS.partsPerValue.value + 1;
    const parts = Array.from({ length: n }, (_, i) => ({ amount: 1, label: `part ${i}` }));
    const reply = await refused(a, () => a.send('POST', '/api/claims', json({ ...claimInput, value: { ...troops, amount: n, parts } })));
    expectError(reply, 400, '/value/parts');
    expect(reply.body.details).toContainEqual({
      at: '/value/parts',
      message: `must NOT have more than ${LIMITS.partsPerValue.value} items`,
    });
  });

  it('a source yielding more claims than a source may hold is refused with 413, nothing stored', async () => {
    const a = await start();
    const text = '1 men '.repeat(LIMITS.claimsPerSource.value + 1);
    const reply = await refused(a, () => a.send('POST', '/api/sources', json({ title: 'Flood', publisher: 'P', text })));
    expectError(reply, 413, '/text');
    expect(reply.body.error).toContain(`the limit is ${LIMITS.claimsPerSource.value} claims per source`);
  }, 60_000);

  it('an integer beyond 2^53 is refused naming the field, not rounded (9007199254740993)', async () => {
    const a = await start();
    const raw = JSON.stringify({ ...claimInput, value: { ...troops, amount: 1 } }).replace('"amount":1', '"amount":9007199254740993');
    expectError(await refused(a, () => a.send('POST', '/api/claims', json(raw))), 400, '/value/amount');
    const patch = '{"action":"edit","value":{"type":"quantity","comparator":"exact","amount":9007199254740993,"unit":"soldiers"}}';
    expectError(
      await refused(a, () => a.send('PATCH', '/api/claims/chronicle-1', json(patch, { 'if-match': '"1"' }))),
      400,
      '/value/amount',
    );
  });
});

describe('control characters in titles and metadata (issue 12.6)', () => {
  it.each([
    ['ESC in a title', { title: 'News\u001b[2J\u001b[1;1H', publisher: 'P' }, '/title'],
    ['BEL in a publisher', { title: 'T', publisher: 'Press\u0007' }, '/publisher'],
    ['NUL in an author', { title: 'T', publisher: 'P', author: 'A\u0000B' }, '/author'],
    ['a C1 control in a title', { title: 'T\u009b31m', publisher: 'P' }, '/title'],
    ['a line break in a title', { title: 'Two\nlines', publisher: 'P' }, '/title'],
  ])('%s is refused with a 400 naming the field', async (_name, fields, at) => {
    const a = await start();
    const reply = await refused(a, () => a.send('POST', '/api/sources', json({ ...fields, text: 'The garrison had 9,000 men.' })));
    expectError(reply, 400, at);
    expect(reply.body.details.find((d: { at: string }) => d.at === at).message).toMatch(/control characters/);
  });
});

describe('the smaller findings (issue 12.7)', () => {
  it('If-Match "02" and W/"2" are refused naming the header, not read as version 2', async () => {
    const a = await start();
    expect((await a.send('PATCH', '/api/claims/chronicle-2', json({ action: 'accept' }, { 'if-match': '"1"' }))).status).toBe(200);
    for (const tag of ['"02"', 'W/"2"', '"2.0"', '" 2"']) {
      const reply = await refused(a, () => a.send('PATCH', '/api/claims/chronicle-2', json({ action: 'reject' }, { 'if-match': tag })));
      expectError(reply, 400, '/headers/if-match');
    }
    expect((await a.send('PATCH', '/api/claims/chronicle-2', json({ action: 'reject' }, { 'if-match': '"2"' }))).status).toBe(200);
  });

  it('a JSON body declared UTF-16LE is decoded; a charset that is not Unicode is refused naming it', async () => {
    const a = await start();
    const body = Buffer.from(JSON.stringify({ title: 'Ōtani', publisher: 'P', text: 'The garrison had 9,000 men.' }), 'utf16le');
    const decoded = await a.send('POST', '/api/sources', { headers: { 'content-type': 'application/json; charset=utf-16le' }, body });
    expect(decoded.status, JSON.stringify(decoded.body)).toBe(201);
    expect(decoded.body.source.title).toBe('Ōtani');
    const latin = await refused(a, () =>
      a.send('POST', '/api/sources', {
        headers: { 'content-type': 'application/json; charset=iso-8859-1' },
        body: Buffer.from('{"title":"T","publisher":"P","text":"caf\xe9"}', 'latin1'),
      }),
    );
    expectError(latin, 415, '/headers/content-type');
    expect(latin.body.error).toMatch(/charset "iso-8859-1"/i);
  });

  it('a missing asset is 404, not the app shell; views still get the shell', async () => {
    const client = await mkdtemp(path.join(tmpdir(), 'concordance-client-'));
    extraCleanup.push(client);
    await mkdir(path.join(client, 'assets'));
    await writeFile(path.join(client, 'index.html'), '<!doctype html><title>Concordance</title>');
    await writeFile(path.join(client, 'assets', 'app.js'), 'console.log(1);');
    const a = await start(client);
    expect((await a.get('/assets/app.js')).status).toBe(200);
    expect((await a.get('/assets/nonexistent.js')).status).toBe(404);
    expect((await a.get('/favicon.ico')).status).toBe(404);
    for (const view of ['/', '/?node=claim:chronicle-1', '/sources/view']) {
      const reply = await a.get(view);
      expect(reply.status, view).toBe(200);
      expect(String(reply.body)).toContain('<title>Concordance</title>');
    }
  });
});
