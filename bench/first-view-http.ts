// First requests over HTTP (issue 13): a generated store of N claims written to a folder, opened as
// the server opens it (trust left to the worker from 50,000 claims), the app listening; then, at
// once, the requests a reviewer's explorer sends first, one after the other, each timed from send
// to last byte, with the X-Graph header (whether the whole graph is still being built in the
// background). Then small requests while the graph is built, then the whole graph.
//   node --expose-gc --import tsx bench/first-view-http.ts --claims 100000 [--out file.md]
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp } from '../server/api/app.js';
import { writeCorpusFiles } from '../server/store/create.js';
import { Repository } from '../server/store/repository.js';
import { generateCorpus } from './lib/corpus.js';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '100000' }, out: { type: 'string' } }, strict: true });
const n = Number(values.claims);
const load = () => os.loadavg()[0]!.toFixed(1);
const rows: string[][] = [];

const dir = await mkdtemp(path.join(os.tmpdir(), `concordance-first-view-${n}-`));
const corpus = generateCorpus({ claims: n, seed: 1 });
await writeCorpusFiles(corpus, dir);
const entity = corpus.entities[1]!.id;
const other = corpus.entities[Math.floor(corpus.entities.length / 3)]!.id;
const claim = corpus.claims.find((c) => c.subject === entity)?.id ?? corpus.claims[0]!.id;
const source = corpus.sources[0]!.id;
const t = performance.now();
const repo = await Repository.open(dir);
rows.push(['open the store (start; not a request)', `${((performance.now() - t) / 1000).toFixed(2)} s`, '', '', load()]);
const server = createApp(repo).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function get(what: string, url: string): Promise<void> {
  const before = load();
  const start = performance.now();
  const res = await fetch(base + url, { headers: { 'accept-encoding': 'gzip', connection: 'close' } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - start;
  const row = [
    what,
    ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`,
    `${res.status} ${(body.byteLength / 1e6).toFixed(2)} MB`,
    res.headers.get('x-graph') ?? '–',
    `${before} → ${load()}`,
  ];
  rows.push(row);
  console.error(row.join(' | '));
}

// Sent at once after start: the server is making the overview and the first list page meanwhile.
await get('overview (first view of a large graph)', '/api/graph?view=overview&limit=1500');
await get('contradiction list, first page', '/api/conflicts?sort=gap&group=identical&offset=0&limit=100');
await get('contradiction count', '/api/conflicts?limit=1');
await get(`entity view (${entity})`, `/api/graph?view=entity&id=${entity}&limit=5000`);
await get(`another entity view (${other})`, `/api/graph?view=entity&id=${other}&limit=5000`);
await get('a claim neighbourhood, one hop', `/api/graph?view=neighbourhood&id=claim:${claim}&hops=1&limit=5000`);
await get('a source view', `/api/graph?view=source&id=${source}&limit=5000`);
await get('an entity record', `/api/entities/${entity}`);
for (let i = 0; i < 3; i++) {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await get(`entity view again, ${2 * (i + 1)} s later`, `/api/graph?view=entity&id=${corpus.entities[i + 5]!.id}&limit=5000`);
}
await get('the whole graph (waits for the background build)', '/api/graph');
await get('the whole graph again', '/api/graph');
server.close();
await repo.close();
await rm(dir, { recursive: true, force: true });
global.gc?.();
const table = [
  `### ${n.toLocaleString('en')} claims over HTTP (${new Date().toISOString().slice(0, 16)}Z, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB after)`,
  '',
  '| request | time | status, body | X-Graph | load (1 min) |',
  '|---|---:|---:|---|---:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
].join('\n');
console.log(table);
if (values.out) await appendFile(values.out, `${table}\n`);
