// Undo (issue 13): any change of the changelog is reverted by a new change that restores its
// before-state. Nothing is rewritten: the revert is itself a line (action "revert", `reverts`
// naming the undone seq) and can be reverted in turn. A change whose records were changed again
// since is stale: reverting it would silently throw the later change away, so it is refused (409)
// naming the later change; revert that one first.
import { isDeepStrictEqual } from 'node:util';
import { claimProblems } from '../core/review.js';
import type { Change, Claim } from '../core/schema-types.js';
import { invalid, lastSeq, MutationError, saveClaims, type Actor } from './mutations.js';
import type { Repository } from './repository.js';
import { removeSourceState, restoreSourceState, sourceStateOf } from './source-state.js';
import { revertTrustChange } from './source-trust.js';

/** What a revert did: the new change's seq. */
export interface RevertResult {
  seq: number;
  reverted: number;
}

export function revertChange(repo: Repository, seq: number, actor: Actor, note?: string): Promise<RevertResult> {
  return repo.exclusive(async () => {
    const { changes } = await repo.readChangelog();
    const change = changes.find((c) => c.seq === seq);
    if (!change) throw new MutationError('not-found', `no change with seq ${seq}`);
    // A judgement of a source's trust is its own record: only later judgements of the same source make it stale.
    if (change.trust) return { seq: await revertTrustChange(repo, change, changes, actor, note), reverted: seq };
    const later = changes.find((c) => c.seq > seq && touchesSameRecords(c, change));
    if (later) {
      throw new MutationError(
        'stale',
        `change ${seq} cannot be reverted: change ${later.seq} (${later.action} by ${later.who} at ${later.at}) changed the same ${change.claim ? 'claim' : 'source'} since; revert that one first`,
        { later },
      );
    }
    const extra = { reverts: seq, ...(note ? { note } : {}) };
    if (change.claim) await revertClaimChange(repo, change, actor, extra);
    else await revertSourceChange(repo, change, actor, extra);
    return { seq: await lastSeq(repo), reverted: seq };
  });
}

/**
 * Whether `later` changed a record `change` changed: the same claim, or for a change of a whole
 * source (ingest, delete, their reverts), anything of that source; a change of a whole source
 * touches every claim of it.
 */
function touchesSameRecords(later: Change, change: Change): boolean {
  if (later.source !== change.source) return false;
  if (!change.claim || !later.claim) return true;
  return later.claim === change.claim;
}

async function revertClaimChange(repo: Repository, change: Change, actor: Actor, extra: Partial<Change>): Promise<void> {
  const { analysis } = repo.snapshot;
  const id = change.claim!;
  const current = analysis.index.claim.get(id);
  // The changelog said nothing changed since; the store must agree (a hand edit of the files would not be logged).
  if (!isDeepStrictEqual(current ?? null, change.after ?? null)) {
    throw new MutationError('stale', `claim ${id} is not as change ${change.seq} left it`, { current: current ?? null });
  }
  const target = change.before ?? null;
  if (target === null) {
    // Reverting the claim's creation removes it, unless a part still names it as its total.
    const part = analysis.corpus.claims.find((c) => c.partOf === id);
    if (part) throw new MutationError('stale', `claim ${part.id} names ${id} as its total`, { claim: part.id });
    await saveClaims(repo, change.source!, [{ before: current! }], actor, 'revert', undefined, extra);
    return;
  }
  if (!analysis.index.source.has(target.source))
    throw new MutationError('stale', `source ${target.source} of claim ${id} no longer exists`);
  // A new version number, above any this id has had, so an If-Match taken before the revert is stale.
  const version = Math.max(current?.version ?? 1, change.after?.version ?? 1, target.version ?? 1) + 1;
  const restored: Claim = { ...target, version };
  const problems = claimProblems(restored, analysis.corpus);
  if (problems.length > 0)
    throw new MutationError('stale', `the earlier claim no longer fits the store: ${invalid(problems).message}`, problems);
  await saveClaims(repo, change.source!, [{ ...(current ? { before: current } : {}), after: restored }], actor, 'revert', undefined, extra);
}

async function revertSourceChange(repo: Repository, change: Change, actor: Actor, extra: Partial<Change>): Promise<void> {
  const id = change.source;
  // Property reviews (POST /api/proposals/properties/:id) change the vocabulary, not a claim or a source.
  if (!id)
    throw new MutationError(
      'invalid',
      `change ${change.seq} (${change.action}) changed no claim or source, so it cannot be reverted here${change.note ? ` (${change.note})` : ''}`,
    );
  if (change.removed) {
    await restoreSourceState(repo, change.removed, actor, { action: 'revert', ...extra });
    return;
  }
  // An ingest, or the revert of a deletion: undone by removing the source as it is now.
  const state = sourceStateOf(repo.snapshot.analysis.corpus, id);
  if (!state) throw new MutationError('stale', `source ${id} no longer exists`);
  await removeSourceState(repo, state, actor, { action: 'revert', ...extra });
}
