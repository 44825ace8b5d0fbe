// `npm start` serves compiled JavaScript: the server built with tsc into dist/ (scripts/build-server.mjs)
// starts, answers, extracts in its worker thread, reads documents in the conversion worker and answers
// trust questions in theirs, with no tsx anywhere in the process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyGraphData } from '../api/harness.js';
import { makePdf } from '../formats/files.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let server: ServerProcess;

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-server.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  server = await startServerProcess(await copyGraphData(), undefined, { compiled: true });
}, 150_000);
afterAll(() => server?.stop());

describe('the compiled server', () => {
  it('runs without tsx and answers reads', async () => {
    const args = String(server.child.spawnargs.join(' '));
    expect(args).toContain(path.join('dist', 'server', 'cli', 'serve.js'));
    expect(args).not.toContain('tsx');
    const graph = await fetch(`${server.base}/api/graph`);
    expect(graph.status).toBe(200);
    expect(((await graph.json()) as { nodes: unknown[] }).nodes.length).toBeGreaterThan(300);
  });

  it('extracts a pasted source in its worker thread and reads a PDF in the conversion worker', async () => {
    const saved = await fetch(`${server.base}/api/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Compiled', publisher: 'Test', text: 'The Japanese Expeditionary Force had 70,000 troops in 1919.' }),
    });
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as { claims: unknown[] }).claims.length).toBeGreaterThan(0);
    const read = await fetch(`${server.base}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(await makePdf([['A page read by the compiled server.']])),
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { text: string }).text).toContain('A page read by the compiled server.');
  });

  it('answers a what-if and copy relations in its trust questions thread', async () => {
    const whatIf = await fetch(`${server.base}/api/sources/wikipedia-japanese-intervention/what-if?trust=primary`);
    expect(whatIf.status).toBe(200);
    expect(((await whatIf.json()) as { changed: number }).changed).toBeGreaterThan(0);
    const trust = await fetch(`${server.base}/api/sources/russia-beyond/trust`);
    expect(trust.status).toBe(200);
    expect(((await trust.json()) as { copies: unknown[] }).copies).toBeInstanceOf(Array);
  });
});
