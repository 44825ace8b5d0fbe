// Who may write (issue 12, point 1), over real HTTP: the Host allow-list (DNS rebinding), writes a
// browser marks as cross-site, and write bodies a cross-site form could send. Every refusal is a
// JSON { error, details } naming the header at fault, and leaves the store byte-identical.
import { afterEach, describe, expect, it } from 'vitest';
import type { Extractor } from '../../server/extract/types.js';
import { miniStore } from '../helpers/mini-store.js';
import { fingerprint } from '../helpers/temp-store.js';
import { expectError, startApi, type RunningApi } from './harness.js';

const noClaims: Extractor = () => ({ claims: [], proposedEntities: [], references: [], warnings: [] });

let api: RunningApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(allowedHosts?: string) {
  api = await startApi(await miniStore(), { extractor: async () => noClaims, ...(allowedHosts ? { allowedHosts } : {}) });
  return api;
}

const portOf = (a: RunningApi) => new URL(a.base).port;
const source = (title = 'Planted') => JSON.stringify({ title, publisher: 'Evil', text: `${title}: Japan sent 123,456 soldiers.` });
const jsonHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...extra });

describe('Host allow-list', () => {
  it('answers to loopback names and the bound address with the port it listens on', async () => {
    const a = await start();
    for (const host of [`localhost:${portOf(a)}`, `127.0.0.1:${portOf(a)}`, `LOCALHOST:${portOf(a)}`]) {
      expect((await a.get('/api/sources', { host })).status, host).toBe(200);
    }
  });

  it.each([
    ['a foreign name with the right port', (p: string) => `evil.example:${p}`],
    ['a foreign name without a port', () => 'evil.example'],
    ['localhost on another port', (p: string) => `localhost:${Number(p) === 65535 ? 1 : Number(p) + 1}`],
    ['a name that merely starts with localhost', (p: string) => `localhost.evil.example:${p}`],
    ['an address this server is not bound to', (p: string) => `10.0.0.7:${p}`],
    ['garbage', () => 'a b/c'],
  ])('refuses %s with 421, for reads and writes, storing nothing', async (_name, host) => {
    const a = await start();
    const before = await fingerprint(a.dataDir);
    const h = host(portOf(a));
    expectError(await a.get('/api/sources', { host: h }), 421, '/headers/host');
    expectError(await a.send('POST', '/api/sources', { headers: jsonHeaders({ host: h }), body: source() }), 421, '/headers/host');
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });

  it("refuses a foreign Host for the explorer's pages too, and says how to reach the server", async () => {
    const a = await start();
    const reply = await a.get('/', { host: 'evil.example' });
    expectError(reply, 421, '/headers/host');
    expect(reply.body.error).toContain(`http://localhost:${portOf(a)}`);
  });

  it('answers to names configured in ALLOWED_HOSTS (any port, or the one given), and accepts writes from their pages', async () => {
    const a = await start('desk.example, other.example:8443');
    expect((await a.get('/api/sources', { host: `desk.example:${portOf(a)}` })).status).toBe(200);
    expect((await a.get('/api/sources', { host: 'other.example:8443' })).status).toBe(200);
    expectError(await a.get('/api/sources', { host: 'other.example:8444' }), 421);
    const reply = await a.send('POST', '/api/sources', {
      headers: jsonHeaders({ host: 'desk.example', origin: 'https://desk.example', 'sec-fetch-site': 'same-origin' }),
      body: source('From the desk'),
    });
    expect(reply.status).toBe(201);
  });

  it('refuses an ALLOWED_HOSTS entry that is not a host name when the app is created', async () => {
    await expect(start('https://desk.example/')).rejects.toThrow(/ALLOWED_HOSTS/);
  });
});

describe('same-origin writes only', () => {
  it.each([
    ['Origin of another site', { origin: 'http://evil.example:8000' }, '/headers/origin'],
    ['Origin of another port on loopback', { origin: 'http://127.0.0.1:1' }, '/headers/origin'],
    ['Origin "null" (sandboxed frame, file: page)', { origin: 'null' }, '/headers/origin'],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, '/headers/sec-fetch-site'],
    ['Sec-Fetch-Site: same-site (another port of localhost)', { 'sec-fetch-site': 'same-site' }, '/headers/sec-fetch-site'],
  ])('refuses a write with %s (403), before reading the body', async (_name, headers, at) => {
    const a = await start();
    const before = await fingerprint(a.dataDir);
    expectError(await a.send('POST', '/api/sources', { headers: jsonHeaders(headers), body: source() }), 403, at);
    expectError(
      await a.send('PATCH', '/api/claims/chronicle-2', {
        headers: jsonHeaders({ ...headers, 'if-match': '"1"' }),
        body: '{"action":"reject"}',
      }),
      403,
      at,
    );
    expectError(await a.send('POST', '/api/claims', { headers: jsonHeaders(headers), body: '{}' }), 403, at);
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });

  it('accepts writes from its own pages (same origin, either loopback name) and from scripts that send neither header', async () => {
    const a = await start();
    const own = { origin: a.base, 'sec-fetch-site': 'same-origin' };
    expect((await a.send('POST', '/api/sources', { headers: jsonHeaders(own), body: source('Own page') })).status).toBe(201);
    const viaLocalhost = { host: `localhost:${portOf(a)}`, origin: `http://localhost:${portOf(a)}` };
    expect(
      (
        await a.send('PATCH', '/api/claims/chronicle-2', {
          headers: jsonHeaders({ ...viaLocalhost, 'if-match': '"1"' }),
          body: '{"action":"accept"}',
        })
      ).status,
    ).toBe(200);
    expect((await a.send('POST', '/api/sources', { headers: jsonHeaders(), body: source('A script') })).status).toBe(201);
  });

  it('lets a cross-site page read nothing it could not already (no CORS grant) but does not refuse reads', async () => {
    const a = await start();
    const reply = await a.get('/api/sources', { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('write bodies are JSON only', () => {
  it.each([
    [
      'text/plain (a form with enctype="text/plain", or a no-cors fetch)',
      'text/plain;charset=UTF-8',
      'title=Planted&text=123,456 soldiers',
    ],
    ['a url-encoded form', 'application/x-www-form-urlencoded', 'title=Planted&publisher=Evil&text=123%2C456+soldiers'],
    [
      'a multipart form',
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n123,456 soldiers\r\n--b--\r\n',
    ],
    ['no Content-Type with a body', undefined, '{"title":"Planted","publisher":"Evil","text":"123,456 soldiers."}'],
  ])('refuses %s with 415 naming application/json, on every write endpoint', async (_name, type, body) => {
    const a = await start();
    const before = await fingerprint(a.dataDir);
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    for (const [method, path, extra] of [
      ['POST', '/api/sources', {}],
      ['POST', '/api/claims', {}],
      ['PATCH', '/api/claims/chronicle-2', { 'if-match': '"1"' }],
    ] as const) {
      const reply = await a.send(method, path, { headers: { ...headers, ...extra }, body });
      expectError(reply, 415, '/headers/content-type');
      expect(reply.body.error).toContain('application/json');
    }
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });

  it('accepts JSON with a charset parameter', async () => {
    const a = await start();
    expect(
      (await a.send('POST', '/api/sources', { headers: { 'content-type': 'application/json; charset=utf-8' }, body: source('Charset') }))
        .status,
    ).toBe(201);
  });
});
