// Source trust re-learnt in the worker thread (server/store/trust-worker.ts): after writes of every
// kind, the settled snapshot equals a full analysis of the store as loaded from disk; and a review that
// comes while trust is being learnt is answered without waiting for it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../server/analysis/analyse.js';
import { extractClaims } from '../../server/extract/index.js';
import { writeCorpusFiles } from '../../server/store/create.js';
import { ingestSource } from '../../server/store/ingest.js';
import { loadStore } from '../../server/store/load.js';
import { patchClaim } from '../../server/store/mutations.js';
import { Repository } from '../../server/store/repository.js';
import { deleteSource, sourceEtag } from '../../server/store/source-state.js';
import { generateCorpus } from '../../bench/lib/corpus.js';
import { expectSameAnalysis } from '../analysis/incremental-helpers.js';

const PAGE = 'The Japanese Expeditionary Force had 70,000 troops in 1919. By 1920 the Japanese force numbered 25,000 men.';
const who = { who: 'tester' };
const opened: { repo: Repository; root: string }[] = [];

async function storeOf(claims: number): Promise<{ repo: Repository; root: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'concordance-trust-worker-'));
  await writeCorpusFiles(generateCorpus({ claims, seed: 5 }), root);
  const repo = await Repository.open(root);
  opened.push({ repo, root });
  return { repo, root };
}

afterEach(async () => {
  for (const { repo, root } of opened.splice(0)) {
    await repo.close();
    await rm(root, { recursive: true, force: true });
  }
});

/** The served analysis is a full analysis of its corpus, and that corpus is the one on disk (the claims in memory keep the order writes gave them). */
async function expectSettledAsStored(repo: Repository, root: string): Promise<void> {
  const { analysis } = repo.snapshot;
  expectSameAnalysis(analysis, analyse(analysis.corpus));
  const { corpus } = await loadStore(root);
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(byId(analysis.corpus.claims)).toEqual(byId(corpus.claims));
  expect(byId(analysis.corpus.sources)).toEqual(byId(corpus.sources));
}

const review = (repo: Repository, i: number, action: 'accept' | 'reject') => {
  const claim = repo.snapshot.analysis.corpus.claims[i]!;
  return patchClaim(repo, claim.id, claim.version ?? 1, { action }, who);
};

describe('trust re-learnt in a worker thread', () => {
  it('settles to what a full analysis of the store on disk gives, after writes of every kind', async () => {
    const { repo, root } = await storeOf(1500);
    await review(repo, 3, 'accept');
    await repo.trustRefresh.settled();
    expect(repo.trustRefresh.lastWhere).toBe('worker');
    // Several writes with no pause between them: the worker's copy follows each one.
    await ingestSource(repo, { title: 'Notes', publisher: 'Bench', text: PAGE }, who, extractClaims);
    await review(repo, 10, 'reject');
    await review(repo, 11, 'accept');
    const gone = repo.snapshot.analysis.corpus.sources[2]!.id;
    await deleteSource(repo, gone, sourceEtag(repo.snapshot.analysis, gone)!, who);
    await repo.trustRefresh.settled();
    expect(repo.snapshot.analysis.trust).toBe('settled');
    expect(repo.trustRefresh.lastWhere).toBe('worker');
    await expectSettledAsStored(repo, root);
  }, 120_000);

  it('opens a large store before trust is learnt, marked updating, then settles to the full analysis', async () => {
    process.env.CONCORDANCE_DEFER_TRUST_FROM = '1000';
    try {
      const { repo, root } = await storeOf(1500);
      expect(repo.snapshot.analysis.trust).toBe('updating');
      expect(repo.snapshot.analysis.likely.byGroup.size).toBe(0);
      expect(repo.snapshot.analysis.graph.getAttribute('trust')).toBe('updating');
      // A write before trust is learnt: judged with no trust yet, then settled with everything else.
      await review(repo, 4, 'reject');
      await repo.trustRefresh.settled();
      expect(repo.trustRefresh.lastWhere).toBe('worker');
      expect(repo.snapshot.analysis.graph.hasAttribute('trust')).toBe(false);
      await expectSettledAsStored(repo, root);
    } finally {
      delete process.env.CONCORDANCE_DEFER_TRUST_FROM;
    }
  }, 120_000);

  it('answers a review while trust is being learnt, and learns it again for the state after the review', async () => {
    const { repo, root } = await storeOf(10_000);
    await review(repo, 1, 'accept');
    // The first request sends the worker the whole corpus; wait until it is learning.
    while (!repo.trustRefresh.learning) await new Promise((resolve) => setTimeout(resolve, 5));
    await review(repo, 2, 'accept');
    expect(repo.trustRefresh.learning).toBe(true);
    expect(repo.snapshot.analysis.trust).toBe('updating');
    await repo.trustRefresh.settled();
    expect(repo.snapshot.analysis.trust).toBe('settled');
    await expectSettledAsStored(repo, root);
  }, 300_000);
});
