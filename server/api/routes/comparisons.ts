import { Router } from 'express';
import type { Repository } from '../../store/repository.js';
import { badRequest } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { listComparisons, unknownFilters, type ComparisonFilters } from '../views/comparisons.js';

/** GET /api/conflicts and GET /api/agreements, filtered by source, entity, property, scope. */
export function comparisonRoutes(repo: Repository): Router {
  const router = Router();
  for (const [path, verdict] of [
    ['/conflicts', 'conflicts'],
    ['/agreements', 'agrees'],
  ] as const) {
    router.get(path, (req, res) => {
      const { query } = validInput<never, ComparisonFilters>(req, { query: REQUEST_SCHEMAS.comparisonQuery });
      const { analysis } = repo.snapshot;
      const unknown = unknownFilters(analysis, query);
      if (unknown.length > 0) {
        throw badRequest(
          'unknown filter value',
          unknown.map((u) => ({ at: `/query/${u.parameter}`, message: `no ${u.parameter} with id ${JSON.stringify(u.id)}` })),
        );
      }
      res.json(listComparisons(analysis, verdict, query));
    });
  }
  return router;
}
