// The code base passes ESLint (eslint.config.js), is formatted by Prettier (.prettierrc.json; data,
// texts and results are left as they are, .prettierignore), and passes the type checker, each of its
// three projects apart: the server without the DOM (server/tsconfig.json), the client with it
// (client/tsconfig.json), the tests and benchmarks (tsconfig.json). Run here so that `npm test`, and
// so CI, enforce them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

it('passes ESLint with no error', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings', '0'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}, 300_000);

// Prettier's cache (node_modules/.cache/prettier) remembers the files it found formatted, by their
// content, its own version and its options: a file whose text changed is checked again, and each file
// is formatted on its own, so the cache cannot hide a fault. Measured at load 21-28: 80 s for the
// whole tree without it (a clean clone), 8 s with it warm. ESLint gets no cache: its type-aware
// rules read other files' types, which its cache does not track.
it('is formatted as Prettier formats it (npm run format mends it)', () => {
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'),
      '--check',
      '.',
      '--log-level',
      'warn',
      '--cache',
      '--cache-strategy',
      'content',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  expect(run.status, `files not formatted (run npm run format):\n${run.stdout}\n${run.stderr}`).toBe(0);
}, 300_000);

it.each(['server/tsconfig.json', 'client/tsconfig.json', 'tsconfig.json'])(
  'type-checks %s with no error',
  (project) => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  },
  300_000,
);
