// The answer of POST /api/documents, declared once: the route builds it, the client imports its type.
import type { DerivedDocument, Segment } from '../../formats/types.js';

export interface DerivedDocumentReply {
  upload: string;
  size: number;
  fileName?: string;
  kind: DerivedDocument['kind'];
  mediaType: string;
  metadata: DerivedDocument['metadata'];
  notes: string[];
  text: string;
  segments: Segment[];
  counts: { characters: number; pages: number; headings: number; footnotes: number };
}

export function documentReply(upload: string, size: number, fileName: string | undefined, document: DerivedDocument): DerivedDocumentReply {
  const count = (kind: string) => document.segments.filter((s) => s.kind === kind).length;
  return {
    upload,
    size,
    ...(fileName ? { fileName } : {}),
    kind: document.kind,
    mediaType: document.mediaType,
    metadata: document.metadata,
    notes: document.notes,
    text: document.text,
    segments: document.segments.filter((s) => s.kind === 'page' || s.kind === 'heading' || s.kind === 'footnote'),
    counts: { characters: document.text.length, pages: count('page'), headings: count('heading'), footnotes: count('footnote') },
  };
}
