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
