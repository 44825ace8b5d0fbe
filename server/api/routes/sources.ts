import { Router } from 'express';
import type { Repository } from '../../store/repository.js';
import { listSources, sourceDetail } from '../views/sources.js';
import { detailRoute, listRoute } from './helpers.js';

/** GET /api/sources, GET /api/sources/:id (metadata, references, full text, claim spans, markers). */
export function sourceRoutes(repo: Repository): Router {
  const router = Router();
  listRoute(router, '/sources', repo, listSources);
  detailRoute(router, '/sources/:id', repo, 'source', sourceDetail);
  return router;
}
