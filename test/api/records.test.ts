// Sources, entities, claims and traces over HTTP, against the fixture store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RB, WP } from './fixture-store.js';
import { expectShape, startFixtureApi, type RunningApi } from './harness.js';

let api: RunningApi;

beforeAll(async () => {
  api = await startFixtureApi();
});
afterAll(() => api.close());

describe('GET /api/sources', () => {
  it('lists both sources with their counts', async () => {
    const { status, body } = await api.get('/api/sources');
    expect(status).toBe(200);
    expectShape(body, 'SourceList');
    expect(body.items.map((s: { id: string }) => s.id).sort()).toEqual([RB, WP]);
    const rb = body.items.find((s: { id: string }) => s.id === RB);
    expect(rb).toMatchObject({
      title: expect.stringContaining('Japanese'),
      publisher: 'Russia Beyond',
      kind: 'news',
      counts: { claims: 4 },
    });
    expect(rb.counts.conflicts).toBeGreaterThan(0);
  });
});

describe('GET /api/sources/:id', () => {
  it('gives metadata, references, the full text, claim spans and footnote markers', async () => {
    const { status, body } = await api.get(`/api/sources/${WP}`);
    expect(status).toBe(200);
    expectShape(body, 'SourceDetail');
    expect(body.text.startsWith('Japanese intervention in Siberia')).toBe(true);
    expect(body.references.find((r: { number: number }) => r.number === 8)).toEqual({
      number: 8,
      text: 'Humphreys 1996, p.\u00a026.',
      work: 'Humphreys 1996',
      pages: 'p. 26',
    });
    const span = body.spans.find((s: { claim: string }) => s.claim === 'wp-troops-70000');
    expect(body.text.slice(span.start, span.end)).toMatch(/^The Japanese eventually deployed 70,000 troops/);
    expect(span).toMatchObject({ property: 'troop-strength', status: 'reviewed', citationNeeded: false });
    expect(span.verdicts.conflicts).toBeGreaterThan(0);
    expect(body.spans.find((s: { claim: string }) => s.claim === 'wp-deaths-5000').citationNeeded).toBe(true);
    const starts = body.spans.map((s: { start: number }) => s.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    for (const m of body.markers) expect(body.text.slice(m.start, m.end)).toBe(m.exact);
    expect(body.markers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'reference', ref: 8, exact: '[8]' }),
        expect.objectContaining({ kind: 'citation-needed', ref: null, exact: '[ citation needed ]' }),
      ]),
    );
  });

  it('a source without footnotes has no references and no markers', async () => {
    const { body } = await api.get(`/api/sources/${RB}`);
    expect(body.references).toEqual([]);
    expect(body.markers).toEqual([]);
  });
});

describe('GET /api/entities', () => {
  it('lists entities with aliases and claim counts, rejected ones left out', async () => {
    const { status, body } = await api.get('/api/entities');
    expect(status).toBe(200);
    expectShape(body, 'EntityList');
    const semyonov = body.items.find((e: { id: string }) => e.id === 'semyonov');
    expect(semyonov.aliases).toEqual(expect.arrayContaining(['Semenov', 'Grigory Semyonov']));
    expect(semyonov.counts).toEqual({ claims: 0, relations: 2 });
    expect(body.items.map((e: { id: string }) => e.id)).not.toContain('unused-rejected');
  });
});

describe('GET /api/entities/:id', () => {
  it('groups claims by property, values per source side by side, with the verdicts between them', async () => {
    const { status, body } = await api.get('/api/entities/japanese-force');
    expect(status).toBe(200);
    expectShape(body, 'EntityDetail');
    const troops = body.properties.find((g: { property: { id: string } }) => g.property.id === 'troop-strength');
    expect(troops.bySource.map((col: { source: { id: string } }) => col.source.id).sort()).toEqual([RB, WP]);
    const rbValue = troops.bySource.find((col: { source: { id: string } }) => col.source.id === RB).values[0];
    expect(rbValue).toMatchObject({
      claim: 'rb-troops-72000',
      wording: 'over 72,000',
      scopeWording: 'by October 1918',
      source: { title: expect.any(String) },
    });
    expect(rbValue.quote.exact).toContain('over 72,000 soldiers');
    expect(troops.comparisons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'rb-troops-72000--wp-troops-70000',
          verdict: 'conflicts',
          basis: 'bound',
          reason: expect.stringContaining('70,000'),
        }),
      ]),
    );
  });

  it('lists aliases with the sources using each, and claims naming the entity as relations', async () => {
    const { body } = await api.get('/api/entities/semyonov');
    expect(body.aliases.find((a: { name: string }) => a.name === 'Semenov').sources).toEqual([
      { id: WP, title: 'Japanese intervention in Siberia' },
    ]);
    expect(body.properties).toEqual([]);
    expect(body.relations.map((r: { claim: string }) => r.claim).sort()).toEqual(['rb-supported-semyonov', 'wp-supported-semenov']);
    expect(body.relations[0]).toMatchObject({ subject: { id: 'japan', label: 'Japan' }, property: { id: 'supported' }, negated: false });
  });
});

describe('GET /api/claims/:id', () => {
  it('gives the claim with its labels', async () => {
    const { status, body } = await api.get('/api/claims/rb-troops-72000');
    expect(status).toBe(200);
    expectShape(body, 'ClaimDetail');
    expect(body).toMatchObject({
      id: 'rb-troops-72000',
      wording: 'over 72,000',
      subjectLabel: 'Japanese expeditionary force',
      propertyLabel: 'troop strength',
      sourceTitle: expect.stringContaining('Far Eastern'),
      citedAs: ['no citation given'],
      mention: "'over 72,000'",
    });
    expect(body.verdicts.conflicts).toBeGreaterThan(0);
  });
});

describe('GET /api/claims/:id/trace', () => {
  it('follows a cited claim to its footnote marker and reference entry', async () => {
    const { status, body } = await api.get('/api/claims/wp-troops-70000/trace');
    expect(status).toBe(200);
    expectShape(body, 'ClaimTrace');
    expect(body.status).toBe('cited');
    expect(body.source).toEqual({
      id: WP,
      title: 'Japanese intervention in Siberia',
      publisher: 'Wikipedia (via a mirror page)',
      url: null,
    });
    const { quote } = body;
    expect(quote.context.start).toBe(quote.start - 200);
    expect(quote.context.end).toBe(quote.end + 200);
    expect(quote.context.before).toHaveLength(200);
    expect(quote.context.after).toContain('[8]');
    expect(body.citations).toEqual([
      {
        kind: 'reference',
        marker: { exact: '[8]', start: expect.any(Number), end: expect.any(Number), found: 'located' },
        reference: { number: 8, text: 'Humphreys 1996, p.\u00a026.', work: 'Humphreys 1996', pages: 'p. 26' },
      },
    ]);
    const conflict = body.comparisons.find((c: { verdict: string }) => c.verdict === 'conflicts');
    expect(conflict.others).toEqual([
      expect.objectContaining({ claim: 'rb-troops-72000', wording: 'over 72,000', source: { id: RB, title: expect.any(String) } }),
    ]);
    expect(conflict.reason).toContain("'over 72,000'");
  });

  it('reports "citation needed" with the marker the claim stores', async () => {
    const { body } = await api.get('/api/claims/wp-deaths-5000/trace');
    expect(body.status).toBe('citation needed');
    expect(body.citations).toEqual([
      { kind: 'citation-needed', marker: expect.objectContaining({ exact: '[ citation needed ]', found: 'recorded' }), reference: null },
    ]);
  });

  it('reports "no citation given" for a claim of a source without footnotes', async () => {
    const { body } = await api.get('/api/claims/rb-troops-72000/trace');
    expect(body.status).toBe('no citation given');
    expect(body.citations).toEqual([]);
  });
});
