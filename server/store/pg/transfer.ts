// Moving a whole store between a graph-data folder and PostgreSQL, losslessly: every file of the
// folder becomes rows (anything that would not is refused, naming the file), and an export writes
// every row back as the file it came from, byte for byte.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncPath, toJsonFile, writeDurably } from '../atomic.js';
import { readChangelog } from '../changelog.js';
import { loadStore } from '../load.js';
import { LOCK_FILE } from '../lock.js';
import { StoreProblemError } from '../repository.js';
import type { PostgresBackend } from './backend.js';
import { CHANGES_CHANNEL } from './backend.js';
import { applyFile, applyOrder, recordFileOf, type RecordFile } from './records.js';

export class TransferRefused extends Error {
  override name = 'TransferRefused';
}

export interface ImportSummary {
  files: number;
  sources: number;
  claims: number;
  changes: number;
  /** Files whose JSON is not in the store's own layout (2-space indentation): an export writes them in it. */
  reformatted: string[];
}

/** Imports the graph-data folder `root` into the (empty) database of `backend`, in one transaction. */
export async function importFolder(backend: PostgresBackend, root: string): Promise<ImportSummary> {
  for (const busy of ['.journal.json', LOCK_FILE]) {
    if (await stat(path.join(root, busy)).catch(() => undefined))
      throw new TransferRefused(
        `${path.join(root, busy)} exists: a write to this store is unfinished; open it with the server once (it rolls back or finishes) and import again`,
      );
  }
  const { corpus, problems } = await loadStore(root);
  const { changes, problems: logProblems } = await readChangelog(root);
  const fatal = [...problems, ...logProblems].filter((p) => !p.code);
  if (fatal.length > 0) throw new StoreProblemError(fatal);

  const files: { rel: string; record: RecordFile }[] = [];
  const strangers: string[] = [];
  for (const rel of await filesBelow(root)) {
    const record = recordFileOf(rel);
    if (record) files.push({ rel, record });
    else strangers.push(rel);
  }
  if (strangers.length > 0)
    throw new TransferRefused(
      `${strangers.length} file(s) of ${root} are no records of a store and would be lost: ${strangers.slice(0, 10).join(', ')}`,
    );
  files.sort((a, b) => applyOrder(a.record) - applyOrder(b.record));

  const reformatted: string[] = [];
  await backend.withClient(async (db) => {
    await db.query('BEGIN');
    try {
      const held = await db.query<{ n: string }>(
        'SELECT ((SELECT count(*) FROM sources) + (SELECT count(*) FROM entities) + (SELECT count(*) FROM properties) + (SELECT count(*) FROM changes))::text AS n',
      );
      if (Number(held.rows[0]!.n) > 0)
        throw new TransferRefused(
          `the database ${backend.description} already holds a store: import into an empty database (a store is never merged or overwritten)`,
        );
      for (const { rel, record } of files) {
        const bytes = await readFile(path.join(root, rel));
        if (record.kind === 'original') {
          await applyFile(db, record, bytes);
          continue;
        }
        const text = bytes.toString('utf8');
        if (!Buffer.from(text, 'utf8').equals(bytes))
          throw new TransferRefused(`${rel} is not valid UTF-8: it could not be stored unchanged`);
        if (rel.endsWith('.json') && toJsonFile(JSON.parse(text)) !== text) reformatted.push(rel);
        await applyFile(db, record, text);
      }
      await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, `import ${changes.at(-1)?.seq ?? 0}`]);
      await db.query('COMMIT');
    } catch (err) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
  return { files: files.length, sources: corpus.sources.length, claims: corpus.claims.length, changes: changes.length, reformatted };
}

/**
 * Writes the store of `backend` as a graph-data folder at `target` (new or empty). All or nothing:
 * written into a hidden sibling folder, renamed into place when complete.
 */
export async function exportFolder(backend: PostgresBackend, target: string): Promise<{ files: number }> {
  const dest = path.resolve(target);
  const info = await stat(dest).catch(() => undefined);
  if (info && (!info.isDirectory() || (await readdir(dest)).length > 0))
    throw new TransferRefused(`${dest} exists and is not an empty folder: choose a new folder (nothing is overwritten)`);
  const image = await backend.image();
  const files = new Map<string, string | Uint8Array>();
  for (const [rel, data] of image.json) files.set(rel, toJsonFile(data));
  for (const [rel, text] of image.texts) files.set(rel, text);
  for (const [rel, bytes] of image.bytes) files.set(rel, bytes);
  if (image.changelog) files.set('changelog.jsonl', image.changelog);

  const partial = path.join(path.dirname(dest), `.${path.basename(dest)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const dirs = new Set<string>([partial]);
    for (const rel of files.keys()) dirs.add(path.dirname(path.join(partial, rel)));
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    for (const [rel, content] of files) await writeDurably(path.join(partial, rel), content);
    for (const dir of dirs) await fsyncPath(dir);
    if (info) await rm(dest, { recursive: true });
    await rename(partial, dest);
    await fsyncPath(path.dirname(dest));
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
  return { files: files.size };
}

/** Every file below `root`, relative, hidden ones included (a leftover must not be skipped silently). */
async function filesBelow(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...(await filesBelow(root, child)));
    else out.push(child);
  }
  return out.sort();
}
