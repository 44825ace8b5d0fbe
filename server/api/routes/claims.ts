import { Router } from 'express';
import type { Repository } from '../../store/repository.js';
import { claimDetail, claimTrace } from '../views/claims.js';
import { claimEtag } from '../../store/mutations.js';
import { found } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { detailRoute, type IdParams } from './helpers.js';

/** GET /api/claims/:id (the claim with labels), GET /api/claims/:id/trace (its citation chain). */
export function claimRoutes(repo: Repository): Router {
  const router = Router();
  // The claim's version is its ETag, so a client can send it straight back as If-Match.
  router.get('/claims/:id', (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    const claim = found(claimDetail(repo.snapshot.analysis, params.id), 'claim', params.id);
    res.setHeader('ETag', claimEtag(claim));
    res.json(claim);
  });
  detailRoute(router, '/claims/:id/trace', repo, 'claim', claimTrace);
  return router;
}
