// A reviewer's judgement of a source (primary, or derivative of another source) as curated data:
// one record per judged source in source-trust.json, written through the backend seam like every
// other record, logged in the changelog (action "trust", with the judgement before and after) and
// revertible. Truth discovery reads the judgements as priors (server/truth/reviewer.ts), so a write
// re-learns trust over the whole corpus at once: the answer already shows where the likely values went.
import { isDeepStrictEqual } from 'node:util';
import { settleTrust } from '../analysis/analyse.js';
import { check } from '../core/schemas.js';
import type { Change, TrustJudgement } from '../core/schema-types.js';
import { toJsonFile } from './atomic.js';
import { changeLine, changelogPath } from './changelog.js';
import { advanceSeq, invalid, lastSeq, MutationError, type Actor } from './mutations.js';
import type { Repository } from './repository.js';

/** What a reviewer says of a source: exactly one of the two. */
export interface TrustInput {
  primary?: true;
  derivativeOf?: string;
  note?: string;
}

export function judgementOf(trust: readonly TrustJudgement[] | undefined, source: string): TrustJudgement | undefined {
  return trust?.find((j) => j.source === source);
}

/** The ETag of a source's judgement: its version, "0" while it has none (If-Match "0" creates one). */
export function trustEtag(judgement: TrustJudgement | undefined): string {
  return `"${judgement?.version ?? 0}"`;
}

/** Problems of a judgement of `source` against the sources of the store, each with its JSON pointer. */
export function trustInputProblems(
  source: string,
  input: TrustInput,
  trust: readonly TrustJudgement[],
  hasSource: (id: string) => boolean,
): { at: string; message: string }[] {
  const problems: { at: string; message: string }[] = [];
  if (input.primary === undefined && input.derivativeOf === undefined)
    problems.push({ at: '/', message: 'say either "primary": true or "derivativeOf": "<source id>"' });
  if (input.primary !== undefined && input.derivativeOf !== undefined)
    problems.push({ at: '/derivativeOf', message: 'a source cannot be both primary and derivative: send one of the two' });
  if (input.derivativeOf !== undefined && typeof input.derivativeOf === 'string') {
    if (input.derivativeOf === source) problems.push({ at: '/derivativeOf', message: 'a source cannot be derivative of itself' });
    else if (!hasSource(input.derivativeOf))
      problems.push({ at: '/derivativeOf', message: `no source with id ${JSON.stringify(input.derivativeOf)}` });
    else if (judgementOf(trust, input.derivativeOf)?.derivativeOf === source)
      problems.push({
        at: '/derivativeOf',
        message: `${input.derivativeOf} is already marked as derivative of ${source}: undo that first`,
      });
  }
  return problems;
}

/** Sets (creates or replaces) the judgement of `source`; `expectedVersion` is its current version, 0 for none. */
export function setTrust(
  repo: Repository,
  source: string,
  expectedVersion: number,
  input: TrustInput,
  actor: Actor,
): Promise<{ judgement: TrustJudgement; change: number }> {
  return repo.exclusive(async () => {
    const { corpus, index } = repo.snapshot.analysis;
    if (!index.source.has(source)) throw new MutationError('not-found', `no source with id ${JSON.stringify(source)}`);
    const before = versionChecked(corpus.trust, source, expectedVersion);
    const problems = trustInputProblems(source, input, corpus.trust ?? [], (id) => index.source.has(id));
    if (problems.length > 0) throw invalid(problems);
    const judgement: TrustJudgement = {
      id: source,
      source,
      ...(input.primary ? { primary: true as const } : { derivativeOf: input.derivativeOf! }),
      version: (before?.version ?? 0) + 1,
      ...(input.note ? { note: input.note } : {}),
    };
    const shape = check('source-trust.schema.json', judgement);
    if (shape.length > 0) throw invalid(shape);
    const change = await saveTrust(repo, source, before, judgement, actor, {
      action: 'trust',
      ...(input.note ? { note: input.note } : {}),
    });
    return { judgement, change };
  });
}

/** Removes the judgement of `source`: the engine learns its trust from the data alone again. */
export function clearTrust(repo: Repository, source: string, expectedVersion: number, actor: Actor): Promise<{ change: number }> {
  return repo.exclusive(async () => {
    const { corpus, index } = repo.snapshot.analysis;
    if (!index.source.has(source)) throw new MutationError('not-found', `no source with id ${JSON.stringify(source)}`);
    const before = versionChecked(corpus.trust, source, expectedVersion);
    if (!before) throw new MutationError('not-found', `source ${source} has no trust judgement to remove`);
    return { change: await saveTrust(repo, source, before, undefined, actor, { action: 'trust' }) };
  });
}

/**
 * Undoes a trust change (called by revertChange, inside the write queue): the judgement goes back to
 * what it was before, with a version above any it has had. A later judgement of the same source makes
 * the change stale (409 naming it).
 */
export async function revertTrustChange(
  repo: Repository,
  change: Change,
  changes: readonly Change[],
  actor: Actor,
  note?: string,
): Promise<number> {
  const source = change.trust!;
  const later = changes.find((c) => c.seq > change.seq && c.trust === source);
  if (later)
    throw new MutationError(
      'stale',
      `change ${change.seq} cannot be reverted: change ${later.seq} (${later.action} by ${later.who} at ${later.at}) changed the trust of ${source} since; revert that one first`,
      { later },
    );
  // A source deleted and added again under the same id is another document: it inherits no judgement
  // of the old one, neither its own nor one naming it as the original.
  const named = [source, change.trustBefore?.derivativeOf].filter((id): id is string => id !== undefined);
  const readded = changes.find((c) => c.seq > change.seq && c.action === 'ingest' && c.source !== undefined && named.includes(c.source));
  if (readded)
    throw new MutationError(
      'stale',
      `change ${change.seq} cannot be reverted: source ${readded.source} was added anew since (change ${readded.seq}), and a judgement of the source it replaced does not carry over`,
      { later: readded },
    );
  const { corpus, index } = repo.snapshot.analysis;
  const current = judgementOf(corpus.trust, source);
  if (!isDeepStrictEqual(current ?? null, change.trustAfter ?? null))
    throw new MutationError('stale', `the trust of ${source} is not as change ${change.seq} left it`, { current: current ?? null });
  const target = change.trustBefore ?? null;
  let restored: TrustJudgement | undefined;
  if (target) {
    if (!index.source.has(source)) throw new MutationError('stale', `source ${source} no longer exists`);
    if (target.derivativeOf !== undefined && !index.source.has(target.derivativeOf))
      throw new MutationError('stale', `source ${target.derivativeOf}, which ${source} was derivative of, no longer exists`);
    restored = { ...target, version: Math.max(current?.version ?? 0, change.trustAfter?.version ?? 0, target.version) + 1 };
  }
  return saveTrust(repo, source, current, restored, actor, { action: 'revert', reverts: change.seq, ...(note ? { note } : {}) });
}

/** The judgements that hang on source `id`: its own, and those marking another source derivative of it. Removed with the source. */
export function trustNaming(trust: readonly TrustJudgement[] | undefined, id: string): TrustJudgement[] {
  return (trust ?? []).filter((j) => j.source === id || j.derivativeOf === id);
}

/**
 * Of the judgements removed with a source, those to put back with it, unchanged: each whose sources
 * all exist and whose source has not been judged again since (the newer judgement stands).
 */
export function trustToRestore(
  removed: readonly TrustJudgement[] | undefined,
  current: readonly TrustJudgement[] | undefined,
  hasSource: (id: string) => boolean,
): TrustJudgement[] {
  return (removed ?? []).filter(
    (j) => hasSource(j.source) && (j.derivativeOf === undefined || hasSource(j.derivativeOf)) && !judgementOf(current, j.source),
  );
}

function versionChecked(trust: readonly TrustJudgement[] | undefined, source: string, expected: number): TrustJudgement | undefined {
  const current = judgementOf(trust, source);
  if ((current?.version ?? 0) !== expected) {
    throw new MutationError(
      'version-mismatch',
      `the trust of source ${source} is at version ${current?.version ?? 0}, not ${expected}`,
      current ?? null,
    );
  }
  return current;
}

/** Writes the list and the changelog line all or nothing, then serves trust re-learnt with the new judgements. */
async function saveTrust(
  repo: Repository,
  source: string,
  before: TrustJudgement | undefined,
  after: TrustJudgement | undefined,
  actor: Actor,
  extra: Partial<Change> & Pick<Change, 'action'>,
): Promise<number> {
  const { analysis } = repo.snapshot;
  const kept = (analysis.corpus.trust ?? []).filter((j) => j.source !== source);
  const trust = after ? [...kept, after] : kept;
  const corpus = { ...analysis.corpus, trust };
  const seq = (await lastSeq(repo)) + 1;
  const line = changeLine({
    seq,
    at: new Date().toISOString(),
    who: actor.who,
    trust: source,
    trustBefore: before ?? null,
    trustAfter: after ?? null,
    ...extra,
  });
  // Trust is learned across every set, so a judgement can move any likely value: the full estimate, before anything is written.
  const next = repo.prepare(settleTrust({ ...analysis, corpus, trust: 'updating' }));
  await repo.commit(
    [{ file: repo.layout.trustFile, content: toJsonFile(trust) }],
    [{ file: changelogPath(repo.layout.root), content: line }],
  );
  advanceSeq(repo, seq);
  repo.install(next);
  return seq;
}
