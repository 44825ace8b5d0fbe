// The write endpoints over real HTTP: ingest, review with optimistic concurrency, hand-made claims,
// history. Every refusal is a clear 4xx, and a refused or failed write leaves the store byte-identical.
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { selectorAt } from '../../server/core/anchor.js';
import type { Claim } from '../../server/core/schema-types.js';
import type { Extractor } from '../../server/extract/types.js';
import { loadStore } from '../../server/store/load.js';
import { miniStore } from '../helpers/mini-store.js';
import { fingerprint } from '../helpers/temp-store.js';
import { expectError, expectShape, startApi, type RunningApi } from './harness.js';

/** A stand-in extractor: every "<number> men" is a troop-strength claim about the garrison. */
const menExtractor: Extractor = (text, { sourceId, onProgress }) => {
  const claims: Claim[] = [];
  for (const m of text.matchAll(/(\d[\d,]*) men/g)) {
    claims.push({
      id: `${sourceId}-x${claims.length + 1}`,
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
    });
    onProgress?.(claims.length, 3);
  }
  return { claims, proposedEntities: [], references: [], warnings: [] };
};

let api: RunningApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(extractor: Extractor = menExtractor) {
  api = await startApi(await miniStore(), { extractor: async () => extractor });
  return api;
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('POST /api/sources', () => {
  it('stores the source, extracts candidates and reconciles them with the graph', async () => {
    const a = await start();
    const reply = await a.send(
      'POST',
      '/api/sources',
      json(
        { title: 'A letter', publisher: 'Archive', kind: 'primary', text: 'The garrison had 9,000 men that winter.' },
        { 'x-reviewer': 'Ann' },
      ),
    );
    expect(reply.status).toBe(201);
    expectShape(reply.body, 'IngestResult');
    expect(reply.headers.location).toBe('/api/sources/a-letter');
    expect(reply.body.claims).toMatchObject([{ id: 'a-letter-x1', status: 'extracted', value: { amount: 9000 } }]);
    expect(reply.body.comparisons.filter((c: { verdict: string }) => c.verdict === 'conflicts')).toHaveLength(2);
    const stored = await loadStore(a.dataDir);
    expect(stored.problems).toEqual([]);
    expect(stored.corpus.sources.map((s) => s.id)).toContain('a-letter');
    expect((await a.get('/api/sources/a-letter')).body.text).toBe('The garrison had 9,000 men that winter.');
  });

  it('refuses a plain-text upload (a cross-site form can send one) with 415, storing nothing', async () => {
    const a = await start();
    const before = await fingerprint(a.dataDir);
    const reply = await a.send('POST', '/api/sources?title=Notes&publisher=Me', {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'Some 3 men.',
    });
    expectError(reply, 415, '/headers/content-type');
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });

  it('streams progress lines then the result when asked for NDJSON', async () => {
    const a = await start();
    const reply = await a.send(
      'POST',
      '/api/sources',
      json({ title: 'Streamed', publisher: 'P', text: '1 men, 2 men, 3 men' }, { accept: 'application/x-ndjson' }),
    );
    const lines = String(reply.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.slice(0, -1).map((l) => l.progress)).toEqual([0.33, 0.67, 1]);
    expect(lines.at(-1).result.claims).toHaveLength(3);
  });

  it.each([
    ['an empty text', { title: 'T', publisher: 'P', text: '' }, 400, '/text'],
    ['a blank text', { title: 'T', publisher: 'P', text: '   \n ' }, 400, '/text'],
    ['no title', { publisher: 'P', text: 'x' }, 400, '/'],
    ['an unknown field', { title: 'T', publisher: 'P', text: 'x', colour: 'red' }, 400, '/'],
    ['a wrong type', { title: 7, publisher: 'P', text: 'x' }, 400, '/title'],
    ['an HTML document', { title: 'T', publisher: 'P', text: '<!DOCTYPE html><html><body>x</body></html>' }, 400, '/text'],
    ['binary text', { title: 'T', publisher: 'P', text: 'a\u0000b' }, 400, '/text'],
    ['a bad kind', { title: 'T', publisher: 'P', text: 'x', kind: 'blog' }, 400, '/kind'],
  ])('refuses %s with a 400 and writes nothing', async (_name, body, status, at) => {
    const a = await start();
    const before = await fingerprint(a.dataDir);
    const reply = await a.send('POST', '/api/sources', json(body));
    expectError(reply, status, at);
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });

  it('refuses a duplicate text with 409 naming the stored source', async () => {
    const a = await start();
    const text = (await a.get('/api/sources/chronicle')).body.text;
    const reply = await a.send('POST', '/api/sources', json({ title: 'Again', publisher: 'P', text }));
    expect(reply.status).toBe(409);
    expect(reply.body.details).toEqual({ existing: 'chronicle' });
  });

  it('refuses a text over the limit with 413, malformed JSON with 400, other types with 415', async () => {
    const a = await start();
    const before = await fingerprint(a.dataDir);
    expect((await a.send('POST', '/api/sources', json({ title: 'T', publisher: 'P', text: 'x'.repeat(5_000_001) }))).status).toBe(413);
    expectError(await a.send('POST', '/api/sources', { headers: { 'content-type': 'application/json' }, body: '{"title": "T",' }), 400);
    expectError(await a.send('POST', '/api/sources', { headers: { 'content-type': 'application/xml' }, body: '<x/>' }), 415);
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });

  it('leaves the store exactly as it was when extraction fails half-way', async () => {
    const a = await start(() => {
      throw new Error('extractor crashed');
    });
    const before = await fingerprint(a.dataDir);
    const reply = await a.send('POST', '/api/sources', json({ title: 'Doomed', publisher: 'P', text: '5 men' }));
    expect(reply.status).toBe(500);
    expect(await fingerprint(a.dataDir)).toEqual(before);
    expect((await a.get('/api/sources')).body.count).toBe(1);
  });
});

describe('PATCH /api/claims/:id', () => {
  it('needs If-Match, refuses a stale version with 412 and the current record', async () => {
    const a = await start();
    const patch = (headers: Record<string, string>, body: unknown = { action: 'accept' }) =>
      a.send('PATCH', '/api/claims/chronicle-2', json(body, headers));
    expectError(await patch({}), 428, '/headers/if-match');
    expectError(await patch({ 'if-match': 'three' }), 400, '/headers/if-match');
    const ok = await patch({ 'if-match': '"1"', 'x-reviewer': 'Ann' });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.body).toMatchObject({ status: 'reviewed', version: 2 });
    const stale = await patch({ 'if-match': '"1"' }, { action: 'reject' });
    expect(stale.status).toBe(412);
    expect(stale.body.details).toMatchObject({ id: 'chronicle-2', version: 2, status: 'reviewed' });
    const history = await a.get('/api/claims/chronicle-2/history');
    expect(history.body).toMatchObject({
      count: 1,
      items: [{ who: 'Ann', action: 'accept', before: { version: 1 }, after: { version: 2 } }],
    });
    expectShape(history.body, 'History');
  });

  it('an edit changes the verdicts the API serves', async () => {
    const a = await start();
    expect((await a.get('/api/conflicts')).body.count).toBe(1);
    const edit = {
      action: 'edit',
      value: { type: 'quantity', comparator: 'approx', amount: 4000, unit: 'soldiers' },
      wording: 'some 4,000 men',
    };
    expect((await a.send('PATCH', '/api/claims/chronicle-2', json(edit, { 'if-match': '"1"' }))).status).toBe(200);
    expect((await a.get('/api/conflicts')).body.count).toBe(0);
    expect((await a.get('/api/agreements')).body.count).toBe(1);
  });

  it.each([
    ['an unknown action', { action: 'approve' }, '/action'],
    ['an edit with nothing to change', { action: 'edit' }, '/'],
    ['an unknown subject', { action: 'edit', subject: 'nobody' }, '/subject'],
    ['a value of the wrong type', { action: 'edit', value: { type: 'date', date: { value: '1919', precision: 'year' } } }, '/value/type'],
    ['a malformed value', { action: 'edit', value: { type: 'quantity', comparator: 'over', amount: 1, unit: 'x' } }, '/value/comparator'],
  ])('refuses %s with a 400 and writes nothing', async (_name, body, at) => {
    const a = await start();
    const before = await fingerprint(a.dataDir);
    expectError(await a.send('PATCH', '/api/claims/chronicle-1', json(body, { 'if-match': '"1"' })), 400, at);
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });

  it('404 for an unknown claim, 400 for a traversal id', async () => {
    const a = await start();
    expectError(await a.send('PATCH', '/api/claims/nope', json({ action: 'accept' }, { 'if-match': '"1"' })), 404);
    expectError(await a.send('PATCH', '/api/claims/..%2F..%2Fetc', json({ action: 'accept' }, { 'if-match': '"1"' })), 400);
  });
});

describe('POST /api/claims', () => {
  it('adds a claim whose quote is in the source, and refuses one that is not', async () => {
    const a = await start();
    const input = {
      source: 'chronicle',
      subject: 'garrison',
      property: 'troop-strength',
      value: { type: 'quantity', comparator: 'exact', amount: 4000, unit: 'soldiers' },
      wording: '4,000 men',
    };
    expectError(await a.send('POST', '/api/claims', json({ ...input, quote: { exact: 'five thousand' } })), 400, '/quote/exact');
    const reply = await a.send('POST', '/api/claims', json({ ...input, quote: { exact: '4,000 men' } }));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'reviewed',
      version: 1,
      quote: { exact: '4,000 men', start: 22 },
      citations: [{ kind: 'reference', ref: 1 }],
    });
    expect((await a.get(`/api/claims/${reply.body.id}`)).status).toBe(200);
  });
});

describe('GET /api/graph compression', () => {
  it('sends the whole graph gzipped once per revision when asked, identical once inflated', async () => {
    const a = await start();
    const plain = await a.get('/api/graph');
    const zipped = await a.send('GET', '/api/graph', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(JSON.parse(gunzipSync(zipped.raw).toString('utf8'))).toEqual(plain.body);
  });
});

describe('GET /api/graph views', () => {
  it('sends a view with its info, 404 for an unknown target, 400 for a bad view', async () => {
    const a = await start();
    const view = await a.get('/api/graph?view=conflicts');
    expect(view.status).toBe(200);
    expect(view.body.attributes.view).toMatchObject({ kind: 'conflicts', truncated: false });
    expect(view.body.nodes.map((n: { key: string }) => n.key)).toEqual(
      expect.arrayContaining(['claim:chronicle-1', 'claim:chronicle-2', 'entity:garrison']),
    );
    expect((await a.get('/api/graph?view=conflicts', { 'if-none-match': view.headers.etag as string })).status).toBe(304);
    expect((await a.get('/api/graph?view=neighbourhood&id=claim:chronicle-1&hops=1')).body.nodes.length).toBeGreaterThan(1);
    expectError(await a.get('/api/graph?view=entity&id=nobody'), 404);
    expectError(await a.get('/api/graph?view=entity'), 400, '/query/id');
    expectError(await a.get('/api/graph?view=everything'), 400, '/query/view');
    expectError(await a.get('/api/graph?view=neighbourhood&id=claim:chronicle-1&hops=9'), 400, '/query/hops');
  });
});

describe('the real extractor behind the API', () => {
  it('reports progress while it extracts', async () => {
    const { defaultExtractor } = await import('../../server/api/extractor.js');
    const extract = await defaultExtractor();
    const seen: number[] = [];
    const text = 'The garrison numbered 4,000 men in 1919. '.repeat(40);
    await extract(text, { sourceId: 'progress-check', entities: [], properties: [], onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(1);
  });
});

describe('GET /api/claims/:id', () => {
  it('sends the claim version as its ETag, usable as If-Match', async () => {
    const a = await start();
    const got = await a.get('/api/claims/chronicle-2');
    expect(got.headers.etag).toBe('"1"');
    const patched = await a.send(
      'PATCH',
      '/api/claims/chronicle-2',
      json({ action: 'accept' }, { 'if-match': got.headers.etag as string }),
    );
    expect(patched.status).toBe(200);
    expect((await a.get('/api/claims/chronicle-2')).headers.etag).toBe('"2"');
  });
});
