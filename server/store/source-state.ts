// Removing a source with everything that hangs on it (its claims, the curated judgements naming
// them, and so their comparisons), and putting such a state back. Both are one all-or-nothing
// write with a changelog line that carries the whole state (`removed` / `restored`), so either can
// be reverted. The text of a removed source is kept, content-addressed, in deleted/<sha256>.txt: a
// changelog line stays small, and the restored text is checked against its recorded SHA-256.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { reanalyse, type Analysis } from '../analysis/analyse.js';
import { sha256 } from '../core/integrity.js';
import type { Corpus } from '../core/model.js';
import { claimProblems } from '../core/review.js';
import type { Change, SourceState } from '../core/schema-types.js';
import { toJsonFile } from './atomic.js';
import { changeLine, changelogPath } from './changelog.js';
import { advanceSeq, lastSeq, MutationError, type Actor } from './mutations.js';
import type { Repository } from './repository.js';
import { trustNaming, trustToRestore } from './source-trust.js';
import type { FileWrite } from './transaction.js';

export const DELETED_DIR = 'deleted';

/** Where the text of a removed source is kept. */
export function deletedTextFile(root: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a SHA-256: ${JSON.stringify(hash)}`);
  return path.join(root, DELETED_DIR, `${hash}.txt`);
}

/**
 * The ETag of a source for If-Match: changes whenever the source or any of its claims does (a
 * review of one of its claims makes a DELETE based on an older look at it stale).
 */
export function sourceEtag(analysis: Analysis, id: string): string | undefined {
  const source = analysis.index.source.get(id);
  if (!source) return undefined;
  const hash = createHash('sha1').update(JSON.stringify(source));
  for (const c of analysis.corpus.claims) if (c.source === id) hash.update(`\n${c.id}@${c.version ?? 1}:${c.status}`);
  return `"${hash.digest('base64url').slice(0, 20)}"`;
}

/** The source `id` as it is now, with its claims, the judgements naming any of them and the trust judgements naming it. */
export function sourceStateOf(corpus: Corpus, id: string): SourceState | undefined {
  const source = corpus.sources.find((s) => s.id === id);
  if (!source) return undefined;
  const claims = corpus.claims.filter((c) => c.source === id);
  const ids = new Set(claims.map((c) => c.id));
  const trust = trustNaming(corpus.trust, id);
  return {
    source,
    claims,
    judgements: corpus.judgements.filter((j) => ids.has(j.a) || ids.has(j.b)),
    ...(trust.length > 0 ? { trust } : {}),
  };
}

/** DELETE /api/sources/:id: removes the source if `etag` is its current ETag (412 otherwise). */
export function deleteSource(repo: Repository, id: string, etag: string, actor: Actor, note?: string): Promise<SourceState> {
  return repo.exclusive(async () => {
    const { analysis } = repo.snapshot;
    const state = sourceStateOf(analysis.corpus, id);
    if (!state) throw new MutationError('not-found', `no source with id ${JSON.stringify(id)}`);
    const current = sourceEtag(analysis, id)!;
    if (current !== etag)
      throw new MutationError('version-mismatch', `source ${id} changed since the ETag ${etag} (now ${current})`, { etag: current });
    await removeSourceState(repo, state, actor, { action: 'delete-source', ...(note ? { note } : {}) });
    return state;
  });
}

/** Removes `state` (which must be the source's current state) and logs it. Call inside repo.exclusive. */
export async function removeSourceState(
  repo: Repository,
  state: SourceState,
  actor: Actor,
  change: Pick<Change, 'action'> & Partial<Change>,
): Promise<void> {
  const { analysis } = repo.snapshot;
  const { layout } = repo;
  const id = state.source.id;
  const gone = new Set(state.claims.map((c) => c.id));
  const judged = new Set(state.judgements.map((j) => j.id));
  // A claim of another source never points into this one (partOf stays inside a source), but check:
  // removing a total that another source's part names would leave a dangling reference.
  const dangling = analysis.corpus.claims.find((c) => c.source !== id && c.partOf && gone.has(c.partOf));
  if (dangling)
    throw new MutationError('stale', `claim ${dangling.id} of another source names ${dangling.partOf} as its total`, {
      claim: dangling.id,
    });
  const texts = new Map(analysis.corpus.texts);
  const text = texts.get(id);
  texts.delete(id);
  const corpus: Corpus = {
    ...analysis.corpus,
    sources: analysis.corpus.sources.filter((s) => s.id !== id),
    texts,
    claims: analysis.corpus.claims.filter((c) => !gone.has(c.id)),
    judgements: analysis.corpus.judgements.filter((j) => !judged.has(j.id)),
  };
  const trusted = new Set((state.trust ?? []).map((j) => j.source));
  if (trusted.size > 0) corpus.trust = (analysis.corpus.trust ?? []).filter((j) => !trusted.has(j.source));
  const next = repo.prepare(
    reanalyse(
      analysis,
      corpus,
      state.claims.map((before) => ({ before })),
    ),
  );
  const writes: FileWrite[] = [];
  // The text as stored (its hash recorded); a missing or changed text is kept as it is found.
  if (text !== undefined) writes.push({ file: deletedTextFile(layout.root, sha256(text)), content: text });
  if (judged.size > 0) writes.push({ file: layout.judgementsFile, content: toJsonFile(corpus.judgements) });
  if (trusted.size > 0) writes.push({ file: layout.trustFile, content: toJsonFile(corpus.trust!) });
  const seq = (await lastSeq(repo)) + 1;
  const line = changeLine({ seq, at: new Date().toISOString(), who: actor.who, ...change, source: id, removed: state });
  await ensureDeletedDir(repo);
  const removals = [layout.sourceFile(id), layout.textFile(id), layout.claimsFile(id)];
  await repo.commit(writes, [{ file: changelogPath(layout.root), content: line }], removals);
  advanceSeq(repo, seq);
  repo.install(next);
}

/** Puts a removed source back: its record, text, claims and the judgements whose claims all exist. Call inside repo.exclusive. */
export async function restoreSourceState(
  repo: Repository,
  state: SourceState,
  actor: Actor,
  change: Pick<Change, 'action'> & Partial<Change>,
): Promise<void> {
  const { analysis } = repo.snapshot;
  const { layout } = repo;
  const { source } = state;
  if (analysis.index.source.has(source.id))
    throw new MutationError('stale', `a source with id ${source.id} exists again`, { existing: source.id });
  const twin = analysis.corpus.sources.find((s) => s.text.sha256 === source.text.sha256);
  if (twin) throw new MutationError('stale', `the same text is stored again as source ${twin.id}`, { existing: twin.id });
  const trash = deletedTextFile(layout.root, source.text.sha256);
  const text = await repo.backend.readText(trash);
  if (text === undefined || sha256(text) !== source.text.sha256) {
    throw new MutationError('stale', `the text of source ${source.id} is no longer in ${path.relative(layout.root, trash)}`, {
      missing: path.relative(layout.root, trash),
    });
  }
  const taken = state.claims.find((c) => analysis.index.claim.has(c.id));
  if (taken) throw new MutationError('stale', `a claim with id ${taken.id} exists again`, { existing: taken.id });
  const corpus: Corpus = {
    ...analysis.corpus,
    sources: [...analysis.corpus.sources, source],
    texts: new Map(analysis.corpus.texts).set(source.id, text),
    claims: [...analysis.corpus.claims, ...state.claims],
  };
  const unfit = state.claims.flatMap((c) => claimProblems(c, corpus).map((p) => `${c.id}${p.at}: ${p.message}`));
  if (unfit.length > 0)
    throw new MutationError('stale', `the claims of source ${source.id} no longer fit the store: ${unfit.slice(0, 5).join('; ')}`, {
      problems: unfit,
    });
  const ids = new Set(corpus.claims.map((c) => c.id));
  const judgements = state.judgements.filter((j) => ids.has(j.a) && ids.has(j.b) && !analysis.corpus.judgements.some((k) => k.id === j.id));
  corpus.judgements = [...analysis.corpus.judgements, ...judgements];
  const trust = trustToRestore(state.trust, analysis.corpus.trust, (id) => id === source.id || analysis.index.source.has(id));
  if (trust.length > 0) corpus.trust = [...(analysis.corpus.trust ?? []), ...trust];
  const next = repo.prepare(
    reanalyse(
      analysis,
      corpus,
      state.claims.map((after) => ({ after })),
    ),
  );
  const writes: FileWrite[] = [
    { file: layout.textFile(source.id), content: text },
    { file: layout.sourceFile(source.id), content: toJsonFile(source) },
    { file: layout.claimsFile(source.id), content: toJsonFile(state.claims) },
  ];
  if (judgements.length > 0) writes.push({ file: layout.judgementsFile, content: toJsonFile(corpus.judgements) });
  if (trust.length > 0) writes.push({ file: layout.trustFile, content: toJsonFile(corpus.trust!) });
  const seq = (await lastSeq(repo)) + 1;
  const { trust: _removedTrust, ...rest } = state;
  const line = changeLine({
    seq,
    at: new Date().toISOString(),
    who: actor.who,
    ...change,
    source: source.id,
    restored: { ...rest, judgements, ...(trust.length > 0 ? { trust } : {}) },
  });
  await repo.commit(writes, [{ file: changelogPath(layout.root), content: line }], [trash]);
  advanceSeq(repo, seq);
  repo.install(next);
}

function ensureDeletedDir(repo: Repository): Promise<void> {
  return repo.backend.ensureFolder(path.join(repo.layout.root, DELETED_DIR));
}
