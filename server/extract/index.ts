// Claim extraction from source text: pure functions, no I/O. See bench/results/extract.md for
// what each module does and how well the whole does on the bundled sources.
export { extractClaims, type ExtractOptions } from './extract.js';
export type { ExtractContext, ExtractedRecords, ExtractionResult, ExtractProgress, Extractor } from './types.js';
export { parseReferenceList, findReferenceList, type ReferenceList } from './references.js';
export { findMarkers, maskSpans, type Marker } from './footnotes.js';
export { splitSentences, type Sentence } from './sentences.js';
export { findNumbers, readComparator, type NumberMention, type Comparator } from './numbers.js';
export { findDates, type DateMention } from './dates.js';
export { buildEntityIndex, findMentions, phoneticKeys, type EntityIndex, type EntityMention } from './entities.js';
export { buildPropertyIndex, rankProperties, type PropertyIndex } from './properties.js';
export { foldName, foldWord } from './tokens.js';
