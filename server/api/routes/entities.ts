import { Router } from 'express';
import type { Repository } from '../../store/repository.js';
import { entityDetail, listEntities } from '../views/entities.js';
import { detailRoute, listRoute } from './helpers.js';

/** GET /api/entities, GET /api/entities/:id (aliases, claims by property, relations). */
export function entityRoutes(repo: Repository): Router {
  const router = Router();
  listRoute(router, '/entities', repo, listEntities);
  detailRoute(router, '/entities/:id', repo, 'entity', entityDetail);
  return router;
}
