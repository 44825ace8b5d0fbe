// Where an ingest holds the event loop, in process: `npx tsx bench/ingest-phases.ts [figures|paste] [count]`.
// The extraction is made once and cached (it runs in the worker in the server; here it is not the
// question), then ingestSource runs over a fresh copy of graph-data while a 1 ms timer records every
// gap of the event loop over 20 ms. Prints the gaps, the longest first, and the ingest's wall time.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Repository } from '../server/store/repository.js';
import { ingestSource } from '../server/store/ingest.js';
import { whenBuilt } from '../server/analysis/live-graph.js';
import type { ExtractedRecords } from '../server/extract/types.js';

const DATA = path.resolve(import.meta.dirname, '..', 'graph-data');
const kind = process.argv[2] ?? 'figures';
const count = Number(process.argv[3] ?? 40_000);

function figures(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`On that day the garrison numbered ${1000 + i} men on the walls. `);
  return parts.join('');
}

const text = figures(count);
const cache = path.join(os.tmpdir(), `concordance-phases-${kind}-${count}.json`);
const dir = await mkdtemp(path.join(os.tmpdir(), 'concordance-phases-'));
await cp(DATA, dir, { recursive: true });
try {
  const repo = await Repository.open(dir);
  // As bench/ingest-stall.ts does: a small ingest first (it proposes the garrison the figures are of).
  const { extractClaims } = await import('../server/extract/index.js');
  await ingestSource(
    repo,
    { title: 'Warm-up', publisher: 'Bench', text: 'The garrison numbered 4,000 men in 1919.' },
    { who: 'bench' },
    (t, c) => extractClaims(t, c),
  );
  let extracted: ExtractedRecords;
  if (existsSync(cache)) extracted = JSON.parse(await readFile(cache, 'utf8')) as ExtractedRecords;
  else {
    const { analysis } = repo.snapshot;
    extracted = extractClaims(text, {
      sourceId: 'garrison-roll',
      entities: analysis.corpus.entities,
      properties: analysis.corpus.properties,
    });
    await writeFile(cache, JSON.stringify(extracted));
  }
  // The server has its graph built (GETs came before the paste): the write patches it.
  void repo.snapshot.analysis.graph.order;
  const gaps: { at: number; ms: number }[] = [];
  let last = performance.now();
  const t0 = last;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > 20) gaps.push({ at: Math.round(last), ms: Math.round(now - last) });
    last = now;
  }, 1);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const result = await ingestSource(repo, { title: 'Garrison roll', publisher: 'Bench', text }, { who: 'bench' }, () =>
    structuredClone(extracted),
  );
  const wall = performance.now() - t0;
  // The first read of the graph after the write, once its patch (in the background for a large write) is done.
  await whenBuilt(repo.snapshot.analysis);
  const g0 = performance.now();
  void repo.snapshot.analysis.graph.order;
  const graphMs = performance.now() - g0;
  await new Promise((resolve) => setTimeout(resolve, 50));
  clearInterval(timer);
  histogram.disable();
  gaps.sort((a, b) => b.ms - a.ms);
  console.log(
    JSON.stringify({
      load: os.loadavg()[0]!.toFixed(2),
      claims: result.claims.length,
      wallMs: Math.round(wall),
      graphReadMs: Math.round(graphMs),
      longestGapMs: gaps[0]?.ms ?? 0,
      gapsOver20: gaps.length,
      sumGapsMs: gaps.reduce((s, g) => s + g.ms, 0),
      p99DelayMs: Math.round(histogram.percentile(99) / 1e6),
    }),
  );
  console.log(
    gaps
      .slice(0, 12)
      .map((g) => `${g.ms} ms at ${g.at}`)
      .join('\n'),
  );
  await repo.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
