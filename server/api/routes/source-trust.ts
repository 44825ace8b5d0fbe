import { Router, type Request } from 'express';
import type { Analysis } from '../../analysis/analyse.js';
import { check } from '../../core/schemas.js';
import type { TrustJudgement } from '../../core/schema-types.js';
import type { Repository } from '../../store/repository.js';
import { clearTrust, judgementOf, setTrust, trustEtag, trustInputProblems, type TrustInput } from '../../store/source-trust.js';
import { HttpError } from '../errors.js';
import { TrustQuestions, type QuestionInputs } from '../trust-questions.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { httpErrorOf, objectBody, reviewerOf, smallJsonBody, strongEtagOf } from '../writes.js';
import type { IdParams } from './helpers.js';

interface WhatIfQuery {
  trust: 'primary' | 'derivative' | 'none';
  of?: string;
}

/**
 * A reviewer's trust in a source (curated data, server/store/source-trust.ts):
 * GET /api/sources/:id/trust (the judgement, the learned trust, the copy relations; ETag = the judgement's version),
 * PUT /api/sources/:id/trust ({ primary: true } or { derivativeOf }, If-Match required, "0" for a first judgement),
 * DELETE /api/sources/:id/trust (If-Match), and GET /api/sources/:id/what-if?trust=primary|derivative&of=|none:
 * how each likely value would move, before anything is saved. Writes are logged and revertible.
 * Copy relations and what-ifs are computed in a worker thread (trust-questions.ts): the first request
 * after a change waits for it without holding up anyone else's.
 */
export function sourceTrustRoutes(repo: Repository, questions: TrustQuestions = new TrustQuestions()): Router {
  const router = Router();

  router.get('/sources/:id/trust', async (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    const { analysis } = repo.snapshot;
    known(analysis, params.id);
    const judgement = judgementOf(analysis.corpus.trust, params.id);
    const view = await trustView(questions, analysis, params.id, judgement);
    res.setHeader('ETag', trustEtag(judgement));
    res.json(view);
  });

  router.get('/sources/:id/what-if', async (req, res) => {
    const { params, query } = validInput<IdParams, WhatIfQuery>(req, {
      params: REQUEST_SCHEMAS.idParams,
      query: REQUEST_SCHEMAS.whatIfQuery,
    });
    const { analysis } = repo.snapshot;
    known(analysis, params.id);
    if (query.trust === 'derivative' && query.of === undefined)
      throw new HttpError(400, 'invalid query', [
        { at: '/query/of', message: 'is required with trust=derivative: the id of the source it copies from' },
      ]);
    if (query.trust !== 'derivative' && query.of !== undefined)
      throw new HttpError(400, 'invalid query', [{ at: '/query/of', message: 'is only for trust=derivative' }]);
    const proposed =
      query.trust === 'primary' ? { primary: true as const } : query.trust === 'derivative' ? { derivativeOf: query.of! } : undefined;
    if (proposed) {
      const problems = trustInputProblems(params.id, proposed, analysis.corpus.trust ?? [], (id) => analysis.index.source.has(id));
      if (problems.length > 0)
        throw new HttpError(
          400,
          'invalid query',
          problems.map((p) => ({ at: p.at === '/derivativeOf' ? '/query/of' : '/query/trust', message: p.message })),
        );
    }
    const moves = await questions.whatIf(inputsOf(analysis), params.id, proposed);
    res.json({
      source: { id: params.id, title: titleOf(analysis, params.id) },
      trust: query.trust,
      ...(query.of ? { of: { id: query.of, title: titleOf(analysis, query.of) } } : {}),
      changed: moves.filter((m) => m.changed).length,
      moves,
    });
  });

  router.put('/sources/:id/trust', smallJsonBody, async (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    known(repo.snapshot.analysis, params.id);
    const expected = versionOf(req);
    const input = trustBody(objectBody(req));
    try {
      const { judgement, change } = await setTrust(repo, params.id, expected, input, reviewerOf(req));
      const view = await trustView(questions, repo.snapshot.analysis, params.id, judgement);
      res.setHeader('ETag', trustEtag(judgement));
      res.json({ ...view, change });
    } catch (err) {
      throw withCurrentEtag(res, repo, params.id, err);
    }
  });

  router.delete('/sources/:id/trust', async (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    known(repo.snapshot.analysis, params.id);
    const expected = versionOf(req);
    try {
      const { change } = await clearTrust(repo, params.id, expected, reviewerOf(req));
      const view = await trustView(questions, repo.snapshot.analysis, params.id, undefined);
      res.setHeader('ETag', trustEtag(undefined));
      res.json({ ...view, change });
    } catch (err) {
      throw withCurrentEtag(res, repo, params.id, err);
    }
  });
  return router;
}

function known(analysis: Analysis, id: string): void {
  if (!analysis.index.source.has(id)) throw new HttpError(404, `no source with id ${JSON.stringify(id)}`);
}

const titleOf = (analysis: Analysis, id: string) => analysis.index.source.get(id)?.title ?? id;

const inputsOf = (analysis: Analysis): QuestionInputs => ({
  groups: analysis.groups,
  index: analysis.index,
  reviewer: analysis.corpus.trust,
});

async function trustView(questions: TrustQuestions, analysis: Analysis, id: string, judgement: TrustJudgement | undefined) {
  const learned = analysis.likely.trust.get(id);
  const copies = await questions.copyRelations(inputsOf(analysis), id);
  return {
    source: { id, title: titleOf(analysis, id) },
    judgement: judgement
      ? {
          primary: judgement.primary === true,
          derivativeOf:
            judgement.derivativeOf !== undefined ? { id: judgement.derivativeOf, title: titleOf(analysis, judgement.derivativeOf) } : null,
          note: judgement.note ?? null,
          version: judgement.version,
        }
      : null,
    trust: learned
      ? {
          score: learned.score,
          lowEvidence: learned.lowEvidence,
          explanation: learned.explanation,
          updating: analysis.trust === 'updating',
        }
      : null,
    copies,
  };
}

/** The body of a PUT: exactly { primary: true } or { derivativeOf: "<id>" }, with an optional note; every problem named. */
function trustBody(body: Record<string, unknown>): TrustInput {
  const problems: { at: string; message: string }[] = [];
  for (const key of Object.keys(body))
    if (!['primary', 'derivativeOf', 'note'].includes(key)) problems.push({ at: `/${key}`, message: `unknown field "${key}"` });
  if (body.primary !== undefined && body.primary !== true)
    problems.push({ at: '/primary', message: 'must be true (to unmark a source, DELETE its trust)' });
  if (body.derivativeOf !== undefined)
    for (const p of check('defs.schema.json#/definitions/Id', body.derivativeOf))
      problems.push({ at: '/derivativeOf', message: `must be a source id: ${p.message}` });
  if (body.note !== undefined)
    for (const p of check('source-trust.schema.json#/properties/note', body.note)) problems.push({ at: '/note', message: p.message });
  if (body.primary === undefined && body.derivativeOf === undefined)
    problems.push({ at: '/', message: 'say either "primary": true or "derivativeOf": "<source id>"' });
  if (problems.length > 0) throw new HttpError(400, 'invalid body', problems);
  return body as TrustInput;
}

/** The version an If-Match names: the ETag of GET /api/sources/:id/trust, "0" before any judgement. */
function versionOf(req: Request): number {
  const tag = strongEtagOf(req.get('if-match'), 'the source\'s trust (GET /api/sources/:id/trust; "0" when it has no judgement yet)');
  const version = /^"(0|[1-9][0-9]{0,8})"$/.exec(tag)?.[1];
  if (version === undefined)
    throw new HttpError(400, 'invalid If-Match header', [
      { at: '/headers/if-match', message: 'must be the ETag of the source\'s trust, such as "0" or "2" (no leading zeros)' },
    ]);
  return Number(version);
}

function withCurrentEtag(res: { setHeader(name: string, value: string): unknown }, repo: Repository, id: string, err: unknown): HttpError {
  const http = httpErrorOf(err);
  if (http.status === 412) res.setHeader('ETag', trustEtag(judgementOf(repo.snapshot.analysis.corpus.trust, id)));
  return http;
}
