// Extraction off the event loop: the API's ingests run extractClaims in a worker thread, so reads keep
// answering while a 5 MB text is read, and an extraction that runs past its time budget is stopped
// (the worker terminated) with a 422 naming the budget; the store is untouched because ingestSource
// writes nothing until extraction has returned. One warm worker is kept (ingests are serialised by the
// repository's write queue anyway); a worker that was stopped or crashed is replaced on the next job.
import type { Worker } from 'node:worker_threads';
import { runJob, startWorker } from '../common/worker-runner.js';
import type { ExtractedRecords, Extractor } from '../extract/types.js';
import { HttpError } from './errors.js';
import type { ExtractionJob, WorkerMessage } from './extract-worker-thread.js';

/** The time one ingest's extraction may take before it is stopped. */
export const BUDGET_SETTING = 'CONCORDANCE_EXTRACT_BUDGET_MS';
/** 60 s: 5 million characters of prose took 2.5-22 s on 2 cores at load 15-20 (bench/results/ingest-stall.md);
 * 4.9 MB of one figure-laden sentence repeated (158,000 claims) took 65 s there and is refused. */
export const DEFAULT_BUDGET_MS = 60_000;
/** How long a worker may take to start before the ingest is refused with a 503. */
const STARTUP_LIMIT_MS = 60_000;
/** Heap limit of the worker: an extraction that needs more is stopped, not the server (without a
 * limit of its own, a worker that runs out of heap takes the whole process down). */
export const MEMORY_SETTING = 'CONCORDANCE_EXTRACT_MEMORY_MB';
/** 1 GB: the worst texts tried (4.9 MB of one sentence, 158,000 claims) extract within 256 MB. */
export const DEFAULT_MEMORY_MB = 1024;

export interface ExtractionWorkerOptions {
  /** Milliseconds one extraction may run (from when the worker starts it) before it is stopped. */
  budgetMs: number;
  /** Workers kept; jobs beyond that wait their turn (first in, first out). Default 1. */
  size?: number;
  /** Old-generation heap limit of each worker, in MB; undefined leaves Node's default (then running out of heap ends the process). */
  memoryMb?: number;
}

/** The budget and memory limit from the environment; a malformed value is refused, not ignored. */
export function workerSettings(env: NodeJS.ProcessEnv = process.env): ExtractionWorkerOptions {
  const budgetMs = positiveInteger(env, BUDGET_SETTING) ?? DEFAULT_BUDGET_MS;
  const memoryMb = positiveInteger(env, MEMORY_SETTING) ?? DEFAULT_MEMORY_MB;
  return { budgetMs, memoryMb };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(raw)}`);
  return value;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** Stopped or crashed: never given another job. */
  dead: boolean;
}

// Under tsx (npm run serve, vitest) this module is TypeScript and so is the worker's entry; compiled
// (npm start), both are JavaScript.
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './extract-worker-thread.ts' : './extract-worker-thread.js', import.meta.url);

export class ExtractionWorkers {
  private readonly idle: Slot[] = [];
  private readonly waiting: ((slot: Slot | undefined) => void)[] = [];
  private running = 0;
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: ExtractionWorkerOptions) {}

  /** The Extractor the ingest endpoint calls. */
  readonly extractor: Extractor = (text, context) => this.extract(text, context);

  async extract(text: string, context: Parameters<Extractor>[1]): Promise<ExtractedRecords> {
    const slot = await this.acquire();
    try {
      await this.started(slot);
      return await this.run(slot, text, context);
    } finally {
      this.release(slot);
    }
  }

  /** Waits for the worker to be ready, at most a minute (or the budget, if longer): a worker that never
   * starts must not hold the repository's write queue forever. Starting is not the text's cost, so it is
   * not counted in the budget (a cold start takes 0.7-2 s: bench/results/ingest-stall.md). */
  private async started(slot: Slot): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = Math.max(this.options.budgetMs, STARTUP_LIMIT_MS);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        slot.dead = true;
        void slot.worker.terminate();
        reject(
          new HttpError(503, `the extraction worker did not start within ${limit / 1000} s; nothing was stored`, [
            { at: '/', message: 'extraction is unavailable' },
          ]),
        );
      }, limit);
    });
    try {
      await Promise.race([slot.ready, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops every worker; later jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const resolve of this.waiting.splice(0)) resolve(undefined);
    await Promise.all(this.idle.splice(0).map((s) => s.worker.terminate()));
  }

  private async acquire(): Promise<Slot> {
    if (this.closed) throw new Error('the extraction workers are closed');
    if (this.running < (this.options.size ?? 1)) {
      this.running++;
      let slot = this.idle.pop();
      while (slot?.dead) slot = this.idle.pop();
      return slot ?? this.spawn();
    }
    const slot = await new Promise<Slot | undefined>((resolve) => this.waiting.push(resolve));
    if (!slot) throw new Error('the extraction workers are closed');
    return slot;
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    const usable = slot.dead ? undefined : slot;
    if (next) {
      next(usable ?? this.spawn());
      return;
    }
    this.running--;
    if (usable && !this.closed) {
      usable.worker.unref();
      this.idle.push(usable);
    } else if (usable) {
      void usable.worker.terminate();
    }
  }

  private spawn(): Slot {
    const worker = startWorker(ENTRY, { memoryMb: this.options.memoryMb });
    const slot: Slot = { worker, dead: false, ready: Promise.resolve() };
    // Kept for the worker's whole life: an idle worker that dies is only marked, and replaced on the next job.
    worker.on('error', () => {
      slot.dead = true;
    });
    worker.on('exit', () => {
      slot.dead = true;
    });
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.kind !== 'ready') return;
        done();
        resolve();
      };
      const onFailure = (err: unknown) => {
        done();
        slot.dead = true;
        const why = err instanceof Error ? err.message : `exit code ${String(err)}`;
        reject(
          new HttpError(503, `the extraction worker could not start (${why}); nothing was stored`, [
            { at: '/', message: 'extraction is unavailable' },
          ]),
        );
      };
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
      };
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
    });
    return slot;
  }

  private run(slot: Slot, text: string, context: Parameters<Extractor>[1]): Promise<ExtractedRecords> {
    const { onProgress, ...plain } = context;
    const job: ExtractionJob = { id: ++this.nextId, text, context: plain };
    const { budgetMs, memoryMb } = this.options;
    // A thread runJob stops is never given another job (an error marks it through spawn's listener).
    const stopped = (error: Error) => {
      slot.dead = true;
      return error;
    };
    return runJob<ExtractedRecords, WorkerMessage>(slot.worker, {
      budgetMs,
      memoryMb,
      message: job,
      keep: true,
      onMessage: (m: WorkerMessage, reply) => {
        if (m.kind === 'ready' || m.id !== job.id) return;
        if (m.kind === 'progress') onProgress?.(m.done, m.total);
        else if (m.kind === 'result') reply.resolve(m.output);
        // The extractor threw: the thread itself is fine and stays for the next job.
        else reply.reject(Object.assign(new Error(m.message), m.stack ? { stack: m.stack } : {}));
      },
      failures: {
        budget: () => stopped(budgetExceeded(budgetMs, text.length)),
        memory: () => stopped(memoryExceeded(memoryMb ?? 0, text.length)),
        exit: (code) => stopped(new Error(`the extraction worker stopped unexpectedly (exit code ${code})`)),
      },
    });
  }
}

function budgetExceeded(budgetMs: number, length: number): HttpError {
  const limit = budgetMs >= 1000 ? `${budgetMs / 1000} s` : `${budgetMs} ms`;
  return new HttpError(
    422,
    `extraction did not finish within its time budget of ${limit} (${BUDGET_SETTING}) and was stopped; nothing was stored. Split the text into smaller sources or raise the budget`,
    [{ at: '/text', message: `extracting ${length} characters took longer than ${budgetMs} ms` }],
  );
}

function memoryExceeded(memoryMb: number, length: number): HttpError {
  return new HttpError(
    422,
    `extraction needed more than its memory limit of ${memoryMb} MB (${MEMORY_SETTING}) and was stopped; nothing was stored. Split the text into smaller sources or raise the limit`,
    [{ at: '/text', message: `extracting ${length} characters needed more than ${memoryMb} MB` }],
  );
}
