// The claim extractor the ingest endpoint uses: extraction runs in a worker thread (extract-worker.ts)
// with a time budget, so that reading a large text never stalls the other requests. The worker is
// started on the first ingest: a server that never ingests does not pay for it.
import type { Extractor } from '../extract/types.js';
import { ExtractionWorkers, workerSettings, type ExtractionWorkerOptions } from './extract-worker.js';

/** Read once at start-up, so that a malformed CONCORDANCE_EXTRACT_BUDGET_MS stops the server with its reason. */
const SETTINGS = workerSettings();
let shared: ExtractionWorkers | undefined;

export function defaultExtractor(): Promise<Extractor> {
  shared ??= new ExtractionWorkers(SETTINGS);
  return Promise.resolve(shared.extractor);
}

/** A separate set of workers with their own settings (tests, benchmarks); close() it when done. */
export function workerExtractor(options: Partial<ExtractionWorkerOptions> = {}): ExtractionWorkers {
  return new ExtractionWorkers({ ...SETTINGS, ...options });
}

/** Extraction on the calling thread, as before the worker (the CLI and the benchmark's baseline). */
export function inProcessExtractor(): Promise<Extractor> {
  return import('../extract/index.js').then(
    (m): Extractor =>
      (text, context) =>
        m.extractClaims(text, context, { onProgress: context.onProgress }),
  );
}
