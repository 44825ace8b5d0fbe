// bench/reconcile.ts --all: each size in a fresh child process (a process's peak memory is its
// own), the smallest also against naive all-pairs, then bench/results/reconcile.md rewritten
// between its measurement markers; the notes around them (profile, changes) are kept.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { machine, median, round, type Machine } from './measure.js';
import { writeMeasurements } from './results-file.js';
import type { NaiveDetail, RunDetail, RunSummary } from './reconcile-run.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const RECONCILE_RESULTS = path.join(ROOT, 'bench/results/reconcile.md');

export interface ChildRun {
  summary: RunSummary;
  detail: RunDetail;
  naive?: NaiveDetail;
}

/** Runs bench/reconcile.ts in a child node and reads its lines back. */
export function runChild(claims: number, seed: number, naive: boolean): ChildRun {
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    path.join(ROOT, 'bench/reconcile.ts'),
    '--claims',
    String(claims),
    '--seed',
    String(seed),
  ];
  if (naive) args.push('--naive');
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`bench at ${claims} claims failed (exit ${child.status}):\n${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  for (const line of lines) if (line.startsWith('#')) console.log(line);
  const tagged = (tag: string) => {
    const line = lines.find((l) => l.startsWith(`${tag} `));
    return line ? JSON.parse(line.slice(tag.length + 1)) : undefined;
  };
  return {
    summary: JSON.parse(lines[lines.length - 1]!) as RunSummary,
    detail: tagged('detail') as RunDetail,
    naive: tagged('naive') as NaiveDetail | undefined,
  };
}

export function runAll({ sizes, seed, repeat }: { sizes: number[]; seed: number; repeat: number }): void {
  const host = machine();
  const results = new Map<number, ChildRun[]>();
  for (let r = 0; r < repeat; r++) {
    for (const [i, claims] of sizes.entries()) {
      const run = runChild(claims, seed, i === 0);
      console.log(JSON.stringify(run.summary));
      results.set(claims, [...(results.get(claims) ?? []), run]);
    }
  }
  const markdown = measurementsMarkdown(host, results, seed, repeat);
  writeMeasurements(RECONCILE_RESULTS, 'Reconciliation benchmark', markdown);
  console.log(`wrote ${path.relative(ROOT, RECONCILE_RESULTS)}`);
}

function measurementsMarkdown(host: Machine, results: Map<number, ChildRun[]>, seed: number, repeat: number): string {
  const sizes = [...results.keys()];
  const seconds = (n: number) => median(results.get(n)!.map((r) => r.summary.seconds));
  const cpu = (n: number) => median(results.get(n)!.map((r) => r.detail.cpuSeconds));
  const fastest = (n: number) => Math.min(...results.get(n)!.map((r) => r.summary.seconds));
  const lines = [
    `Measured ${host.date.slice(0, 10)} on ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB, node ${host.node}, ${host.platform}; load average ${host.load} at the start (a shared machine: compare ratios within one run).`,
    'Reference loop: a fixed 5e7-step integer loop timed just before each run (all runs listed): the same loop takes longer when the machine is busier.',
    `Command: \`npm run bench:reconcile -- --all${repeat > 1 ? ` --repeat ${repeat}` : ''}\` (seed ${seed}; ${repeat === 1 ? 'one run per size' : `${repeat} rounds over all sizes, medians shown`}, each run in a fresh process). Wall time is what the target is about; CPU time (all threads, GC helpers included) shows the work done when other processes take the cores.`,
    '',
    '| claims | reconcile s (wall) | fastest run s | CPU s | peak MB (process) | corpus MB (rss before reconcile) | groups | comparisons | agree / conflict | generate s | reference loop ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of sizes) {
    const runs = results.get(n)!;
    const d = runs[0]!.detail;
    const peak = Math.max(...runs.map((r) => r.summary.peakMB));
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${round(seconds(n), 3)} | ${round(fastest(n), 3)} | ${round(cpu(n), 3)} | ${peak} | ${d.corpusRssMB} | ${d.groups.toLocaleString('en-US')} | ${d.comparisons.toLocaleString('en-US')} | ${d.agrees.toLocaleString('en-US')} / ${d.conflicts.toLocaleString('en-US')} | ${d.generateSeconds} | ${runs.map((r) => r.detail.calibrationMs).join(' / ')} |`,
    );
  }
  lines.push('');
  const naive = results.get(sizes[0]!)![0]!.naive;
  if (naive) {
    lines.push(
      `**Naive all-pairs vs grouped at ${sizes[0]!.toLocaleString('en-US')} claims (same process, warm; fastest of 3 naive and of 9 grouped runs):** naive ${naive.naiveSeconds} s, grouped ${naive.groupedSeconds} s, ratio **${naive.ratio}×** (in median CPU time ${naive.cpuRatio}×). Naive looks at all ${naive.pairs.toLocaleString('en-US')} pairs, compares (with the engine's comparePair) those sharing subject and property, and found ${naive.naiveComparisons.toLocaleString('en-US')} rule-based comparisons; grouped found ${naive.groupedRuleComparisons.toLocaleString('en-US')} (a curated pair is compared by rule in the baseline, so the baseline can find a few more).`,
    );
  }
  const big = sizes.filter((n) => n >= 100_000).sort((a, b) => a - b);
  for (let i = 1; i < big.length; i++) {
    const [lo, hi] = [big[i - 1]!, big[i]!];
    const nlogn = (hi * Math.log(hi)) / (lo * Math.log(lo));
    const ratio = (f: (n: number) => number) => round(f(hi) / f(lo), 2);
    lines.push(
      '',
      `**Growth ${hi.toLocaleString('en-US')} / ${lo.toLocaleString('en-US')}:** wall time ratio **${ratio(seconds)}**, fastest runs ${ratio(fastest)}, CPU time ${ratio(cpu)} (n log n would give ${round(nlogn, 2)}; target ≤ 12).`,
    );
  }
  return lines.join('\n');
}
