// A new graph-data folder from a whole corpus (an imported table, a generated benchmark corpus).
// All or nothing: the files are written into a hidden sibling folder, that folder is opened exactly
// as the server would open it (schemas, integrity, analysis), and only then renamed into place. A
// failure at any point leaves no folder at the target and removes the partial one.
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Analysis } from '../analysis/analyse.js';
import type { Corpus } from '../core/model.js';
import { fsyncPath, toJsonFile, writeDurably } from './atomic.js';
import { storeLayout } from './layout.js';
import { Repository } from './repository.js';

export class StoreExistsError extends Error {
  override name = 'StoreExistsError';
}

export interface CreateProgress {
  phase: 'writing' | 'checking';
  sourcesWritten: number;
  sources: number;
}

/** How many files are written (and fsynced) at once. */
const BATCH = 32;

/** Returns the analysis of the store as the server will see it (comparisons, likely values). */
export async function createStore(corpus: Corpus, root: string, onProgress?: (p: CreateProgress) => void): Promise<Analysis> {
  const target = path.resolve(root);
  await refuseExisting(target);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  let checked: Repository;
  try {
    await writeCorpusFiles(corpus, partial, onProgress);
    onProgress?.({ phase: 'checking', sourcesWritten: corpus.sources.length, sources: corpus.sources.length });
    // Throws StoreProblemError naming file and record when anything written does not load back.
    checked = await Repository.open(partial);
    await refuseExisting(target);
    await rename(partial, target);
    await fsyncPath(path.dirname(target));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return checked.snapshot.analysis;
}

async function refuseExisting(target: string): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) return;
  if (!info.isDirectory()) throw new StoreExistsError(`${target} exists and is not a folder`);
  // rename(2) replaces an empty folder, never a non-empty one; say so before doing any work.
  if ((await readdir(target)).length > 0)
    throw new StoreExistsError(`${target} is not empty: choose a new folder (an existing store is never overwritten)`);
}

/**
 * Every file of a store for `corpus` under `root` (created if missing), each fsynced: the graph-data
 * layout the loader reads. No checks: createStore checks what it wrote; benchmarks write known-good corpora.
 */
export async function writeCorpusFiles(corpus: Corpus, root: string, onProgress?: (p: CreateProgress) => void): Promise<void> {
  const layout = storeLayout(root);
  await mkdir(layout.sourcesDir, { recursive: true });
  await mkdir(layout.claimsDir, { recursive: true });
  await writeDurably(layout.entitiesFile, toJsonFile(corpus.entities));
  await writeDurably(layout.propertiesFile, toJsonFile(corpus.properties));
  await writeDurably(layout.judgementsFile, toJsonFile(corpus.judgements));
  const claimsBySource = new Map<string, Corpus['claims']>();
  for (const claim of corpus.claims) {
    const list = claimsBySource.get(claim.source);
    if (list) list.push(claim);
    else claimsBySource.set(claim.source, [claim]);
  }
  const { sources } = corpus;
  for (let i = 0; i < sources.length; i += BATCH) {
    await Promise.all(
      sources.slice(i, i + BATCH).map(async (source) => {
        const text = corpus.texts.get(source.id);
        if (text === undefined) throw new Error(`no text for source ${source.id}`);
        await writeDurably(layout.textFile(source.id), text);
        await writeDurably(layout.sourceFile(source.id), toJsonFile(source));
        await writeDurably(layout.claimsFile(source.id), toJsonFile(claimsBySource.get(source.id) ?? []));
      }),
    );
    onProgress?.({ phase: 'writing', sourcesWritten: Math.min(i + BATCH, sources.length), sources: sources.length });
  }
  for (const dir of [layout.sourcesDir, layout.claimsDir, layout.root]) await fsyncPath(dir);
}
