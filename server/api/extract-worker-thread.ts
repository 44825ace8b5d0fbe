// The inside of the extraction worker (see extract-worker.ts): runs one extraction at a time, sends
// its progress and its result back. Loaded in a worker thread only, never imported by the server.
import { parentPort } from 'node:worker_threads';
import { extractClaims } from '../extract/index.js';
import type { ExtractContext } from '../extract/types.js';

/** What the server sends: the text and the context without its progress callback (not cloneable). */
export interface ExtractionJob {
  id: number;
  text: string;
  context: ExtractContext;
}

/** What the worker answers, tagged with the job's id. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'result'; id: number; output: ReturnType<typeof extractClaims> }
  | { kind: 'failed'; id: number; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error('extract-worker-thread.ts runs in a worker thread (see extract-worker.ts)');
const send = (message: WorkerMessage) => port.postMessage(message);

port.on('message', (job: ExtractionJob) => {
  try {
    const output = extractClaims(job.text, job.context, {
      onProgress: (done, total) => send({ kind: 'progress', id: job.id, done, total }),
    });
    send({ kind: 'result', id: job.id, output });
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    send({ kind: 'failed', id: job.id, message: error.message, ...(error.stack ? { stack: error.stack } : {}) });
  }
});
send({ kind: 'ready' });
