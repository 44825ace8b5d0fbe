// Every error path answers JSON { error, details }; security and caching headers hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startFixtureApi, type RunningApi } from './harness.js';

let api: RunningApi;

beforeAll(async () => {
  api = await startFixtureApi();
});
afterAll(() => api.close());

describe('404', () => {
  it.each([
    ['/api/sources/no-such-source', 'source'],
    ['/api/entities/no-such-entity', 'entity'],
    ['/api/claims/no-such-claim', 'claim'],
    ['/api/claims/no-such-claim/trace', 'claim'],
  ])('%s: unknown id', async (path, what) => {
    const reply = await api.get(path);
    expectError(reply, 404);
    expect(reply.body.error).toBe(`no ${what} with id "${path.split('/')[3]}"`);
  });

  it.each(['/api/nothing-here', '/api/sources/wikipedia-japanese-intervention/extra', '/api', '/nothing'])(
    '%s: unknown route',
    async (path) => {
      const reply = await api.get(path);
      expectError(reply, 404);
      expect(reply.body.error).toMatch(/^no such endpoint: GET /);
    },
  );
});

describe('405', () => {
  it.each([
    ['DELETE', '/api/sources', 'GET, HEAD, POST'],
    ['DELETE', '/api/claims/wp-troops-70000', 'GET, HEAD, PATCH'],
    ['PUT', '/api/claims/x/trace', 'GET, HEAD'],
    ['PATCH', '/api/openapi.json', 'GET, HEAD'],
  ])('%s %s: a known path, a method it does not serve', async (method, path, allow) => {
    const reply = await api.send(method, path);
    expectError(reply, 405);
    expect(reply.headers['allow']).toBe(allow);
  });

  it('OPTIONS names every method of the path, across the routers serving it (issue 12.7)', async () => {
    const reply = await api.send('OPTIONS', '/api/conflicts');
    expect(reply.status).toBe(204);
    expect(reply.headers['allow']).toBe('GET, HEAD, OPTIONS');
    // GET and POST of /api/sources live in two routers: Express alone answered "GET, HEAD".
    expect((await api.send('OPTIONS', '/api/sources')).headers['allow']).toBe('GET, HEAD, POST, OPTIONS');
    expect((await api.send('OPTIONS', '/api/sources/russia-beyond')).headers['allow']).toBe('GET, HEAD, DELETE, OPTIONS');
    expect((await api.send('OPTIONS', '/api/claims/wp-troops-70000')).headers['allow']).toBe('GET, HEAD, PATCH, OPTIONS');
  });

  it('an unknown path stays 404 whatever the method', async () => {
    expectError(await api.send('POST', '/api/nothing'), 404);
  });
});

describe('400', () => {
  it('names a bad scope value and the values allowed', async () => {
    const reply = await api.get('/api/conflicts?scope=everywhere');
    expectError(reply, 400);
    expect(reply.body.details).toEqual([{ at: '/query/scope', message: 'must be equal to one of: between, within' }]);
  });

  it.each([
    ['/api/conflicts?entity=nobody', '/query/entity', 'no entity with id "nobody"'],
    ['/api/agreements?source=nowhere', '/query/source', 'no source with id "nowhere"'],
    ['/api/agreements?property=colour', '/query/property', 'no property with id "colour"'],
  ])('%s: a filter naming no record', async (path, at, message) => {
    const reply = await api.get(path);
    expectError(reply, 400);
    expect(reply.body.details).toEqual([{ at, message }]);
  });

  it.each([
    ['/api/search', '/query/q'],
    ['/api/search?q=', '/query/q'],
    ['/api/search?q=%20%20', '/query/q'],
    ['/api/search?q=--!', '/query/q'],
    [`/api/search?q=${'a'.repeat(201)}`, '/query/q'],
    ['/api/search?q=x&limit=0', '/query/limit'],
    ['/api/search?q=x&limit=101', '/query/limit'],
  ])('%s: search needs a short query with a letter or digit', async (path, at) => {
    expectError(await api.get(path), 400, at);
  });

  it('accepts a query of exactly 200 characters', async () => {
    expect((await api.get(`/api/search?q=${'a'.repeat(200)}`)).status).toBe(200);
  });

  it.each([
    ['/api/sources?page=2', '/query/page', 'unknown parameter'],
    ['/api/conflicts?scope=within&scope=between', '/query/scope', 'must be equal to one of: between, within'],
    ['/api/search?q=a&q=b', '/query/q', 'must be given once, as a string'],
    ['/api/graph?v=1', '/query/v', 'unknown parameter'],
  ])('%s: malformed query', async (path, at, message) => {
    const reply = await api.get(path);
    expectError(reply, 400, at);
    expect(reply.body.details).toContainEqual({ at, message });
  });

  it.each(['/api/sources/Not_An_Id', '/api/entities/semyonov%20', '/api/claims/--/trace', `/api/claims/${'a'.repeat(129)}`])(
    '%s: malformed id',
    async (path) => {
      const reply = await api.get(path);
      expectError(reply, 400, '/params/id');
      expect(reply.body.error).toBe('invalid path');
    },
  );

  it('reports a malformed id and a malformed query together', async () => {
    const reply = await api.get('/api/claims/BAD?x=1');
    expect(reply.body.details.map((d: { at: string }) => d.at)).toEqual(['/params/id', '/query/x']);
    expect(reply.body.error).toBe('invalid path and query');
  });

  it('a path that cannot be decoded is a JSON 400', async () => {
    expectError(await api.get('/api/claims/%E0%A4%A'), 400);
  });
});

describe('headers', () => {
  it('keeps the CSP that lets the ForceAtlas2 worker start from a blob: URL', async () => {
    const { headers } = await api.get('/api/sources');
    expect(headers['content-security-policy']).toContain("worker-src 'self' blob:");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-powered-by']).toBeUndefined();
  });

  it('errors carry the security headers too', async () => {
    expect((await api.get('/api/nothing')).headers['content-security-policy']).toContain("worker-src 'self' blob:");
  });

  it('GET /api/graph answers 304 to a matching If-None-Match', async () => {
    const first = await api.get('/api/graph');
    expect(first.status).toBe(200);
    expect(first.body.nodes.some((n: { key: string }) => n.key === 'claim:wp-troops-70000')).toBe(true);
    const etag = first.headers['etag']!;
    expect(etag).toMatch(/^".+"$/);
    const second = await api.get('/api/graph', { 'If-None-Match': etag });
    expect(second.status).toBe(304);
    expect(second.body).toBeUndefined();
    expect((await api.get('/api/graph', { 'If-None-Match': '"stale"' })).status).toBe(200);
  });

  it('other JSON answers carry an ETag too, and revalidate', async () => {
    const first = await api.get('/api/entities');
    const etag = first.headers['etag']!;
    expect(etag).toBeTruthy();
    expect((await api.get('/api/entities', { 'If-None-Match': etag })).status).toBe(304);
  });
});
