// Probe (issue 13): generate (once) a store of N claims in DIR, open it, settle trust, then time accepts
// and ingests (wall and process CPU). PROF=<prefix> writes a CPU profile of each write.
//   node --import tsx bench/writes-probe.ts 100000 /tmp/store-100000 5
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { extractClaims } from '../server/extract/index.js';
import { writeCorpusFiles } from '../server/store/create.js';
import { ingestSource } from '../server/store/ingest.js';
import { patchClaim } from '../server/store/mutations.js';
import { Repository } from '../server/store/repository.js';
import { generateCorpus } from './lib/corpus.js';

const n = Number(process.argv[2] ?? 100000);
const dir = process.argv[3] ?? `/tmp/writes/store-${n}`;
const reps = Number(process.argv[4] ?? 3);
if (!existsSync(dir)) {
  const t = performance.now();
  await writeCorpusFiles(generateCorpus({ claims: n, seed: 1 }), dir);
  console.error(`generated ${n} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
let t = performance.now();
const repo = await Repository.open(dir);
console.error(`open ${((performance.now() - t) / 1000).toFixed(1)} s`);
void repo.snapshot.analysis.graph.order;
await repo.trustRefresh.settled();
console.error(`settled, load ${os.loadavg()[0]}`);
const PAGE =
  'The Japanese Expeditionary Force had 70,000 troops in 1919. By 1920 the Japanese force numbered 25,000 men. The Czechoslovak Legion had 50,000 soldiers in 1918.';
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
const prof = process.env.PROF;
for (let i = 0; i < reps; i++) {
  const claim = repo.snapshot.analysis.corpus.claims.find((c) => c.status === 'extracted')!;
  if (prof) await session.post('Profiler.start');
  let cpu = process.cpuUsage();
  t = performance.now();
  await patchClaim(repo, claim.id, claim.version ?? 1, { action: 'accept' }, { who: 'bench' });
  const accept = performance.now() - t;
  const acceptCpu = process.cpuUsage(cpu);
  if (prof) writeFileSync(`${prof}-accept-${i}.cpuprofile`, JSON.stringify((await session.post('Profiler.stop')).profile));
  await repo.trustRefresh.settled();
  const text = `${PAGE} Probe ${Date.now()} ${i}.`;
  const context = {
    sourceId: `probe-${i}`,
    entities: repo.snapshot.analysis.corpus.entities,
    properties: repo.snapshot.analysis.corpus.properties,
  };
  const ready = extractClaims(text, context);
  if (prof) await session.post('Profiler.start');
  cpu = process.cpuUsage();
  t = performance.now();
  await ingestSource(repo, { title: `Probe ${Date.now()} ${i}`, publisher: 'Bench', text }, { who: 'bench' }, (_t, ctx) => ({
    ...ready,
    claims: ready.claims.map((c) => ({ ...c, source: ctx.sourceId, id: c.id.replace(context.sourceId, ctx.sourceId) })),
  }));
  const ingest = performance.now() - t;
  const ingestCpu = process.cpuUsage(cpu);
  if (prof) writeFileSync(`${prof}-ingest-${i}.cpuprofile`, JSON.stringify((await session.post('Profiler.stop')).profile));
  await repo.trustRefresh.settled();
  const ms = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1000).toFixed(0);
  console.error(
    `accept ${accept.toFixed(0)} ms (cpu ${ms(acceptCpu)}), ingest ${ingest.toFixed(0)} ms (cpu ${ms(ingestCpu)}; ${ready.claims.length} claims), load ${os.loadavg()[0]}`,
  );
}
await repo.close();
