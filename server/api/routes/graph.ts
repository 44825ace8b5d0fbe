import { Router } from 'express';
import type { Repository } from '../../store/repository.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';

/** GET /api/graph: the graphology export() of the whole graph, cached per revision (ETag / 304). */
export function graphRoutes(repo: Repository): Router {
  const router = Router();
  router.get('/graph', (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    const { graphJson, graphEtag } = repo.snapshot;
    res.setHeader('ETag', graphEtag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === graphEtag) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(graphJson);
  });
  return router;
}
