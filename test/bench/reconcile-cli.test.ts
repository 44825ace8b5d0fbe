// The benchmark's output contract (a shape test: timings are never asserted).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function run(...args: string[]): string[] {
  const child = spawnSync('npm', ['run', 'bench:reconcile', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(child.status, child.stderr).toBe(0);
  return child.stdout.trim().split('\n');
}

describe('npm run bench:reconcile', () => {
  it('prints as its last line {"claims", "seconds", "peakMB"}', () => {
    const lines = run('--claims', '2000');
    const last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    expect(Object.keys(last).sort()).toEqual(['claims', 'peakMB', 'seconds']);
    expect(last.claims).toBe(2000);
    expect(Number.isFinite(last.seconds)).toBe(true);
    expect(last.peakMB).toBeGreaterThan(0);
  }, 60_000);

  it('with --naive also reports the naive/grouped ratio, finding the same rule-based comparisons', () => {
    const lines = run('--claims', '1000', '--naive');
    const naive = JSON.parse(lines.find((l) => l.startsWith('naive '))!.slice('naive '.length)) as Record<string, number>;
    expect(naive.ratio).toBeGreaterThan(0);
    expect(naive.pairs).toBeGreaterThan(0);
    expect(naive.naiveComparisons).toBeGreaterThanOrEqual(naive.groupedRuleComparisons!);
    expect(Object.keys(JSON.parse(lines[lines.length - 1]!) as object).sort()).toEqual(['claims', 'peakMB', 'seconds']);
  }, 60_000);
});
