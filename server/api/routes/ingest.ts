import { Router, type Request, type Response } from 'express';
import type { SourceInput } from '../../core/schema-types.js';
import type { Extractor } from '../../extract/types.js';
import { ingestSource, precheckSource, type IngestResult } from '../../store/ingest.js';
import type { Repository } from '../../store/repository.js';
import { HttpError } from '../errors.js';
import { documentOf } from '../documents/attach.js';
import { UploadShelf } from '../documents/uploads.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { httpErrorOf, httpErrorOrInternal, jsonBody, objectBody, reviewerOf } from '../writes.js';

/**
 * POST /api/sources: a new source as JSON ({ title, publisher, ..., text }). Answers 201 with the
 * stored source, its candidate claims and the agree/conflict edges they make. With `Accept: application/x-ndjson` it streams progress lines
 * ({"progress": 0.4}) and ends with {"result": ...} or {"error": ...}, for a progress bar.
 */
export function ingestRoutes(repo: Repository, extractor: () => Promise<Extractor>, shelf: UploadShelf = new UploadShelf()): Router {
  const router = Router();
  router.post('/sources', jsonBody, async (req, res) => {
    const input = sourceInputOf(req);
    const { document, upload } = documentOf(input, shelf);
    const actor = reviewerOf(req);
    try {
      precheckSource(repo, input);
    } catch (err) {
      throw httpErrorOf(err);
    }
    const extract = await extractor();
    const streaming = req.get('accept')?.includes('application/x-ndjson') ?? false;
    if (!streaming) {
      const result = await ingestSource(repo, input, actor, extract, undefined, document).catch((err: unknown) => {
        throw httpErrorOf(err);
      });
      if (upload) shelf.delete(upload);
      respondCreated(res, result);
      return;
    }
    // Checked above, so a failure from here on is rare; it still ends the stream with an error line.
    res.status(201).type('application/x-ndjson');
    let last = -1;
    const result = await ingestSource(
      repo,
      input,
      actor,
      extract,
      (done, total) => {
        const share = Math.round((done / Math.max(total, 1)) * 100) / 100;
        if (share > last) {
          res.write(`${JSON.stringify({ progress: share })}\n`);
          last = share;
        }
      },
      document,
    ).catch((err: unknown) => {
      // Never rethrow here: the 201 and the progress lines are sent, so the error must be the last line.
      const http = httpErrorOrInternal(err);
      res.end(`${JSON.stringify({ error: http.message, status: http.status, details: http.details ?? null })}\n`);
      return undefined;
    });
    if (result && upload) shelf.delete(upload);
    if (result) res.end(`${JSON.stringify({ result: summary(result) })}\n`);
  });
  return router;
}

function respondCreated(res: Response, result: IngestResult): void {
  res.status(201).setHeader('Location', `/api/sources/${result.source.id}`).json(summary(result));
}

function summary(result: IngestResult) {
  return {
    source: result.source,
    claims: result.claims,
    proposedEntities: result.proposedEntities,
    proposedProperties: result.proposedProperties,
    comparisons: result.comparisons,
    warnings: result.warnings,
  };
}

/**
 * The submitted source: a JSON body only. The plain-text upload (text/plain, metadata in the query)
 * is gone: a cross-site form can send text/plain without a preflight (the gate refuses it with 415).
 */
function sourceInputOf(req: Request): SourceInput {
  validInput(req, { query: REQUEST_SCHEMAS.noQuery });
  if (!req.is('application/json')) {
    throw new HttpError(415, 'send the source as application/json', [{ at: '/headers/content-type', message: 'must be application/json' }]);
  }
  return objectBody(req) as unknown as SourceInput;
}
