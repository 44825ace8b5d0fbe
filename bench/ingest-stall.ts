// How long GET /api/graph waits while an ingest runs: `npx tsx bench/ingest-stall.ts`.
// The server runs in a child process over a temp copy of graph-data (its event loop must not be the
// one that measures), with extraction either on its event loop (in-process, as before) or in the
// worker thread (server/api/extract-worker.ts). This process sends a GET every PROBE_MS (not waiting
// for answers, so a stalled loop shows as many slow answers, not one), posts the text with
// Accept: application/x-ndjson, and classes each GET by when it was sent: while extracting (before the
// progress line 1 arrives) or after (checking, reconciling and writing the claims, on the event loop
// in both modes). Writes bench/results/ingest-stall.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { machine, round } from './lib/measure.js';
import { writeMeasurements } from './lib/results-file.js';

const PROBE_MS = 10;
const QUIET_MS = 3000;
const RESULTS = path.resolve(import.meta.dirname, 'results', 'ingest-stall.md');
const DATA = path.resolve(import.meta.dirname, '..', 'graph-data');
type Mode = 'in-process' | 'worker';
/** Statuses of GETs not answered 200 (printed with the run). */
const failedGets: string[] = [];

if (process.argv[2] === 'serve') await serve(process.argv[3] as Mode, process.argv[4]!);
else await main();

/** The child: the app on an ephemeral loopback port, its URL on stdout. */
async function serve(mode: Mode, dataDir: string): Promise<void> {
  const { createApp } = await import('../server/api/app.js');
  const { Repository } = await import('../server/store/repository.js');
  const { defaultExtractor, inProcessExtractor } = await import('../server/api/extractor.js');
  const repo = await Repository.open(dataDir);
  const server = createApp(repo, {
    clientDir: path.join(dataDir, 'no-client'),
    extractor: mode === 'worker' ? defaultExtractor : inProcessExtractor,
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as { port: number };
  console.log(`http://127.0.0.1:${address.port}`);
  // An orderly exit, so that a --cpu-prof profile is written.
  process.on('SIGINT', () => process.exit(0));
  // The event loop's own record, asked for over IPC: 'reset' when the ingest starts, 'read' when it ends.
  const stalls = stallRecorder();
  process.on('message', (m: string) => {
    if (m === 'reset') stalls.reset();
    else if (m === 'read') process.send!(stalls.read());
  });
}

interface LoopStalls {
  /** The longest time the event loop did not come round, and the number and sum of the gaps over 50 ms. */
  longestMs: number;
  over50: number;
  over50Ms: number;
  /** Event-loop delay (perf_hooks, 10 ms resolution): p99. */
  p99DelayMs: number;
}

/** Gaps of the event loop seen by a 5 ms timer, and perf_hooks' delay histogram, since the last reset. */
function stallRecorder(): { reset(): void; read(): LoopStalls } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let gaps: number[] = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 50) gaps.push(now - last);
    last = now;
  }, 5).unref();
  return {
    reset() {
      histogram.reset();
      gaps = [];
    },
    read() {
      return {
        longestMs: round(Math.max(0, ...gaps, histogram.max / 1e6), 0),
        over50: gaps.length,
        over50Ms: round(
          gaps.reduce((sum, g) => sum + g, 0),
          0,
        ),
        p99DelayMs: round(histogram.percentile(99) / 1e6, 0),
      };
    },
  };
}

interface Case {
  name: string;
  text: string;
}

async function cases(): Promise<Case[]> {
  const sources = await Promise.all(
    ['wikipedia-japanese-intervention', 'russia-beyond'].map((id) => readFile(path.join(DATA, 'sources', `${id}.txt`), 'utf8')),
  );
  // The bundled articles again and again, with their digits turned into letters: the text is read
  // as fully (sentences, names, dates in words, cues) but gives almost no claims. Thousands of copies of
  // the same claims would make one quadratic reconciliation group, issue 12.2's worst case with its
  // own benchmark; here the question is only what reading the text does to the event loop.
  const pasted: string[] = [];
  const letters = (text: string) => text.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);
  for (let n = 0, length = 0; length < 4_990_000; n++) {
    const copy = `\n\nCopy ${letters(String(n))}\n\n${letters(sources[n % 2]!)}`;
    pasted.push(copy);
    length += copy.length;
  }
  const markers: string[] = [];
  for (let n = 0; n < 100_000; n++) markers.push(`The column reached the station on day ${n}.[${(n % 40) + 1}] `);
  // Issue 12's crash: one paste that reads as tens of thousands of figures of one subject, so one
  // comparison group and one truth-discovery item of 40,000 values are stored and analysed.
  const figures: string[] = [];
  for (let n = 0; n < 40_000; n++) figures.push(`On that day the garrison numbered ${1000 + n} men on the walls. `);
  const all = [
    { name: '5 MB paste (the bundled articles repeated, digits as letters)', text: pasted.join('').slice(0, 4_990_000) },
    { name: '100,000 footnote markers', text: markers.join('') },
    { name: '40,000 figures of one subject', text: figures.join('') },
  ];
  // STALL_CASES=figures (a part of a case's name) runs only the cases it names.
  const only = process.env.STALL_CASES?.split(',');
  return only ? all.filter((c) => only.some((o) => c.name.includes(o))) : all;
}

interface Sample {
  sentAt: number;
  ms: number;
}

interface Outcome {
  mode: Mode;
  status: string;
  ingestSeconds: number;
  extractSeconds: number;
  claims: number;
  /** Sent in the 3 s before the ingest, by the same server: what the machine's load alone costs. */
  quiet: Sample[];
  /** Sent before the first progress line: the body received and parsed, the checks, extraction starting. */
  opening: Sample[];
  /** Sent between the first progress line and the last: extracting. */
  during: Sample[];
  after: Sample[];
  /** The server's event loop during the ingest (its own timer and delay histogram). */
  loop: LoopStalls;
}

async function main(): Promise<void> {
  const load = [os.loadavg()[0]!];
  const host = machine();
  const rows: string[] = [];
  // STALL_MODES=worker, STALL_CASES (above) and STALL_PROFILE=<folder> (a CPU profile of the server) are for looking into one run.
  const modes = (process.env.STALL_MODES ?? 'in-process,worker').split(',') as Mode[];
  for (const c of await cases()) {
    for (const mode of modes) {
      const outcome = await runCase(c, mode);
      load.push(os.loadavg()[0]!);
      console.error(
        `${c.name}, ${mode}: ${JSON.stringify(summary(outcome))}${failedGets.length > 0 ? `; GETs not answered 200: ${failedGets.splice(0).join(', ')}` : ''}`,
      );
      rows.push(row(c, outcome));
    }
  }
  const startup = await workerCosts();
  console.error(`worker: ${JSON.stringify(startup)}`);
  const section = [
    `Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB, Node ${host.node}, ${host.date}. Load average (1 min) at the start and after each run: ${load.map((l) => l.toFixed(2)).join(', ')}.`,
    '',
    `A GET /api/graph (gzip) is sent every ${PROBE_MS} ms during the ingest, without waiting for the previous answer; latency is send to last byte. For comparison, the same server is probed for 3 s before the ingest (what the machine's load alone costs). GETs during the ingest are classed by when they were sent: before the first progress line arrived (the 5 MB body received and parsed, the checks on the text, extraction starting), between the first and the last progress line (extracting), and after it (the claims checked, reconciled and written, on the event loop in both modes). In-process, every progress line arrives at the end of extraction at once (the loop is held until then), so the first class holds all of extraction and the second is empty.`,
    '',
    '| text | extraction | ingest (s) | until extracted (s) | claims | no ingest (the 3 s before): GETs, p50 / p99 / max (ms) | before the first progress line: GETs, p50 / p99 / max (ms) | extracting: GETs, p50 / p99 / max (ms) | after extraction: GETs, p50 / p99 / max (ms) | the server event loop during the ingest: longest stall (ms) / stalls over 50 ms: count, sum (ms) / delay p99 (ms) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `One worker per ingest or a kept one: starting a worker and extracting a one-sentence text took ${startup.coldMs} ms (tsx registering, the extraction modules loading); the same job on the warm worker ${startup.warmMs} ms (median of 5). Kept, the worker adds ${startup.rssMB} MB to the server's resident memory (after its first job). So one worker is kept warm and replaced only when it is stopped.`,
  ].join('\n');
  if (process.env.STALL_MODES) {
    console.error(section);
    return;
  }
  writeMeasurements(RESULTS, 'Ingest stall: GET latency while a source is ingested', section);
  console.error(`written ${path.relative(process.cwd(), RESULTS)}`);
}

/** What a worker costs to start, and to keep. Measured here, in this process, before nothing else runs. */
async function workerCosts(): Promise<{ coldMs: number; warmMs: number; rssMB: number }> {
  const { workerExtractor } = await import('../server/api/extractor.js');
  const context = {
    sourceId: 'probe',
    entities: JSON.parse(await readFile(path.join(DATA, 'entities.json'), 'utf8')),
    properties: JSON.parse(await readFile(path.join(DATA, 'properties.json'), 'utf8')),
  };
  const text = 'By October 1918, Japanese troops in the Russian Far East numbered over 72,000 soldiers.';
  const rssBefore = process.memoryUsage().rss;
  const workers = workerExtractor();
  try {
    let start = performance.now();
    await workers.extract(text, context);
    const coldMs = performance.now() - start;
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      await workers.extract(text, context);
      warm.push(performance.now() - start);
    }
    warm.sort((a, b) => a - b);
    return { coldMs: Math.round(coldMs), warmMs: round(warm[2]!, 1), rssMB: Math.round((process.memoryUsage().rss - rssBefore) / 1048576) };
  } finally {
    await workers.close();
  }
}

function row(c: Case, o: Outcome): string {
  const s = summary(o);
  const cell = (x: { n: number; p50: number; p99: number; max: number }) => (x.n === 0 ? 'none' : `${x.n}, ${x.p50} / ${x.p99} / ${x.max}`);
  return `| ${c.name}, ${(c.text.length / 1e6).toFixed(2)} M characters | ${o.mode} | ${o.ingestSeconds} (${o.status}) | ${o.extractSeconds} | ${o.claims} | ${cell(s.quiet)} | ${cell(s.opening)} | ${cell(s.during)} | ${cell(s.after)} | ${o.loop.longestMs} / ${o.loop.over50}, ${o.loop.over50Ms} / ${o.loop.p99DelayMs} |`;
}

function summary(o: Outcome) {
  return {
    status: o.status,
    ingestSeconds: o.ingestSeconds,
    extractSeconds: o.extractSeconds,
    claims: o.claims,
    quiet: stats(o.quiet),
    opening: stats(o.opening),
    during: stats(o.during),
    after: stats(o.after),
    loop: o.loop,
  };
}

function stats(samples: readonly Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length === 0 ? 0 : round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!, 1));
  return { n: ms.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

async function runCase(c: Case, mode: Mode): Promise<Outcome> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concordance-stall-'));
  await cp(DATA, dataDir, { recursive: true });
  const profile = process.env.STALL_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.STALL_PROFILE}`] : [];
  const child = spawn(process.execPath, [...process.execArgv, ...profile, import.meta.filename, 'serve', mode, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const base = await firstLine(child);
    // Warm-up: the graph's gzip for this revision, and the extractor (the worker starts, or the
    // extraction modules load) with a small ingest, so the measured run pays neither.
    for (let i = 0; i < 5; i++) await get(`${base}/api/graph`);
    await post(base, { title: 'Warm-up', publisher: 'Bench', text: 'The garrison numbered 4,000 men in 1919.' }, () => undefined);
    for (let i = 0; i < 3; i++) await get(`${base}/api/graph`);
    const quiet = await probeFor(base, QUIET_MS);

    const probes: Promise<Sample>[] = [];
    child.send('reset');
    const t0 = performance.now();
    let extractedAt = Infinity;
    let firstProgressAt = Infinity;
    const timer = setInterval(() => {
      const sentAt = performance.now();
      probes.push(get(`${base}/api/graph`).then((ms) => ({ sentAt, ms })));
    }, PROBE_MS);
    const { status, claims } = await post(base, { title: `Stall ${mode}`, publisher: 'Bench', text: c.text }, (line) => {
      const progress = (line as { progress?: number }).progress;
      if (progress !== undefined && firstProgressAt === Infinity) firstProgressAt = performance.now();
      if (progress === 1) extractedAt = performance.now();
    });
    const endedAt = performance.now();
    clearInterval(timer);
    const loopRead = once(child, 'message');
    child.send('read');
    const [loop] = (await loopRead) as [LoopStalls];
    const samples = (await Promise.all(probes)).filter((s) => s.sentAt <= endedAt);
    return {
      mode,
      status,
      ingestSeconds: round((endedAt - t0) / 1000, 2),
      extractSeconds: round((Math.min(extractedAt, endedAt) - t0) / 1000, 2),
      claims,
      quiet,
      opening: samples.filter((s) => s.sentAt < firstProgressAt),
      during: samples.filter((s) => s.sentAt >= firstProgressAt && s.sentAt < extractedAt),
      after: samples.filter((s) => s.sentAt >= extractedAt),
      loop,
    };
  } finally {
    child.kill('SIGINT');
    await once(child, 'exit');
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** GETs every PROBE_MS for `ms`, with nothing else asked of the server. */
async function probeFor(base: string, ms: number): Promise<Sample[]> {
  const probes: Promise<Sample>[] = [];
  const timer = setInterval(() => {
    const sentAt = performance.now();
    probes.push(get(`${base}/api/graph`).then((took) => ({ sentAt, ms: took })));
  }, PROBE_MS);
  await new Promise((resolve) => setTimeout(resolve, ms));
  clearInterval(timer);
  return Promise.all(probes);
}

async function firstLine(child: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: child.stdout! })) return line.trim();
  throw new Error('the bench server exited before listening');
}

/** Milliseconds from sending a GET to its last byte. */
function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const start = performance.now();
    // A connection per GET: a kept-alive socket the server is closing answers ECONNRESET.
    http
      .get(url, { agent: false, headers: { 'accept-encoding': 'gzip' } }, (res) => {
        res.resume();
        // A GET the server gave up on (408 after a minute unanswered) counts, with the time it took.
        res.on('end', () => {
          if (res.statusCode !== 200) failedGets.push(`${res.statusCode}`);
          resolve(performance.now() - start);
        });
      })
      // A connection reset (the server closing a socket while its loop was held) counts too, with its time.
      .on('error', (err: NodeJS.ErrnoException) => {
        failedGets.push(err.code ?? err.message);
        resolve(performance.now() - start);
      });
  });
}

/** POST /api/sources as NDJSON; each line goes to `onLine`; the last line's outcome is returned. */
function post(base: string, body: object, onLine: (line: unknown) => void): Promise<{ status: string; claims: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/sources`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' } },
      (res) => {
        let pending = '';
        let last: { result?: { claims: unknown[] }; error?: string; status?: number } | undefined;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          pending += chunk;
          const lines = pending.split('\n');
          pending = lines.pop()!;
          for (const text of lines) {
            last = JSON.parse(text);
            onLine(last);
          }
        });
        res.on('end', () => {
          if (res.statusCode !== 201) return resolve({ status: `HTTP ${res.statusCode}: ${pending.slice(0, 200)}`, claims: 0 });
          resolve(
            last?.result
              ? { status: 'stored', claims: last.result.claims.length }
              : { status: `error ${last?.status}: ${last?.error}`, claims: 0 },
          );
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
