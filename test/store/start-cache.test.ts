// The start cache (server/store/start-cache.ts): a start after an earlier one validates only the files
// that changed and re-checks only the sources whose files changed, and finds every problem a full load
// finds: the files are the truth, a hand edit is noticed even when it keeps the file's size and time.
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/lib/corpus.js';
import type { Corpus, DataProblem } from '../../server/core/model.js';
import type { Claim, Entity, Source } from '../../server/core/schema-types.js';
import { writeCorpusFiles } from '../../server/store/create.js';
import { folderReader, loadStore } from '../../server/store/load.js';
import { Repository, StoreProblemError } from '../../server/store/repository.js';

/** Files changed less than a second before a read are not recorded as unchanged (racy): wait that out. */
const settle = () => new Promise((r) => setTimeout(r, 1100));

async function generatedStore(claims = 300): Promise<{ root: string; cache: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'concordance-start-'));
  await writeCorpusFiles(generateCorpus({ claims, seed: 3 }), root);
  const cache = path.join(await mkdtemp(path.join(tmpdir(), 'concordance-start-cache-')), 'cache.json');
  return { root, cache };
}

const cached = (root: string, cache: string) => loadStore(root, folderReader, { startCache: cache });
const sorted = (problems: DataProblem[]) => problems.map((p) => JSON.stringify(p)).sort();

/** Rewrites a JSON file through `edit`; with `sameTimes`, puts its access and modification times back (a hand edit hiding itself). */
async function editJson<T>(file: string, edit: (data: T) => T, sameTimes = false): Promise<void> {
  const before = await stat(file);
  await writeFile(file, `${JSON.stringify(edit(JSON.parse(await readFile(file, 'utf8')) as T), null, 2)}\n`);
  if (sameTimes) await utimes(file, before.atime, before.mtime);
}

describe('start cache', () => {
  it('a second start validates no unchanged file and checks no unchanged source again', async () => {
    const { root, cache } = await generatedStore();
    await settle();
    const first = await cached(root, cache);
    expect(first.problems).toEqual([]);
    expect(first.startCache).toMatchObject({ filesKnownValid: 0, sourcesKept: 0 });
    const files = first.startCache!.filesValidated;
    const second = await cached(root, cache);
    expect(second.problems).toEqual([]);
    expect(second.startCache).toEqual({
      filesValidated: 0,
      filesKnownValid: files,
      sourcesChecked: 0,
      sourcesKept: first.startCache!.sourcesChecked,
    });
    expect(second.corpus).toEqual(first.corpus);
  });

  it('a hand-edited claims file is validated at the next start, even with its modification time put back', async () => {
    const { root, cache } = await generatedStore();
    await settle();
    await cached(root, cache);
    const sourceId = first(await loadStore(root)).source;
    const file = path.join(root, 'claims', `${sourceId}.json`);
    await editJson<Claim[]>(file, ([c, ...rest]) => [{ ...c!, status: 'hand-edited' as Claim['status'] }, ...rest], true);
    const after = await cached(root, cache);
    expect(after.startCache).toMatchObject({ filesValidated: 1, sourcesChecked: 1 });
    expect(after.problems.map((p) => p.file)).toEqual([path.join('claims', `${sourceId}.json`)]);
    // The server refuses it, naming the file.
    process.env.CONCORDANCE_START_CACHE = path.dirname(cache);
    try {
      await expect(Repository.open(root)).rejects.toThrow(StoreProblemError);
      await expect(Repository.open(root)).rejects.toThrow(path.join('claims', `${sourceId}.json`));
    } finally {
      delete process.env.CONCORDANCE_START_CACHE;
    }
  });

  it('a hand edit valid by the schema but breaking a cross-record check is found', async () => {
    const { root, cache } = await generatedStore();
    await settle();
    await cached(root, cache);
    const claim = first(await loadStore(root));
    const file = path.join(root, 'claims', `${claim.source}.json`);
    await editJson<Claim[]>(file, ([c, ...rest]) => [{ ...c!, subject: 'no-such-entity' }, ...rest], true);
    const after = await cached(root, cache);
    expect(after.problems).toEqual([
      expect.objectContaining({
        file: path.join('claims', `${claim.source}.json`),
        record: claim.id,
        message: 'unknown subject entity no-such-entity',
      }),
    ]);
  });

  // Each edit starts from a store whose cache holds results (a changed text's orphaned quotes among them).
  const edits: [string, (root: string, corpus: Corpus) => Promise<void>, boolean][] = [
    ['nothing changed', async () => undefined, true],
    ['another text changed', async (root, corpus) => changeText(root, corpus, corpus.sources[1]!), true],
    [
      'a claim id used in another source too',
      async (root, corpus) => {
        const [a, b] = corpus.sources;
        const taken = corpus.claims.find((c) => c.source === a!.id)!.id;
        await editJson<Claim[]>(claimsOf(root, b!.id), ([c, ...rest]) => [{ ...c!, id: taken }, ...rest]);
      },
      true,
    ],
    [
      'a judgement naming a claim no longer there',
      async (root, corpus) => {
        const named = corpus.judgements[0]!;
        const source = corpus.claims.find((c) => c.id === named.a)!.source;
        await editJson<Claim[]>(claimsOf(root, source), (list) => list.filter((c) => c.id !== named.a));
      },
      true,
    ],
    [
      'an entity removed (every source checked again)',
      async (root, corpus) => {
        const used = corpus.claims.find((c) => c.source === corpus.sources[1]!.id)!.subject;
        await editJson<Entity[]>(path.join(root, 'entities.json'), (list) => list.filter((e) => e.id !== used));
      },
      false,
    ],
    [
      'a source removed with its claims',
      async (root, corpus) => {
        const gone = corpus.sources[2]!;
        await rm(path.join(root, 'sources', `${gone.id}.json`));
        await rm(claimsOf(root, gone.id));
      },
      true,
    ],
  ];
  for (const [name, edit, kept] of edits) {
    it(`finds exactly what a full load finds: ${name}`, async () => {
      const { root, cache } = await generatedStore(600);
      const { corpus } = await loadStore(root);
      await changeText(root, corpus, corpus.sources[0]!);
      await settle();
      const primed = await cached(root, cache);
      expect(primed.problems.length).toBeGreaterThan(0);
      expect(primed.problems.every((p) => p.code)).toBe(true);
      await edit(root, corpus);
      await settle();
      const full = await loadStore(root);
      const quick = await cached(root, cache);
      expect(sorted(quick.problems)).toEqual(sorted(full.problems));
      expect(quick.corpus).toEqual(full.corpus);
      if (kept) expect(quick.startCache!.sourcesKept).toBeGreaterThan(0);
      else expect(quick.startCache!.sourcesKept).toBe(0);
    });
  }

  it('an unreadable or foreign cache is ignored', async () => {
    const { root, cache } = await generatedStore();
    await settle();
    await cached(root, cache);
    await writeFile(cache, '{"format": 1, "files": ');
    const after = await cached(root, cache);
    expect(after.problems).toEqual([]);
    expect(after.startCache).toMatchObject({ filesKnownValid: 0, sourcesKept: 0 });
    const other = await generatedStore();
    await settle();
    await cached(root, cache);
    // The cache of another store names other files and another root: nothing of it is used.
    expect((await cached(other.root, cache)).startCache).toMatchObject({ filesKnownValid: 0, sourcesKept: 0 });
  });
});

const claimsOf = (root: string, id: string) => path.join(root, 'claims', `${id}.json`);

/** A source's text changed by hand: its claims' quotes are orphaned (problems that do not refuse the store). */
async function changeText(root: string, corpus: Corpus, source: Source): Promise<void> {
  await writeFile(path.join(root, 'sources', source.text.file), `${corpus.texts.get(source.id)!} An added line.`);
}

function first({ corpus }: { corpus: { claims: Claim[] } }): Claim {
  return corpus.claims[0]!;
}
