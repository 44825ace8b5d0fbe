// All-or-nothing writes of several files. Each new content is written to a temporary file and
// fsynced; a journal naming every file (with a backup of any file being replaced) is made durable;
// then the temporaries are renamed into place and the journal removed. A crash at any point leaves
// either the old store or the new one: on start, `recover` rolls back a transaction whose journal
// is still there (it was never acknowledged), and sweeps leftovers.
import { randomBytes } from 'node:crypto';
import { copyFile, readFile, readdir, rename, rm, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { appendUnsynced, createDurably, fsyncPath, writeDurably } from './atomic.js';
import { storeFailureOf, StoreWriteError } from './failures.js';
import { liveLockHolder, removeStaleLock, withStoreLock } from './lock.js';

export interface FileWrite {
  file: string;
  /** Text (UTF-8), or bytes for a kept original document. */
  content: string | Uint8Array;
}

export interface Append {
  file: string;
  content: string;
}

interface JournalEntry {
  file: string;
  /** The new content, to be renamed over `file`; null when `file` is being removed. */
  tmp: string | null;
  /** Copy of the previous content (a removed file is renamed here), or null when the file is new. */
  backup: string | null;
}

interface Journal {
  writes: JournalEntry[];
  /** Append-only files and their length before this transaction, to truncate back to. */
  appends: { file: string; length: number }[];
}

const JOURNAL = '.journal.json';

/**
 * The size this process last saw of each append-only file (the changelog), from when the store was
 * opened or this process last appended. Another process appending in between (`npm run ingest`
 * beside a running server) means this process's records are out of date: its write is refused
 * rather than logged with duplicate sequence numbers over records it has not seen.
 */
const knownSizes = new Map<string, number>();

/** Records the current size of an append-only file: call when the store is (re)loaded. */
export async function watchAppendOnly(file: string): Promise<void> {
  knownSizes.set(path.resolve(file), (await exists(file)) ? (await stat(file)).size : 0);
}
const LEFTOVER = /^\..+\.(tmp|bak)$/;

/**
 * Writes, appends and removes files all or nothing, holding the store's lock (one writer across
 * processes). A failure removes everything this call wrote at once (temporaries, backups, its
 * journal) and is reported as a StoreWriteError when the disk or the permissions were the cause.
 */
export async function commitFiles(root: string, writes: FileWrite[], appends: Append[] = [], removals: string[] = []): Promise<void> {
  try {
    await withStoreLock(root, () => commitLocked(root, writes, appends, removals));
  } catch (err) {
    throw storeFailureOf(err, root);
  }
}

async function commitLocked(root: string, writes: FileWrite[], appends: Append[], removals: string[]): Promise<void> {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const sibling = (file: string, ext: 'tmp' | 'bak') => path.join(path.dirname(file), `.${path.basename(file)}.${tag}.${ext}`);
  // Listed before anything is written: a write that fails half-way still has its temporary removed.
  const entries: JournalEntry[] = writes.map((w) => ({ file: w.file, tmp: sibling(w.file, 'tmp'), backup: null }));
  // The disk's round trips are what a small write costs (an fsync is 2-10 ms here, a write's
  // analysis ~10 ms): the syncs that do not depend on each other run at once, in four rounds —
  // temporaries and backups; the journal and its name; the appends and the renamed-into folders;
  // the journal's removal. The order that matters for a crash is kept: nothing is renamed or
  // appended before the backups and the journal are durable, and the journal goes only once
  // everything it could undo is durable.
  try {
    await settledAll(
      writes.map(async (w, i) => {
        const entry = entries[i]!;
        await Promise.all([writeDurably(entry.tmp!, w.content), backUp(entry, sibling(w.file, 'bak'))]);
      }),
    );
    for (const file of removals) entries.push({ file, tmp: null, backup: sibling(file, 'bak') });
  } catch (err) {
    await discard(entries);
    throw err;
  }
  const journalFile = path.join(root, JOURNAL);
  const journal: Journal = {
    writes: entries,
    appends: await Promise.all(
      appends.map(async (a) => ({ file: a.file, length: (await exists(a.file)) ? (await stat(a.file)).size : 0 })),
    ),
  };
  try {
    for (const a of journal.appends) {
      const known = knownSizes.get(path.resolve(a.file));
      if (known !== undefined && known !== a.length) {
        throw new StoreWriteError(
          'changed',
          `${a.file} was written by another process since this one loaded the store (${known} bytes then, ${a.length} now): restart the server to load the changes; nothing was written`,
          a.file,
          null,
        );
      }
    }
    // Written in place, not renamed in: a journal torn by a crash is read as none (recover), which
    // is right, since nothing is renamed or appended before it is durable.
    await createDurably(journalFile, JSON.stringify(journal));
  } catch (err) {
    await rm(journalFile, { force: true }).catch(() => undefined);
    await discard(entries);
    throw err;
  }
  try {
    for (const a of appends) await appendUnsynced(a.file, a.content);
    for (const e of entries) {
      if (e.tmp) await rename(e.tmp, e.file).catch(withPath(e.file));
      else await rename(e.file, e.backup!).catch(withPath(e.file));
    }
    // Durable before the journal goes: the appended lines and the folders' new entries.
    await settledAll([
      ...appends.map((a) => fsyncPath(a.file).catch(withPath(a.file))),
      ...[...new Set(entries.map((e) => path.dirname(e.file)))].map((dir) => fsyncPath(dir)),
    ]);
  } catch (err) {
    try {
      await rollBack(root, journal);
      await rm(journalFile, { force: true });
      await fsyncPath(root);
    } catch {
      // The journal stays: recover() finishes the rollback when the store is next opened.
    }
    throw err;
  }
  await rm(journalFile);
  await fsyncPath(root);
  for (const a of appends) if (knownSizes.has(path.resolve(a.file))) await watchAppendOnly(a.file);
  await discard(entries.map((e) => ({ ...e, tmp: null })));
}

/** A durable copy of the file `entry` replaces, if there is one (named in the entry before it is made). */
async function backUp(entry: JournalEntry, backup: string): Promise<void> {
  if (!(await exists(entry.file))) return;
  entry.backup = backup;
  await copyFile(entry.file, backup).catch(withPath(backup));
  await fsyncPath(backup);
}

/** Waits for every task, then throws the first failure: nothing is still writing when the caller cleans up. */
async function settledAll(tasks: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Removes the temporaries and backups of `entries` (best effort: recover() sweeps what is left). */
async function discard(entries: JournalEntry[]): Promise<void> {
  await Promise.all(
    entries
      .flatMap((e) => [e.tmp, e.backup])
      .filter((f): f is string => f !== null)
      .map((f) => rm(f, { force: true }).catch(() => undefined)),
  );
}

/** Errors of calls on a file handle carry no path: add the file's, so the message can name it. */
const withPath =
  (file: string) =>
  (err: NodeJS.ErrnoException): never => {
    err.path ??= file;
    throw err;
  };

/**
 * Rolls back an unfinished transaction and removes leftovers; says what it did. A store whose lock
 * is held by a live process is that process's to finish: it is left alone.
 */
export async function recover(root: string): Promise<'clean' | 'rolled-back' | 'in-use'> {
  if (await liveLockHolder(root)) return 'in-use';
  await removeStaleLock(root);
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
    if (e.tmp) await rm(e.tmp, { force: true });
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
