// Write failures with reasons (issue 12.4), with real failures, not mocks: a full disk is a tiny
// tmpfs filled to the brim, a read-only store is that tmpfs remounted read-only, a permission
// error is the real server run as the unprivileged user `nobody` over a store owned by root (the
// tests run as root, which chmod alone does not stop), and a held lock is a live process's lock
// file. Each failure is a clear error naming where, the NDJSON stream ends with an error line, and
// the store is left exactly as it was: no temporary, backup, journal or lock, the changelog unchanged.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, cp, mkdtemp, open, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Extractor } from '../../server/extract/types.js';
import { loadStore } from '../../server/store/load.js';
import { commitFiles } from '../../server/store/transaction.js';
import { expectError, startApi, type RunningApi } from '../api/harness.js';
import { miniStore } from '../helpers/mini-store.js';
import { freePort, watchOutput } from '../helpers/server-process.js';
import { fingerprint } from '../helpers/temp-store.js';
import { filesBelow, isLeftover } from './store-checks.js';

const noClaims: Extractor = () => ({ claims: [], proposedEntities: [], references: [], warnings: [] });
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const accept = { action: 'accept' };

/** Whether this machine lets the tests mount a tmpfs (root in a container with CAP_SYS_ADMIN). */
const canMount = (() => {
  const probe = path.join(tmpdir(), `concordance-mount-probe-${process.pid}`);
  try {
    execFileSync('mkdir', ['-p', probe]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    execFileSync('rm', ['-rf', probe]);
  }
})();
if (!canMount) console.warn('write-failures: mount -t tmpfs is not permitted here; the disk-full and read-only cases are skipped');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** The mini store on its own small tmpfs, served in-process. */
async function apiOnTmpfs(size: string): Promise<{ api: RunningApi; mount: string; store: string }> {
  const mount = await mkdtemp(path.join(tmpdir(), 'concordance-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount]);
  const source = await miniStore();
  const store = path.join(mount, 'store');
  await cp(source, store, { recursive: true });
  await rm(source, { recursive: true, force: true });
  const api = await startApi(store, { extractor: async () => noClaims });
  cleanups.push(async () => {
    await api.close().catch(() => undefined);
    execFileSync('umount', ['-l', mount]);
    await rm(mount, { recursive: true, force: true });
  });
  return { api, mount, store };
}

/** Fills the file system holding `dir` with one file, then frees `leave` bytes of it. */
async function fill(dir: string, leave: number): Promise<void> {
  const filler = path.join(dir, 'filler.bin');
  const chunk = Buffer.alloc(64 * 1024, 1);
  const handle = await open(filler, 'w');
  try {
    for (;;) await handle.write(chunk);
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    await handle.close();
  }
  if (leave > 0) await truncate(filler, Math.max(0, (await stat(filler)).size - leave));
}

/** The store is exactly as before, nothing half-written is left, and it loads without a problem. */
async function expectUntouched(api: RunningApi, store: string, before: Record<string, string>, revision: number): Promise<void> {
  expect((await filesBelow(store)).filter((f) => isLeftover(f) || f === '.lock' || f.startsWith('.lock.'))).toEqual([]);
  expect(await fingerprint(store)).toEqual(before);
  expect(api.repo.snapshot.revision).toBe(revision);
  expect((await loadStore(store)).problems).toEqual([]);
}

describe.skipIf(!canMount)('a full disk', () => {
  it('refuses an ingest with 507 naming the folder, as JSON and as the last NDJSON line, and leaves nothing behind', async () => {
    const { api, mount, store } = await apiOnTmpfs('512k');
    await fill(mount, 8 * 1024);
    const before = await fingerprint(store);
    const revision = api.repo.snapshot.revision;
    const source = { title: 'Big letter', publisher: 'Archive', text: 'The garrison had 9,000 men that winter. '.repeat(2000) };

    const reply = await api.send('POST', '/api/sources', json(source));
    expectError(reply, 507);
    expect(reply.body.error).toMatch(/no space left on the device holding .*store/);
    expect(reply.body.details).toMatchObject({ kind: 'disk-full', code: 'ENOSPC', path: expect.stringContaining(store) });
    await expectUntouched(api, store, before, revision);

    const streamed = await api.send('POST', '/api/sources', json(source, { accept: 'application/x-ndjson' }));
    const lines = String(streamed.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ status: 507, error: expect.stringMatching(/no space left/) });
    await expectUntouched(api, store, before, revision);

    // Space freed, the same request succeeds: nothing was left in a state that blocks it.
    await rm(path.join(mount, 'filler.bin'));
    expect((await api.send('POST', '/api/sources', json(source))).status).toBe(201);
  });

  it('refuses a review with 507 when not even the lock fits, the changelog unchanged', async () => {
    const { api, mount, store } = await apiOnTmpfs('256k');
    await fill(mount, 0);
    const before = await fingerprint(store);
    const revision = api.repo.snapshot.revision;
    const reply = await api.send('PATCH', '/api/claims/chronicle-2', json(accept, { 'if-match': '"1"' }));
    expectError(reply, 507);
    expect(reply.body.details).toMatchObject({ kind: 'disk-full', code: 'ENOSPC' });
    await expectUntouched(api, store, before, revision);
  });
});

describe.skipIf(!canMount)('a read-only store', () => {
  it('refuses a review with 500 naming the path and the cause (EROFS)', async () => {
    const { api, mount, store } = await apiOnTmpfs('512k');
    const before = await fingerprint(store);
    const revision = api.repo.snapshot.revision;
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    const reply = await api.send('PATCH', '/api/claims/chronicle-2', json(accept, { 'if-match': '"1"' }));
    execFileSync('mount', ['-o', 'remount,rw', mount]);
    expectError(reply, 500);
    expect(reply.body.error).toMatch(/may not write .*store.*read-only file system/);
    expect(reply.body.details).toMatchObject({ kind: 'permission', code: 'EROFS' });
    await expectUntouched(api, store, before, revision);
  });
});

describe('a store the server may not write', () => {
  it('the real server, run as nobody over a store owned by root, answers 500 naming the path (EACCES) and writes nothing', async () => {
    const store = await miniStore();
    cleanups.push(() => rm(store, { recursive: true, force: true }));
    // Readable by everyone, writable by root only.
    for (const dir of [store, path.join(store, 'sources'), path.join(store, 'claims')]) await chmod(dir, 0o755);
    for (const file of await filesBelow(store)) await chmod(path.join(store, file), 0o644);
    const before = await fingerprint(store);
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../server/cli/serve.ts')], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      uid: 65534,
      gid: 65534,
      env: { ...process.env, HOME: tmpdir(), PORT: String(port), CONCORDANCE_DATA: store, AUTH: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => stopChild(child));
    await listening(child);
    const res = await fetch(`http://127.0.0.1:${port}/api/claims/chronicle-2`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify(accept),
    });
    const body = (await res.json()) as { error: string; details: { code: string; kind: string; path: string } };
    expect(res.status, JSON.stringify(body)).toBe(500);
    expect(body.error).toMatch(/may not write .*permission denied.*write access to/);
    expect(body.details).toMatchObject({ kind: 'permission', code: 'EACCES', path: expect.stringContaining(store) });
    expect(await fingerprint(store)).toEqual(before);
  }, 60_000);
});

describe('a store another process is writing', () => {
  it('answers 503 with Retry-After naming the process, then writes once the lock is gone or its holder dead', async () => {
    const store = await miniStore();
    const api = await startApi(store, { extractor: async () => noClaims });
    cleanups.push(() => api.close());
    const holder = spawn('sleep', ['60']);
    cleanups.push(() => stopChild(holder));
    await writeFile(path.join(store, '.lock'), JSON.stringify({ pid: holder.pid, since: '2026-01-01T00:00:00.000Z' }));
    const before = await fingerprint(store);
    const revision = api.repo.snapshot.revision;

    const reply = await api.send('PATCH', '/api/claims/chronicle-2', json(accept, { 'if-match': '"1"' }));
    expectError(reply, 503);
    expect(reply.headers['retry-after']).toBe('2');
    expect(reply.body.error).toContain(`pid ${holder.pid}`);
    expect(reply.body.details.holder).toMatchObject({ pid: holder.pid });
    expect(await fingerprint(store)).toEqual(before);
    expect(api.repo.snapshot.revision).toBe(revision);

    await stopChild(holder);
    // The holder died without releasing it: a stale lock is taken over.
    expect((await api.send('PATCH', '/api/claims/chronicle-2', json(accept, { 'if-match': '"1"' }))).status).toBe(200);
    expect(await readdir(store)).not.toContain('.lock');
  });
});

describe('a store written by another process since the server loaded it', () => {
  it('refuses the next write with 409 (restart to load the changes) instead of logging over it', async () => {
    const store = await miniStore();
    const api = await startApi(store, { extractor: async () => noClaims });
    cleanups.push(() => api.close());
    // `npm run ingest` beside the running server: a second process appends to the changelog.
    const text = path.join(store, '..', `concordance-beside-${process.pid}.txt`);
    await writeFile(text, 'The garrison had 7,000 men that spring.');
    cleanups.push(() => rm(text, { force: true }));
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, '../../server/cli/ingest.ts'), text, '--title', 'Beside', '--publisher', 'P'],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { ...process.env, CONCORDANCE_DATA: store },
        stdio: 'pipe',
      },
    );
    const before = await fingerprint(store);
    const reply = await api.send('PATCH', '/api/claims/chronicle-2', json(accept, { 'if-match': '"1"' }));
    expectError(reply, 409);
    expect(reply.body.error).toMatch(/written by another process .*restart the server/);
    expect(await fingerprint(store)).toEqual(before);
    expect((await filesBelow(store)).filter(isLeftover)).toEqual([]);
    // Reopened, the server sees both and writes again.
    const reopened = await startApi(store, { extractor: async () => noClaims });
    cleanups.push(() => reopened.close());
    expect((await reopened.send('PATCH', '/api/claims/chronicle-2', json(accept, { 'if-match': '"1"' }))).status).toBe(200);
    expect((await loadStore(store)).corpus.sources.map((s) => s.id).sort()).toEqual(['beside', 'chronicle']);
  }, 60_000);
});

describe('commitFiles', () => {
  it('a failure after the journal is written rolls back and removes the journal, temporaries and backups at once', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'concordance-txn-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    await writeFile(path.join(root, 'a.json'), 'old a');
    await writeFile(path.join(root, 'log.jsonl'), 'line1\n');
    // Removals run after the journal and the appends; removing a file that is not there fails there.
    const write = { file: path.join(root, 'a.json'), content: 'new a' };
    const append = { file: path.join(root, 'log.jsonl'), content: 'line2\n' };
    await expect(commitFiles(root, [write], [append], [path.join(root, 'gone.json')])).rejects.toMatchObject({
      kind: 'io',
      code: 'ENOENT',
    });
    expect((await readdir(root)).sort()).toEqual(['a.json', 'log.jsonl']);
    expect(await readFile(path.join(root, 'log.jsonl'), 'utf8')).toBe('line1\n');
    expect(await readFile(path.join(root, 'a.json'), 'utf8')).toBe('old a');
  });
});

async function listening(child: ChildProcess): Promise<void> {
  await watchOutput(child, 45_000).listening;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
