// Writes to graph-data/: review decisions, hand-made claims and new sources. Each runs alone
// (Repository.exclusive), is all-or-nothing on disk (commitFiles), is on disk before it returns,
// leaves an audit line in the changelog, and re-runs reconciliation for the affected groups only.
import { claimPlaceHint, reanalyse, sourceClaims } from '../analysis/analyse.js';
import { applyPatch, claimFromInput } from '../core/review.js';
import { LIMITS } from '../core/limits.js';
import { check, type SchemaProblem } from '../core/schemas.js';
import type { Change, Claim, ClaimInput, ClaimPatch } from '../core/schema-types.js';
import { toJsonFile } from './atomic.js';
import { changeLine, changelogPath } from './changelog.js';
import type { Repository } from './repository.js';

export class MutationError extends Error {
  constructor(
    /** stale: the record changed since the change a revert names (409, with the later change). */
    readonly kind: 'invalid' | 'not-found' | 'version-mismatch' | 'duplicate' | 'too-large' | 'stale',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface Actor {
  who: string;
}

export function claimEtag(claim: Claim): string {
  return `"${claim.version ?? 1}"`;
}

/** Accept, reject or edit a claim; `expectedVersion` must match the stored one (optimistic concurrency). */
export function patchClaim(repo: Repository, id: string, expectedVersion: number, patch: ClaimPatch, actor: Actor): Promise<Claim> {
  return repo.exclusive(async () => {
    const { analysis } = repo.snapshot;
    const before = analysis.index.claim.get(id);
    if (!before) throw new MutationError('not-found', `no claim with id ${JSON.stringify(id)}`);
    if ((before.version ?? 1) !== expectedVersion) {
      throw new MutationError('version-mismatch', `claim ${id} is at version ${before.version ?? 1}, not ${expectedVersion}`, before);
    }
    const result = applyPatch(before, patch, analysis.corpus, analysis.index);
    if (!result.ok) throw invalid(result.problems);
    await saveClaims(repo, before.source, [{ before, after: result.value }], actor, patch.action, patch.note);
    return result.value;
  });
}

/** Adds a claim by hand; its quote must be found in the source text. */
export function createClaim(repo: Repository, input: ClaimInput, actor: Actor): Promise<Claim> {
  return repo.exclusive(async () => {
    const { analysis } = repo.snapshot;
    // The id is built from input.source: check the input's shape before using any of it.
    const shape = check('claim-input.schema.json', input);
    if (shape.length > 0) throw invalid(shape);
    const { value: most, what } = LIMITS.claimsPerSource;
    const held = sourceClaims(analysis, input.source).length;
    if (held >= most)
      throw invalid([{ at: '/source', message: `source ${input.source} already holds ${held} claims: the limit is ${most} ${what}` }]);
    const id = nextClaimId(input.source, analysis.index.claim);
    const result = claimFromInput(input, analysis.corpus, id, analysis.index);
    if (!result.ok) throw invalid(result.problems);
    await saveClaims(repo, input.source, [{ after: result.value }], actor, 'create', input.note);
    return result.value;
  });
}

export async function claimHistory(repo: Repository, id: string): Promise<Change[]> {
  const { changes } = await repo.readChangelog();
  return changes.filter((c) => c.claim === id);
}

/** A claim added (no before), replaced, or removed (no after: only a revert of its creation removes one). */
export interface ClaimChange {
  before?: Claim;
  after?: Claim;
}

export async function saveClaims(
  repo: Repository,
  sourceId: string,
  changed: ClaimChange[],
  actor: Actor,
  action: Change['action'],
  note?: string,
  extra: Partial<Change> = {},
): Promise<void> {
  const { analysis } = repo.snapshot;
  const idOf = (c: ClaimChange) => (c.after ?? c.before)!.id;
  const corpus = { ...analysis.corpus, claims: claimsAfter(analysis.corpus.claims, changed, (id) => claimPlaceHint(analysis, id)) };
  const at = new Date().toISOString();
  let seq = await lastSeq(repo);
  const lines = changed.map((c) =>
    changeLine({
      seq: ++seq,
      at,
      who: actor.who,
      action,
      claim: idOf(c),
      source: sourceId,
      before: c.before ?? null,
      after: c.after ?? null,
      ...extra,
      ...(note ? { note } : {}),
    }),
  );
  const next = repo.prepare(reanalyse(analysis, corpus, changed));
  await repo.commit(
    [{ file: repo.layout.claimsFile(sourceId), content: toJsonFile(sourceClaims(next.analysis, sourceId)) }],
    [{ file: changelogPath(repo.layout.root), content: lines.join('') }],
  );
  advanceSeq(repo, seq);
  repo.install(next);
}

/**
 * The corpus's claims after `changed`: a changed claim in its place, a new one last, a removed one
 * gone. A copy of the array with the changed places set (native copies), not a walk of every claim
 * nor a search for each changed one.
 */
function claimsAfter(claims: readonly Claim[], changed: readonly ClaimChange[], placeHint: (id: string) => number): Claim[] {
  const places: number[] = [];
  for (const c of changed) {
    if (!c.before) continue;
    // The index's place is right until a claim is removed; after that, found by a search.
    const hint = placeHint(c.before.id);
    const at = !c.after || c.after.id !== c.before.id ? -1 : claims[hint] === c.before ? hint : claims.indexOf(c.before);
    if (at < 0) return claimsWalked(claims, changed);
    places.push(at);
  }
  const out = claims.slice();
  let i = 0;
  for (const c of changed) if (c.before) out[places[i++]!] = c.after!;
  for (const c of changed) if (!c.before && c.after) out.push(c.after);
  return out;
}

/** The same, by a walk of every claim: for a removal, or a change whose claim is not found as it was. */
function claimsWalked(claims: readonly Claim[], changed: readonly ClaimChange[]): Claim[] {
  const byId = new Map(changed.map((c) => [(c.after ?? c.before)!.id, c]));
  const out: Claim[] = [];
  for (const c of claims) {
    const change = byId.get(c.id);
    if (!change) out.push(c);
    else if (change.after) out.push(change.after);
  }
  for (const c of changed) if (!c.before && c.after) out.push(c.after);
  return out;
}

/** The last sequence number in the changelog, read once and then counted in memory (one writer). */
export async function lastSeq(repo: Repository): Promise<number> {
  if (repo.lastSeq === undefined) {
    const { changes } = await repo.readChangelog();
    repo.lastSeq = changes.reduce((max, c) => Math.max(max, c.seq), 0);
  }
  return repo.lastSeq;
}

export function advanceSeq(repo: Repository, seq: number): void {
  repo.lastSeq = seq;
}

function nextClaimId(sourceId: string, existing: Map<string, unknown>): string {
  const prefix = sourceId.length > 100 ? sourceId.slice(0, 100).replace(/-+$/, '') : sourceId;
  let n = existing.size + 1;
  while (existing.has(`${prefix}-m${n}`)) n++;
  return `${prefix}-m${n}`;
}

export function invalid(problems: SchemaProblem[]): MutationError {
  return new MutationError('invalid', problems.map((p) => `${p.at}: ${p.message}`).join('; '), problems);
}
