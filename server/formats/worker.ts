// Reading a document runs in a worker thread of its own, with a time budget and a memory limit: a
// PDF or .docx built to exhaust the reader (a page that inflates to megabytes of operators, a
// decompression bomb that lies about its sizes) is stopped there, and the server goes on answering.
import { runJob, startWorker } from '../common/worker-runner.js';
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

// TypeScript under tsx (development, tests), JavaScript compiled (npm start).
const THREAD = new URL(import.meta.url.endsWith('.ts') ? './convert-thread.ts' : './convert-thread.js', import.meta.url);

type Reply = { document: DerivedDocument } | { refused: { status: DocumentRefused['status']; message: string } } | { failed: string };

/** Reads one document in a thread of its own (given the request in workerData), ended after its one reply. */
export function convertInWorker(
  request: ConvertRequest,
  options: ConversionWorkerOptions = DEFAULT_CONVERSION_WORKER,
): Promise<DerivedDocument> {
  const { budgetMs, memoryMb } = options;
  return runJob<DerivedDocument, Reply>(startWorker(THREAD, { memoryMb, data: { request } }), {
    budgetMs,
    memoryMb,
    onMessage: (reply: Reply, settle) => {
      if ('document' in reply) settle.resolve(reply.document);
      else if ('refused' in reply) settle.reject(new DocumentRefused(reply.refused.status, reply.refused.message));
      else settle.reject(new Error(`reading the document failed: ${reply.failed}`));
    },
    failures: {
      budget: () =>
        new DocumentRefused(
          422,
          `reading the document took longer than ${Math.round(budgetMs / 1000)} s and was stopped (a file built to exhaust the reader looks like this; a very long genuine one can be split)`,
        ),
      memory: () => new DocumentRefused(413, `reading the document needed more than ${memoryMb} MB and was stopped`),
      exit: (code) => new Error(`the document reader stopped unexpectedly (exit ${code})`),
    },
  });
}
