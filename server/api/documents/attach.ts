// Saving a dropped document as a source: the upload named in the source's `document` field, checked
// against the text sent (it must be the text derived from that document, unchanged), becomes the
// original kept beside the source text.
import { sha256 } from '../../core/integrity.js';
import type { SourceInput } from '../../core/schema-types.js';
import type { SourceDocument } from '../../store/ingest.js';
import { HttpError } from '../errors.js';
import type { UploadShelf } from './uploads.js';

const KEPT = { pdf: 'pdf', html: 'html', docx: 'docx' } as const;

export function documentOf(input: SourceInput, shelf: UploadShelf): { document?: SourceDocument; upload?: string } {
  const upload = input.document?.upload;
  if (!upload) return {};
  const held = shelf.get(upload);
  if (!held) {
    throw new HttpError(
      410,
      `the uploaded document ${upload.slice(0, 12)}… is no longer held (uploads wait an hour, and a restart clears them): drop the file again`,
      [{ at: '/document/upload', message: 'names no held upload' }],
    );
  }
  if (sha256(input.text) !== held.textSha256) {
    throw new HttpError(
      400,
      'the text is not the one derived from the uploaded document: send it unchanged (edit the metadata, not the text)',
      [{ at: '/text', message: 'must be the text derived from /document/upload' }],
    );
  }
  const kind = held.document.kind;
  // A plain-text file is its own text: there is no other original to keep.
  if (kind === 'text') return { upload };
  return {
    upload,
    document: {
      bytes: held.bytes,
      mediaType: held.document.mediaType as SourceDocument['mediaType'],
      extension: KEPT[kind],
      ...(held.fileName ? { fileName: held.fileName } : {}),
      // Every part the reader recorded: pages, headings, paragraphs, list items and notes.
      segments: held.document.segments,
    },
  };
}
