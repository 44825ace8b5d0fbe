// bench/results/graph.md from one bench/graph.ts run.
import path from 'node:path';
import type { ProbeSummary } from '../graph.js';
import { round, type Machine } from './measure.js';
import { writeMeasurements } from './results-file.js';

export interface GraphBench {
  host: Machine;
  claims: number;
  requests: number;
  nodes: number;
  edges: number;
  comparisons: number;
  buildSeconds: number;
  exportSeconds: number;
  stringifySeconds: number;
  /** Repository.open: load, schema and integrity checks, reconcile, graph, export and ETag. */
  openSeconds: number;
  exportBytes: number;
  raw: ProbeSummary;
  /** The first gzip request after the app starts (compresses the revision's export). */
  firstGzip: ProbeSummary;
  gzip: ProbeSummary;
  conditional: ProbeSummary;
  gzipEncoding: string;
  peakMB: number;
}

const RESULTS = path.resolve(import.meta.dirname, '../results/graph.md');
const mb = (bytes: number) => `${round(bytes / 1048576, 1)} MB`;

export function writeGraphResults(r: GraphBench): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    `Measured ${r.host.date.slice(0, 10)} on ${r.host.cpu}, ${r.host.cores} cores, ${r.host.memoryGB} GB, node ${r.host.node}; load average ${r.host.load} at the start (a shared machine: timings are noisy).`,
    `Command: \`npx tsx bench/graph.ts --claims ${r.claims}\`: a generated corpus (bench/generate.ts) written as graph-data to a temp dir, \`Repository.open(dir)\`, \`createApp(repo).listen(0)\`, requests over loopback with a fresh connection each, one after another; HTTP figures are medians of ${r.requests} requests after one warm-up request, except the first gzip request, shown on its own.`,
    '',
    `Graph: ${n(r.claims)} claims → ${n(r.nodes)} nodes, ${n(r.edges)} edges (${n(r.comparisons)} comparisons).`,
    '',
    '| step | time |',
    '|---|---:|',
    `| buildGraph (graphology, from corpus + comparisons) | ${round(r.buildSeconds, 3)} s |`,
    `| graph.export() | ${round(r.exportSeconds, 3)} s |`,
    `| JSON.stringify(export) (done once per revision by the repository) | ${round(r.stringifySeconds, 3)} s |`,
    `| Repository.open (load + validate + reconcile + graph + export + ETag) | ${round(r.openSeconds, 2)} s |`,
    '',
    '| GET /api/graph | status | time to first byte | total | body on the wire |',
    '|---|---|---:|---:|---:|',
    `| no Accept-Encoding (raw) | ${r.raw.statuses.join(', ')} | ${r.raw.ttfbMs} ms | ${r.raw.totalMs} ms | ${mb(r.raw.bytes)} (${n(r.raw.bytes)} B) |`,
    `| Accept-Encoding: gzip, first request of the revision (compresses and keeps the export) | ${r.firstGzip.statuses.join(', ')} | ${r.firstGzip.ttfbMs} ms | ${r.firstGzip.totalMs} ms | ${mb(r.firstGzip.bytes)} |`,
    `| Accept-Encoding: gzip, later requests | ${r.gzip.statuses.join(', ')} (${r.gzipEncoding}) | ${r.gzip.ttfbMs} ms | ${r.gzip.totalMs} ms | ${mb(r.gzip.bytes)} (${n(r.gzip.bytes)} B, ${round((100 * r.gzip.bytes) / r.raw.bytes, 1)} % of raw) |`,
    `| If-None-Match: <ETag of the first response> | ${r.conditional.statuses.join(', ')} | ${r.conditional.ttfbMs} ms | ${r.conditional.totalMs} ms | ${n(r.conditional.bytes)} B |`,
    '',
    `JSON of the export timed above: ${mb(r.exportBytes)} (the served body can differ a little: the server's analysis adds its own attributes). Peak resident memory of the benchmark process: ${r.peakMB} MB (corpus, analysis, cached export and server together).`,
    '',
  ];
  writeMeasurements(RESULTS, 'Graph and API benchmark', lines.join('\n').trimEnd());
  return RESULTS;
}
