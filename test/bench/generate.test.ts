// The benchmark corpus must be reproducible, valid, and realistic enough to exercise every rule.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { writeCorpusFiles } from '../../server/store/create.js';
import { checkIntegrity } from '../../server/core/integrity.js';
import type { Corpus } from '../../server/core/model.js';
import { reconcile } from '../../server/core/reconcile.js';
import { validatorFor } from '../../server/core/schemas.js';
import { loadStore } from '../../server/store/load.js';

const fingerprint = (c: Corpus) => JSON.stringify([c.sources, [...c.texts], c.entities, c.properties, c.claims, c.judgements]);

describe('generateCorpus', () => {
  const corpus = generateCorpus({ claims: 3000, seed: 7 });

  it('is deterministic: the same seed gives identical output, another seed another corpus', () => {
    expect(fingerprint(generateCorpus({ claims: 3000, seed: 7 }))).toBe(fingerprint(corpus));
    expect(fingerprint(generateCorpus({ claims: 3000, seed: 8 }))).not.toBe(fingerprint(corpus));
  });

  it('makes exactly the claims asked for, from claims/50 sources', () => {
    expect(corpus.claims).toHaveLength(3000);
    expect(corpus.sources).toHaveLength(60);
    expect(generateCorpus({ claims: 0, seed: 1 }).claims).toEqual([]);
  });

  it('validates: every record fits its schema and the integrity check finds nothing', () => {
    const collections = 'collections.schema.json#/definitions/';
    for (const [ref, data] of [
      ['ClaimsFile', corpus.claims],
      ['EntitiesFile', corpus.entities],
      ['PropertiesFile', corpus.properties],
      ['JudgementsFile', corpus.judgements],
    ] as const) {
      const validate = validatorFor(`${collections}${ref}`);
      expect(validate(data), `${ref}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
    }
    const validateSource = validatorFor('source.schema.json');
    for (const source of corpus.sources) expect(validateSource(source)).toBe(true);
    expect(checkIntegrity(corpus, (kind, id) => `${kind}/${id}`)).toEqual([]);
  });

  it('anchors every quote in its source text', () => {
    for (const claim of corpus.claims.slice(0, 500)) {
      expect(corpus.texts.get(claim.source)!.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.exact);
      expect(claim.quote.exact).toContain(claim.wording.replace(/^not /, ''));
    }
  });

  it('states values in every form: comparators, date precisions, scopes, breakdowns, judgements, aliases', () => {
    const comparators = new Set(corpus.claims.flatMap((c) => (c.value.type === 'quantity' ? [c.value.comparator] : [])));
    expect([...comparators]).toEqual(expect.arrayContaining(['exact', 'approx', 'gt', 'lte', 'range']));
    const precisions = new Set(corpus.claims.flatMap((c) => (c.value.type === 'date' ? [c.value.date.precision] : [])));
    expect([...precisions]).toEqual(expect.arrayContaining(['day', 'month', 'year', 'season']));
    expect(corpus.claims.some((c) => c.scope?.aggregate === 'total')).toBe(true);
    expect(corpus.claims.some((c) => c.scope?.pointInTime)).toBe(true);
    expect(corpus.claims.some((c) => c.scope?.population)).toBe(true);
    expect(corpus.claims.some((c) => c.partOf)).toBe(true);
    expect(corpus.judgements.length).toBeGreaterThan(0);
    expect(corpus.entities.some((e) => e.aliases.length > 1)).toBe(true);
  });

  it('groups 2 to 20 claims per subject and property, mostly agreeing, with conflicts inside groups', () => {
    const { comparisons, groups } = reconcile(corpus);
    const sizes = [...groups.values()].map((ids) => ids.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
    const verdicts = new Map<string, Set<string>>();
    for (const c of comparisons) verdicts.set(c.group, (verdicts.get(c.group) ?? new Set()).add(c.verdict));
    const mixed = [...verdicts.values()].filter((v) => v.size === 2).length;
    expect(mixed).toBeGreaterThan(10);
    const agrees = comparisons.filter((c) => c.verdict === 'agrees').length;
    expect(agrees).toBeGreaterThan(comparisons.length / 2);
    expect(new Set(comparisons.map((c) => c.basis))).toEqual(
      new Set(['equal', 'compatible', 'disjoint', 'bound', 'arithmetic', 'relation', 'single-valued', 'curated']),
    );
  });
});

describe('writeCorpusFiles on a generated corpus', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'concordance-bench-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes graph-data the store loader reads back with no problems', async () => {
    const corpus = generateCorpus({ claims: 600, seed: 3 });
    await writeCorpusFiles(corpus, dir);
    const { corpus: loaded, problems } = await loadStore(dir);
    expect(problems).toEqual([]);
    expect(loaded.claims).toHaveLength(600);
    expect(JSON.stringify(loaded.claims)).toBe(JSON.stringify(corpus.claims));
  });
});
