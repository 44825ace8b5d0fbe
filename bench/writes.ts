// Write benchmark (issue 13): on generated stores of N claims, what one write costs the file store —
// opening the store (server start), ingesting a one-page source with its extraction done beforehand
// (so only the store's work is timed), accepting one claim — with the time of each step and the heap.
//   npx tsx bench/writes.ts --claims 10000,100000 [--repeat 5] [--out bench/results/writes.md]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { extractClaims } from '../server/extract/index.js';
import { ingestSource } from '../server/store/ingest.js';
import { patchClaim } from '../server/store/mutations.js';
import { Repository } from '../server/store/repository.js';
import { writeCorpusFiles } from '../server/store/create.js';
import { generateCorpus } from './lib/corpus.js';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '10000,100000' }, repeat: { type: 'string', default: '5' }, out: { type: 'string' } }, strict: true });
const sizes = values.claims!.split(',').map(Number);
const repeat = Number(values.repeat);

const PAGE = [
  'The Japanese Expeditionary Force had 70,000 troops in 1919.',
  'By 1920 the Japanese force numbered 25,000 men.',
  'The Czechoslovak Legion had 50,000 soldiers in 1918.',
  'The American Expeditionary Force Siberia numbered 7,950 soldiers in 1918.',
  'The last Japanese troops left Vladivostok in October 1922.',
].join(' ');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = () => Math.round(process.memoryUsage().heapUsed / 1e6);

interface Row { claims: number; openS: number; ingestP50: number; reviewP50: number; settleP50: number; heapMB: number }
const rows: Row[] = [];

for (const n of sizes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `concordance-writes-${n}-`));
  await writeCorpusFiles(generateCorpus({ claims: n, seed: 1 }), dir);
  global.gc?.();
  let t = performance.now();
  const repo = await Repository.open(dir);
  const openS = (performance.now() - t) / 1000;
  const ingests: number[] = [];
  const reviews: number[] = [];
  // Trust is re-learned in the background after each write; waited for (and timed) between writes
  // so that no write's figure includes the one before it.
  const settles: number[] = [];
  const settled = async () => {
    await repo.trustRefresh.settled();
    if (repo.trustRefresh.lastMs !== undefined) settles.push(repo.trustRefresh.lastMs);
    repo.trustRefresh.lastMs = undefined;
  };
  for (let i = 0; i < repeat; i++) {
    const text = `${PAGE} Page ${i + 1} of the notes.`;
    // Extraction is done first and handed over ready: only the store's work is timed.
    const context = { sourceId: `page-${i + 1}`, entities: repo.snapshot.analysis.corpus.entities, properties: repo.snapshot.analysis.corpus.properties };
    const ready = extractClaims(text, context);
    t = performance.now();
    const result = await ingestSource(repo, { title: `Page ${i + 1}`, publisher: 'Bench', text }, { who: 'bench' }, (_t, ctx) => ({ ...ready, claims: ready.claims.map((c) => ({ ...c, source: ctx.sourceId, id: c.id.replace(context.sourceId, ctx.sourceId) })) }));
    ingests.push(performance.now() - t);
    await settled();
    const claim = result.claims[0];
    if (claim) {
      t = performance.now();
      await patchClaim(repo, claim.id, claim.version ?? 1, { action: 'accept' }, { who: 'bench' });
      reviews.push(performance.now() - t);
      await settled();
    }
  }
  rows.push({ claims: n, openS, ingestP50: median(ingests), reviewP50: reviews.length ? median(reviews) : NaN, settleP50: settles.length ? median(settles) : NaN, heapMB: mb() });
  console.error(`${n}: open ${openS.toFixed(2)} s, ingest p50 ${median(ingests).toFixed(0)} ms, review p50 ${reviews.length ? median(reviews).toFixed(0) : '-'} ms, trust re-learned p50 ${settles.length ? median(settles).toFixed(0) : '-'} ms, heap ${mb()} MB`);
  await rm(dir, { recursive: true, force: true });
}

const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const table = [
  '| claims | open (server start) | ingest one page, p50 | accept one claim, p50 | trust re-learned in the background, p50 | heap after |',
  '|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.claims.toLocaleString('en')} | ${r.openS.toFixed(2)} s | ${r.ingestP50.toFixed(0)} ms | ${Number.isNaN(r.reviewP50) ? '–' : `${r.reviewP50.toFixed(0)} ms`} | ${Number.isNaN(r.settleP50) ? '–' : `${r.settleP50.toFixed(0)} ms`} | ${r.heapMB} MB |`),
].join('\n');
console.log(table);
if (values.out) await writeFile(values.out, `# Write benchmark (file store)\n\n${new Date().toISOString()}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${load} (1/5/15 min), ${repeat} writes each.\n\n${table}\n`);
