import { Router } from 'express';
import type { Repository } from '../../store/repository.js';

/** GET /api/graph: the graphology export() of the whole graph, cached per revision (ETag / 304). */
export function graphRoutes(repo: Repository): Router {
  const router = Router();
  router.get('/graph', (req, res) => {
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
