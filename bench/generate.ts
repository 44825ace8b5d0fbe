// Deterministic benchmark corpora: generateCorpus({ claims, seed }) returns a Corpus, and the CLI
// writes one to a folder in the graph-data layout.
//   tsx bench/generate.ts --claims 100000 [--seed 1] --out /tmp/store
import { parseArgs } from 'node:util';
import path from 'node:path';
import { generateCorpus } from './lib/corpus.js';
import { writeCorpusFiles } from '../server/store/create.js';

export { generateCorpus, type GenerateOptions } from './lib/corpus.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { claims: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
    strict: true,
  });
  const claims = Number(values.claims);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(claims) || claims < 0 || !Number.isInteger(seed)) {
    console.error('usage: tsx bench/generate.ts --claims N [--seed S] --out <folder>');
    process.exit(2);
  }
  const corpus = generateCorpus({ claims, seed });
  await writeCorpusFiles(corpus, values.out);
  console.log(
    `wrote ${corpus.claims.length} claims, ${corpus.sources.length} sources, ${corpus.entities.length} entities, ${corpus.judgements.length} judgements to ${path.resolve(values.out)}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
