// First-view benchmark (issue 13): on a generated corpus of N claims, analysed as the server opens a
// large store (trust left to learn), what the first request of each kind a reviewer opens costs,
// cold (nothing cached for the revision): the entity overview, the first page of the contradiction
// list, an entity's view, a claim's neighbourhood — each answered without building the whole graph
// — and then the whole graph itself (built, serialised) and the overview the old way (off the built
// graph, its layout computed afresh), for comparison. In-process: the route's own functions, timed
// with their JSON serialisation; no HTTP.
//   node --expose-gc --import tsx bench/first-view.ts --claims 100000 [--whole] [--out bench/results/first-view-table.md]
import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { analyse } from '../server/analysis/analyse.js';
import { localView } from '../server/analysis/local-graph.js';
import { listComparisons } from '../server/api/views/comparisons.js';
import { overviewGraph } from '../server/api/views/overview.js';
import { layoutAfresh, placed } from '../server/api/views/positions.js';
import { factsOf } from '../server/api/views/view-facts.js';
import { generateCorpus } from './lib/corpus.js';

const { values } = parseArgs({
  options: { claims: { type: 'string', default: '100000' }, whole: { type: 'boolean', default: false }, out: { type: 'string' } },
  strict: true,
});
const n = Number(values.claims);
const load = () => os.loadavg()[0]!.toFixed(1);
const rows: [string, string, string][] = [];
const time = <T>(what: string, task: () => T): T => {
  const before = load();
  const t = performance.now();
  const value = task();
  const s = ((performance.now() - t) / 1000).toFixed(2);
  rows.push([what, `${s} s`, `${before} → ${load()}`]);
  console.error(`${what}: ${s} s (load ${before} → ${load()})`);
  return value;
};

const corpus = time('generate the corpus (not a request)', () => generateCorpus({ claims: n, seed: 1 }));
const analysis = time('analyse, trust left to learn (the store opening; not a request)', () =>
  analyse(corpus, undefined, { deferTrust: true }),
);
const bytes = (x: unknown) => `${(JSON.stringify(x).length / 1e6).toFixed(2)} MB`;
const overview = time('first overview (?view=overview&limit=1500), with JSON', () =>
  JSON.stringify(overviewGraph(analysis, 1500).export()),
);
console.error(`  overview ${(overview.length / 1e6).toFixed(2)} MB`);
time('first contradiction list page (sort=gap, group=identical, limit=100), with JSON', () =>
  bytes(listComparisons(analysis, 'conflicts', { sort: 'gap', group: 'identical', offset: '0', limit: '100' })),
);
time('the contradiction count (/api/conflicts?limit=1), after the page', () =>
  bytes(listComparisons(analysis, 'conflicts', { limit: '1' })),
);
const facts = factsOf(analysis);
const whole = { total: facts.totals(), counts: facts.counts() };
// The most disputed entity the overview shows first, and a claim of it.
const entity = (JSON.parse(overview) as { nodes: { key: string }[] }).nodes.find((node) => node.key.startsWith('entity:'))!.key.slice(7);
time(`first entity view (?view=entity&id=${entity}), with JSON`, () =>
  JSON.stringify(placed(localView(analysis, { kind: 'entity', id: entity, limit: 5000 }, whole), analysis).export()),
);
const other = corpus.entities[Math.floor(corpus.entities.length / 3)]!.id;
time('a second entity view, with JSON', () =>
  JSON.stringify(placed(localView(analysis, { kind: 'entity', id: other, limit: 5000 }, whole), analysis).export()),
);
const claim = corpus.claims.find((c) => c.subject === entity)!.id;
time('a claim neighbourhood (?view=neighbourhood&hops=1), with JSON', () =>
  JSON.stringify(
    placed(localView(analysis, { kind: 'neighbourhood', node: `claim:${claim}`, hops: 1, limit: 5000 }, whole), analysis).export(),
  ),
);
const source = corpus.sources[0]!.id;
time('a source view, with JSON', () =>
  JSON.stringify(placed(localView(analysis, { kind: 'source', id: source, limit: 5000 }, whole), analysis).export()),
);
if (values.whole) {
  const graph = time('the whole graph built (GET /api/graph, full=1; before: any view)', () => analysis.graph);
  time('its export serialised', () => JSON.stringify(graph.export()).length);
  time('before: the overview off the built graph, layout afresh', () => {
    layoutAfresh(graph);
    return JSON.stringify(overviewGraph(graph, 1500).export());
  });
}
global.gc?.();
const { heapUsed, rss } = process.memoryUsage();
const table = [
  `### ${n.toLocaleString('en')} claims (${new Date().toISOString().slice(0, 16)}Z; heap ${Math.round(heapUsed / 1e6)} MB, RSS ${Math.round(rss / 1e6)} MB after)`,
  '',
  '| step | time | load (1 min) before → after |',
  '|---|---:|---:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
].join('\n');
console.log(table);
if (values.out) await appendFile(values.out, `${table}\n`);
