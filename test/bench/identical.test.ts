// Reconciliation output is pinned: the JSON of reconcile(), reconcileGroups() and the graph export
// on generated corpora and edge cases must match the digests recorded before any engine speed-up.
// A deliberate change of output re-records them: tsx bench/identical.ts --claims 3000 --write test/bench/reconcile-digests-3000.json
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digests, type Digests } from '../../bench/identical.js';

const FILE = path.resolve(import.meta.dirname, 'reconcile-digests-3000.json');

describe('reconciliation output', () => {
  it('is byte-identical to the recorded digests (3 seeds × 3,000 claims, edge cases, partial runs, graph export)', () => {
    const want = JSON.parse(readFileSync(FILE, 'utf8')) as Digests;
    expect(digests(3000, [1, 2, 3])).toEqual(want);
  }, 60_000);
});
