// One benchmark run in this process: generate N claims, collect the generator's garbage, then
// time reconcile() alone. Prints progress lines, a `detail` line, and (with --naive) a `naive`
// line; the caller prints the summary JSON last.
import type { Corpus } from '../../server/core/model.js';
import { reconcile, type ReconcileResult } from '../../server/core/reconcile.js';
import { generateCorpus } from './corpus.js';
import { calibrationMs, collectGarbage, heapMB, median, peakMB, round, rssMB, timed } from './measure.js';
import { naiveAllPairs } from './naive.js';
import { printTopSelfTime, profiled } from './profile.js';

export interface RunSummary {
  claims: number;
  seconds: number;
  peakMB: number;
}

export interface RunDetail {
  /** CPU time of the reconciliation (all threads: GC helpers included); less skewed than wall time on a busy machine. */
  cpuSeconds: number;
  /** calibrationMs() just before reconciling: higher means a slower or busier machine at that moment. */
  calibrationMs: number;
  generateSeconds: number;
  sources: number;
  entities: number;
  /** Resident memory with the corpus generated and garbage collected, before reconciling. */
  corpusRssMB: number;
  corpusHeapMB: number;
  groups: number;
  comparisons: number;
  agrees: number;
  conflicts: number;
}

export interface NaiveDetail {
  /** Fastest of several warm runs (after one untimed run of each), from the same process. */
  groupedSeconds: number;
  naiveSeconds: number;
  /** naiveSeconds / groupedSeconds. */
  ratio: number;
  /** The same ratio in median CPU time, which other processes on the machine disturb less. */
  cpuRatio: number;
  pairs: number;
  naiveComparisons: number;
  groupedRuleComparisons: number;
}

export interface RunOptions {
  naive?: boolean;
  /** Write a CPU profile of reconcile() alone to this file and print its top self-time functions. */
  profile?: string;
}

export function runOnce(claims: number, seed: number, { naive = false, profile }: RunOptions = {}): RunSummary {
  const generated = timed(() => generateCorpus({ claims, seed }));
  const corpus = generated.value;
  const input = reconcileInput(corpus);
  collectGarbage();
  const corpusRssMB = rssMB();
  const corpusHeapMB = heapMB();
  console.log(
    `# generated ${claims} claims, ${corpus.sources.length} sources, ${corpus.entities.length} entities in ${round(generated.seconds, 2)} s; rss ${corpusRssMB} MB, heap ${corpusHeapMB} MB`,
  );

  const calibration = calibrationMs();
  // Timed inside the profiler's bracket: starting and stopping it is not reconciliation.
  const cpuBefore = process.cpuUsage();
  const run = profile ? profiled(profile, () => timed(() => reconcile(input))) : timed(() => reconcile(input));
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = run.seconds;
  // Taken now, so the naive comparison that may follow does not count towards it.
  const peak = Math.max(peakMB(), rssMB());
  const detail = describe(run.value, {
    cpuSeconds: round((cpu.user + cpu.system) / 1e6),
    calibrationMs: calibration,
    generateSeconds: round(generated.seconds, 2),
    sources: corpus.sources.length,
    entities: corpus.entities.length,
    corpusRssMB,
    corpusHeapMB,
  });
  console.log(
    `# reconciled in ${round(seconds)} s (cpu ${detail.cpuSeconds} s): ${detail.comparisons} comparisons (${detail.agrees} agree, ${detail.conflicts} conflict) in ${detail.groups} groups; peak ${peak} MB`,
  );
  console.log(`detail ${JSON.stringify(detail)}`);
  if (profile) printTopSelfTime(profile, 30);
  if (naive) console.log(`naive ${JSON.stringify(compareNaive(corpus, run.value))}`);
  return { claims, seconds: round(seconds), peakMB: peak };
}

function reconcileInput(corpus: Corpus) {
  const labels = new Map(corpus.entities.map((e) => [e.id, e.label]));
  // As analyse() calls it: entity mentions read as labels.
  return {
    claims: corpus.claims,
    properties: corpus.properties,
    judgements: corpus.judgements,
    entityLabel: (id: string) => labels.get(id) ?? id,
  };
}

function describe(result: ReconcileResult, base: Omit<RunDetail, 'groups' | 'comparisons' | 'agrees' | 'conflicts'>): RunDetail {
  let agrees = 0;
  for (const c of result.comparisons) if (c.verdict === 'agrees') agrees++;
  return {
    ...base,
    groups: result.groups.size,
    comparisons: result.comparisons.length,
    agrees,
    conflicts: result.comparisons.length - agrees,
  };
}

/** Grouped against naive all-pairs on the same corpus, warm, alternating so drift hits both alike. */
function compareNaive(corpus: Corpus, grouped: ReconcileResult): NaiveDetail {
  const input = reconcileInput(corpus);
  const runs = { grouped: [] as Sample[], naive: [] as Sample[] };
  let naive = naiveAllPairs(corpus.claims, corpus.properties, input.entityLabel);
  reconcile(input);
  for (let round = 0; round < 3; round++) {
    // Grouped takes a fraction of a second: several samples per round so one hiccup does not decide.
    for (let i = 0; i < 3; i++) runs.grouped.push(sample(() => reconcile(input)));
    runs.naive.push(sample(() => (naive = naiveAllPairs(corpus.claims, corpus.properties, input.entityLabel))));
  }
  const fastest = (xs: Sample[]) => Math.min(...xs.map((x) => x.seconds));
  const cpu = (xs: Sample[]) => median(xs.map((x) => x.cpu));
  return {
    groupedSeconds: round(fastest(runs.grouped), 4),
    naiveSeconds: round(fastest(runs.naive), 4),
    ratio: round(fastest(runs.naive) / fastest(runs.grouped), 1),
    cpuRatio: round(cpu(runs.naive) / cpu(runs.grouped), 1),
    pairs: naive.pairs,
    naiveComparisons: naive.outcomes.length,
    groupedRuleComparisons: grouped.comparisons.filter((c) => c.basis !== 'curated' && c.basis !== 'arithmetic').length,
  };
}

interface Sample {
  seconds: number;
  cpu: number;
}

function sample(fn: () => unknown): Sample {
  collectGarbage();
  const before = process.cpuUsage();
  const { seconds } = timed(fn);
  const used = process.cpuUsage(before);
  return { seconds, cpu: (used.user + used.system) / 1e6 };
}
