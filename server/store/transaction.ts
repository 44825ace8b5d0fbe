// All-or-nothing writes of several files. Each new content is written to a temporary file and
// fsynced; a journal naming every file (with a backup of any file being replaced) is made durable;
// then the temporaries are renamed into place and the journal removed. A crash at any point leaves
// either the old store or the new one: on start, `recover` rolls back a transaction whose journal
// is still there (it was never acknowledged), and sweeps leftovers.
import { randomBytes } from 'node:crypto';
import { copyFile, readFile, readdir, rename, rm, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { fsyncPath, writeDurably, writeFileAtomic } from './atomic.js';

export interface FileWrite {
  file: string;
  content: string;
}

export interface Append {
  file: string;
  content: string;
}

interface JournalEntry {
  file: string;
  tmp: string;
  /** Copy of the previous content, or null when the file is new. */
  backup: string | null;
}

interface Journal {
  writes: JournalEntry[];
  /** Append-only files and their length before this transaction, to truncate back to. */
  appends: { file: string; length: number }[];
}

const JOURNAL = '.journal.json';
const LEFTOVER = /^\..+\.(tmp|bak)$/;

export async function commitFiles(root: string, writes: FileWrite[], appends: Append[] = []): Promise<void> {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const entries: JournalEntry[] = [];
  try {
    for (const w of writes) {
      const dir = path.dirname(w.file);
      const base = path.basename(w.file);
      const tmp = path.join(dir, `.${base}.${tag}.tmp`);
      await writeDurably(tmp, w.content);
      let backup: string | null = null;
      if (await exists(w.file)) {
        backup = path.join(dir, `.${base}.${tag}.bak`);
        await copyFile(w.file, backup);
        await fsyncPath(backup);
      }
      entries.push({ file: w.file, tmp, backup });
    }
  } catch (err) {
    await Promise.all(entries.flatMap((e) => [rm(e.tmp, { force: true }), e.backup ? rm(e.backup, { force: true }) : undefined]));
    throw err;
  }
  const journal: Journal = {
    writes: entries,
    appends: await Promise.all(appends.map(async (a) => ({ file: a.file, length: (await exists(a.file)) ? (await stat(a.file)).size : 0 }))),
  };
  await writeFileAtomic(path.join(root, JOURNAL), JSON.stringify(journal));
  try {
    for (const a of appends) await writeDurably(a.file, a.content, 'a');
    for (const e of entries) await rename(e.tmp, e.file);
    for (const dir of new Set(entries.map((e) => path.dirname(e.file)))) await fsyncPath(dir);
  } catch (err) {
    await rollBack(root, journal);
    throw err;
  }
  await rm(path.join(root, JOURNAL));
  await fsyncPath(root);
  await Promise.all(entries.map((e) => (e.backup ? rm(e.backup, { force: true }) : undefined)));
}

/** Rolls back an unfinished transaction and removes leftovers; says what it did. */
export async function recover(root: string): Promise<'clean' | 'rolled-back'> {
  let outcome: 'clean' | 'rolled-back' = 'clean';
  const journalFile = path.join(root, JOURNAL);
  if (await exists(journalFile)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
    } catch {
      // A torn journal was never complete, so no rename happened after it: nothing to undo.
    }
    if (journal) await rollBack(root, journal);
    await rm(journalFile, { force: true });
    await fsyncPath(root);
    outcome = 'rolled-back';
  }
  await sweepLeftovers(root);
  return outcome;
}

async function rollBack(root: string, journal: Journal): Promise<void> {
  for (const e of journal.writes) {
    if (e.backup && (await exists(e.backup))) await rename(e.backup, e.file);
    else if (!e.backup) await rm(e.file, { force: true });
    await rm(e.tmp, { force: true });
  }
  for (const a of journal.appends) {
    if (await exists(a.file)) await truncate(a.file, a.length);
  }
  for (const dir of new Set([root, ...journal.writes.map((e) => path.dirname(e.file))])) await fsyncPath(dir);
}

async function sweepLeftovers(root: string): Promise<void> {
  const dirs = [root, ...(await subdirs(root))];
  for (const dir of dirs) {
    for (const name of await readdir(dir)) if (LEFTOVER.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

async function subdirs(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => path.join(root, e.name));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
