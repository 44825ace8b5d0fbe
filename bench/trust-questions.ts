// How long other requests wait while the source trust panel's questions are answered:
// `npx tsx bench/trust-questions.ts` (TRUST_CLAIMS=20000,100000 by default; TRUST_LOOP_MAX=20000: the
// largest store also measured with the questions on the event loop, as before, for comparison).
// The server runs in a child process over a generated store (bench/generate.ts), its trust settled
// before timing. This process sends GET /api/claims/:id (a small answer) every PROBE_MS without waiting
// for answers, asks a what-if (trust=primary) and the source's trust view (copy relations), and classes
// each probe by what was running when it was sent. Writes a section of bench/results/truth-questions.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { generateCorpus } from './lib/corpus.js';
import { machine, round } from './lib/measure.js';
import { writeMeasurements } from './lib/results-file.js';

const PROBE_MS = 10;
const QUIET_MS = 2000;
const RESULTS = path.resolve(import.meta.dirname, 'results', 'truth-questions.md');
type Mode = 'worker' | 'event loop';

if (process.argv[2] === 'serve') await serve(process.argv[3]!);
else await main();

/** The child: the app on an ephemeral port, plus two bench-only routes answering on the event loop (the code as it ran before). */
async function serve(dataDir: string): Promise<void> {
  const express = (await import('express')).default;
  const { createApp } = await import('../server/api/app.js');
  const { Repository } = await import('../server/store/repository.js');
  const { copyRelations, whatIfJudged } = await import('../server/analysis/source-trust.js');
  const repo = await Repository.open(dataDir);
  await repo.trustRefresh.settled();
  const outer = express();
  outer.get(
    '/bench/what-if-on-loop/:id',
    (req, res) => void res.json(whatIfJudged(repo.snapshot.analysis, req.params.id, { primary: true })),
  );
  outer.get('/bench/copies-on-loop/:id', (req, res) => void res.json(copyRelations(repo.snapshot.analysis, req.params.id)));
  outer.use(createApp(repo, { clientDir: path.join(dataDir, 'no-client') }));
  const server = outer.listen(0, '127.0.0.1');
  server.once('listening', () => console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
}

interface Sample {
  sentAt: number;
  ms: number;
}
interface Timed {
  ms: number;
  probes: Sample[];
}

async function main(): Promise<void> {
  const sizes = (process.env.TRUST_CLAIMS ?? '20000,100000').split(',').map(Number);
  const loopMax = Number(process.env.TRUST_LOOP_MAX ?? 20_000);
  const host = machine();
  const load = [os.loadavg()[0]!];
  const rows: string[] = [];
  for (const claims of sizes) {
    const corpus = generateCorpus({ claims, seed: 1 });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'concordance-trust-q-'));
    const { writeCorpusFiles } = await import('../server/store/create.js');
    await writeCorpusFiles(corpus, dir);
    const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, 'serve', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const base = await firstLine(child);
      const probe = `${base}/api/claims/${corpus.claims[0]!.id}`;
      const source = corpus.sources[0]!.id;
      for (let i = 0; i < 5; i++) await get(probe);
      const quiet = await probeFor(probe, QUIET_MS);
      const label = `${claims.toLocaleString('en')} claims, ${corpus.sources.length.toLocaleString('en')} sources`;
      const measure = async (mode: Mode, question: string, url: string) => {
        const t = await during(probe, url);
        load.push(os.loadavg()[0]!);
        console.error(`${label}, ${question}, ${mode}: ${Math.round(t.ms)} ms, probes ${JSON.stringify(stats(t.probes))}`);
        rows.push(row(label, question, mode, t, quiet));
      };
      await measure('worker', 'what-if (first time for this revision)', `${base}/api/sources/${source}/what-if?trust=primary`);
      await measure('worker', 'what-if again (kept)', `${base}/api/sources/${source}/what-if?trust=primary`);
      await measure('worker', 'copy relations (GET …/trust, first time)', `${base}/api/sources/${source}/trust`);
      if (claims <= loopMax) {
        await measure('event loop', 'what-if', `${base}/bench/what-if-on-loop/${source}`);
        await measure('event loop', 'copy relations', `${base}/bench/copies-on-loop/${source}`);
      }
    } finally {
      child.kill('SIGINT');
      await rm(dir, { recursive: true, force: true });
    }
  }
  const section = [
    `Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB, Node ${host.node}, ${host.date}. Load average (1 min) at the start and after each measurement: ${load.map((l) => l.toFixed(2)).join(', ')} (other agents share the 2 cores: times are upper bounds).`,
    '',
    `Generated stores (bench/lib/corpus.ts, seed 1), the server in a child process with its trust settled. A GET /api/claims/:id is sent every ${PROBE_MS} ms without waiting for the previous answer; latency is send to last byte. "Quiet" is the same probe over ${QUIET_MS / 1000} s before any question. "Worker" is the server as it is (server/api/trust-questions.ts); "event loop" is the same computation called synchronously in a route, as it ran before.`,
    '',
    '| store | question | where | answer (s) | quiet: GETs, p50 / p99 / max (ms) | during the question: GETs answered, p50 / p99 / max (ms) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  writeMeasurements(RESULTS, 'Source trust questions: answer time and GET latency meanwhile', section);
  console.error(`written ${path.relative(process.cwd(), RESULTS)}`);
}

function row(store: string, question: string, mode: Mode, t: Timed, quiet: Sample[]): string {
  const cell = (x: ReturnType<typeof stats>) => (x.n === 0 ? 'none' : `${x.n}, ${x.p50} / ${x.p99} / ${x.max}`);
  return `| ${store} | ${question} | ${mode} | ${round(t.ms / 1000, 2)} | ${cell(stats(quiet))} | ${cell(stats(t.probes))} |`;
}

function stats(samples: readonly Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length === 0 ? 0 : round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!, 1));
  return { n: ms.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

/** Asks `url` while probing; the probes sent before the answer came. */
async function during(probe: string, url: string): Promise<Timed> {
  const probes: Promise<Sample>[] = [];
  const timer = setInterval(() => {
    const sentAt = performance.now();
    probes.push(get(probe).then((ms) => ({ sentAt, ms })));
  }, PROBE_MS);
  const started = performance.now();
  await get(url);
  const ended = performance.now();
  clearInterval(timer);
  return { ms: ended - started, probes: (await Promise.all(probes)).filter((s) => s.sentAt <= ended) };
}

async function probeFor(probe: string, ms: number): Promise<Sample[]> {
  const samples: Promise<Sample>[] = [];
  const timer = setInterval(() => {
    const sentAt = performance.now();
    samples.push(get(probe).then((t) => ({ sentAt, ms: t })));
  }, PROBE_MS);
  await new Promise((resolve) => setTimeout(resolve, ms));
  clearInterval(timer);
  return Promise.all(samples);
}

/** GET `url`: milliseconds to the last byte (a non-2xx answer is an error). */
function get(url: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode! < 300 ? resolve(performance.now() - started) : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
        );
      })
      .on('error', reject);
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}
