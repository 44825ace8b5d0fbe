// The real server as a child process (`node --import tsx server/cli/serve.ts`), the way a user runs
// it: a port picked here, a store chosen by CONCORDANCE_DATA, "listening" awaited on stdout, and
// kill -9 to crash it mid-write. Crash tests need a process they can kill; the in-process harness
// of test/api cannot be killed without killing the test runner.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVE = path.join(ROOT, 'server', 'cli', 'serve.ts');
// Generous: several servers start at once in the crash tests, on two shared cores.
const START_TIMEOUT_MS = 60_000;

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed, stdout and stderr interleaved, for failure messages. */
  output(): string;
  /** SIGKILL: no handler runs, no buffer is flushed, nothing is closed. Resolves once it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, for a clean end of a test. */
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 right now: listen on port 0, read it, close. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Starts the server on `dataDir` and resolves when it says "listening". Retries once on another
 * port if the picked one was taken in the meantime (another test file may probe ports too).
 */
export async function startServerProcess(
  dataDir: string,
  port?: number,
  options: { compiled?: boolean; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  try {
    return await spawnServer(dataDir, port ?? (await freePort()), options.compiled ?? false, options.env ?? {});
  } catch (err) {
    if (port === undefined && /EADDRINUSE/.test(String(err)))
      return spawnServer(dataDir, await freePort(), options.compiled ?? false, options.env ?? {});
    throw err;
  }
}

/** `env`: more variables for the server (DATABASE_URL, say); they win over the test runner's. */
async function spawnServer(dataDir: string, port: number, compiled: boolean, env: Record<string, string>): Promise<ServerProcess> {
  // compiled: the JavaScript `npm start` runs (npm run build:server first), not the TypeScript under tsx.
  const child = spawn(process.execPath, compiled ? [path.join(ROOT, 'dist', 'server', 'cli', 'serve.js')] : ['--import', 'tsx', SERVE], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), CONCORDANCE_DATA: dataDir, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { output, listening } = watchOutput(child, START_TIMEOUT_MS);
  await listening;
  const gone = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    child,
    output,
    kill9: () => gone('SIGKILL'),
    stop: () => gone('SIGTERM'),
  };
}

/**
 * Everything a server child prints (stdout and stderr interleaved), and a promise that resolves once
 * it says "listening" — or rejects, with what it printed, when it exits first or takes longer than `timeoutMs`.
 */
export function watchOutput(child: ChildProcess, timeoutMs: number): { output: () => string; listening: Promise<void> } {
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/listening on /.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (code ${code}, signal ${signal}) before listening:\n${output}`));
    });
  });
  return { output: () => output, listening };
}
