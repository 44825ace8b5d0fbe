// Server processes on one PostgreSQL database (DATABASE_URL): each answers reads and takes
// reviews; two reviews of one claim version through two processes cannot both win (one gets the
// 412 of a stale If-Match); a write through one is served by the other within a second (NOTIFY).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../server/core/schema-types.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { PostgresBackend } from '../../server/store/pg/backend.js';
import { importFolder } from '../../server/store/pg/transfer.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from './database.js';

let db: TestDatabase;
const servers: ServerProcess[] = [];
let a: ServerProcess;
let b: ServerProcess;
let claims: Claim[];

async function serve(): Promise<ServerProcess> {
  const server = await startServerProcess('', undefined, { env: { DATABASE_URL: db.url, CONCORDANCE_DATA: '' } });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const backend = await PostgresBackend.connect(db.url);
  try {
    await importFolder(backend, DEFAULT_DATA_DIR);
    claims = (await backend.load()).corpus.claims;
  } finally {
    await backend.close();
  }
  [a, b] = await Promise.all([serve(), serve()]);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.drop();
});

const claimOn = async (server: ServerProcess, id: string) => {
  const reply = await fetch(`${server.base}/api/claims/${id}`);
  expect(reply.status).toBe(200);
  return { claim: (await reply.json()) as Claim, etag: reply.headers.get('etag') };
};
const review = (server: ServerProcess, id: string, etag: string, action: 'accept' | 'reject') =>
  fetch(`${server.base}/api/claims/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', 'if-match': etag },
    body: JSON.stringify({ action }),
  });

describe('server processes on one PostgreSQL database', () => {
  it('answers reads from the database and records a review in it', async () => {
    const graph = await fetch(`${a.base}/api/graph`);
    expect(graph.status).toBe(200);
    const sources = (await (await fetch(`${a.base}/api/sources`)).json()) as { count: number };
    expect(sources.count).toBe(2);
    const target = claims[0]!;
    const { etag } = await claimOn(a, target.id);
    expect(etag).toBe(`"${target.version ?? 1}"`);
    const reply = await review(a, target.id, etag!, 'accept');
    expect(reply.status, await reply.clone().text()).toBe(200);
    expect(await reply.json()).toMatchObject({ id: target.id, status: 'reviewed', version: (target.version ?? 1) + 1 });
    const backend = await PostgresBackend.connect(db.url);
    try {
      const stored = (await backend.load()).corpus.claims.find((c) => c.id === target.id);
      expect(stored).toMatchObject({ status: 'reviewed', version: (target.version ?? 1) + 1 });
      const { changes } = await backend.readChangelog();
      expect(changes.at(-1)).toMatchObject({ claim: target.id, action: 'accept', after: { version: (target.version ?? 1) + 1 } });
    } finally {
      await backend.close();
    }
  }, 60_000);

  it('a write through one process is served by the other within a second', async () => {
    const target = claims[1]!;
    const before = await claimOn(b, target.id);
    const reply = await review(a, target.id, before.etag!, 'reject');
    expect(reply.status).toBe(200);
    const written = (await reply.json()) as Claim;
    const start = Date.now();
    let seen: Claim | undefined;
    while (Date.now() - start < 1_000) {
      const now = (await claimOn(b, target.id)).claim;
      if (now.version === written.version) {
        seen = now;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    console.log(`process B served A's write after ${Date.now() - start} ms`);
    expect(seen, 'process B serves the claim as process A wrote it within a second').toMatchObject(written);
  }, 30_000);

  it('two reviews of the same version through two processes: one wins, the other is a stale If-Match (412)', async () => {
    for (const target of claims.slice(2, 8)) {
      const { etag } = await claimOn(a, target.id);
      const replies = await Promise.all([review(a, target.id, etag!, 'accept'), review(b, target.id, etag!, 'reject')]);
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses, `${target.id}: ${await replies[0]!.text()} / ${await replies[1]!.text()}`).toEqual([200, 412]);
    }
    // The database holds exactly one change per claim reviewed (the winner's).
    const backend = await PostgresBackend.connect(db.url);
    try {
      const { changes } = await backend.readChangelog();
      for (const target of claims.slice(2, 8)) expect(changes.filter((c) => c.claim === target.id)).toHaveLength(1);
      expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
    } finally {
      await backend.close();
    }
  }, 60_000);

  it('a source stored by npm run ingest on DATABASE_URL is served by the running processes, its text unchanged', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'concordance-pg-ingest-'));
    try {
      const text = 'By August 1919 the Japanese force in Siberia numbered some 60,000 men, a regional newspaper reported.\n';
      const file = path.join(dir, 'report.txt');
      await writeFile(file, text);
      // Not spawnSync: a test process blocked for the whole ingest cannot notice the servers closing its idle connections.
      const run = await promisify(execFile)(
        path.resolve('node_modules/.bin/tsx'),
        ['server/cli/ingest.ts', file, '--title', 'A regional report', '--publisher', 'Test Press'],
        {
          encoding: 'utf8',
          env: { ...process.env, DATABASE_URL: db.url, CONCORDANCE_DATA: '', NO_COLOR: '1' },
          timeout: 120_000,
        },
      );
      expect(run.stdout).toMatch(/stored source a-regional-report/);
      const start = Date.now();
      let reply: Response | undefined;
      while (Date.now() - start < 1_000) {
        reply = await fetch(`${b.base}/api/sources/a-regional-report`).catch((err: unknown) => {
          throw new Error(`process B did not answer (${(err as Error).message}); it printed:\n${b.output()}`);
        });
        if (reply.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      console.log(`process B served the ingested source after ${Date.now() - start} ms`);
      expect(reply?.status, b.output()).toBe(200);
      expect(((await reply!.json()) as { text: string }).text).toBe(text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
