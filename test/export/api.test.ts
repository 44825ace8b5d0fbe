// GET /api/export over real HTTP: each format as a download, views narrowing it, bad queries refused.
import Graph from 'graphology';
import type { GraphConstructor } from 'graphology-types';
import gexf from 'graphology-gexf';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyGraphData, expectError, startApi, type RunningApi } from '../api/harness.js';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi(await copyGraphData());
});
afterAll(() => api?.close());

describe('GET /api/export', () => {
  it('sends the comparisons of one entity as a CSV download', async () => {
    const reply = await api.get('/api/export?format=comparisons-csv&view=entity&id=japanese-expeditionary-force');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(reply.headers['content-disposition']).toBe('attachment; filename="concordance-japanese-expeditionary-force.comparisons.csv"');
    const rows = parseCsv(String(reply.body), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r['a claim'] && r['b claim'])).toBe(true);
  });

  it('sends GEXF that graphology-gexf reads back with the same counts as the served graph', async () => {
    const [reply, graph] = await Promise.all([
      api.get('/api/export?format=gexf'),
      api.get('/api/graph', { 'accept-encoding': 'identity' }),
    ]);
    expect(reply.headers['content-type']).toMatch(/^application\/gexf\+xml/);
    const back = gexf.parse(Graph as unknown as GraphConstructor, String(reply.body));
    expect(back.order).toBe(graph.body.nodes.length);
    expect(back.size).toBe(graph.body.edges.length);
  });

  it('sends Web Annotations with IRIs on this server', async () => {
    const reply = await api.get('/api/export?format=annotations&view=source&id=russia-beyond');
    expect(reply.headers['content-type']).toMatch(/^application\/ld\+json/);
    const body = JSON.parse(String(reply.body));
    expect(body.first.items.length).toBeGreaterThan(0);
    expect(body.first.items[0].id).toMatch(new RegExp(`^${api.base}/api/claims/`));
  });

  it('refuses an unknown format or view target with the reason', async () => {
    expectError(await api.get('/api/export?format=xlsx'), 400, '/query/format');
    expectError(await api.get('/api/export'), 400, '/query/format');
    expectError(await api.get('/api/export?format=gexf&view=entity'), 400, '/query/id');
    expectError(await api.get('/api/export?format=gexf&view=entity&id=atlantis'), 404);
  });
});
