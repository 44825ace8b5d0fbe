import { Router } from 'express';
import { lastSeq } from '../../store/mutations.js';
import { deleteSource, sourceEtag } from '../../store/source-state.js';
import type { Repository } from '../../store/repository.js';
import { found, HttpError } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { listSources, sourceDetail } from '../views/sources.js';
import { httpErrorOf, reviewerOf, strongEtagOf } from '../writes.js';
import { listRoute, type IdParams } from './helpers.js';

/**
 * GET /api/sources, GET /api/sources/:id (metadata, references, full text, claim spans, markers;
 * with the source's ETag), DELETE /api/sources/:id (If-Match required: the source, its claims and
 * the judgements naming them are removed in one logged, revertible change; comparisons recomputed).
 */
export function sourceRoutes(repo: Repository): Router {
  const router = Router();
  listRoute(router, '/sources', repo, listSources);

  router.get('/sources/:id', (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    const { analysis } = repo.snapshot;
    const detail = found(sourceDetail(analysis, params.id), 'source', params.id);
    res.setHeader('ETag', sourceEtag(analysis, params.id)!);
    res.json(detail);
  });

  router.delete('/sources/:id', async (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    if (!repo.snapshot.analysis.index.source.has(params.id)) throw new HttpError(404, `no source with id ${JSON.stringify(params.id)}`);
    const etag = strongEtagOf(req.get('if-match'), 'the source you are deleting (GET /api/sources/:id)');
    try {
      const removed = await deleteSource(repo, params.id, etag, reviewerOf(req));
      res.json({ deleted: params.id, claims: removed.claims.length, judgements: removed.judgements.length, change: await lastSeq(repo) });
    } catch (err) {
      const http = httpErrorOf(err);
      const current = sourceEtag(repo.snapshot.analysis, params.id);
      if (http.status === 412 && current) res.setHeader('ETag', current);
      throw http;
    }
  });
  return router;
}
