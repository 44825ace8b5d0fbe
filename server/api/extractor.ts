// The claim extractor the ingest endpoint uses, loaded on first use: its language model is large
// and a server that never ingests should not pay for it at start-up.
import type { Extractor } from '../store/ingest.js';

let loaded: Promise<Extractor> | undefined;

export function defaultExtractor(): Promise<Extractor> {
  // extractClaims takes its progress callback among its options, not in the context.
  loaded ??= import('../extract/index.js').then((m): Extractor => (text, context) => m.extractClaims(text, context, { onProgress: context.onProgress }));
  return loaded;
}
