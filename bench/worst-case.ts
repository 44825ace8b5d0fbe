// Worst cases for one group (issue 12): every claim about the same subject and property.
//   npx tsx bench/worst-case.ts [--sizes 10000,100000,1000000] [--shapes identical,distinct,interleaved] [--store 500,1275] [--write]
// Each case runs in a fresh process (node --expose-gc), so each peak is its own:
//   identical    k copies of one statement ("Japan sent 1,000,000 soldiers")
//   distinct     k different exact figures (every pair disjoint: all-pairs would be k(k−1)/2 conflicts)
//   interleaved  k ranges [1000 + i, 1050 + i], each overlapping its 50 neighbours on either side
// reporting the wall and CPU time of reconcile() alone, the process's peak memory, the comparison
// records and the edges they draw. --store runs the scenario through the real store: a copy
// of the bundled graph-data, a source of 500 sentences "Japan sent 1,000,000 soldiers." ingested
// with the real extractor, then a paste of 1,275 more (timed), then the store with its 1,775 such
// claims opened as the server opens it, in a fresh process (timed, peak memory, graph edges).
// --pastes 49000,158000 pastes that many copies of the sentence as one source, each in a fresh
// process (158,000 copies are the 4.9 MB paste, over the limit of claims per source): what
// the ingest answers, how long it takes, and its peak memory.
// --write records the results in bench/results/worst-case.md.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Comparison } from '../server/core/types.js';
import { reconcile } from '../server/core/reconcile.js';
import type { Claim, Property } from '../server/core/schema-types.js';
import { collectGarbage, machine, peakMB, round, rssMB } from './lib/measure.js';
import { writeMeasurements } from './lib/results-file.js';

const SHAPES = ['identical', 'distinct', 'interleaved'] as const;
type Shape = (typeof SHAPES)[number];
const PROPERTY: Property = { id: 'troop-strength', label: 'troop strength', valueType: 'quantity', unit: 'soldiers', functional: true };
const SENTENCE = 'Japan sent 1,000,000 soldiers. ';
const RESULTS = path.resolve(import.meta.dirname, 'results/worst-case.md');

interface CaseResult {
  shape: Shape;
  claims: number;
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  /** Resident memory with the claims built, before reconciling. */
  claimsRssMB: number;
  records: number;
  edges: number;
  /** What comparing every pair would have recorded at most: k(k−1)/2 (for identical and distinct, exactly). */
  allPairs: number;
}

function makeClaims(shape: Shape, k: number): Claim[] {
  const claims = new Array<Claim>(k);
  for (let i = 0; i < k; i++) {
    // Own objects per claim, as claims read from JSON files are.
    const value: Claim['value'] =
      shape === 'identical'
        ? { type: 'quantity', comparator: 'exact', amount: 1_000_000, unit: 'soldiers' }
        : shape === 'distinct'
          ? { type: 'quantity', comparator: 'exact', amount: 1_000_003 + 7 * i, unit: 'soldiers' }
          : { type: 'quantity', comparator: 'range', amount: 1000 + i, upper: 1050 + i, unit: 'soldiers' };
    claims[i] = {
      id: `c${i.toString(36).padStart(5, '0')}`,
      source: `s${i % 500}`,
      subject: 'japan',
      property: PROPERTY.id,
      value,
      wording: 'as stated',
      quote: { exact: 'as stated', start: 0, end: 9 },
      citations: [],
      status: i % 2 ? 'extracted' : 'reviewed',
    };
  }
  return claims;
}

/** Edges a list of records draws in the graph: one per pair, one per other member of a class, one per part. */
export function edgesDrawn(comparisons: readonly Comparison[]): number {
  let edges = 0;
  for (const c of comparisons) edges += c.parts ? c.parts.length : c.members ? c.members.length - 1 : 1;
  return edges;
}

function runCase(shape: Shape, k: number): CaseResult {
  let claims: Claim[] | undefined = makeClaims(shape, k);
  collectGarbage();
  const claimsRssMB = rssMB();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const { comparisons } = reconcile({ claims, properties: [PROPERTY] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  // Dropped before the peak is read, so that the peak is the engine's own, not the input's.
  // eslint-disable-next-line no-useless-assignment
  claims = undefined;
  return {
    shape,
    claims: k,
    seconds: round(seconds),
    cpuSeconds: round((used.user + used.system) / 1e6),
    peakMB: peakMB(),
    claimsRssMB,
    records: comparisons.length,
    edges: edgesDrawn(comparisons),
    allPairs: (k * (k - 1)) / 2,
  };
}

interface PasteResult {
  copies: number;
  megabytes: number;
  /** "stored N claims" or the refusal's message. */
  outcome: string;
  seconds: number;
  peakMB: number;
}

async function runPaste(copies: number): Promise<PasteResult> {
  const { Repository } = await import('../server/store/repository.js');
  const { ingestSource } = await import('../server/store/ingest.js');
  const { extractClaims } = await import('../server/extract/index.js');
  const root = mkdtempSync(path.join(os.tmpdir(), 'worst-case-paste-'));
  try {
    cpSync(path.resolve(import.meta.dirname, '../graph-data'), root, { recursive: true });
    const repo = await Repository.open(root);
    const text = SENTENCE.repeat(copies);
    const start = process.hrtime.bigint();
    let outcome: string;
    try {
      const result = await ingestSource(repo, { title: 'Pasted copies', publisher: 'bench', text }, { who: 'bench' }, (t, context) =>
        extractClaims(t, context),
      );
      outcome = `stored ${result.claims.length} claims, ${result.comparisons.length} comparison records`;
    } catch (error) {
      outcome = `refused: ${(error as Error).message}`;
    }
    const seconds = round(Number(process.hrtime.bigint() - start) / 1e9);
    return { copies, megabytes: round(text.length / 1e6, 1), outcome, seconds, peakMB: peakMB() };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

interface StoreResult {
  stored: number;
  pasted: number;
  ingestSeconds: number;
  openSeconds: number;
  openPeakMB: number;
  claims: number;
  records: number;
  graphEdges: number;
  comparisonEdges: number;
}

async function openStore(root: string): Promise<Omit<StoreResult, 'stored' | 'pasted' | 'ingestSeconds'>> {
  const { Repository } = await import('../server/store/repository.js');
  const start = process.hrtime.bigint();
  const repo = await Repository.open(root);
  const openSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { analysis } = repo.snapshot;
  const graph = analysis.graph;
  const comparisonEdges = graph.filterEdges((_, a) => a.kind === 'agrees' || a.kind === 'conflicts').length;
  return {
    openSeconds: round(openSeconds),
    openPeakMB: peakMB(),
    claims: analysis.corpus.claims.length,
    records: analysis.comparisons.length,
    graphEdges: graph.size,
    comparisonEdges,
  };
}

async function runStore(stored: number, pasted: number): Promise<StoreResult> {
  const { Repository } = await import('../server/store/repository.js');
  const { ingestSource } = await import('../server/store/ingest.js');
  const { extractClaims } = await import('../server/extract/index.js');
  const root = mkdtempSync(path.join(os.tmpdir(), 'worst-case-store-'));
  try {
    cpSync(path.resolve(import.meta.dirname, '../graph-data'), root, { recursive: true });
    const extract = (text: string, context: Parameters<typeof extractClaims>[1]) => extractClaims(text, context);
    const who = { who: 'bench' };
    let repo = await Repository.open(root);
    await ingestSource(repo, { title: 'Stored copies', publisher: 'bench', text: SENTENCE.repeat(stored) }, who, extract);
    repo = await Repository.open(root);
    const start = process.hrtime.bigint();
    await ingestSource(repo, { title: 'Pasted copies', publisher: 'bench', text: SENTENCE.repeat(pasted) }, who, extract);
    const ingestSeconds = round(Number(process.hrtime.bigint() - start) / 1e9);
    const opened = JSON.parse(child(['--open', root])) as Awaited<ReturnType<typeof openStore>>;
    return { stored, pasted, ingestSeconds, ...opened };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function child(args: string[]): string {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return out.trim().split('\n').at(-1)!;
}

function describeMachine(): string {
  const m = machine();
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}, ${m.date.slice(0, 16).replace('T', ' ')} UTC`;
}

const fmt = (n: number) => n.toLocaleString('en');

function table(cases: readonly CaseResult[], store: StoreResult | undefined, pastes: readonly PasteResult[], load: string): string {
  const lines = [`Machine: ${describeMachine()}; 1-minute load average ${load} (start → end of the run). Each case in a fresh process.`];
  if (cases.length > 0)
    lines.push(
      '',
      '| shape | claims | reconcile wall (s) | CPU (s) | peak (MB) | of which the claims (MB) | records | edges drawn | all pairs would be |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...cases.map(
        (c) =>
          `| ${c.shape} | ${fmt(c.claims)} | ${c.seconds} | ${c.cpuSeconds} | ${fmt(c.peakMB)} | ${fmt(c.claimsRssMB)} | ${fmt(c.records)} | ${fmt(c.edges)} | ${fmt(c.allPairs)} |`,
      ),
    );
  if (store) {
    lines.push(
      '',
      `Store scenario (issue 12): bundled graph-data + ${fmt(store.stored)} stored copies of "${SENTENCE.trim()}" + a paste of ${fmt(store.pasted)} more, with the real extractor.`,
      '',
      '| paste ingest (s) | open store + analyse + graph (s) | open peak (MB) | claims | comparison records | comparison edges | graph edges |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${store.ingestSeconds} | ${store.openSeconds} | ${fmt(store.openPeakMB)} | ${fmt(store.claims)} | ${fmt(store.records)} | ${fmt(store.comparisonEdges)} | ${fmt(store.graphEdges)} |`,
    );
  }
  if (pastes.length > 0) {
    lines.push(
      '',
      'One paste of many copies of the sentence, into the bundled graph-data (fresh process each):',
      '',
      '| copies | MB | ingest (s) | peak (MB) | outcome |',
      '| ---: | ---: | ---: | ---: | --- |',
      ...pastes.map((p) => `| ${fmt(p.copies)} | ${p.megabytes} | ${p.seconds} | ${fmt(p.peakMB)} | ${p.outcome} |`),
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000' },
      shapes: { type: 'string', default: SHAPES.join(',') },
      store: { type: 'string', default: '500,1275' },
      pastes: { type: 'string', default: '49000,158000' },
      paste: { type: 'string' },
      case: { type: 'string' },
      open: { type: 'string' },
      write: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.case) {
    const [shape, k] = values.case.split(':');
    console.log(JSON.stringify(runCase(shape as Shape, Number(k))));
    return;
  }
  if (values.paste) {
    console.log(JSON.stringify(await runPaste(Number(values.paste))));
    return;
  }
  if (values.open) {
    console.log(JSON.stringify(await openStore(values.open)));
    return;
  }
  const loadBefore = os.loadavg()[0]!.toFixed(1);
  const cases: CaseResult[] = [];
  for (const size of values.sizes.split(',').filter(Boolean).map(Number)) {
    for (const shape of values.shapes.split(',').filter(Boolean) as Shape[]) {
      if (!SHAPES.includes(shape)) throw new Error(`unknown shape ${shape}: ${SHAPES.join(', ')}`);
      const result = JSON.parse(child(['--case', `${shape}:${size}`])) as CaseResult;
      console.log(JSON.stringify(result));
      cases.push(result);
    }
  }
  let store: StoreResult | undefined;
  if (values.store) {
    const [stored, pasted] = values.store.split(',').map(Number) as [number, number];
    store = await runStore(stored, pasted);
    console.log(JSON.stringify(store));
  }
  const pastes: PasteResult[] = [];
  for (const copies of values.pastes.split(',').filter(Boolean).map(Number)) {
    const result = JSON.parse(child(['--paste', String(copies)])) as PasteResult;
    console.log(JSON.stringify(result));
    pastes.push(result);
  }
  const load = `${loadBefore} → ${os.loadavg()[0]!.toFixed(1)}`;
  const section = table(cases, store, pastes, load);
  console.log(section);
  if (values.write) writeMeasurements(RESULTS, 'Worst cases for one group', section);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
