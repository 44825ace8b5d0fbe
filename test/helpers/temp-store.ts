// A private copy of graph-data/ for a test, and a fingerprint to prove a store did not change.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';

export async function tempStore(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'concordance-store-'));
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

/** path → sha256 of every file below `root`, to compare a store before and after. */
export async function fingerprint(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        out[path.relative(root, full)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(root);
  return out;
}
