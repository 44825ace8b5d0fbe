// Review of what extraction proposed (issue 11, open vocabulary): GET /api/proposals lists the
// proposed properties and entities with how many claims rest on each; POST
// /api/proposals/properties/:id accepts a proposed property (it becomes part of the vocabulary),
// rejects it (kept, marked rejected), or merges it into an existing property (its claims are edited
// onto that property, one revertible "edit" line per claim, and the proposal is marked rejected).
// All of it is one all-or-nothing write, on disk before the answer, logged in the changelog.
import { Router } from 'express';
import { reanalyse } from '../../analysis/analyse.js';
import type { Change, Claim, Property } from '../../core/schema-types.js';
import { toJsonFile } from '../../store/atomic.js';
import { changeLine, changelogPath } from '../../store/changelog.js';
import { advanceSeq, lastSeq, MutationError } from '../../store/mutations.js';
import type { Repository } from '../../store/repository.js';
import { HttpError } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { httpErrorOf, objectBody, reviewerOf, smallJsonBody } from '../writes.js';
import type { IdParams } from './helpers.js';

export interface PropertyReview {
  action: 'accept' | 'reject' | 'merge';
  /** merge: the property the proposal's claims move to. */
  into?: string;
  note?: string;
}

export function proposalRoutes(repo: Repository): Router {
  const router = Router();

  router.get('/proposals', (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    const { corpus } = repo.snapshot.analysis;
    const count = new Map<string, number>();
    for (const c of corpus.claims) {
      count.set(`p:${c.property}`, (count.get(`p:${c.property}`) ?? 0) + 1);
      count.set(`e:${c.subject}`, (count.get(`e:${c.subject}`) ?? 0) + 1);
    }
    res.json({
      properties: corpus.properties.filter((p) => p.status === 'proposed').map((p) => ({ ...p, claims: count.get(`p:${p.id}`) ?? 0 })),
      entities: corpus.entities.filter((e) => e.status === 'proposed').map((e) => ({ ...e, claims: count.get(`e:${e.id}`) ?? 0 })),
    });
  });

  router.post('/proposals/properties/:id', smallJsonBody, async (req, res) => {
    const { params } = validInput<IdParams>(req, { params: REQUEST_SCHEMAS.idParams, query: REQUEST_SCHEMAS.noQuery });
    const review = reviewOf(objectBody(req));
    const property = await reviewProperty(repo, params.id, review, reviewerOf(req).who).catch((err: unknown) => {
      throw httpErrorOf(err);
    });
    res.json(property);
  });

  return router;
}

/** The body, checked field by field: each problem names its JSON pointer. */
function reviewOf(body: Record<string, unknown>): PropertyReview {
  const problems: { at: string; message: string }[] = [];
  for (const key of Object.keys(body))
    if (!['action', 'into', 'note'].includes(key)) problems.push({ at: '/', message: `unknown field "${key}"` });
  const { action, into, note } = body;
  if (action !== 'accept' && action !== 'reject' && action !== 'merge')
    problems.push({ at: '/action', message: 'must be "accept", "reject" or "merge"' });
  if (action === 'merge' && typeof into !== 'string')
    problems.push({ at: '/into', message: 'merge needs the id of the property to merge into' });
  if (action !== 'merge' && into !== undefined) problems.push({ at: '/into', message: 'only a merge names a property to merge into' });
  if (note !== undefined && (typeof note !== 'string' || note.length > 2000))
    problems.push({ at: '/note', message: 'must be a string of at most 2000 characters' });
  if (problems.length > 0) throw new HttpError(400, problems.map((p) => `${p.at}: ${p.message}`).join('; '), problems);
  return body as unknown as PropertyReview;
}

function reviewProperty(repo: Repository, id: string, review: PropertyReview, who: string): Promise<Property> {
  return repo.exclusive(async () => {
    const { analysis } = repo.snapshot;
    const { corpus } = analysis;
    const proposal = corpus.properties.find((p) => p.id === id);
    if (!proposal) throw new MutationError('not-found', `no property with id ${JSON.stringify(id)}`);
    if (proposal.status !== 'proposed')
      throw new MutationError('invalid', `property ${id} is not a proposal (status ${proposal.status ?? 'reviewed'})`, [
        { at: '/', message: 'only a proposed property can be reviewed here' },
      ]);
    let target: Property | undefined;
    if (review.action === 'merge') {
      target = corpus.properties.find((p) => p.id === review.into);
      const problem = !target
        ? `no property with id ${JSON.stringify(review.into)}`
        : target.id === id
          ? 'a property cannot be merged into itself'
          : target.status === 'rejected'
            ? `property ${target.id} is rejected`
            : target.valueType !== proposal.valueType
              ? `property ${target.id} holds ${target.valueType} values, the proposal ${proposal.valueType} values`
              : undefined;
      if (problem) throw new MutationError('invalid', problem, [{ at: '/into', message: problem }]);
    }
    const { status: _previous, ...rest } = proposal;
    const after: Property = review.action === 'accept' ? rest : { ...proposal, status: 'rejected' };
    const properties = corpus.properties.map((p) => (p.id === id ? after : p));
    // A merge moves every claim of the proposal onto the target property (a new version of each claim).
    const moved: { before: Claim; after: Claim }[] = target
      ? corpus.claims
          .filter((c) => c.property === id)
          .map((c) => ({ before: c, after: { ...c, property: target!.id, version: (c.version ?? 1) + 1 } }))
      : [];
    const byId = new Map(moved.map((m) => [m.before.id, m.after]));
    const claims = moved.length > 0 ? corpus.claims.map((c) => byId.get(c.id) ?? c) : corpus.claims;
    const next = repo.prepare(reanalyse(analysis, { ...corpus, properties, claims }, moved));
    const at = new Date().toISOString();
    let seq = await lastSeq(repo);
    const note =
      `${review.action === 'merge' ? `merged proposed property ${id} into ${target!.id}` : `${review.action === 'accept' ? 'accepted' : 'rejected'} proposed property ${id}`}${review.note ? `: ${review.note}` : ''}`.slice(
        0,
        2000,
      );
    const lines: Change[] =
      moved.length > 0
        ? moved.map((m) => ({
            seq: ++seq,
            at,
            who,
            action: 'edit',
            claim: m.after.id,
            source: m.after.source,
            before: m.before,
            after: m.after,
            note,
          }))
        : [{ seq: ++seq, at, who, action: review.action === 'accept' ? 'accept' : 'reject', note }];
    const sources = [...new Set(moved.map((m) => m.after.source))];
    await repo.commit(
      [
        { file: repo.layout.propertiesFile, content: toJsonFile(properties) },
        ...sources.map((s) => ({ file: repo.layout.claimsFile(s), content: toJsonFile(claims.filter((c) => c.source === s)) })),
      ],
      [{ file: changelogPath(repo.layout.root), content: lines.map(changeLine).join('') }],
    );
    advanceSeq(repo, seq);
    repo.install(next);
    return after;
  });
}
