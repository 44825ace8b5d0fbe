// npm run bench:reconcile -- --claims N [--seed S] [--naive]
//   Generates N claims deterministically, reconciles them, and prints as its last line
//   {"claims": N, "seconds": S, "peakMB": M}: S is the wall time of reconcile() alone, M the
//   process's peak resident memory (generation included: it is generated compactly for that).
//   --profile out.cpuprofile: a CPU profile of reconcile() alone, top self-time functions printed.
// npm run bench:reconcile -- --all [--sizes 10000,100000,1000000] [--repeat R]
//   Runs each size in a fresh process (so each peak is its own) and writes bench/results/reconcile.md.
import { parseArgs } from 'node:util';
import { runAll } from './lib/reconcile-report.js';
import { runOnce } from './lib/reconcile-run.js';

const USAGE = 'usage: bench/reconcile.ts --claims N [--seed S] [--naive] | --all [--sizes a,b,c] [--repeat R]';

function main(): void {
  const { values } = parseArgs({
    options: {
      claims: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      naive: { type: 'boolean', default: false },
      profile: { type: 'string' },
      all: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '10000,100000,1000000' },
      repeat: { type: 'string', default: '1' },
    },
    strict: true,
  });
  const seed = wholeNumber(values.seed, 'seed');
  if (values.all) {
    const sizes = values.sizes.split(',').map((s) => wholeNumber(s, 'sizes'));
    runAll({ sizes, seed, repeat: Math.max(1, wholeNumber(values.repeat, 'repeat')) });
    return;
  }
  const summary = runOnce(wholeNumber(values.claims, 'claims'), seed, { naive: values.naive, profile: values.profile });
  console.log(JSON.stringify(summary));
}

function wholeNumber(text: string, name: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, not ${JSON.stringify(text)}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

main();
