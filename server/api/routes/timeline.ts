import { Router } from 'express';
import type { Repository } from '../../store/repository.js';
import { badRequest } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { timeline } from '../views/timeline.js';

interface TimelineQuery {
  entity?: string;
  source?: string;
  limit?: string;
}

/** GET /api/timeline?entity=&source=: dated claims on a time axis, with the conflicts between them. */
export function timelineRoutes(repo: Repository): Router {
  const router = Router();
  router.get('/timeline', (req, res) => {
    const { query } = validInput<never, TimelineQuery>(req, { query: REQUEST_SCHEMAS.timelineQuery });
    const { analysis } = repo.snapshot;
    const unknown = (['entity', 'source'] as const).filter((p) => query[p] !== undefined && !analysis.index[p].has(query[p]!));
    if (unknown.length > 0)
      throw badRequest(
        'unknown filter value',
        unknown.map((p) => ({ at: `/query/${p}`, message: `no ${p} with id ${JSON.stringify(query[p])}` })),
      );
    res.json(
      timeline(analysis, {
        ...(query.entity ? { entity: query.entity } : {}),
        ...(query.source ? { source: query.source } : {}),
        ...(query.limit ? { limit: Number(query.limit) } : {}),
      }),
    );
  });
  return router;
}
