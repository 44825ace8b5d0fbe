// The code base passes ESLint (eslint.config.js): run here so that `npm test`, and so CI, enforce it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

it('passes ESLint with no error', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}, 300_000);
