// One way to run work in a worker thread with limits, for the extraction worker (server/api/extract-worker.ts,
// a warm pool) and the document reader (server/formats/worker.ts, a thread per document): start the
// thread with a heap limit (so running out of heap stops the thread, not the server), give one job a
// time budget, and turn what can go wrong (budget passed, heap exhausted, an error, an exit) into the
// caller's own errors; the thread is terminated whenever the job did not end with a reply.
// Node only (node:worker_threads); the client never imports it.
import { Worker } from 'node:worker_threads';

/**
 * Starts `entry` in a worker thread. Under tsx (development, tests) the entry is TypeScript and a
 * worker thread does not inherit tsx's loader, so worker-boot.mjs registers it and then imports the
 * entry; compiled, the entry starts directly. `data` reaches the thread as workerData (with `entry`).
 */
export function startWorker(entry: URL, options: { memoryMb?: number | undefined; data?: Record<string, unknown> } = {}): Worker {
  const typescript = entry.pathname.endsWith('.ts');
  const worker = new Worker(typescript ? BOOT : entry, {
    workerData: { ...options.data, entry: entry.href },
    ...(options.memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: options.memoryMb } } : {}),
  });
  // Kept for the thread's whole life: an 'error' nobody listens to is thrown, and a thread that fails
  // between jobs (or after its job was settled) must not take the server with it. runJob reports the
  // errors that happen during a job.
  worker.on('error', ignore);
  return worker;
}

function ignore(): void {}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/** The errors a job's failures become, in the caller's terms (an HTTP 422, a refused document…). */
export interface JobFailures {
  /** The job ran past its budget. */
  budget: () => Error;
  /** The thread ran out of heap (only with a memory limit). */
  memory: () => Error;
  /** The thread exited before replying. */
  exit: (code: number) => Error;
}

export interface Job<T, M> {
  /** Milliseconds from now the job may take before the thread is terminated. */
  budgetMs: number;
  /** The heap limit the thread was started with (startWorker's memoryMb): when set, running out of heap is failures.memory(). */
  memoryMb?: number | undefined;
  /** Posted to the thread once the job listens (omitted: the thread was given its work in workerData). */
  message?: unknown;
  /**
   * Reads each message of the thread: calls `reply.resolve` or `reply.reject` when the job is
   * answered (a failure the thread reports itself leaves it running), ignores what is not for it.
   */
  onMessage: (message: M, reply: { resolve: (value: T) => void; reject: (error: Error) => void }) => void;
  failures: JobFailures;
  /** Keep the thread after a reply, for the next job (a warm pool); otherwise it is terminated. */
  keep?: boolean;
}

/** Runs one job on `worker` (whose messages are Ms): the reply, or the failure's error (the thread terminated then). */
export function runJob<T, M>(worker: Worker, job: Job<T, M>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (stop: boolean) => {
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (stop || !job.keep) void worker.terminate();
    };
    const stop = (error: Error) => {
      if (settled) return;
      finish(true);
      reject(error);
    };
    const reply = {
      resolve: (value: T) => {
        if (settled) return;
        finish(false);
        resolve(value);
      },
      reject: (error: Error) => {
        if (settled) return;
        finish(false);
        reject(error);
      },
    };
    const onMessage = (message: M) => job.onMessage(message, reply);
    const onError = (err: Error & { code?: string }) =>
      stop(err.code === 'ERR_WORKER_OUT_OF_MEMORY' && job.memoryMb ? job.failures.memory() : err);
    const onExit = (code: number) => stop(job.failures.exit(code));
    const timer = setTimeout(() => stop(job.failures.budget()), job.budgetMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // A thread kept idle in a pool is unref'd; while a job runs it must keep the process alive.
    worker.ref();
    if (job.message !== undefined) worker.postMessage(job.message);
  });
}
