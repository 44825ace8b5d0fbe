// `npm run user:add` the way an operator runs it: the password and token printed once, only their
// hashes on disk, clear refusals; and `npm run serve` refusing to run without accounts off loopback.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserDirectory } from '../../server/store/users.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
let dir: string;
let file: string;

const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(TSX, [path.join(ROOT, 'server', 'cli', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', CONCORDANCE_USERS: file, ...env },
  });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'concordance-user-add-'));
  file = path.join(dir, 'users.json');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run user:add', () => {
  it('prints a password and a token that work, and stores neither', async () => {
    const r = run('user-add.ts', ['--name', 'Ann Lee', '--role', 'reviewer']);
    expect(r.status, r.stderr).toBe(0);
    const password = /^password: (\S+)$/m.exec(r.stdout)?.[1];
    const token = /^token: +(\S+)$/m.exec(r.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(token).toMatch(/^cct_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const raw = await readFile(file, 'utf8');
    expect(raw).not.toContain(password);
    expect(raw).not.toContain(token!.slice('cct_0123456789abcdef_'.length));
    const users = new UserDirectory(file);
    expect(await users.signIn('Ann Lee', password!)).toEqual({ name: 'Ann Lee', role: 'reviewer' });
    expect(await users.signIn('Ann Lee', `${password}x`)).toBeUndefined();
    expect(await users.byToken(token!)).toEqual({ name: 'Ann Lee', role: 'reviewer' });
  });

  it.each([
    ['a missing role', ['--name', 'Bo'], /--name and --role are required/],
    ['an unknown role', ['--name', 'Bo', '--role', 'root'], /invalid role "root": use one of reader, reviewer, admin/],
    ['a duplicate name', ['--name', 'ann lee', '--role', 'admin'], /already exists/],
    ['a name with control characters', ['--name', 'Bo\u0007', '--role', 'reader'], /invalid name/],
  ])('refuses %s with exit 1 and a reason', (_name, args, message) => {
    const r = run('user-add.ts', args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('npm run serve', () => {
  it.each([
    ['AUTH=off on a network address', { AUTH: 'off', HOST: '0.0.0.0' }, /AUTH=off is allowed on loopback only/],
    ['an AUTH value that is neither on nor off', { AUTH: 'yes' }, /AUTH must be "on" or "off"/],
    ['an ALLOWED_HOSTS entry that is not a host', { ALLOWED_HOSTS: 'http://x/' }, /ALLOWED_HOSTS/],
  ])('refuses to start with %s', (_name, env, message) => {
    const r = run('serve.ts', [], { PORT: '1', ...env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
