// Reading a document runs in a worker thread of its own, with a time budget and a memory limit: a
// PDF or .docx built to exhaust the reader (a page that inflates to megabytes of operators, a
// decompression bomb that lies about its sizes) is stopped there, and the server goes on answering.
import { Worker } from 'node:worker_threads';
import type { ConvertRequest } from './index.js';
import { DocumentRefused, type DerivedDocument } from './types.js';

export interface ConversionWorkerOptions {
  /** Milliseconds one document may take. */
  budgetMs: number;
  /** Heap limit of the worker, in MB. */
  memoryMb: number;
}

/** 60 s reads a 2,000-page PDF on a loaded 2-core machine; 1 GB holds its text many times over. */
export const DEFAULT_CONVERSION_WORKER: ConversionWorkerOptions = { budgetMs: 60_000, memoryMb: 1024 };

// The boot both worker threads start from: under tsx it registers the loader, then starts the entry.
const THREAD = new URL(import.meta.url.endsWith('.ts') ? './convert-thread.ts' : './convert-thread.js', import.meta.url);
const BOOT = new URL('../common/worker-boot.mjs', import.meta.url);

type Reply = { document: DerivedDocument } | { refused: { status: DocumentRefused['status']; message: string } } | { failed: string };

export function convertInWorker(request: ConvertRequest, options: ConversionWorkerOptions = DEFAULT_CONVERSION_WORKER): Promise<DerivedDocument> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD.pathname.endsWith('.ts') ? BOOT : THREAD, {
      workerData: { entry: THREAD.href, request },
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(new DocumentRefused(422, `reading the document took longer than ${Math.round(options.budgetMs / 1000)} s and was stopped (a file built to exhaust the reader looks like this; a very long genuine one can be split)`))), options.budgetMs);
    worker.on('message', (reply: Reply) => settle(() => {
      if ('document' in reply) resolve(reply.document);
      else if ('refused' in reply) reject(new DocumentRefused(reply.refused.status, reply.refused.message));
      else reject(new Error(`reading the document failed: ${reply.failed}`));
    }));
    worker.on('error', (err: Error & { code?: string }) => settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new DocumentRefused(413, `reading the document needed more than ${options.memoryMb} MB and was stopped`)
      : err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the document reader stopped unexpectedly (exit ${code})`))));
  });
}
