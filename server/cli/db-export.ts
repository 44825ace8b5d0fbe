// `npm run db:export -- --to <folder>`: writes the PostgreSQL store named by DATABASE_URL as a
// graph-data folder (new or empty), byte for byte the files it was imported from.
import { parseArgs } from 'node:util';
import { PostgresBackend } from '../store/pg/backend.js';
import { databaseUrlOf } from '../store/pg/select.js';
import { exportFolder } from '../store/pg/transfer.js';

const USAGE = 'usage: DATABASE_URL=postgres://… npm run db:export -- --to <new folder>';

let to: string | undefined;
let url: string | undefined;
try {
  ({
    values: { to },
  } = parseArgs({ options: { to: { type: 'string' } }, strict: true }));
  url = databaseUrlOf(process.env);
} catch (err) {
  fail((err as Error).message);
}
if (!to) fail('--to is required');
if (!url) fail('DATABASE_URL is not set');

const backend = await PostgresBackend.connect(url).catch((err: unknown) => fail((err as Error).message));
try {
  const { files } = await exportFolder(backend, to);
  console.log(`exported ${backend.description} to ${to}: ${files} files`);
} catch (err) {
  process.exitCode = 1;
  console.error(`db:export failed, nothing was written: ${(err as Error).message}`);
} finally {
  await backend.close();
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}
