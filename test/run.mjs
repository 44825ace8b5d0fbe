// Runs every test with vitest and ends with the plain line CI reads: "N passed, N failed".
// Exits non-zero on any failure, and on zero tests (a suite that ran nothing proves nothing).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// The browser tests drive Debian's Chromium (never a downloaded browser). On a fresh machine where
// we are root, install it from Debian's packages so that this one command runs every test.
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('installing Debian chromium for the browser tests (apt-get)...');
  const apt = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']);
}
if (!existsSync(CHROMIUM)) console.error(`warning: ${CHROMIUM} is missing; the browser tests will fail (apt-get install chromium)`);

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, '.vitest-results.json');
rmSync(results, { force: true });

const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
);

let summary;
try {
  summary = JSON.parse(readFileSync(results, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  console.error(`test runner: vitest wrote no results (exit ${run.status})`);
  process.exit(1);
}
const passed =
  (summary.numPassedTests ?? 0) -
  (summary.testResults ?? []).flatMap((f) => (f.assertionResults ?? []).filter((a) => a.meta?.expectedFailure)).length;
// A file that failed without any failing test (an import error, a crashed hook) counts as one failure;
// numFailedTestSuites would count describe blocks too, so it is not used.
const brokenFiles = (summary.testResults ?? []).filter(
  (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
).length;
const failed = (summary.numFailedTests ?? 0) + brokenFiles;
// it.fails tests report as passed; each marks itself (task.meta.expectedFailure) so it is counted apart:
// a gap the suite keeps visible is not a pass.
const expected = (summary.testResults ?? []).flatMap((f) =>
  (f.assertionResults ?? []).filter((a) => a.meta?.expectedFailure).map((a) => `${path.relative(root, f.name)}: ${a.fullName}`),
);
if (expected.length > 0)
  console.log(
    `\n${expected.length} expected failure${expected.length === 1 ? '' : 's'} (it.fails: a known gap, failing as expected):\n${expected.map((e) => `  ${e}`).join('\n')}`,
  );
const skipped = (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 || run.status !== 0 ? 1 : 0);
