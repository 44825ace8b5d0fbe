// One paste that reads as tens of thousands of figures of one subject (issue 12's crash, issue 13's
// scale): it is stored and answered over real HTTP, and the server keeps answering afterwards, also on
// a connection kept alive from before the paste.
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { workerExtractor } from '../../server/api/extractor.js';
import type { ExtractionWorkers } from '../../server/api/extract-worker.js';
import { miniStore } from '../helpers/mini-store.js';
import { startApi, type RunningApi } from './harness.js';

/** `sentences` sentences, each stating a different count of the same garrison. */
function manyFigures(sentences: number): string {
  const parts: string[] = [];
  for (let n = 0; n < sentences; n++) parts.push(`On that day the garrison numbered ${1000 + n} men on the walls. `);
  return parts.join('');
}

interface Answer {
  status: number;
  body: string;
  ms: number;
}

function send(agent: Agent, base: string, method: string, path: string, body?: string): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, agent, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let api: RunningApi | undefined;
let workers: ExtractionWorkers | undefined;
afterEach(async () => {
  await api?.close();
  await workers?.close();
  api = undefined;
  workers = undefined;
});

describe('a paste of many figures of one subject', () => {
  it('is stored, and the server keeps answering on connections kept alive across it', async () => {
    workers = workerExtractor({ budgetMs: 240_000 });
    const extractor = workers.extractor;
    api = await startApi(await miniStore(), { extractor: async () => extractor });
    const keptAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await send(keptAlive, api.base, 'GET', '/api/sources')).status).toBe(200);
    const text = manyFigures(30_000);
    const paste = await send(
      new Agent(),
      api.base,
      'POST',
      '/api/sources',
      JSON.stringify({ title: 'Garrison roll', publisher: 'P', text }),
    );
    expect(paste.status, paste.body.slice(0, 500)).toBe(201);
    const stored = JSON.parse(paste.body) as { claims: unknown[] };
    expect(stored.claims.length).toBe(30_000);
    const after = await send(keptAlive, api.base, 'GET', '/api/sources/garrison-roll');
    expect(after.status).toBe(200);
    keptAlive.destroy();
  }, 300_000);
});
