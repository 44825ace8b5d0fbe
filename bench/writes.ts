// Write benchmark (issue 13): on generated stores of N claims, for the folder store and PostgreSQL,
// what a write costs — opening the store (server start), ingesting a one-page source with its
// extraction done beforehand (only the store's work is timed), accepting one claim (with trust
// settled, and while trust is being re-learnt in the worker thread) — and the memory after.
//   node --expose-gc --import tsx bench/writes.ts --claims 10000,100000 [--stores file,pg] [--repeat 5] [--out bench/results/writes-table.md]
// PROF=<prefix> writes a CPU profile of each accept; with --trace-gc, lines on stdout bracket its collections.
// PostgreSQL: a fresh database per size on PG_BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped after.
// At 1M, generating and importing take minutes: --from <folder> uses a store made by bench/generate.ts
// (one size; the folder run writes into a copy of it), and --pg-url <url> a database it was already
// imported into (`npm run db:import`; written to, not dropped).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { extractClaims } from '../server/extract/index.js';
import { writeCorpusFiles } from '../server/store/create.js';
import { ingestSource } from '../server/store/ingest.js';
import { patchClaim } from '../server/store/mutations.js';
import { PostgresBackend } from '../server/store/pg/backend.js';
import { importFolder } from '../server/store/pg/transfer.js';
import { Repository } from '../server/store/repository.js';
import { generateCorpus } from './lib/corpus.js';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '10000,100000' },
    stores: { type: 'string', default: 'file,pg' },
    repeat: { type: 'string', default: '5' },
    out: { type: 'string' },
    from: { type: 'string' },
    'pg-url': { type: 'string' },
  },
  strict: true,
});
const sizes = values.claims!.split(',').map(Number);
const stores = values.stores!.split(',') as ('file' | 'pg')[];
const repeat = Number(values.repeat);
const ADMIN_URL = process.env.PG_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const PAGE = [
  'The Japanese Expeditionary Force had 70,000 troops in 1919.',
  'By 1920 the Japanese force numbered 25,000 men.',
  'The Czechoslovak Legion had 50,000 soldiers in 1918.',
  'The American Expeditionary Force Siberia numbered 7,950 soldiers in 1918.',
  'The last Japanese troops left Vladivostok in October 1922.',
].join(' ');

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
const load = () => os.loadavg()[0]!.toFixed(1);
const memory = () => {
  global.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMB: Math.round(heapUsed / 1e6), rssMB: Math.round(rss / 1e6) };
};

interface Row {
  store: string;
  claims: number;
  startS: number;
  graphS: number;
  openTrustS: number;
  ingestP50: number;
  reviewP50: number;
  busyReviewP50: number;
  trustP50: number;
  trustWhere: string;
  heapMB: number;
  rssMB: number;
  loadStart: string;
  loadEnd: string;
}
const rows: Row[] = [];

async function admin<T>(task: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** Opens the store as a server would, timed; for PostgreSQL the folder is imported first (not timed). */
async function opened(
  store: 'file' | 'pg',
  dir: string,
  n: number,
): Promise<{ repo: Repository; startS: number; cleanup: () => Promise<void> }> {
  if (store === 'file') {
    const t = performance.now();
    const repo = await Repository.open(dir);
    return { repo, startS: (performance.now() - t) / 1000, cleanup: async () => repo.close() };
  }
  const given = values['pg-url'];
  if (given) {
    global.gc?.();
    const t = performance.now();
    const repo = await Repository.openBackend(await PostgresBackend.connect(given));
    return { repo, startS: (performance.now() - t) / 1000, cleanup: async () => repo.close() };
  }
  const name = `concordance_bench_${n}_${process.pid}`;
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`).then(() => c.query(`CREATE DATABASE ${name}`)));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const importer = await PostgresBackend.connect(url.toString());
  await importFolder(importer, dir);
  await importer.close();
  global.gc?.();
  const t = performance.now();
  const repo = await Repository.openBackend(await PostgresBackend.connect(url.toString()));
  const startS = (performance.now() - t) / 1000;
  return {
    repo,
    startS,
    cleanup: async () => {
      await repo.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`));
    },
  };
}

// PROF=<prefix>: a CPU profile of each accept (sampled every 200 µs), written beside the prefix.
const profiler = process.env.PROF ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
}
let profiled = 0;

async function run(store: 'file' | 'pg', n: number, dir: string): Promise<Row> {
  const loadStart = load();
  const { repo, startS, cleanup } = await opened(store, dir, n);
  // The first request for the graph builds it (it is not built at start); after that, writes patch it in place.
  const t0 = performance.now();
  void repo.snapshot.analysis.graph.order;
  const graphS = (performance.now() - t0) / 1000;
  // A large store opens before its trust is learnt (in the worker): waited for, so the writes below start from a settled store.
  const t1 = performance.now();
  await repo.trustRefresh.settled();
  const openTrustS = (performance.now() - t1) / 1000;
  repo.trustRefresh.lastMs = undefined;
  const ingests: number[] = [];
  const reviews: number[] = [];
  const busyReviews: number[] = [];
  const trust: number[] = [];
  const settled = async () => {
    await repo.trustRefresh.settled();
    if (repo.trustRefresh.lastMs !== undefined) trust.push(repo.trustRefresh.lastMs);
    repo.trustRefresh.lastMs = undefined;
  };
  const accept = async (times: number[]) => {
    const claim = repo.snapshot.analysis.corpus.claims.find((c) => c.status === 'extracted')!;
    if (profiler) await profiler.post('Profiler.start');
    // Brackets the accept's collections in --trace-gc output.
    if (process.env.PROF) console.log(`accept ${times.length} begin`);
    const t = performance.now();
    await patchClaim(repo, claim.id, claim.version ?? 1, { action: 'accept' }, { who: 'bench' });
    times.push(performance.now() - t);
    if (process.env.PROF) console.log(`accept ${times.length - 1} end: ${times.at(-1)!.toFixed(1)} ms, load ${load()}`);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(`${process.env.PROF}-${store}-${n}-accept-${profiled++}.cpuprofile`, JSON.stringify(profile));
    }
  };
  for (let i = 0; i < repeat; i++) {
    const text = `${PAGE} Page ${i + 1} of the notes, ${store}.`;
    // Extraction is done first and handed over ready: only the store's work is timed.
    const context = {
      sourceId: `page-${i + 1}`,
      entities: repo.snapshot.analysis.corpus.entities,
      properties: repo.snapshot.analysis.corpus.properties,
    };
    const ready = extractClaims(text, context);
    let t = performance.now();
    await ingestSource(repo, { title: `Page ${i + 1} ${store}`, publisher: 'Bench', text }, { who: 'bench' }, (_t, ctx) => ({
      ...ready,
      claims: ready.claims.map((c) => ({ ...c, source: ctx.sourceId, id: c.id.replace(context.sourceId, ctx.sourceId) })),
    }));
    ingests.push(performance.now() - t);
    // A review while the worker re-learns trust after the ingest: answered without waiting for it.
    t = performance.now();
    while (!repo.trustRefresh.learning && performance.now() - t < 5_000) await new Promise((resolve) => setTimeout(resolve, 2));
    if (repo.trustRefresh.learning) await accept(busyReviews);
    await settled();
    await accept(reviews);
    await settled();
  }
  const row: Row = {
    store: store === 'file' ? 'folder' : 'PostgreSQL',
    claims: n,
    startS,
    graphS,
    openTrustS,
    ingestP50: median(ingests),
    reviewP50: median(reviews),
    busyReviewP50: median(busyReviews),
    trustP50: median(trust),
    trustWhere: repo.trustRefresh.lastWhere ?? '–',
    ...memory(),
    loadStart,
    loadEnd: load(),
  };
  await cleanup();
  console.error(JSON.stringify(row));
  return row;
}

for (const n of sizes) {
  const dir = values.from ?? (await mkdtemp(path.join(os.tmpdir(), `concordance-writes-${n}-`)));
  if (!values.from) await writeCorpusFiles(generateCorpus({ claims: n, seed: 1 }), dir);
  // Each store gets its own copy: the folder store's writes would otherwise be in PostgreSQL's import.
  for (const store of stores) {
    // An imported database is not read from the folder: no copy.
    if (store === 'pg' && values['pg-url']) {
      rows.push(await run(store, n, dir));
      continue;
    }
    const copy = await mkdtemp(path.join(os.tmpdir(), `concordance-writes-${n}-${store}-`));
    await rm(copy, { recursive: true });
    await import('node:fs/promises').then((fs) => fs.cp(dir, copy, { recursive: true }));
    rows.push(await run(store, n, copy));
    await rm(copy, { recursive: true, force: true });
  }
  if (!values.from) await rm(dir, { recursive: true, force: true });
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(0)} ms`);
const table = [
  '| store | claims | start | graph built (first request) | trust learnt after start | ingest one page, p50 | accept, p50 | accept while trust is re-learnt, p50 | trust re-learnt (worker), p50 | heap / RSS after | load (1 min) start → end |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.store} | ${r.claims.toLocaleString('en')} | ${r.startS.toFixed(2)} s | ${r.graphS.toFixed(2)} s | ${r.openTrustS.toFixed(2)} s | ${ms(r.ingestP50)} | ${ms(r.reviewP50)} | ${ms(r.busyReviewP50)} | ${ms(r.trustP50)} | ${r.heapMB} / ${r.rssMB} MB | ${r.loadStart} → ${r.loadEnd} |`,
  ),
].join('\n');
console.log(table);
if (values.out)
  await writeFile(
    values.out,
    `${new Date().toISOString()}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${repeat} writes of each kind per row.\n\n${table}\n`,
  );
