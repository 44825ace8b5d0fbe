// Server start benchmark (issue 13): opens a store as the server does (Repository.open /
// openBackend), each start in a fresh process, with the start cache (server/store/start-cache.ts)
// absent (cold), present (warm), and present with one claims file rewritten since (one change).
//   node --import tsx bench/start.ts [--folder <graph-data folder>] [--pg <postgres url>] [--repeat 1]
// A 1M-claim store: tsx bench/generate.ts --claims 1000000 --out DIR; for PostgreSQL, npm run db:import -- --from DIR.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { FolderBackend, type StoreBackend } from '../server/store/backend.js';
import { Repository } from '../server/store/repository.js';

const { values } = parseArgs({
  options: {
    folder: { type: 'string' },
    pg: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    child: { type: 'string' },
  },
  strict: true,
});

interface Figures {
  store: string;
  cache: string;
  startS: number;
  /** CPU time of the whole process (main thread and GC helpers) during the start: steadier than wall time on a loaded machine. */
  cpuS: number;
  heapMB: number;
  rssMB: number;
  load: string;
  claims: number;
  filesValidated?: number;
  sourcesChecked?: number;
}

async function child(kind: 'folder' | 'pg', where: string): Promise<Figures> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  let use: { filesValidated: number; sourcesChecked: number } | undefined;
  const backend: StoreBackend =
    kind === 'folder' ? new FolderBackend(where) : await (await import('../server/store/pg/backend.js')).PostgresBackend.connect(where);
  // The load's own report of what the cache saved.
  const load = backend.load.bind(backend);
  backend.load = async () => {
    const loaded = await load();
    use = loaded.startCache;
    return loaded;
  };
  const repo = await Repository.openBackend(backend);
  const startS = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  global.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  const figures: Figures = {
    store: kind,
    cache: '',
    startS: Number(startS.toFixed(2)),
    cpuS: Number(((used.user + used.system) / 1e6).toFixed(2)),
    heapMB: Math.round(heapUsed / 1e6),
    rssMB: Math.round(rss / 1e6),
    load: os.loadavg()[0]!.toFixed(1),
    claims: repo.snapshot.analysis.corpus.claims.length,
    ...(use ? { filesValidated: use.filesValidated, sourcesChecked: use.sourcesChecked } : {}),
  };
  await repo.close();
  return figures;
}

function inChild(kind: 'folder' | 'pg', where: string, cacheDir: string, cache: string): Figures {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--child', `${kind}=${where}`], {
    env: { ...process.env, CONCORDANCE_START_CACHE: cacheDir },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = out.trim().split('\n').at(-1)!;
  return { ...(JSON.parse(line) as Figures), cache };
}

/** Rewrites one claims file with its own content: a new file (inode, times) with nothing changed, as a write leaves it. */
function touchOneClaimsFile(folder: string): void {
  const dir = path.join(folder, 'claims');
  const file = path.join(dir, execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n')[0]!);
  const content = readFileSync(file);
  writeFileSync(`${file}.tmp`, content);
  execFileSync('mv', [`${file}.tmp`, file]);
}

if (values.child) {
  const [kind, ...rest] = values.child.split('=');
  const figures = await child(kind as 'folder' | 'pg', rest.join('='));
  console.log(JSON.stringify(figures));
  process.exit(0);
} else {
  const rows: Figures[] = [];
  const report = (f: Figures) => {
    rows.push(f);
    console.log(JSON.stringify(f));
  };
  for (let i = 0; i < Number(values.repeat); i++) {
    for (const [kind, where] of [
      ['folder', values.folder],
      ['pg', values.pg],
    ] as const) {
      if (!where) continue;
      const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'concordance-bench-start-'));
      report(inChild(kind, where, cacheDir, 'cold'));
      report(inChild(kind, where, cacheDir, 'warm'));
      if (kind === 'folder') {
        touchOneClaimsFile(where);
        // Files changed within a second of a read are not recorded as unchanged (racy): the next start would see it as changed anyway.
        await new Promise((r) => setTimeout(r, 1100));
        report(inChild(kind, where, cacheDir, 'one file changed'));
      }
    }
  }
  console.log('\n| store | claims | start cache | start | CPU | heap / RSS after | files validated | sources checked | load (1 min) |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.store} | ${r.claims.toLocaleString('en')} | ${r.cache} | ${r.startS.toFixed(1)} s | ${r.cpuS.toFixed(1)} s | ${r.heapMB} / ${r.rssMB} MB | ${r.filesValidated ?? '–'} | ${r.sourcesChecked ?? '–'} | ${r.load} |`,
    );
}
