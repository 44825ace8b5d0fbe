// POST /api/documents: a PDF, web page, Word file or text file as its own bytes (its media type in
// Content-Type, its name in X-File-Name). The document is read in a worker and answered with what
// was derived (text, pages and headings, metadata, notes) and an upload id; saving it as a source
// is POST /api/sources with that text, the edited metadata and { document: { upload } }. Nothing is
// stored before that. A file's bytes, never its name or declared type, decide how it is read.
import express, { Router } from 'express';
import { DocumentRefused, type DerivedDocument } from '../../formats/types.js';
import { convertInWorker, DEFAULT_CONVERSION_WORKER, type ConversionWorkerOptions } from '../../formats/worker.js';
import { DEFAULT_CONVERSION_LIMITS } from '../../formats/limits.js';
import { HttpError } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { DOCUMENT_MEDIA_TYPES } from '../documents/media-types.js';
import type { UploadShelf } from '../documents/uploads.js';
import { documentReply } from '../documents/reply.js';

function fileNameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw new HttpError(400, 'X-File-Name is not valid percent-encoded UTF-8', [
      { at: '/headers/x-file-name', message: 'must be percent-encoded UTF-8' },
    ]);
  }
  // Only the last path part, without control characters: it is shown, never used as a path.
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .slice(0, 300);
  return base || undefined;
}

export function documentRoutes(shelf: UploadShelf, worker: ConversionWorkerOptions = DEFAULT_CONVERSION_WORKER): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: DEFAULT_CONVERSION_LIMITS.maxFileBytes });
  router.post('/documents', raw, async (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(type)) {
      throw new HttpError(
        415,
        `send the document's bytes with its media type (${DOCUMENT_MEDIA_TYPES.join(', ')}), not ${type || 'no Content-Type'}; a plain text is pasted as JSON to POST /api/sources`,
        [{ at: '/headers/content-type', message: `must be one of ${DOCUMENT_MEDIA_TYPES.join(', ')}` }],
      );
    }
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const fileName = fileNameOf(req.get('x-file-name'));
    let document: DerivedDocument;
    try {
      document = await convertInWorker(
        { bytes, ...(fileName ? { fileName } : {}), ...(type !== 'application/octet-stream' ? { mediaType: type } : {}) },
        worker,
      );
    } catch (err) {
      if (err instanceof DocumentRefused) throw new HttpError(err.status, err.message, [{ at: '/body', message: err.message }]);
      throw err;
    }
    const upload = shelf.put(bytes, document, fileName);
    res.status(200).json(documentReply(upload.sha256, bytes.length, fileName, document));
  });
  return router;
}
