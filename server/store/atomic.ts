// Crash-safe file primitives: content reaches the disk (fsync) before anyone relies on it, and a
// replaced file is swapped in by rename, then its folder fsynced so the rename itself is durable.
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeDurably(tmp, content);
    await rename(tmp, file);
  } catch (err) {
    // A full disk or a refused rename must not leave the temporary behind.
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fsyncPath(dir);
}

/** Writes (flag 'w') or appends (flag 'a') and fsyncs before returning. Errors name the file. */
export async function writeDurably(file: string, content: string | Uint8Array, flag: 'w' | 'a' = 'w'): Promise<void> {
  const handle = await open(file, flag);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (err) {
    // Errors of calls on a handle (ENOSPC from write) carry no path of their own.
    (err as NodeJS.ErrnoException).path ??= file;
    throw err;
  } finally {
    await handle.close();
  }
}

/**
 * Creates `file` with `content` and makes both durable: the content (fsync of the file) and its name
 * (fsync of its folder), the two syncs at once. Not atomic: a crash part-way can leave it torn, so
 * only for a file whose reader treats a torn copy as absent (the transaction journal).
 */
export async function createDurably(file: string, content: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    // The name exists from open(): the folder's fsync can run beside the content's.
    await Promise.all([handle.writeFile(content, 'utf8').then(() => handle.sync()), fsyncPath(path.dirname(file))]);
  } catch (err) {
    (err as NodeJS.ErrnoException).path ??= file;
    throw err;
  } finally {
    await handle.close();
  }
}

/** Appends without waiting for the disk: the caller fsyncs the file (fsyncPath) before relying on it. */
export async function appendUnsynced(file: string, content: string): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.writeFile(content, 'utf8');
  } catch (err) {
    (err as NodeJS.ErrnoException).path ??= file;
    throw err;
  } finally {
    await handle.close();
  }
}

/** fsync of a file or a folder (a folder's entry list, after a rename). */
export async function fsyncPath(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Stable, diff-friendly JSON: two-space indentation and a final newline. */
export function toJsonFile(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
