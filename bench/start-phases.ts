// Where a start's time goes, phase by phase (issue 13): the store's load (read, parse, validate),
// analysis (index, reconcile), the write indexes, each with its wall time, CPU time and GC time.
//   node --expose-gc --import tsx bench/start-phases.ts --folder DIR | --pg URL
import { PerformanceObserver, performance } from 'node:perf_hooks';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { FolderBackend, type StoreBackend } from '../server/store/backend.js';
import { Repository } from '../server/store/repository.js';

const { values } = parseArgs({ options: { folder: { type: 'string' }, pg: { type: 'string' } }, strict: true });
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });

const t0 = performance.now();
const c0 = process.cpuUsage();
const backend: StoreBackend = values.folder
  ? new FolderBackend(values.folder)
  : await (await import('../server/store/pg/backend.js')).PostgresBackend.connect(values.pg!);
const marks: { phase: string; wall: number; cpu: number; gc: number }[] = [];
let last = { wall: t0, cpu: 0, gc: 0 };
const mark = (phase: string) => {
  const now = { wall: performance.now(), cpu: cpuMs(c0), gc: gcMs };
  marks.push({ phase, wall: now.wall - last.wall, cpu: now.cpu - last.cpu, gc: now.gc - last.gc });
  last = now;
};
const load = backend.load.bind(backend);
backend.load = async () => {
  const loaded = await load();
  mark('load');
  return loaded;
};
const repo = await Repository.openBackend(backend);
mark('analyse + write indexes');
const total = { wall: performance.now() - t0, cpu: cpuMs(c0), gc: gcMs };
// GC entries are delivered asynchronously: wait a tick for the last ones.
await new Promise((r) => setTimeout(r, 50));
for (const m of marks)
  console.log(
    `${m.phase.padEnd(28)} wall ${(m.wall / 1000).toFixed(2)} s  cpu ${(m.cpu / 1000).toFixed(2)} s  gc ${(m.gc / 1000).toFixed(2)} s`,
  );
console.log(
  `${'start'.padEnd(28)} wall ${(total.wall / 1000).toFixed(2)} s  cpu ${(total.cpu / 1000).toFixed(2)} s  gc ${(gcMs / 1000).toFixed(2)} s (all)  claims ${repo.snapshot.analysis.corpus.claims.length}  load ${os.loadavg()[0]!.toFixed(1)}`,
);
await repo.close();
process.exit(0);

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}
