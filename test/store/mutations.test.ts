import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStore } from '../../server/store/load.js';
import { claimHistory, createClaim, MutationError, patchClaim } from '../../server/store/mutations.js';
import { Repository, StoreProblemError } from '../../server/store/repository.js';
import { fingerprint } from '../helpers/temp-store.js';
import { miniStore } from '../helpers/mini-store.js';

const reviewer = { who: 'tester' };

describe('review mutations', () => {
  it('starts with the two claims of the mini store in conflict', async () => {
    const repo = await Repository.open(await miniStore());
    const [cmp] = repo.snapshot.analysis.comparisons;
    expect(cmp).toMatchObject({ verdict: 'conflicts', scope: 'within' });
  });

  it('accepts a claim: status reviewed, version bumped, on disk, in the changelog', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    const after = await patchClaim(repo, 'chronicle-2', 1, { action: 'accept' }, reviewer);
    expect(after).toMatchObject({ status: 'reviewed', version: 2 });
    const { corpus } = await loadStore(root);
    expect(corpus.claims.find((c) => c.id === 'chronicle-2')).toMatchObject({ status: 'reviewed', version: 2 });
    const history = await claimHistory(repo, 'chronicle-2');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ seq: 1, who: 'tester', action: 'accept', before: { version: 1 }, after: { version: 2 } });
  });

  it('an edit re-runs reconciliation: making the figures agree removes the conflict', async () => {
    const repo = await Repository.open(await miniStore());
    await patchClaim(
      repo,
      'chronicle-2',
      1,
      { action: 'edit', value: { type: 'quantity', comparator: 'approx', amount: 4000, unit: 'soldiers' }, wording: 'some 4,000 men' },
      reviewer,
    );
    const [cmp] = repo.snapshot.analysis.comparisons;
    expect(cmp).toMatchObject({ verdict: 'agrees' });
    expect(repo.snapshot.analysis.graph.hasEdge(`agrees:${cmp!.id}`)).toBe(true);
  });

  it('rejecting keeps the claim, out of reconciliation and out of the graph', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    await patchClaim(repo, 'chronicle-2', 1, { action: 'reject', note: 'misread' }, reviewer);
    expect(repo.snapshot.analysis.comparisons).toEqual([]);
    expect(repo.snapshot.analysis.graph.hasNode('claim:chronicle-2')).toBe(false);
    const { corpus } = await loadStore(root);
    expect(corpus.claims.find((c) => c.id === 'chronicle-2')).toMatchObject({ status: 'rejected', note: 'misread' });
  });

  it('a stale version is refused with the current record and nothing is written', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    await patchClaim(repo, 'chronicle-1', 1, { action: 'accept' }, reviewer);
    const before = await fingerprint(root);
    const error = await patchClaim(repo, 'chronicle-1', 1, { action: 'reject' }, reviewer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MutationError);
    expect(error).toMatchObject({ kind: 'version-mismatch', details: { version: 2 } });
    expect(await fingerprint(root)).toEqual(before);
  });

  it('an edit naming an unknown entity or the wrong value type is refused and nothing is written', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    const before = await fingerprint(root);
    await expect(patchClaim(repo, 'chronicle-1', 1, { action: 'edit', subject: 'nobody' }, reviewer)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('unknown subject entity nobody'),
    });
    await expect(
      patchClaim(repo, 'chronicle-1', 1, { action: 'edit', value: { type: 'text', text: 'many' } }, reviewer),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('takes quantity values') });
    await expect(patchClaim(repo, 'chronicle-1', 1, { action: 'accept', subject: 'town' }, reviewer)).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(await fingerprint(root)).toEqual(before);
  });

  it('adds a claim by hand only with a quote found in the source, with its footnote attached', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    const input = {
      source: 'chronicle',
      subject: 'garrison',
      property: 'founding-date',
      value: { type: 'date' as const, date: { value: '1919', precision: 'year' as const } },
      wording: '1919',
    };
    await expect(createClaim(repo, { ...input, quote: { exact: 'not in the text' } }, reviewer)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('not in the text'),
    });
    const claim = await createClaim(repo, { ...input, quote: { exact: '4,000 men in 1919' } }, reviewer);
    expect(claim.citations).toMatchObject([{ kind: 'reference', ref: 1 }]);
    expect((await loadStore(root)).problems).toEqual([]);
    expect(await claimHistory(repo, claim.id)).toMatchObject([{ action: 'create', before: null }]);
  });

  it('serialises concurrent writers: every one lands, versions count up, the changelog is complete', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        patchClaim(repo, 'chronicle-1', i + 1, { action: 'edit', wording: `4,000 men (${i})` }, reviewer),
      ),
    );
    // Each expects the version the previous one produced, and the queue runs them in order.
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(repo.snapshot.analysis.index.claim.get('chronicle-1')!.version).toBe(21);
    const log = (await readFile(path.join(root, 'changelog.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(log.map((l) => l.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('opening a store', () => {
  it('refuses a corrupt store, naming file and record', async () => {
    const root = await miniStore();
    const file = path.join(root, 'claims', 'chronicle.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"amount": 4000', '"amount": "4000"'));
    const error = await Repository.open(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreProblemError);
    expect((error as Error).message).toContain('claims/chronicle.json, record chronicle-1, at /0/value/amount: must be number');
  });

  it('serves a source whose text changed, with its claims marked orphaned rather than re-anchored', async () => {
    const root = await miniStore();
    const textFile = path.join(root, 'sources', 'chronicle.txt');
    await writeFile(textFile, `PREFACE. ${await readFile(textFile, 'utf8')}`);
    const repo = await Repository.open(root);
    const { corpus, graph } = repo.snapshot.analysis;
    expect([...corpus.orphaned!].sort()).toEqual(['chronicle-1', 'chronicle-2']);
    expect(graph.getNodeAttribute('claim:chronicle-1', 'orphaned')).toBe(true);
    expect(corpus.claims.find((c) => c.id === 'chronicle-1')!.quote.start).toBe(0);
  });
});

describe('dates that name no day', () => {
  it('an edit to 31 February or to a period ending before it starts is refused', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    const before = await fingerprint(root);
    const claim = {
      source: 'chronicle',
      subject: 'garrison',
      property: 'founding-date',
      wording: '1919',
      quote: { exact: '4,000 men in 1919' },
    };
    await expect(
      createClaim(repo, { ...claim, value: { type: 'date', date: { value: '1918-02-31', precision: 'day' } } }, reviewer),
    ).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('1918-02-31 is not a day of the calendar (month 2 of 1918 has 28 days)'),
    });
    await expect(
      createClaim(
        repo,
        {
          ...claim,
          value: { type: 'date', date: { value: '1919', precision: 'year' } },
          scope: { period: { start: { value: '1920', precision: 'year' }, end: { value: '1918', precision: 'year' } } },
        },
        reviewer,
      ),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('the period ends before it starts') });
    expect(await fingerprint(root)).toEqual(before);
  });
});

describe('a write whose new state cannot be built', () => {
  it('is refused before anything is written: disk and memory stay as they were', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    const before = await fingerprint(root);
    const snapshot = repo.snapshot;
    repo.prepare = () => {
      throw new RangeError('Invalid string length');
    };
    await expect(patchClaim(repo, 'chronicle-1', 1, { action: 'accept' }, reviewer)).rejects.toThrow('Invalid string length');
    expect(await fingerprint(root)).toEqual(before);
    expect(repo.snapshot).toBe(snapshot);
  });
});
