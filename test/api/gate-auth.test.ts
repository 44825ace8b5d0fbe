// Team mode (issue 13, accounts and roles) over real HTTP: 401 without a user, 403 for a role too
// small, the session cookie's flags, CSRF on cookie writes, API tokens, the changelog naming the
// signed-in user, and a users file that never holds a password or token in clear.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extractor } from '../../server/extract/types.js';
import { addUser, UserDirectory } from '../../server/store/users.js';
import { miniStore } from '../helpers/mini-store.js';
import { fingerprint } from '../helpers/temp-store.js';
import { expectError, expectShape, startApi, type Reply, type RunningApi } from './harness.js';

const noClaims: Extractor = () => ({ claims: [], proposedEntities: [], references: [], warnings: [] });

let api: RunningApi;
let usersDir: string;
let usersFile: string;
const people: Record<'reader' | 'reviewer' | 'admin', { name: string; password: string; token: string }> = {} as never;

beforeAll(async () => {
  usersDir = await mkdtemp(path.join(os.tmpdir(), 'concordance-users-'));
  usersFile = path.join(usersDir, 'private', 'users.json');
  for (const [role, name] of [
    ['reader', 'Rita Reader'],
    ['reviewer', 'Rev Iewer'],
    ['admin', 'Ada Admin'],
  ] as const) {
    const { password, token } = await addUser(usersFile, name, role);
    people[role] = { name, password, token };
  }
  api = await startApi(await miniStore(), { extractor: async () => noClaims, auth: { users: new UserDirectory(usersFile) } });
}, 30_000);
afterAll(async () => {
  await api.close();
  await rm(usersDir, { recursive: true, force: true });
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const bearer = (who: keyof typeof people) => ({ authorization: `Bearer ${people[who].token}` });
const etagOf = async (id: string, headers: Record<string, string>) => String((await api.get(`/api/claims/${id}`, headers)).headers.etag);

async function signIn(who: keyof typeof people): Promise<{ cookie: string; csrf: string; reply: Reply }> {
  const reply = await api.send('POST', '/api/session', json({ name: people[who].name, password: people[who].password }));
  expect(reply.status).toBe(200);
  const setCookie = reply.headers['set-cookie']![0]!;
  return { cookie: setCookie.split(';')[0]!, csrf: reply.body.csrfToken, reply };
}

describe('team mode: authentication', () => {
  it('answers 401 with a clear message, a JSON error and WWW-Authenticate to a request that names no user', async () => {
    for (const reply of [
      await api.get('/api/sources'),
      await api.send('POST', '/api/sources', json({ title: 'T', publisher: 'P', text: 'x' })),
      await api.get('/api/session'),
    ]) {
      expectError(reply, 401);
      expect(reply.headers['www-authenticate']).toMatch(/^Bearer /);
    }
    expect((await api.get('/api/sources')).body.error).toMatch(/sign in/);
  });

  it('tells a script which user its token stands for', async () => {
    const reply = await api.get('/api/session', bearer('admin'));
    expectShape(reply.body, 'Session');
    expect(reply.body).toEqual({ mode: 'team', user: { name: people.admin.name, role: 'admin' }, csrfToken: null });
  });

  it('still serves the API description to anyone', async () => {
    expect((await api.get('/api/openapi.json')).status).toBe(200);
  });

  it('refuses an unknown, mistyped or malformed token with 401', async () => {
    const forged = people.reader.token.slice(0, -4) + 'AAAA';
    expectError(await api.get('/api/sources', { authorization: `Bearer ${forged}` }), 401, '/headers/authorization');
    expectError(
      await api.get('/api/sources', { authorization: 'Bearer cct_0000000000000000_' + 'A'.repeat(43) }),
      401,
      '/headers/authorization',
    );
    expectError(
      await api.get('/api/sources', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }),
      401,
      '/headers/authorization',
    );
  });

  it('refuses a wrong password with 401, and a name after five failures with 429', async () => {
    const wrong = json({ name: people.admin.name, password: 'guess' });
    for (let i = 0; i < 5; i++) expectError(await api.send('POST', '/api/session', wrong), 401);
    expectError(await api.send('POST', '/api/session', json({ name: people.admin.name, password: people.admin.password })), 429);
    expectError(await api.send('POST', '/api/session', json({ name: people.admin.name })), 400, '/');
  });

  it('sets an HttpOnly, SameSite=Strict session cookie on sign-in and says who is signed in', async () => {
    const { cookie, reply } = await signIn('reviewer');
    const flags = reply.headers['set-cookie']![0]!.split(';').map((f) => f.trim().toLowerCase());
    expect(flags).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(flags.some((f) => f.startsWith('max-age='))).toBe(true);
    expectShape(reply.body, 'Session');
    expect(reply.body).toMatchObject({ mode: 'team', user: { name: people.reviewer.name, role: 'reviewer' } });
    const session = await api.get('/api/session', { cookie });
    expect(session.body).toEqual(reply.body);
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('ends the session on sign-out: the cookie no longer works', async () => {
    const { cookie } = await signIn('reader');
    expect((await api.get('/api/sources', { cookie })).status).toBe(200);
    const out = await api.send('DELETE', '/api/session', { headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']![0]).toMatch(/concordance_session=;/);
    expectError(await api.get('/api/sources', { cookie }), 401);
  });
});

describe('team mode: roles and CSRF', () => {
  it('lets a reader read but not write (403 naming the role), storing nothing', async () => {
    const before = await fingerprint(api.dataDir);
    expect((await api.get('/api/claims/chronicle-2', bearer('reader'))).status).toBe(200);
    const reply = await api.send(
      'PATCH',
      '/api/claims/chronicle-2',
      json({ action: 'reject' }, { ...bearer('reader'), 'if-match': '"1"' }),
    );
    expectError(reply, 403, '/role');
    expect(reply.body.error).toContain('reader');
    expectError(
      await api.send('POST', '/api/sources', json({ title: 'T', publisher: 'P', text: 'reader text' }, bearer('reader'))),
      403,
      '/role',
    );
    expect(await fingerprint(api.dataDir)).toEqual(before);
  });

  it('records the signed-in user in the changelog, whatever X-Reviewer claims', async () => {
    const etag = await etagOf('chronicle-1', bearer('reviewer'));
    const reply = await api.send(
      'PATCH',
      '/api/claims/chronicle-1',
      json({ action: 'accept', note: 'checked' }, { ...bearer('reviewer'), 'if-match': etag, 'x-reviewer': 'Mallory' }),
    );
    expect(reply.status).toBe(200);
    const history = await api.get('/api/claims/chronicle-1/history', bearer('reader'));
    expect(history.body.items.at(-1)).toMatchObject({ who: people.reviewer.name, action: 'accept' });
    expect(await readFile(path.join(api.dataDir, 'changelog.jsonl'), 'utf8')).not.toContain('Mallory');
  });

  it('needs the CSRF token with a cookie session: missing or wrong is 403, right is accepted', async () => {
    const { cookie, csrf } = await signIn('reviewer');
    const before = await fingerprint(api.dataDir);
    const etag = await etagOf('chronicle-2', { cookie });
    expectError(
      await api.send('PATCH', '/api/claims/chronicle-2', json({ action: 'reject' }, { cookie, 'if-match': etag })),
      403,
      '/headers/x-csrf-token',
    );
    expectError(
      await api.send(
        'PATCH',
        '/api/claims/chronicle-2',
        json({ action: 'reject' }, { cookie, 'if-match': etag, 'x-csrf-token': csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }),
      ),
      403,
      '/headers/x-csrf-token',
    );
    expect(await fingerprint(api.dataDir)).toEqual(before);
    const ok = await api.send(
      'PATCH',
      '/api/claims/chronicle-2',
      json({ action: 'reject' }, { cookie, 'if-match': etag, 'x-csrf-token': csrf }),
    );
    expect(ok.status).toBe(200);
  });

  it('keeps deleting for admins: a reviewer gets 403 before any route runs, an admin gets past the gate', async () => {
    expectError(await api.send('DELETE', '/api/sources/chronicle', { headers: bearer('reviewer') }), 403, '/role');
    expect((await api.send('DELETE', '/api/sources/no-such-source', { headers: bearer('admin') })).status).not.toBe(403);
  });
});

describe('sessions shared by server processes', () => {
  it('a cookie signed by one process works on another that shares the users folder (and after a restart); a sign-out on one ends it on both', async () => {
    const other = await startApi(await miniStore(), { extractor: async () => noClaims, auth: { users: new UserDirectory(usersFile) } });
    try {
      const { cookie, csrf } = await signIn('reviewer');
      expect((await other.get('/api/session', { cookie })).body).toMatchObject({ user: { name: people.reviewer.name }, csrfToken: csrf });
      const etag = String((await other.get('/api/claims/chronicle-1', { cookie })).headers.etag);
      expect(
        (
          await other.send(
            'PATCH',
            '/api/claims/chronicle-1',
            json({ action: 'reject' }, { cookie, 'if-match': etag, 'x-csrf-token': csrf }),
          )
        ).status,
      ).toBe(200);
      expect((await api.send('DELETE', '/api/session', { headers: { cookie } })).status).toBe(200);
      expectError(await other.get('/api/sources', { cookie }), 401);
    } finally {
      await other.close();
    }
  });

  it('refuses a cookie whose signed content was changed (another name, a later expiry)', async () => {
    const { cookie } = await signIn('reviewer');
    const [name, value] = cookie.split('=') as [string, string];
    const [payload, signature] = value.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    for (const forged of [
      { ...claims, name: people.admin.name },
      { ...claims, exp: claims.exp + 1e9 },
    ]) {
      const tampered = `${name}=${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
      expectError(await api.get('/api/sources', { cookie: tampered }), 401);
    }
    expectError(await api.get('/api/sources', { cookie: `${name}=${payload}.${signature.slice(1)}` }), 401);
  });

  it('keeps its signing key beside the users file, readable by its owner only', async () => {
    expect((await stat(path.join(path.dirname(usersFile), 'session.key'))).mode & 0o777).toBe(0o600);
  });
});

describe('the users file', () => {
  it('holds scrypt hashes only: no password, no token, no token secret, readable by its owner only', async () => {
    const raw = await readFile(usersFile, 'utf8');
    for (const p of Object.values(people)) {
      expect(raw).not.toContain(p.password);
      expect(raw).not.toContain(p.token);
      expect(raw).not.toContain(p.token.slice('cct_0123456789abcdef_'.length));
    }
    const users = JSON.parse(raw).users;
    expect(users).toHaveLength(3);
    for (const u of users) {
      expect(u.password).toMatchObject({ algorithm: 'scrypt', N: 16384, r: 8, p: 1 });
      expect(Buffer.from(u.password.hash, 'base64')).toHaveLength(32);
      expect(u.tokens[0].secret.algorithm).toBe('scrypt');
    }
    expect((await stat(usersFile)).mode & 0o777).toBe(0o600);
  });

  it('is read again when it changes: a user added while the server runs can sign in', async () => {
    const { token } = await addUser(usersFile, 'Late Comer', 'reader');
    expect((await api.get('/api/sources', { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('refuses a second user of the same name, an unknown role and a name the changelog could not hold', async () => {
    await expect(addUser(usersFile, 'rita reader', 'admin')).rejects.toThrow(/already exists/);
    await expect(addUser(usersFile, 'Someone', 'owner')).rejects.toThrow(/reader, reviewer, admin/);
    await expect(addUser(usersFile, 'a\u001b[31mb', 'reader')).rejects.toThrow(/invalid name/);
  });
});

describe('local mode', () => {
  it('has nothing to sign in to, and says so', async () => {
    const local = await startApi(await miniStore(), { extractor: async () => noClaims });
    try {
      expect((await local.get('/api/session')).body).toEqual({ mode: 'local', user: null, csrfToken: null });
      expectError(await local.send('POST', '/api/session', json({ name: 'a', password: 'b' })), 400);
      expect((await local.get('/api/sources')).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
