import { Router } from 'express';
import type { ClaimInput, ClaimPatch } from '../../core/schema-types.js';
import { check } from '../../core/schemas.js';
import { claimEtag, claimHistory, createClaim, patchClaim } from '../../store/mutations.js';
import { revertChange } from '../../store/revert.js';
import type { Repository } from '../../store/repository.js';
import { HttpError } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { httpErrorOf, objectBody, reviewerOf, smallJsonBody, strongEtagOf } from '../writes.js';
import type { IdParams } from './helpers.js';

/**
 * PATCH /api/claims/:id (accept / edit / reject, with If-Match), POST /api/claims (add by hand),
 * GET /api/claims/:id/history (the audit trail), POST /api/changes/:seq/revert (undo any change of
 * the changelog by a new one; 409 when its records changed since). Writes are on disk before the
 * response is sent.
 */
export function reviewRoutes(repo: Repository): Router {
  const router = Router();

  router.patch('/claims/:id', smallJsonBody, async (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    const current = repo.snapshot.analysis.index.claim.get(params.id);
    if (!current) throw new HttpError(404, `no claim with id ${JSON.stringify(params.id)}`);
    const expected = versionOf(req.get('if-match'));
    const body = objectBody(req) as unknown as ClaimPatch;
    try {
      const claim = await patchClaim(repo, params.id, expected, body, reviewerOf(req));
      res.setHeader('ETag', claimEtag(claim));
      res.json(claim);
    } catch (err) {
      const http = httpErrorOf(err);
      if (http.status === 412) res.setHeader('ETag', claimEtag(repo.snapshot.analysis.index.claim.get(params.id)!));
      throw http;
    }
  });

  router.post('/claims', smallJsonBody, async (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    const body = objectBody(req) as unknown as ClaimInput;
    const claim = await createClaim(repo, body, reviewerOf(req)).catch((err: unknown) => {
      throw httpErrorOf(err);
    });
    res.status(201).setHeader('Location', `/api/claims/${claim.id}`).setHeader('ETag', claimEtag(claim)).json(claim);
  });

  router.get('/claims/:id/history', async (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    if (!repo.snapshot.analysis.corpus.claims.some((c) => c.id === params.id))
      throw new HttpError(404, `no claim with id ${JSON.stringify(params.id)}`);
    const changes = await claimHistory(repo, params.id);
    res.json({ count: changes.length, items: changes });
  });

  router.post('/changes/:seq/revert', smallJsonBody, async (req, res) => {
    const { params } = validInput<{ seq: string }>(req, { params: REQUEST_SCHEMAS.seqParams, query: REQUEST_SCHEMAS.noQuery });
    // The body is optional ({ note }); an empty POST is a revert without a note.
    const body =
      req.body === undefined || (typeof req.body === 'object' && req.body !== null && Object.keys(req.body).length === 0)
        ? {}
        : objectBody(req);
    const unknown = Object.keys(body).filter((k) => k !== 'note');
    const note = body.note;
    const problems = [
      ...unknown.map((k) => ({ at: '/', message: `unknown field "${k}"` })),
      ...(note === undefined
        ? []
        : check('change.schema.json#/properties/note', note).map((p) => ({ at: `/note${p.at === '/' ? '' : p.at}`, message: p.message }))),
    ];
    if (problems.length > 0) throw new HttpError(400, 'invalid body', problems);
    const result = await revertChange(repo, Number(params.seq), reviewerOf(req), note as string | undefined).catch((err: unknown) => {
      throw httpErrorOf(err);
    });
    res.status(201).json(result);
  });

  return router;
}

/**
 * The version an If-Match header names: exactly the claim's ETag, `"3"`. Required, so no write is
 * ever blind. `"03"` is not the ETag "3" (ETags compare as strings), and a weak `W/"3"` never
 * matches in If-Match (RFC 9110 §13.1.1): both are refused rather than read as version 3.
 */
function versionOf(header: string | undefined): number {
  const tag = strongEtagOf(header, 'the claim you edited (GET /api/claims/:id)');
  // Nine digits: a claim edited a billion times is not a real case, and the number stays exact.
  const version = /^"([1-9][0-9]{0,8})"$/.exec(tag)?.[1];
  if (version === undefined) {
    throw new HttpError(400, 'invalid If-Match header', [
      { at: '/headers/if-match', message: 'must be the ETag of the claim, such as "3" (no leading zeros)' },
    ]);
  }
  return Number(version);
}
