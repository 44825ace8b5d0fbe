// Output equivalence for engine changes: SHA-256 digests of the JSON of reconcile(),
// reconcileGroups() and analyse()'s graph export on generated corpora (several seeds) and on edge
// cases (repeated ids, cross-group judgements, a judgement naming an unknown claim, rejected
// claims, partial runs). A faster engine must reproduce every digest byte for byte.
//   tsx bench/identical.ts [--claims 20000] [--seeds 1,2,3] --write out.json   (record)
//   tsx bench/identical.ts [--claims 20000] [--seeds 1,2,3] --check out.json   (exit 1 on any difference)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyse } from '../server/analysis/analyse.js';
import type { Claim, Corpus, Judgement } from '../server/core/model.js';
import { reconcile, reconcileGroups } from '../server/core/reconcile.js';
import { groupKey } from '../server/core/grouping.js';
import { generateCorpus } from './lib/corpus.js';

export type Digests = Record<string, string>;

/** One digest per case: `<seed>/<what>`. */
export function digests(claims: number, seeds: readonly number[]): Digests {
  const out: Digests = {};
  for (const seed of seeds) {
    const corpus = generateCorpus({ claims, seed });
    for (const [name, variant] of variants(corpus, seed)) {
      const labels = new Map(variant.entities.map((e) => [e.id, e.label]));
      const input = { ...variant, entityLabel: (id: string) => labels.get(id) ?? id };
      const groups = [...reconcileOrThrow(() => reconcile(input).groups.keys())];
      out[`${seed}/${name}/reconcile`] = digestOf(() => {
        const result = reconcile(input);
        return hash(result.comparisons, [...result.groups]);
      });
      // Partial runs: every seventh group, as after edits.
      const keys = groups.filter((_, i) => i % 7 === 3);
      out[`${seed}/${name}/reconcileGroups`] = digestOf(() => hash(reconcileGroups(input, keys)));
      if (name === 'plain' || name === 'edges') out[`${seed}/${name}/graph`] = hash(analyse(variant).graph.export());
    }
  }
  return out;
}

function variants(corpus: Corpus, seed: number): [string, Corpus][] {
  const claims = corpus.claims;
  const n = claims.length;
  const pick = (i: number) => claims[(i * 7919 + seed) % n]!;
  const edges: Claim[] = claims.map((c, i) => (i % 97 === 5 ? { ...c, status: 'rejected' as const } : c));
  const extra: Judgement[] = [];
  for (let i = 0; i < 20; i++) {
    const a = pick(i);
    const b = pick(i + 1000);
    // Across groups (usually), and within a group.
    extra.push({ id: `x${i}`, a: a.id, b: b.id, verdict: i % 2 ? 'agrees' : 'conflicts', reason: `cross ${i}` });
    const mate = claims.find((c) => c !== a && groupKey(c) === groupKey(a));
    if (mate) extra.push({ id: `w${i}`, a: mate.id, b: a.id, verdict: 'conflicts', reason: `within ${i}` });
  }
  extra.push({ id: 'ghost', a: 'no-such-claim', b: pick(3).id, verdict: 'agrees', reason: 'ghost' });
  // Repeated ids, away from breakdowns (a part shadowed by a claim of another type makes the engine throw).
  const totals = new Set(claims.map((c) => c.partOf).filter(Boolean));
  const plain = (c: Claim) => !c.partOf && !totals.has(c.id);
  const repeated: Claim[] = claims.map((c, i) => {
    const donor = claims[(i + 50) % n]!;
    return i % 211 === 17 && plain(c) && plain(donor) ? { ...c, id: donor.id } : c;
  });
  return [
    ['plain', corpus],
    ['edges', { ...corpus, claims: edges, judgements: [...corpus.judgements, ...extra] }],
    ['repeated-ids', { ...corpus, claims: repeated }],
  ];
}

// Invalid data may make the engine throw (a repeated id shadowing a part of a total): the error is
// part of the behaviour to keep.
function digestOf(fn: () => string): string {
  try {
    return fn();
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

function reconcileOrThrow(fn: () => Iterable<string>): Iterable<string> {
  try {
    return fn();
  } catch {
    return [];
  }
}

function hash(...values: unknown[]): string {
  const h = createHash('sha256');
  for (const v of values) {
    if (Array.isArray(v)) for (const item of v) h.update(JSON.stringify(item) + '\n');
    else h.update(JSON.stringify(v));
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 32);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      claims: { type: 'string', default: '20000' },
      seeds: { type: 'string', default: '1,2,3' },
      write: { type: 'string' },
      check: { type: 'string' },
    },
    strict: true,
  });
  const got = digests(Number(values.claims), values.seeds.split(',').map(Number));
  if (values.write) {
    writeFileSync(values.write, JSON.stringify(got, null, 2) + '\n');
    console.log(`wrote ${Object.keys(got).length} digests to ${values.write}`);
    return;
  }
  if (!values.check) {
    console.log(JSON.stringify(got, null, 2));
    return;
  }
  const want = JSON.parse(readFileSync(values.check, 'utf8')) as Digests;
  const bad = Object.keys({ ...want, ...got }).filter((k) => want[k] !== got[k]);
  for (const k of bad) console.log(`DIFFERENT ${k}: want ${want[k]} got ${got[k]}`);
  console.log(
    bad.length === 0 ? `identical: ${Object.keys(got).length} digests` : `${bad.length} of ${Object.keys(got).length} digests differ`,
  );
  process.exitCode = bad.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
