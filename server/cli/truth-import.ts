// `npm run truth:import -- --claims <file.csv> --graph-data <new folder> [--unit people] [--object-type place] [--dataset name]`
// Loads a truth-discovery table (ObjectID, PropertyID, PropertyValue, SourceID) into a new graph-data
// folder for exploration: one source per SourceID, one entity per ObjectID, one claim per row. Then
// `CONCORDANCE_DATA=<folder> npm run serve` shows it. Progress goes to stderr; bad input exits 1 and
// leaves no folder behind.
import path from 'node:path';
import { StoreExistsError, createStore } from '../store/create.js';
import { StoreProblemError } from '../store/repository.js';
import { TruthInputError, readColumns } from '../truth/csv.js';
import { CLAIM_COLUMNS } from '../truth/table.js';
import { tableToCorpus, type TableRow } from '../truth/table-corpus.js';
import { readFileSync } from 'node:fs';
import { SCHEMA_DIR } from '../core/schemas.js';
import type { Entity } from '../core/schema-types.js';
import { fail, parseCli } from './args.js';
import { printError, printLine } from './terminal.js';

// The entity types the schema allows, read from it so that this list cannot drift.
const ENTITY_TYPES: readonly Entity['type'][] = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'entity.schema.json'), 'utf8')).properties
  .type.enum;

const USAGE = `usage: npm run truth:import -- --claims <file.csv> --graph-data <new folder> [--unit <word>] [--object-type <type>] [--dataset <name>]
  --claims       CSV with the columns ObjectID, PropertyID, PropertyValue, SourceID (others ignored)
  --graph-data   a folder that does not exist yet (or is empty): the new store
  --unit         unit of numeric values, e.g. people (default: units)
  --object-type  entity type of every ObjectID: ${ENTITY_TYPES.join(', ')} (default: other)
  --dataset      where the table comes from, named in each source's title (default: the file name)
then: CONCORDANCE_DATA=<folder> npm run serve`;

const status = (line: string): void => printError(`truth:import: ${line}`);
const count = (n: number): string => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const { flags, positionals } = parseCli(
    process.argv.slice(2),
    {
      claims: { type: 'string' },
      'graph-data': { type: 'string' },
      unit: { type: 'string' },
      'object-type': { type: 'string' },
      dataset: { type: 'string' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (flags.help) {
    printLine(USAGE);
    return;
  }
  const claims = flags.claims as string | undefined;
  const target = flags['graph-data'] as string | undefined;
  if (!claims || !target || positionals.length > 0) fail(`--claims and --graph-data are required\n${USAGE}`);
  const objectType = (flags['object-type'] as string | undefined) ?? 'other';
  if (!isEntityType(objectType)) fail(`unknown --object-type "${objectType}" (known: ${ENTITY_TYPES.join(', ')})`);
  const unit = (flags.unit as string | undefined) ?? 'units';
  if (unit.trim().length === 0 || unit.length > 50) fail('--unit must be 1 to 50 characters');

  const started = performance.now();
  const rows = await readColumns(claims, CLAIM_COLUMNS, {
    progressEvery: 10_000,
    onProgress: (p) => status(`read ${count(p.rows)} rows (${((100 * p.bytes) / Math.max(1, p.totalBytes)).toFixed(0)} %)`),
  });
  if (rows.length === 0) fail(`${claims}: no data rows`);
  status(`read ${count(rows.length)} rows`);
  let corpus;
  try {
    corpus = tableToCorpus(rows as unknown as TableRow[], {
      dataset: (flags.dataset as string | undefined) ?? path.basename(claims),
      unit,
      objectType,
    });
  } catch (error) {
    fail(`${claims}: ${(error as Error).message}`);
  }
  status(
    `${count(corpus.sources.length)} sources, ${count(corpus.entities.length)} entities, ${count(corpus.properties.length)} properties, ${count(corpus.claims.length)} claims`,
  );
  let lastShown = 0;
  const analysis = await createStore(corpus, target, (p) => {
    if (p.phase === 'checking') status('checking the new store the way the server opens it (schemas, quotes, reconciliation)');
    else if (p.sourcesWritten - lastShown >= 500 || p.sourcesWritten === p.sources) {
      lastShown = p.sourcesWritten;
      status(`wrote ${count(p.sourcesWritten)} of ${count(p.sources)} sources`);
    }
  });
  const conflicts = analysis.comparisons.filter((c) => c.verdict === 'conflicts').length;
  status(
    `done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${count(analysis.comparisons.length - conflicts)} agreements, ${count(conflicts)} conflicts`,
  );
  status(`explore it: CONCORDANCE_DATA=${target} npm run serve`);
}

function isEntityType(type: string): type is Entity['type'] {
  return (ENTITY_TYPES as readonly string[]).includes(type);
}

main().catch((error: unknown) => {
  if (error instanceof TruthInputError || error instanceof StoreExistsError || error instanceof StoreProblemError) fail(error.message);
  throw error;
});
