// Probe (issue 13): open a store of generated claims, settle trust, then time accepts one by one,
// split into the commit (disk), the install (graph patch, trust follow) and the rest (analysis),
// with process CPU. PROF=<prefix> writes a CPU profile of each accept; with --trace-gc the lines
// "accept i begin/end" on stdout bracket each accept's collections.
//   node --import tsx bench/accept-probe.ts <store folder> [accepts=7]
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { patchClaim } from '../server/store/mutations.js';
import { Repository } from '../server/store/repository.js';

const dir = process.argv[2];
const reps = Number(process.argv[3] ?? 7);
if (!dir) throw new Error('usage: bench/accept-probe.ts <store folder> [accepts]');
let t = performance.now();
const repo = await Repository.open(dir);
console.log(`open ${((performance.now() - t) / 1000).toFixed(1)} s`);
void repo.snapshot.analysis.graph.order;
await repo.trustRefresh.settled();
console.log(`settled, load ${os.loadavg()[0]}`);

const spans = { commit: 0, install: 0 };
const timed =
  <A extends unknown[], R>(name: keyof typeof spans, fn: (...args: A) => R) =>
  (...args: A): R => {
    const start = performance.now();
    const out = fn(...args);
    if (out instanceof Promise) return out.finally(() => (spans[name] += performance.now() - start)) as R;
    spans[name] += performance.now() - start;
    return out;
  };
repo.commit = timed('commit', repo.commit.bind(repo));
repo.install = timed('install', repo.install.bind(repo));

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
const prof = process.env.PROF;
const walls: number[] = [];
for (let i = 0; i < reps; i++) {
  const claim = repo.snapshot.analysis.corpus.claims.find((c) => c.status === 'extracted')!;
  spans.commit = spans.install = 0;
  if (prof) await session.post('Profiler.start');
  console.log(`accept ${i} begin`);
  const cpu = process.cpuUsage();
  t = performance.now();
  await patchClaim(repo, claim.id, claim.version ?? 1, { action: 'accept' }, { who: 'bench' });
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  console.log(`accept ${i} end`);
  if (prof) writeFileSync(`${prof}-accept-${i}.cpuprofile`, JSON.stringify((await session.post('Profiler.stop')).profile));
  walls.push(wall);
  console.log(
    `accept ${i}: ${wall.toFixed(1)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms; commit ${spans.commit.toFixed(1)}, install ${spans.install.toFixed(1)}, rest ${(wall - spans.commit - spans.install).toFixed(1)}), load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  await repo.trustRefresh.settled();
}
walls.sort((a, b) => a - b);
console.log(`p50 ${walls[Math.floor(walls.length / 2)]!.toFixed(1)} ms`);
await repo.close();
