import { Router } from 'express';
import type { Repository } from '../../store/repository.js';
import { badRequest } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { DEFAULT_SEARCH_LIMIT, search } from '../views/search.js';

interface SearchQuery {
  q: string;
  limit?: string;
}

/** GET /api/search?q=&limit=: entities, claims and sources, accent- and case-insensitive. */
export function searchRoutes(repo: Repository): Router {
  const router = Router();
  router.get('/search', (req, res) => {
    const { query } = validInput<never, SearchQuery>(req, { query: REQUEST_SCHEMAS.searchQuery });
    const results = search(repo.snapshot.analysis, query.q, query.limit ? Number(query.limit) : DEFAULT_SEARCH_LIMIT);
    // "?q=--" passes the schema but folds to nothing: there is nothing to search for.
    if (!results) throw badRequest('invalid query', [{ at: '/query/q', message: 'must contain a letter or digit' }]);
    res.json(results);
  });
  return router;
}
