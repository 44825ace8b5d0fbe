// Graph and API benchmark at 100k claims (tsx bench/graph.ts [--claims N] [--seed S] [--requests R]):
// graph build and export times, then the real app over loopback: GET /api/graph time to first
// byte and total, raw and gzip sizes, and a conditional request answered 304. Writes
// bench/results/graph.md.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../server/api/app.js';
import { buildGraph } from '../server/analysis/graph.js';
import { indexCorpus } from '../server/core/model.js';
import { reconcile } from '../server/core/reconcile.js';
import { Repository } from '../server/store/repository.js';
import { generateCorpus } from './lib/corpus.js';
import { writeGraphResults, type GraphBench } from './lib/graph-report.js';
import { probe, type Probe } from './lib/http-probe.js';
import { collectGarbage, machine, median, peakMB, round, timed } from './lib/measure.js';
import { writeCorpusFiles } from '../server/store/create.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      claims: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      requests: { type: 'string', default: '5' },
    },
    strict: true,
  });
  const claims = Number(values.claims);
  const requests = Math.max(1, Number(values.requests));
  const host = machine();

  const corpus = generateCorpus({ claims, seed: Number(values.seed) });
  const index = indexCorpus(corpus);
  const entityLabel = (id: string) => index.entity.get(id)?.label ?? id;
  const { comparisons } = reconcile({ ...corpus, entityLabel });
  collectGarbage();
  const build = timed(() => buildGraph(corpus, comparisons));
  const graph = build.value;
  const exported = timed(() => graph.export());
  const serialised = timed(() => JSON.stringify(exported.value));
  console.log(
    `# graph: ${graph.order} nodes, ${graph.size} edges; build ${round(build.seconds)} s, export ${round(exported.seconds)} s, stringify ${round(serialised.seconds)} s`,
  );

  const dir = await mkdtemp(path.join(tmpdir(), 'concordance-graph-bench-'));
  try {
    await writeCorpusFiles(corpus, dir);
    const opened = await timedAsync(() => Repository.open(dir));
    const server = createApp(opened.value).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graph`;
    try {
      // One untimed request warms the route (first-call compilation is not what a client waits for).
      await probe(url);
      // The first gzip request of a revision pays for compressing it (the repository keeps the result).
      const firstGzip = await probe(url, { 'Accept-Encoding': 'gzip' });
      const raw = await repeat(requests, () => probe(url));
      const gzip = await repeat(requests, () => probe(url, { 'Accept-Encoding': 'gzip' }));
      const etag = String(raw[0]!.headers.etag);
      const conditional = await repeat(requests, () => probe(url, { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' }));
      const result: GraphBench = {
        host,
        claims,
        requests,
        nodes: graph.order,
        edges: graph.size,
        comparisons: comparisons.length,
        buildSeconds: build.seconds,
        exportSeconds: exported.seconds,
        stringifySeconds: serialised.seconds,
        openSeconds: opened.seconds,
        exportBytes: Buffer.byteLength(serialised.value),
        raw: summarise(raw),
        firstGzip: summarise([firstGzip]),
        gzip: summarise(gzip),
        conditional: summarise(conditional),
        gzipEncoding: String(gzip[0]!.headers['content-encoding'] ?? 'none'),
        peakMB: peakMB(),
      };
      const file = writeGraphResults(result);
      console.log(JSON.stringify({ ...result, host: undefined }));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    } finally {
      server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ProbeSummary {
  statuses: number[];
  ttfbMs: number;
  totalMs: number;
  bytes: number;
}

function summarise(probes: Probe[]): ProbeSummary {
  return {
    statuses: [...new Set(probes.map((p) => p.status))],
    ttfbMs: round(median(probes.map((p) => p.ttfbMs)), 1),
    totalMs: round(median(probes.map((p) => p.totalMs)), 1),
    bytes: probes[0]!.bytes,
  };
}

async function repeat(n: number, fn: () => Promise<Probe>): Promise<Probe[]> {
  const out: Probe[] = [];
  // One after another: concurrent requests would time each other, not the server.
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

await main();
