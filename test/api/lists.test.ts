// Conflicts, agreements and search over HTTP, against the fixture store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RB, WP } from './fixture-store.js';
import { expectShape, startFixtureApi, type RunningApi } from './harness.js';

let api: RunningApi;

beforeAll(async () => {
  api = await startFixtureApi();
});
afterAll(() => api.close());

interface Item {
  id: string;
  verdict: string;
  scope: string;
  basis: string;
  property: { id: string };
  a: { id: string; source: string; subject: string; wording: string };
  b: { id: string; source: string; subject: string; wording: string };
}

const ids = (items: Item[]) => items.map((i) => i.id);

describe('GET /api/conflicts', () => {
  it('lists conflicts with both claims in full and the reason', async () => {
    const { status, body } = await api.get('/api/conflicts');
    expect(status).toBe(200);
    expectShape(body, 'ComparisonList');
    expect(body.count).toBe(body.items.length);
    for (const item of body.items as Item[]) expect(item.verdict).toBe('conflicts');
    const troops = body.items.find((i: Item) => i.id === 'rb-troops-72000--wp-troops-70000');
    expect(troops).toMatchObject({
      basis: 'bound',
      scope: 'between',
      a: { wording: 'over 72,000', citedAs: ['no citation given'] },
      b: { wording: '70,000', citedAs: ['[8] Humphreys 1996, p.\u00a026.'] },
    });
    expect(troops.reason).toMatch(/70,000 \(total\) is below .*'over 72,000'/);
    expect(body.items.find((i: Item) => i.basis === 'curated')).toMatchObject({
      a: { id: 'rb-kolchak-strained' },
      b: { id: 'wp-supported-kolchak' },
    });
  });

  it('filters by scope', async () => {
    const within = (await api.get('/api/conflicts?scope=within')).body;
    const between = (await api.get('/api/conflicts?scope=between')).body;
    const all = (await api.get('/api/conflicts')).body;
    expect(within.items.every((i: Item) => i.scope === 'within')).toBe(true);
    expect(between.items.every((i: Item) => i.scope === 'between')).toBe(true);
    expect(within.count).toBeGreaterThan(0);
    expect(within.count + between.count).toBe(all.count);
  });

  it('filters by source, entity and property, and the filters combine', async () => {
    const bySource = (await api.get(`/api/conflicts?source=${RB}`)).body.items as Item[];
    expect(bySource.length).toBeGreaterThan(0);
    expect(bySource.every((i) => i.a.source === RB || i.b.source === RB)).toBe(true);
    const byEntity = (await api.get('/api/conflicts?entity=kolchak')).body.items as Item[];
    expect(ids(byEntity)).toEqual(['rb-kolchak-strained--wp-supported-kolchak']);
    const both = (await api.get(`/api/conflicts?property=deaths&source=${WP}&scope=within`)).body.items as Item[];
    expect(ids(both)).toEqual(['wp-deaths-3116--wp-deaths-5000']);
  });

  it('an entity filter that matches nothing is an empty list, not an error', async () => {
    const { status, body } = await api.get('/api/conflicts?entity=kato-kanji');
    expect(status).toBe(200);
    expect(body).toEqual({ count: 0, pending: 0, items: [] });
  });
});

describe('GET /api/agreements', () => {
  it('lists agreements, arithmetic checks with their parts', async () => {
    const { status, body } = await api.get('/api/agreements');
    expect(status).toBe(200);
    expectShape(body, 'ComparisonList');
    expect(body.items.every((i: Item) => i.verdict === 'agrees')).toBe(true);
    const sum = body.items.find((i: Item) => i.basis === 'arithmetic');
    expect(sum.parts.map((p: { id: string }) => p.id)).toEqual(['wp-disease-1717', 'wp-killed-1399']);
    expect(ids(body.items)).toContain('rb-supported-semyonov--wp-supported-semenov');
  });

  it('takes the same filters', async () => {
    const { body } = await api.get('/api/agreements?entity=semyonov&scope=between');
    expect(ids(body.items)).toEqual(['rb-supported-semyonov--wp-supported-semenov']);
  });
});

describe('GET /api/search', () => {
  const search = async (q: string) => {
    const reply = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(reply.status).toBe(200);
    expectShape(reply.body, 'SearchResults');
    return reply.body;
  };

  it('"semenov" finds Semyonov through his alias, exact match first', async () => {
    const body = await search('semenov');
    expect(body.entities[0]).toMatchObject({ id: 'semyonov', label: 'Grigory Semyonov', rank: 'exact', matched: 'Semenov' });
  });

  it('"otani" finds Ōtani Kikuzō; "kato" finds Katō Kanji before a later word match', async () => {
    expect((await search('otani')).entities[0]).toMatchObject({ id: 'otani-kikuzo', rank: 'prefix' });
    const kato = await search('KATO');
    expect(kato.entities.map((e: { id: string }) => e.id)).toEqual(['kato-kanji', 'kato-hiroharu']);
    expect(kato.entities.map((e: { rank: string }) => e.rank)).toEqual(['prefix', 'word']);
  });

  it('finds claims by wording, quote and subject, and sources by title and publisher', async () => {
    const body = await search('over 72,000');
    expect(body.claims[0]).toMatchObject({ id: 'rb-troops-72000', rank: 'exact', field: 'wording', source: { id: RB } });
    for (const q of ['deployed 70,000', 'DEPLOYED 70000'])
      expect((await search(q)).claims[0]).toMatchObject({ id: 'wp-troops-70000', field: 'quote' });
    expect((await search('expeditionary')).claims.length).toBeGreaterThan(3);
    expect((await search('russia beyond')).sources).toEqual([expect.objectContaining({ id: RB, field: 'publisher', rank: 'exact' })]);
    expect((await search('siberia')).sources[0]).toMatchObject({ id: WP, field: 'title', rank: 'word' });
  });

  it('applies limit per kind and counts every match', async () => {
    const { body } = await api.get('/api/search?q=japan&limit=2');
    expect(body.claims).toHaveLength(2);
    expect(body.counts.claims).toBeGreaterThan(2);
  });
});
