// What a converter derives from a document: the plain text the extractor reads (stored as the
// source text, so every quote stays byte-exact at its offsets), where each part of it came from
// (pages, headings, paragraphs, footnotes), and the document's own metadata.

export type DocumentKind = 'pdf' | 'html' | 'docx' | 'text';

export const MEDIA_TYPES: Readonly<Record<DocumentKind, string>> = {
  pdf: 'application/pdf',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
};

export interface Segment {
  kind: 'page' | 'heading' | 'paragraph' | 'footnote' | 'list-item';
  /** UTF-16 offsets into the derived text, end exclusive. */
  start: number;
  end: number;
  /** Page number for pages, heading level for headings ("h2"), note number for footnotes. */
  label?: string;
}

export interface DocumentMetadata {
  title?: string;
  author?: string;
  /** ISO 8601 date (or date-time) as the document states it. */
  published?: string;
  url?: string;
  publisher?: string;
  language?: string;
}

export interface DerivedDocument {
  kind: DocumentKind;
  mediaType: string;
  text: string;
  segments: Segment[];
  metadata: DocumentMetadata;
  /** Things a person should know before saving ("3 scripts removed", "page 4 has no text"). */
  notes: string[];
}

/** A document refused for a reason a person can act on (the API answers it as a 4xx). */
export class DocumentRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentRefused';
  }
}

/** Limits for one document; the defaults are documented in limits.ts. */
export interface ConversionLimits {
  /** Bytes of the file as sent. */
  maxFileBytes: number;
  /** Characters of derived text (the same limit as a pasted text). */
  maxTextChars: number;
  /** Pages of a PDF. */
  maxPages: number;
  /** Bytes of all entries of a .docx once unzipped (a zip bomb is refused before it is inflated). */
  maxUnzippedBytes: number;
  /** Largest unzipped/compressed ratio of any .docx entry. */
  maxCompressionRatio: number;
}
