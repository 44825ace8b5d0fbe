// The views as pure functions of an Analysis (no HTTP): the fixture store, loaded and analysed.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../server/analysis/analyse.js';
import { loadStore } from '../../server/store/load.js';
import { citationStatus, claimTrace } from '../../server/api/views/claims.js';
import { listComparisons, unknownFilters } from '../../server/api/views/comparisons.js';
import { entityDetail, listEntities } from '../../server/api/views/entities.js';
import { search } from '../../server/api/views/search.js';
import { listSources, sourceDetail } from '../../server/api/views/sources.js';
import { RB, WP, writeFixtureStore } from './fixture-store.js';
import { copyGraphData } from './harness.js';

let dir: string;
let analysis: Analysis;

beforeAll(async () => {
  dir = await copyGraphData();
  await writeFixtureStore(dir);
  const { corpus, problems } = await loadStore(dir);
  expect(problems).toEqual([]);
  analysis = analyse(corpus);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sources', () => {
  it('counts live claims only, and a within-source comparison once', () => {
    const wp = listSources(analysis).find((s) => s.id === WP)!;
    const live = analysis.corpus.claims.filter((c) => c.source === WP && c.status !== 'rejected').length;
    expect(wp.counts.claims).toBe(live);
    const touching = analysis.comparisons.filter((c) =>
      [c.a, c.b, ...(c.parts ?? [])].some((id) => analysis.index.claim.get(id)!.source === WP),
    );
    expect(wp.counts.conflicts + wp.counts.agreements).toBe(touching.length);
  });

  it('lists every claim span in text order, each matching the text', () => {
    const detail = sourceDetail(analysis, WP)!;
    expect(detail.spans.map((s) => s.start)).toEqual([...detail.spans.map((s) => s.start)].sort((x, y) => x - y));
    for (const span of detail.spans)
      expect(detail.text.slice(span.start, span.end)).toBe(analysis.index.claim.get(span.claim)!.quote.exact);
    expect(detail.spans.find((s) => s.claim === 'wp-rejected')?.status).toBe('rejected');
  });

  it('returns undefined for an unknown id', () => {
    expect(sourceDetail(analysis, 'nope')).toBeUndefined();
  });
});

describe('entities', () => {
  it('leaves rejected entities out of the list', () => {
    expect(listEntities(analysis).map((e) => e.id)).not.toContain('unused-rejected');
  });

  it('puts the comparisons of a property group beside its values', () => {
    const force = entityDetail(analysis, 'japanese-force')!;
    const troops = force.properties.find((g) => g.property.id === 'troop-strength')!;
    const claimIds = troops.bySource.flatMap((col) => col.values.map((v) => v.claim));
    for (const cmp of troops.comparisons) expect(claimIds).toEqual(expect.arrayContaining([cmp.a, cmp.b]));
  });
});

describe('claims', () => {
  it('citation status: none given, needed, cited', () => {
    expect(citationStatus([])).toBe('no citation given');
    expect(citationStatus([{ kind: 'citation-needed' }])).toBe('citation needed');
    expect(citationStatus([{ kind: 'reference', ref: 8 }])).toBe('cited');
    expect(citationStatus([{ kind: 'reference', ref: 8 }, { kind: 'citation-needed' }])).toBe('citation needed');
  });

  it('locates a footnote marker the claim does not store', () => {
    const trace = claimTrace(analysis, 'wp-troops-70000')!;
    const text = analysis.corpus.texts.get(WP)!;
    const marker = trace.citations[0]!.marker!;
    expect(marker.found).toBe('located');
    expect(text.slice(marker.start, marker.end)).toBe('[8]');
  });

  it('an arithmetic check lists every other claim it sums', () => {
    const trace = claimTrace(analysis, 'wp-killed-1399')!;
    const sum = trace.comparisons.find((c) => c.basis === 'arithmetic')!;
    expect(sum.others.map((o) => o.claim).sort()).toEqual(['wp-deaths-3116', 'wp-disease-1717']);
  });
});

describe('comparisons', () => {
  it('names each filter that points at nothing', () => {
    expect(unknownFilters(analysis, { source: RB, entity: 'nobody', property: 'nothing' })).toEqual([
      { parameter: 'entity', id: 'nobody' },
      { parameter: 'property', id: 'nothing' },
    ]);
  });

  it('filters combine', () => {
    const all = listComparisons(analysis, 'conflicts', {});
    const within = listComparisons(analysis, 'conflicts', { scope: 'within', property: 'deaths' });
    expect(within.count).toBeGreaterThan(0);
    expect(within.count).toBeLessThan(all.count);
    for (const item of within.items) expect(item).toMatchObject({ scope: 'within', property: { id: 'deaths' } });
  });
});

describe('search', () => {
  it('ranks an exact alias above a word match', () => {
    const results = search(analysis, 'Semenov')!;
    expect(results.entities[0]).toMatchObject({ id: 'semyonov', rank: 'exact', field: 'alias', matched: 'Semenov' });
  });

  it('limits each kind but counts every match', () => {
    const results = search(analysis, 'japan', 1)!;
    expect(results.counts.claims).toBeGreaterThan(1);
    expect(results.claims).toHaveLength(1);
  });

  it('is undefined when nothing is left to search for', () => {
    expect(search(analysis, '—')).toBeUndefined();
  });
});
