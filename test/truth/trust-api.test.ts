// A reviewer's trust in a source over real HTTP on the real app: previewed (what-if) without writing,
// saved as curated data with If-Match, logged, moving the likely value, refused with a 4xx naming the
// field, and undone by POST /api/changes/:seq/revert.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectError, expectShape, startFixtureApi, type RunningApi } from '../api/harness.js';
import { RB, WP } from '../api/fixture-store.js';

let api: RunningApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const trustFile = (a: RunningApi) => path.join(a.dataDir, 'source-trust.json');
const DEATHS = { subject: 'Japanese expeditionary force', property: 'deaths' };

/** The claims stating the likely value of the expeditionary force's deaths, as the entity view serves it. */
async function likelyDeaths(a: RunningApi): Promise<string[]> {
  const entity = await a.get('/api/entities/japanese-force');
  const group = entity.body.properties.find((p: { property: { id: string } }) => p.property.id === 'deaths');
  return group.likely.claims;
}

describe('reviewer trust in a source', () => {
  it('previews how marking a source primary moves a likely value, and writes nothing', async () => {
    const a = (api = await startFixtureApi());
    const reply = await a.get(`/api/sources/${WP}/what-if?trust=primary`);
    expect(reply.status).toBe(200);
    expectShape(reply.body, 'TrustWhatIf');
    const deaths = reply.body.moves.find((m: typeof DEATHS) => m.subject === DEATHS.subject && m.property === DEATHS.property);
    expect(deaths).toMatchObject({
      changed: true,
      before: { wording: 'up to 3,000', claim: 'rb-deaths-3000' },
      after: { wording: '3,116', claim: 'wp-deaths-3116', source: 'Japanese intervention in Siberia' },
    });
    expect(deaths.after.confidence).toBeGreaterThan(deaths.before.confidence);
    expect(reply.body.changed).toBe(reply.body.moves.filter((m: { changed: boolean }) => m.changed).length);
    await expect(readFile(trustFile(a), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await likelyDeaths(a)).toEqual(['rb-deaths-3000']);
  });

  it('saves the judgement with If-Match, logs it, moves the likely value, and reverts', async () => {
    const a = (api = await startFixtureApi());
    const before = await a.get(`/api/sources/${WP}/trust`);
    expect(before.status).toBe(200);
    expect(before.headers.etag).toBe('"0"');
    expectShape(before.body, 'TrustView');
    expect(before.body).toMatchObject({ source: { id: WP, title: 'Japanese intervention in Siberia' }, judgement: null });

    const put = await a.send(
      'PUT',
      `/api/sources/${WP}/trust`,
      json({ primary: true, note: 'the article cites its figures' }, { 'if-match': '"0"', 'x-reviewer': 'Ann' }),
    );
    expect(put.status).toBe(200);
    expectShape(put.body, 'TrustWritten');
    expect(put.headers.etag).toBe('"1"');
    expect(put.body.judgement).toEqual({ primary: true, derivativeOf: null, note: 'the article cites its figures', version: 1 });
    expect(put.body.trust.explanation).toMatch(/^A reviewer marked it as a primary source/);
    expect(JSON.parse(await readFile(trustFile(a), 'utf8'))).toEqual([
      { id: WP, source: WP, primary: true, version: 1, note: 'the article cites its figures' },
    ]);
    expect(await likelyDeaths(a)).toEqual(['wp-deaths-3116']);
    const log = (await readFile(path.join(a.dataDir, 'changelog.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(log.at(-1)).toMatchObject({
      seq: put.body.change,
      who: 'Ann',
      action: 'trust',
      trust: WP,
      trustBefore: null,
      trustAfter: { primary: true, version: 1 },
    });

    // A second write from the stale ETag is refused, with the current one.
    const stale = await a.send('PUT', `/api/sources/${WP}/trust`, json({ derivativeOf: RB }, { 'if-match': '"0"' }));
    expectError(stale, 412);
    expect(stale.headers.etag).toBe('"1"');

    const revert = await a.send('POST', `/api/changes/${put.body.change}/revert`, json({}, { 'x-reviewer': 'Bo' }));
    expect(revert.status).toBe(201);
    const after = await a.get(`/api/sources/${WP}/trust`);
    expect(after.body.judgement).toBeNull();
    expect(after.headers.etag).toBe('"0"');
    expect(JSON.parse(await readFile(trustFile(a), 'utf8'))).toEqual([]);
    expect(await likelyDeaths(a)).toEqual(['rb-deaths-3000']);
    // Reverting the creation again is stale: the revert changed the same judgement since.
    expectError(await a.send('POST', `/api/changes/${put.body.change}/revert`, json({})), 409);
  });

  it('marks a source derivative of another, and DELETE removes the judgement (logged, revertible)', async () => {
    const a = (api = await startFixtureApi());
    const put = await a.send('PUT', `/api/sources/${RB}/trust`, json({ derivativeOf: WP }, { 'if-match': '"0"' }));
    expect(put.status).toBe(200);
    expect(put.body.judgement).toMatchObject({
      primary: false,
      derivativeOf: { id: WP, title: 'Japanese intervention in Siberia' },
      version: 1,
    });
    expect(put.body.trust.explanation).toContain('derivative of Japanese intervention in Siberia');
    // The mirror judgement would make each the other's copy.
    expectError(await a.send('PUT', `/api/sources/${WP}/trust`, json({ derivativeOf: RB }, { 'if-match': '"0"' })), 400, '/derivativeOf');
    expectError(await a.send('DELETE', `/api/sources/${RB}/trust`), 428, '/headers/if-match');
    const del = await a.send('DELETE', `/api/sources/${RB}/trust`, { headers: { 'if-match': '"1"' } });
    expect(del.status).toBe(200);
    expect(del.body.judgement).toBeNull();
    expect(JSON.parse(await readFile(trustFile(a), 'utf8'))).toEqual([]);
    const undo = await a.send('POST', `/api/changes/${del.body.change}/revert`, json({}));
    expect(undo.status).toBe(201);
    const back = await a.get(`/api/sources/${RB}/trust`);
    expect(back.body.judgement).toMatchObject({ derivativeOf: { id: WP }, version: 2 });
    expect(back.headers.etag).toBe('"2"');
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const a = (api = await startFixtureApi());
    const put = (body: unknown, etag = '"0"') => a.send('PUT', `/api/sources/${WP}/trust`, json(body, { 'if-match': etag }));
    expectError(await a.send('PUT', `/api/sources/${WP}/trust`, json({ primary: true })), 428, '/headers/if-match');
    expectError(await put({ primary: true }, '"01"'), 400, '/headers/if-match');
    expectError(await put({ primary: false }), 400, '/primary');
    expectError(await put({ primary: true, derivativeOf: RB }), 400, '/derivativeOf');
    expectError(await put({ derivativeOf: 'no-such-source' }), 400, '/derivativeOf');
    expectError(await put({ derivativeOf: 'Not An Id' }), 400, '/derivativeOf');
    expectError(await put({ derivativeOf: WP }), 400, '/derivativeOf');
    expectError(await put({ primary: true, trusted: 'very' }), 400, '/trusted');
    expectError(await put({}), 400, '/');
    expectError(await put({ primary: true, note: 'x'.repeat(2001) }), 400, '/note');
    expectError(
      await a.send('PUT', `/api/sources/${WP}/trust`, { headers: { 'content-type': 'text/plain', 'if-match': '"0"' }, body: 'primary' }),
      415,
    );
    expectError(await a.send('PUT', '/api/sources/no-such-source/trust', json({ primary: true }, { 'if-match': '"0"' })), 404);
    expectError(await a.send('DELETE', `/api/sources/${WP}/trust`, { headers: { 'if-match': '"0"' } }), 404);
    expectError(await a.get(`/api/sources/${WP}/what-if`), 400, '/query/trust');
    expectError(await a.get(`/api/sources/${WP}/what-if?trust=trusted`), 400, '/query/trust');
    expectError(await a.get(`/api/sources/${WP}/what-if?trust=derivative`), 400, '/query/of');
    expectError(await a.get(`/api/sources/${WP}/what-if?trust=derivative&of=no-such-source`), 400, '/query/of');
    expectError(await a.get(`/api/sources/${WP}/what-if?trust=primary&of=${RB}`), 400, '/query/of');
    expectError(await a.get('/api/sources/no-such-source/what-if?trust=primary'), 404);
    await expect(readFile(trustFile(a), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
