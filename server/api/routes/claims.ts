import { Router } from 'express';
import type { Repository } from '../../store/repository.js';
import { claimDetail, claimTrace } from '../views/claims.js';
import { detailRoute } from './helpers.js';

/** GET /api/claims/:id (the claim with labels), GET /api/claims/:id/trace (its citation chain). */
export function claimRoutes(repo: Repository): Router {
  const router = Router();
  detailRoute(router, '/claims/:id', repo, 'claim', claimDetail);
  detailRoute(router, '/claims/:id/trace', repo, 'claim', claimTrace);
  return router;
}
