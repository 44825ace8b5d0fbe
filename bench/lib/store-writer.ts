// Writes a corpus to a folder in the graph-data layout the store loader reads, so the server
// benchmarks run against the same files a real store has.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Corpus } from '../../server/core/model.js';
import { storeLayout } from '../../server/store/layout.js';
import { claimsBySource } from './corpus.js';

const json = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`;

export async function writeStore(corpus: Corpus, root: string): Promise<void> {
  const layout = storeLayout(root);
  await mkdir(layout.sourcesDir, { recursive: true });
  await mkdir(layout.claimsDir, { recursive: true });
  await writeFile(layout.entitiesFile, json(corpus.entities));
  await writeFile(layout.propertiesFile, json(corpus.properties));
  await writeFile(layout.judgementsFile, json(corpus.judgements));
  const bySource = claimsBySource(corpus.claims);
  // A few files at a time: thousands of sources, and no reason to hold every write open at once.
  const batch = 32;
  for (let i = 0; i < corpus.sources.length; i += batch) {
    await Promise.all(corpus.sources.slice(i, i + batch).map(async (source) => {
      const text = corpus.texts.get(source.id);
      if (text === undefined) throw new Error(`no text for source ${source.id}`);
      await writeFile(layout.textFile(source.id), text);
      await writeFile(layout.sourceFile(source.id), json(source));
      await writeFile(layout.claimsFile(source.id), json(bySource.get(source.id) ?? []));
    }));
  }
}
