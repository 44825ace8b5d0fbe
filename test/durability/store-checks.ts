// What must hold of a store after a crash and a restart: nothing half-written left behind, every
// file parses, the store validates, every acknowledged write is on disk, and the changelog and the
// claim files tell the same story (one line per write that landed, none for one that did not).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Change, Claim } from '../../server/core/schema-types.js';
import { readChangelog } from '../../server/store/changelog.js';
import { loadStore } from '../../server/store/load.js';
import type { Acked } from './workload.js';

/** Every file below `root`, relative to it. */
export async function filesBelow(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(path.relative(root, full));
    }
  };
  await walk(root);
  return out.sort();
}

/** Temporaries, backups and the journal of an unfinished transaction. */
export const isLeftover = (file: string): boolean => /(^|\/)\.journal\.json$|\.(tmp|bak)$/.test(file);

export async function expectNoLeftovers(root: string): Promise<void> {
  expect((await filesBelow(root)).filter(isLeftover)).toEqual([]);
}

export async function expectEveryJsonParses(root: string): Promise<void> {
  const unparsable: string[] = [];
  for (const file of await filesBelow(root)) {
    if (!file.endsWith('.json')) continue;
    try {
      JSON.parse(await readFile(path.join(root, file), 'utf8'));
    } catch (err) {
      unparsable.push(`${file}: ${(err as Error).message}`);
    }
  }
  expect(unparsable).toEqual([]);
}

/** The store as the server would load it: zero problems, and the changelog's lines all valid. */
export async function loadCleanStore(root: string): Promise<{ claims: Map<string, Claim>; changes: Change[] }> {
  const { corpus, problems } = await loadStore(root);
  const log = await readChangelog(root);
  expect([...problems, ...log.problems]).toEqual([]);
  return { claims: new Map(corpus.claims.map((c) => [c.id, c])), changes: log.changes };
}

/**
 * Every acknowledged write is on disk at least at the version it was answered with, and has its
 * changelog line; every changelog line (acknowledged or not: a write may land just before the
 * kill and lose its answer) describes a claim that is on disk, and the last line of each claim
 * is exactly the claim on disk — the claim file and the changelog were written together or not at all.
 * `original` is the claims before the run.
 */
export function expectAckedWritesDurable(
  original: Map<string, Claim>,
  claims: Map<string, Claim>,
  changes: Change[],
  acked: Acked[],
): void {
  expect(
    changes.map((c) => c.seq),
    'sequence numbers are 1..n without gaps or repeats',
  ).toEqual(changes.map((_, i) => i + 1));
  const versions = changes.filter((c) => c.claim).map((c) => `${c.claim} v${c.after?.version}`);
  expect(
    versions.filter((v, i) => versions.indexOf(v) !== i),
    'no version of a claim is logged twice',
  ).toEqual([]);
  const lineFor = (a: Acked) =>
    changes.find((c) => c.claim === a.claim.id && c.after?.version === a.claim.version && c.action === a.op.kind);
  for (const a of acked) {
    const onDisk = claims.get(a.claim.id);
    expect(onDisk, `acknowledged write ${a.op.n} (${a.op.kind} ${a.claim.id}) is on disk`).toBeDefined();
    expect(onDisk!.version ?? 1, `claim ${a.claim.id} is at least at acknowledged version ${a.claim.version}`).toBeGreaterThanOrEqual(
      a.claim.version ?? 1,
    );
    expect(
      lineFor(a),
      `acknowledged write ${a.op.n} (${a.op.kind} ${a.claim.id} v${a.claim.version}) has its changelog line`,
    ).toBeDefined();
  }
  const lastLine = new Map<string, Change>();
  for (const change of changes) if (change.claim) lastLine.set(change.claim, change);
  for (const [id, change] of lastLine) {
    expect(claims.get(id), `changelog line ${change.seq} for ${id} matches the claim on disk`).toEqual(change.after);
  }
  // And the converse: a claim no line mentions is exactly as it was before the run.
  for (const [id, claim] of claims) {
    if (!lastLine.has(id)) expect(claim, `claim ${id} changed without a changelog line`).toEqual(original.get(id));
  }
}
