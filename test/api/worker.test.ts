// Extraction runs in a worker thread: a read is answered while a large text is still being read (an
// ordering proof, no timing threshold), and an extraction past its budget is stopped with a 422 that
// names the budget, leaving the store as it was.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { workerExtractor } from '../../server/api/extractor.js';
import {
  BUDGET_SETTING,
  DEFAULT_BUDGET_MS,
  DEFAULT_MEMORY_MB,
  MEMORY_SETTING,
  workerSettings,
  type ExtractionWorkers,
} from '../../server/api/extract-worker.js';
import { miniStore } from '../helpers/mini-store.js';
import { fingerprint } from '../helpers/temp-store.js';
import { expectError, startApi, type RunningApi } from './harness.js';

/**
 * About 5 million characters of prose with no figure in it: this test is about reads answered while
 * a large text is read, not about storing its claims. A run mark in letters ("walk bcd") keeps the
 * sentences apart without being a number (a run number made every sentence a figure: ~48,000 claims).
 */
function largeText(chars = 4_900_000): string {
  const letters = (n: number): string => {
    let mark = '';
    do {
      mark = String.fromCharCode(97 + (n % 26)) + mark;
      n = Math.floor(n / 26);
    } while (n > 0);
    return mark;
  };
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; length < chars; n++) {
    const sentence = `The river ran quietly past the old walls on the morning of walk ${letters(n)}, and the garrison men watched it. `;
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('');
}

interface StreamedIngest {
  /** Resolves on the first progress line: extraction has started. */
  started: Promise<void>;
  /** Every line received so far. */
  lines: unknown[];
  /** Resolves when the response ends. */
  ended: Promise<void>;
  isEnded(): boolean;
}

/** POST /api/sources with Accept: application/x-ndjson, reading the lines as they come. */
function streamIngest(base: string, body: object): StreamedIngest {
  const url = new URL('/api/sources', base);
  const lines: unknown[] = [];
  let ended = false;
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const endedPromise = new Promise<void>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' } }, (res) => {
      let pending = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        pending += chunk;
        const complete = pending.split('\n');
        pending = complete.pop()!;
        for (const line of complete) {
          lines.push(JSON.parse(line));
          markStarted();
        }
      });
      res.on('end', () => {
        ended = true;
        markStarted();
        resolve();
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
  return { started, lines, ended: endedPromise, isEnded: () => ended };
}

let api: RunningApi | undefined;
let workers: ExtractionWorkers | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  await workers?.close();
  workers = undefined;
});

async function start(limits: { budgetMs?: number; memoryMb?: number } = {}): Promise<RunningApi> {
  workers = workerExtractor(limits);
  const extractor = workers.extractor;
  api = await startApi(await miniStore(), { extractor: async () => extractor });
  return api;
}

describe('extraction in a worker thread', () => {
  const text = largeText();

  it('answers GET /api/graph while a 4.9 MB text is still being extracted', async () => {
    // The ordering is what is tested here, not the budget (tested below): a generous one, so that a
    // loaded machine cannot cut the stream.
    const a = await start({ budgetMs: 240_000 });
    const ingest = streamIngest(a.base, { title: 'Long walk', publisher: 'P', text });
    await ingest.started;
    const graph = await a.get('/api/graph');
    const progressAtReply = (ingest.lines as { progress?: number }[]).map((l) => l.progress ?? Infinity);
    await ingest.ended;
    expect(graph.status).toBe(200);
    // Extraction was still running when the read was answered: the progress lines received by then
    // stop short of 1, and more came after. In-process, extraction holds the event loop, so every
    // progress line, up to 1, is sent before the read is even taken in.
    expect(progressAtReply.length).toBeGreaterThan(0);
    expect(Math.max(...progressAtReply)).toBeLessThan(1);
    expect(ingest.lines.length).toBeGreaterThan(progressAtReply.length);
    expect(ingest.lines).toContainEqual({ progress: 1 });
    const last = ingest.lines.at(-1) as { result?: { source: { id: string; text: { length: number } } } };
    expect(last.result?.source).toMatchObject({ id: 'long-walk', text: { length: text.length } });
    expect((await a.get('/api/sources/long-walk')).status).toBe(200);
  }, 300_000);

  it('stops an extraction that runs past its budget with a 422 naming it, and stores nothing', async () => {
    const a = await start({ budgetMs: 250 });
    const before = await fingerprint(a.dataDir);
    const reply = await a.send('POST', '/api/sources', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Too long', publisher: 'P', text }),
    });
    expectError(reply, 422, '/text');
    expect(reply.body.error).toContain('250 ms');
    expect(reply.body.error).toContain(BUDGET_SETTING);
    expect(await fingerprint(a.dataDir)).toEqual(before);
    expect((await a.get('/api/sources')).body.count).toBe(1);

    // The stream ends with an error line rather than a result.
    const streamed = streamIngest(a.base, { title: 'Too long', publisher: 'P', text });
    await streamed.ended;
    expect(streamed.lines.at(-1)).toMatchObject({ status: 422, error: expect.stringContaining('time budget') });
    expect(await fingerprint(a.dataDir)).toEqual(before);

    // The stopped worker is replaced: a small text is extracted and stored afterwards.
    const small = await a.send('POST', '/api/sources', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Short', publisher: 'P', text: 'The garrison numbered 7,000 men in 1920.' }),
    });
    expect(small.status).toBe(201);
    expect(small.body.claims).toMatchObject([{ value: { amount: 7000 } }]);
  });
  it('stops an extraction that needs more than its memory limit with a 422 naming it; the server lives on', async () => {
    const a = await start({ memoryMb: 48 });
    const before = await fingerprint(a.dataDir);
    const reply = await a.send('POST', '/api/sources', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Too big', publisher: 'P', text: 'The garrison had 1,000,000 men. '.repeat(150_000) }),
    });
    expectError(reply, 422, '/text');
    expect(reply.body.error).toContain(`memory limit of 48 MB (${MEMORY_SETTING})`);
    expect(await fingerprint(a.dataDir)).toEqual(before);
    expect((await a.get('/api/graph')).status).toBe(200);
  });
});

describe('worker settings', () => {
  it('uses the documented default budget and refuses malformed values', () => {
    expect(workerSettings({})).toEqual({ budgetMs: DEFAULT_BUDGET_MS, memoryMb: DEFAULT_MEMORY_MB });
    expect(workerSettings({ [BUDGET_SETTING]: '1500', CONCORDANCE_EXTRACT_MEMORY_MB: '512' })).toEqual({ budgetMs: 1500, memoryMb: 512 });
    expect(() => workerSettings({ [BUDGET_SETTING]: '2s' })).toThrow(/CONCORDANCE_EXTRACT_BUDGET_MS must be a positive whole number/);
    expect(() => workerSettings({ [BUDGET_SETTING]: '0' })).toThrow(/positive/);
  });
});
