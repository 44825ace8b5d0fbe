// The store commands (db:import, db:export, validate, report, export) run the way a user runs them, against a test database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export function runDbCli(
  script: 'db-import.ts' | 'db-export.ts' | 'validate.ts' | 'report.ts' | 'export.ts',
  args: string[],
  databaseUrl: string | undefined,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [path.join(ROOT, 'server', 'cli', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // No URL: the folder store (DATABASE_URL taken out of the environment, whatever the caller's is).
    env: { ...process.env, NO_COLOR: '1', DATABASE_URL: databaseUrl ?? '' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
