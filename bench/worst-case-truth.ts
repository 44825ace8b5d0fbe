// Worst case for truth discovery: one paste of many same-subject figures, i.e. one group of k claims
// with k distinct figures, all from one source (the extractor reads ~48,000 such from the 4.9 MB text
// of test/api/worker.test.ts). Before the fix the fact graph compared every pair of an item's values and
// TruthFinder walked a source's other values for each of its values: O(k^2) and worse.
//   npx tsx bench/worst-case-truth.ts [--sizes 1000,2000,4000,20000,48000] [--timeout 300]
// Each size runs in a fresh process (node --expose-gc), so each peak is its own; prints a markdown
// table (wall and CPU seconds of likelyValues(), peak RSS) to paste into bench/results/worst-case.md.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Claim } from '../server/core/schema-types.js';
import { likelyValues } from '../server/truth/claims.js';
import { collectGarbage, peakMB, round } from './lib/measure.js';

interface TruthCase {
  claims: number;
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  iterations: number;
  converged: boolean;
  alternatives: number;
}

/** k claims "walk n" of one subject and property by one source, every figure different. */
function pasteClaims(k: number): Claim[] {
  return Array.from({ length: k }, (_, i) => ({
    id: `walk-x${i}`,
    source: 'long-walk',
    subject: 'garrison',
    property: 'troop-strength',
    value: { type: 'quantity', comparator: 'exact', amount: i, unit: 'soldiers' },
    wording: `walk ${i}`,
    quote: { exact: `walk ${i}`, start: 0, end: 5 },
    citations: [],
    status: 'extracted',
  }));
}

function runCase(k: number): TruthCase {
  const claims = pasteClaims(k);
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const truth = likelyValues(new Map([['garrison|troop-strength', claims]]));
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const verdict = [...truth.groups.values()][0]!;
  return {
    claims: k,
    seconds: round(seconds, 2),
    cpuSeconds: round((used.user + used.system) / 1e6, 2),
    peakMB: round(peakMB(), 0),
    iterations: truth.convergence.iterations,
    converged: truth.convergence.converged,
    alternatives: verdict.alternatives.length,
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,2000,4000,20000,48000' },
      case: { type: 'string' },
      timeout: { type: 'string', default: '300' },
    },
  });
  if (values.case) {
    process.stdout.write(JSON.stringify(runCase(Number(values.case))));
    return;
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the start`,
  );
  console.log('| claims (distinct figures, one source) | wall (s) | CPU (s) | peak RSS (MB) | iterations | converged |');
  console.log('| ---: | ---: | ---: | ---: | ---: | --- |');
  for (const size of values.sizes.split(',').map(Number)) {
    try {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--case', String(size)], {
        encoding: 'utf8',
        timeout: Number(values.timeout) * 1000,
      });
      const r = JSON.parse(out) as TruthCase;
      console.log(`| ${r.claims} | ${r.seconds} | ${r.cpuSeconds} | ${r.peakMB} | ${r.iterations} | ${r.converged} |`);
    } catch (error) {
      console.log(`| ${size} | over ${values.timeout} s or failed | | | | ${(error as Error).message.split('\n')[0]} |`);
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end`,
  );
}

main();
