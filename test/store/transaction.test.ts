import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, recover } from '../../server/store/transaction.js';

async function dir() {
  return mkdtemp(path.join(tmpdir(), 'concordance-txn-'));
}

describe('commitFiles', () => {
  it('writes every file and appends, leaving no temporary or backup behind', async () => {
    const root = await dir();
    await writeFile(path.join(root, 'a.json'), 'old a');
    await writeFile(path.join(root, 'log.jsonl'), 'line1\n');
    await commitFiles(
      root,
      [
        { file: path.join(root, 'a.json'), content: 'new a' },
        { file: path.join(root, 'b.json'), content: 'new b' },
      ],
      [{ file: path.join(root, 'log.jsonl'), content: 'line2\n' }],
    );
    expect(await readFile(path.join(root, 'a.json'), 'utf8')).toBe('new a');
    expect(await readFile(path.join(root, 'b.json'), 'utf8')).toBe('new b');
    expect(await readFile(path.join(root, 'log.jsonl'), 'utf8')).toBe('line1\nline2\n');
    expect((await readdir(root)).sort()).toEqual(['a.json', 'b.json', 'log.jsonl']);
  });

  it('rolls back every file when one rename fails', async () => {
    const root = await dir();
    await writeFile(path.join(root, 'a.json'), 'old a');
    await writeFile(path.join(root, 'log.jsonl'), 'line1\n');
    const impossible = path.join(root, 'missing-dir', 'c.json');
    await expect(
      commitFiles(
        root,
        [
          { file: path.join(root, 'a.json'), content: 'new a' },
          { file: impossible, content: 'x' },
        ],
        [{ file: path.join(root, 'log.jsonl'), content: 'line2\n' }],
      ),
    ).rejects.toThrow();
    expect(await readFile(path.join(root, 'a.json'), 'utf8')).toBe('old a');
    expect(await readFile(path.join(root, 'log.jsonl'), 'utf8')).toBe('line1\n');
    expect((await readdir(root)).sort()).toEqual(['a.json', 'log.jsonl']);
  });
});

describe('recover', () => {
  it('undoes a transaction interrupted after some renames (a crash before the journal was removed)', async () => {
    const root = await dir();
    await writeFile(path.join(root, 'a.json'), 'new a (renamed before the crash)');
    await writeFile(path.join(root, '.a.json.x.bak'), 'old a');
    await writeFile(path.join(root, 'b.json'), 'new b, a file the transaction created');
    await writeFile(path.join(root, '.c.json.x.tmp'), 'not yet renamed');
    await writeFile(path.join(root, 'log.jsonl'), 'line1\nline2 half');
    await writeFile(
      path.join(root, '.journal.json'),
      JSON.stringify({
        writes: [
          { file: path.join(root, 'a.json'), tmp: path.join(root, '.a.json.x.tmp'), backup: path.join(root, '.a.json.x.bak') },
          { file: path.join(root, 'b.json'), tmp: path.join(root, '.b.json.x.tmp'), backup: null },
          { file: path.join(root, 'c.json'), tmp: path.join(root, '.c.json.x.tmp'), backup: null },
        ],
        appends: [{ file: path.join(root, 'log.jsonl'), length: 6 }],
      }),
    );
    expect(await recover(root)).toBe('rolled-back');
    expect(await readFile(path.join(root, 'a.json'), 'utf8')).toBe('old a');
    expect(await readFile(path.join(root, 'log.jsonl'), 'utf8')).toBe('line1\n');
    expect((await readdir(root)).sort()).toEqual(['a.json', 'log.jsonl']);
  });

  it('sweeps leftovers of a transaction that crashed before its journal existed', async () => {
    const root = await dir();
    await writeFile(path.join(root, 'a.json'), 'a');
    await writeFile(path.join(root, '.a.json.1.tmp'), 'half');
    expect(await recover(root)).toBe('clean');
    expect(await readdir(root)).toEqual(['a.json']);
  });
});

describe('recover and the store lock', () => {
  const journal = (root: string) =>
    JSON.stringify({ writes: [{ file: path.join(root, 'b.json'), tmp: path.join(root, '.b.json.x.tmp'), backup: null }], appends: [] });

  it('leaves a store alone while a live process holds its lock (its commit is under way)', async () => {
    const root = await dir();
    const holder = spawn('sleep', ['30']);
    try {
      await writeFile(path.join(root, '.lock'), JSON.stringify({ pid: holder.pid, since: new Date().toISOString() }));
      await writeFile(path.join(root, 'b.json'), 'being written');
      await writeFile(path.join(root, '.journal.json'), journal(root));
      expect(await recover(root)).toBe('in-use');
      expect((await readdir(root)).sort()).toEqual(['.journal.json', '.lock', 'b.json']);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
    // Its holder gone, the lock is stale: removed, and the unfinished commit rolled back.
    expect(await recover(root)).toBe('rolled-back');
    expect(await readdir(root)).toEqual([]);
  });
});
