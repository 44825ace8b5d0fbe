// Load test of the read API: `npx tsx bench/load.ts`. The app runs in this process on 127.0.0.1 over a temp copy of
// graph-data; autocannon runs in a worker thread, so the load generator does not share the server's
// event loop. Each endpoint gets a bounded run (LOAD_SECONDS, default 10 s; 10 connections); the
// script records requests/s, latency p50/p99, errors and non-2xx answers (any is a failure: exit 1),
// and the process memory before, during and after, then writes bench/results/load.md and stops.
import autocannon from 'autocannon';
import { once } from 'node:events';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createApp } from '../server/api/app.js';
import { DEFAULT_DATA_DIR } from '../server/store/layout.js';
import { Repository } from '../server/store/repository.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = 10;
const SAMPLE_MS = 1000;
const RESULTS = path.resolve(import.meta.dirname, 'results', 'load.md');

interface Target {
  path: string;
  headers?: Record<string, string>;
  note?: string;
}

interface Run {
  target: Target;
  result: autocannon.Result;
  rssBefore: number;
  rssAfter: number;
}

interface Sample {
  at: number;
  phase: string;
  rss: number;
  heapUsed: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
// Heap figures are compared after a full collection; the flag is set here so the plain command works.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concordance-load-'));
  await cp(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  const repo = await Repository.open(dataDir);
  const server = createApp(repo, { clientDir: path.join(dataDir, 'no-client') }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { analysis } = repo.snapshot;
  // The trace of a claim in conflict: the busiest kind of trace (comparisons and partners to list).
  const traced = analysis.comparisons.find((c) => c.verdict === 'conflicts')?.a ?? analysis.corpus.claims[0]!.id;
  const targets: Target[] = [
    { path: '/api/graph' },
    { path: '/api/graph', headers: { 'accept-encoding': 'gzip' }, note: 'gzip, as a browser asks for it' },
    { path: '/api/conflicts' },
    { path: '/api/entities/semyonov' },
    { path: '/api/search?q=semenov' },
    { path: `/api/claims/${traced}/trace` },
  ];

  const samples: Sample[] = [];
  let phase = 'start';
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ at: Date.now(), phase, rss, heapUsed });
  };
  const sampler = setInterval(sample, SAMPLE_MS);

  try {
    for (const t of targets) {
      const reply = await fetch(base + t.path, { headers: t.headers });
      await reply.arrayBuffer();
      if (reply.status !== 200) throw new Error(`${t.path} answered ${reply.status} before the load started`);
    }
    // Warm-up (JIT, caches), then the baseline the growth is measured from.
    phase = 'warm-up';
    await Promise.all(targets.map((t) => autocannon({ url: base + t.path, headers: t.headers, connections: 2, duration: 1 })));
    gc();
    phase = 'baseline';
    sample();
    const baseline = samples.at(-1)!;

    const runs: Run[] = [];
    for (const target of targets) {
      phase = target.path + (target.note ? ' (gzip)' : '');
      const rssBefore = process.memoryUsage().rss;
      console.log(`loading ${phase} for ${SECONDS} s with ${CONNECTIONS} connections...`);
      const result = await autocannon({
        url: base + target.path,
        headers: target.headers,
        connections: CONNECTIONS,
        duration: SECONDS,
        workers: 1,
      });
      runs.push({ target, result, rssBefore, rssAfter: process.memoryUsage().rss });
    }
    gc();
    phase = 'end';
    sample();
    const end = samples.at(-1)!;

    const report = render({
      runs,
      samples,
      baseline,
      end,
      claims: analysis.corpus.claims.length,
      sources: analysis.corpus.sources.length,
      graphBytes: repo.snapshot.graphJson.length,
    });
    await writeFile(RESULTS, report);
    console.log(`\n${report}\nwritten to ${path.relative(process.cwd(), RESULTS)}`);
    const failed = runs.filter((r) => r.result.errors > 0 || r.result.non2xx > 0 || r.result.timeouts > 0);
    if (failed.length > 0) {
      console.error(`FAILED: errors or non-2xx answers on ${failed.map((r) => r.target.path).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    clearInterval(sampler);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface ReportInput {
  runs: Run[];
  samples: Sample[];
  baseline: Sample;
  end: Sample;
  claims: number;
  sources: number;
  graphBytes: number;
}

function render({ runs, samples, baseline, end, claims, sources, graphBytes }: ReportInput): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  const rows = runs.map(
    ({ target, result: r, rssBefore, rssAfter }) =>
      `| \`${target.path}\`${target.note ? ` (${target.note})` : ''} | ${fmt(r.requests.average)} | ${fmt(r.latency.p50, 1)} | ${fmt(r.latency.p99, 1)} | ${fmt(r.latency.max, 1)} | ${fmt(r.requests.total)} | ${r.errors + r.timeouts} | ${r.non2xx} | ${fmt(mb(r.throughput.average), 2)} | ${signed(mb(rssAfter - rssBefore))} |`,
  );
  const during = samples.filter((s) => s.at >= baseline.at && s.at <= end.at);
  const peak = during.reduce((m, s) => (s.rss > m.rss ? s : m), baseline);
  const perRun = runs
    .map((run) => {
      const phase = run.target.path + (run.target.note ? ' (gzip)' : '');
      const mine = samples.filter((s) => s.phase === phase);
      return mine.length === 0 ? '' : `| ${phase} | ${mine.map((s) => fmt(mb(s.rss))).join(' → ')} |`;
    })
    .filter(Boolean);
  return [
    '# Load test of the read API',
    '',
    `Date: ${new Date().toISOString()}. Command: \`npx tsx bench/load.ts\` (${SECONDS} s per endpoint, ${CONNECTIONS} connections, autocannon in a worker thread, server in the main thread, 127.0.0.1).`,
    '',
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${fmt(mb(os.totalmem()) / 1024, 1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}. Load average at the end of the run: ${load} — the machine was shared, so absolute figures are indicative; compare runs on one machine.`,
    '',
    `Store: a copy of graph-data with ${claims} claims from ${sources} sources; the graph export is ${fmt(graphBytes / 1024)} KB of JSON.`,
    '',
    '| Endpoint | req/s | p50 ms | p99 ms | max ms | requests | errors | non-2xx | MB/s | RSS change MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '## Memory',
    '',
    `RSS is the whole process (server and the load generator's worker); the heap is the server's thread only, measured after a full collection. Flat memory means the heap returns to its baseline; RSS also holds the allocator's and the worker's buffers.`,
    '',
    `- Baseline after warm-up: RSS ${fmt(mb(baseline.rss), 1)} MB, heap ${fmt(mb(baseline.heapUsed), 1)} MB.`,
    `- End of all runs: RSS ${fmt(mb(end.rss), 1)} MB (${signed(mb(end.rss - baseline.rss))} MB), heap ${fmt(mb(end.heapUsed), 1)} MB (${signed(mb(end.heapUsed - baseline.heapUsed))} MB).`,
    `- Peak RSS during the runs: ${fmt(mb(peak.rss), 1)} MB (during ${peak.phase}).`,
    '',
    `RSS sampled every ${SAMPLE_MS / 1000} s during each run, in MB:`,
    '',
    '| Run | RSS samples |',
    '|---|---|',
    ...perRun,
    '',
  ].join('\n');
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : '−'}${fmt(Math.abs(n), 1)}`;
}

await main();
