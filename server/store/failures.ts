// Why a write to the store failed, in words a person can act on: the disk is full (which folder),
// the server may not write there (which path), or another process holds the store. Raised by
// commitFiles after it has removed everything it wrote, so the store is exactly as before.
import path from 'node:path';

/** changed: an append-only file (the changelog) grew under another writer since this process read it. */
export type StoreFailureKind = 'disk-full' | 'permission' | 'locked' | 'changed' | 'io';

export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
  constructor(
    readonly kind: StoreFailureKind,
    message: string,
    /** The file or folder the failure is about. */
    readonly path: string,
    /** The system error code (ENOSPC, EACCES, ...), when there was one. */
    readonly code: string | null,
    /** For 'locked': the process holding the store. */
    readonly holder?: { pid: number; since: string },
  ) {
    super(message);
  }
}

/**
 * The StoreWriteError a file-system error during a write to the store at `root` stands for; any
 * other error (a bug, not the disk) is returned as it is.
 */
export function storeFailureOf(err: unknown, root: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof StoreWriteError || typeof e?.code !== 'string' || !/^E[A-Z]+$/.test(e.code)) return err;
  const file = typeof e.path === 'string' ? e.path : root;
  const folder = typeof e.path === 'string' ? path.dirname(e.path) : root;
  switch (e.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StoreWriteError(
        'disk-full',
        `no space left on the device holding ${folder} (${e.code}): nothing was written; free some space and try again`,
        folder,
        e.code,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StoreWriteError(
        'permission',
        `the server may not write ${file} (${e.code}${e.code === 'EROFS' ? ': read-only file system' : ': permission denied'}): nothing was written; give the server's user write access to ${folder}`,
        file,
        e.code,
      );
    default:
      return new StoreWriteError('io', `writing ${file} failed (${e.message}): nothing was written`, file, e.code);
  }
}
