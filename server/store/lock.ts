// One writer per store folder across processes. Inside one process Repository.exclusive already
// runs writes one at a time; this guards against a second process (a second server, or
// `npm run ingest` beside a running server) committing into the same folder at the same moment,
// where the two would share one journal file and roll back each other's work.
//
// The lock is the file `.lock` in the store root, holding the holder's pid and created atomically,
// for the duration of one commit. A lock whose process no longer exists (killed mid-commit) is stale
// and is taken over; `recover` removes it on start.
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreWriteError } from './failures.js';

export const LOCK_FILE = '.lock';

interface LockInfo {
  pid: number;
  since: string;
}

export async function withStoreLock<T>(root: string, task: () => Promise<T>): Promise<T> {
  const file = path.join(root, LOCK_FILE);
  await acquire(file);
  try {
    return await task();
  } finally {
    await rm(file, { force: true });
  }
}

async function acquire(file: string): Promise<void> {
  // Written in full under a private name, then linked into place: link(2) fails if the lock exists,
  // so a lock is never seen half-written and two processes can never both create it.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify({ pid: process.pid, since: new Date().toISOString() } satisfies LockInfo));
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(tmp, file);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = await lockHolder(file);
      if (holder && isAlive(holder.pid)) {
        throw new StoreWriteError(
          'locked',
          `the store ${path.dirname(file)} is being written by another process (pid ${holder.pid}, since ${holder.since}); try again in a moment`,
          file,
          null,
          holder,
        );
      }
      // Its process is gone (killed mid-commit): the lock is stale, take it over.
      await rm(file, { force: true });
    }
    throw new StoreWriteError(
      'locked',
      `the store ${path.dirname(file)} is locked (${file}) and the lock could not be taken over`,
      file,
      null,
    );
  } finally {
    await rm(tmp, { force: true });
  }
}

/** The live process holding the lock of the store at `root`, if any. */
export async function liveLockHolder(root: string): Promise<LockInfo | undefined> {
  const holder = await lockHolder(path.join(root, LOCK_FILE));
  return holder && isAlive(holder.pid) ? holder : undefined;
}

/** Removes the lock of a process that no longer exists. */
export async function removeStaleLock(root: string): Promise<void> {
  const file = path.join(root, LOCK_FILE);
  const holder = await lockHolder(file).catch(() => undefined);
  if (holder === undefined || !isAlive(holder.pid)) await rm(file, { force: true });
}

async function lockHolder(file: string): Promise<LockInfo | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const info = JSON.parse(raw) as LockInfo;
    return Number.isInteger(info.pid) && info.pid > 0 ? info : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
