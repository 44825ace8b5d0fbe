// Runs one of the project's CLIs the way a user does, against a chosen store.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(script: string, args: string[], dataDir?: string, input?: string): CliRun {
  const result = spawnSync(TSX, [path.join(ROOT, 'server', 'cli', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1', ...(dataDir ? { CONCORDANCE_DATA: dataDir } : {}) },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
