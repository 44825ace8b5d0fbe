// `npm run db:import -- --from graph-data`: loads a graph-data folder into the empty PostgreSQL
// database named by DATABASE_URL, in one transaction; running servers on it load it at once.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { PostgresBackend } from '../store/pg/backend.js';
import { databaseUrlOf } from '../store/pg/select.js';
import { importFolder } from '../store/pg/transfer.js';

const USAGE = 'usage: DATABASE_URL=postgres://… npm run db:import -- --from <graph-data folder>';

let from: string | undefined;
let url: string | undefined;
try {
  ({
    values: { from },
  } = parseArgs({ options: { from: { type: 'string' } }, strict: true }));
  url = databaseUrlOf(process.env);
} catch (err) {
  fail((err as Error).message);
}
if (!from) fail('--from is required');
if (!url) fail('DATABASE_URL is not set');

const backend = await PostgresBackend.connect(url).catch((err: unknown) => fail((err as Error).message));
try {
  const summary = await importFolder(backend, path.resolve(from));
  console.log(
    `imported ${from} into ${backend.description}: ${summary.files} files, ${summary.sources} sources, ${summary.claims} claims, ${summary.changes} changes`,
  );
  if (summary.reformatted.length > 0)
    console.warn(
      `note: ${summary.reformatted.length} JSON file(s) are not in the store's layout and will be exported with 2-space indentation: ${summary.reformatted.slice(0, 5).join(', ')}`,
    );
} catch (err) {
  process.exitCode = 1;
  console.error(`db:import failed, nothing was imported: ${(err as Error).message}`);
} finally {
  await backend.close();
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}
