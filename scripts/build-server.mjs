// Compiles the server to JavaScript in dist/ (tsc, tsconfig.server.json) for `npm start`; tests and
// development keep running the TypeScript through tsx. The compiled modules find their data where the
// sources do: dist/ mirrors the tree, and the folders they read (schemas, word lists, the curated
// store, the built client) are linked into it rather than copied, so there is one copy of each.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
// A module deleted from the sources must not live on in dist/: start from an empty tree.
rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.server.json')],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// Read at run time relative to the module that reads them.
const LINKS = [
  'schemas',
  'graph-data',
  'var',
  'client/dist',
  'server/extract/words',
  'server/api/schemas',
  'server/common/worker-boot.mjs',
  'server/store/pg/migrations',
];
for (const rel of LINKS) {
  const target = path.join(root, rel);
  // A folder the server creates on first use (var/ for team accounts) is made now, so its link resolves.
  if (rel === 'var') mkdirSync(target, { recursive: true });
  const link = path.join(dist, rel);
  mkdirSync(path.dirname(link), { recursive: true });
  if (existsSync(link) || lstatSync(link, { throwIfNoEntry: false })) rmSync(link, { recursive: true, force: true });
  symlinkSync(path.relative(path.dirname(link), target), link);
}
console.log('built the server into dist/ (node dist/server/cli/serve.js)');
