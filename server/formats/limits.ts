// The default limits for documents, in one place. A document over a limit is refused with a message
// that names it; nothing is stored.
import type { ConversionLimits } from './types.js';

export const DEFAULT_CONVERSION_LIMITS: ConversionLimits = {
  // 50 MB covers a born-digital book or a long report; a 200 MB file is refused before it is read.
  maxFileBytes: 50 * 1024 * 1024,
  // The same 5 million characters a pasted text may have.
  maxTextChars: 5_000_000,
  // A 2,000-page PDF is a multi-volume history; beyond that, split the file.
  maxPages: 2_000,
  // A .docx of 50 MB of XML is a very long book; zip bombs declare gigabytes.
  maxUnzippedBytes: 200 * 1024 * 1024,
  // Word's own XML compresses about 5–15×; 200× means a file built to explode.
  maxCompressionRatio: 200,
};
