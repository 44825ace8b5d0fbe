// The OpenAPI document describes exactly the routes the app serves, and is served itself.
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
import { ENDPOINTS, expressPath, openApiDocument } from '../../server/api/openapi.js';
import { expectShape, startFixtureApi, type RunningApi } from './harness.js';
import { routesOf } from './route-table.js';

let api: RunningApi;

beforeAll(async () => {
  api = await startFixtureApi();
});
afterAll(() => api.close());

/** Example values for path parameters, so every described path can be requested. */
const EXAMPLE_IDS: Record<string, string> = {
  '/api/sources/{id}': 'russia-beyond',
  '/api/entities/{id}': 'semyonov',
  '/api/claims/{id}': 'wp-troops-70000',
  '/api/claims/{id}/trace': 'wp-troops-70000',
  '/api/claims/{id}/history': 'wp-troops-70000',
  '/api/sources/{id}/trust': 'russia-beyond',
  '/api/sources/{id}/what-if': 'russia-beyond',
};
const REQUIRED_QUERY: Record<string, string> = {
  '/api/search': '?q=otani',
  '/api/export': '?format=claims-csv',
  '/api/reconcile/suggest/entity': '?prefix=sem',
  '/api/reconcile/suggest/type': '?prefix=p',
  '/api/reconcile/suggest/property': '?prefix=troop',
  '/api/reconcile/preview': '?id=semyonov',
  '/api/sources/{id}/what-if': '?trust=primary',
  '/api/read-value': '?text=over%2072%2C000%20troops',
};

describe('GET /api/openapi.json', () => {
  it('serves an OpenAPI 3.1 document', async () => {
    const { status, body } = await api.get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body).toEqual(openApiDocument());
    expect(body.openapi).toBe('3.1.0');
  });

  it('describes every route of the app, and nothing else', () => {
    const app = createApp(api.repo, { clientDir: path.join(api.dataDir, 'no-client') });
    const served = routesOf(app)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`)
      .sort();
    const described = Object.entries(openApiDocument().paths as Record<string, Record<string, unknown>>)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${expressPath(p)}`))
      .sort();
    expect(served).toEqual(described);
  });

  it.each(ENDPOINTS.filter((e) => (e.method ?? 'get') === 'get').map((e) => [e.path, e] as const))(
    '%s answers as described',
    async (p, endpoint) => {
      const url = p.replace('{id}', EXAMPLE_IDS[p] ?? '') + (REQUIRED_QUERY[p] ?? '');
      const reply = await api.get(url);
      expect(reply.status).toBe(200);
      expectShape(reply.body, endpoint.response);
    },
  );

  it('sends the response headers it documents, with values their schemas allow', async () => {
    const ajv = new Ajv2020({ strict: false });
    const documented = ENDPOINTS.filter((e) => e.responseHeaders);
    expect(documented.map((e) => e.path)).toContain('/api/graph');
    for (const e of documented) {
      for (const query of e.path === '/api/graph' ? ['', '?view=overview&limit=50'] : ['']) {
        const reply = await api.get(e.path + query);
        expect(reply.status).toBe(200);
        for (const [name, { schema }] of Object.entries(e.responseHeaders!)) {
          const value = reply.headers[name.toLowerCase()];
          expect(ajv.validate(schema, value), `${e.path}${query} ${name}: ${String(value)}`).toBe(true);
        }
      }
    }
    const doc = openApiDocument() as { paths: Record<string, { get: { responses: Record<string, { headers?: unknown }> } }> };
    expect(doc.paths['/api/graph']!.get.responses['200']!.headers).toMatchObject({
      'X-Graph': { schema: { enum: ['building', 'ready'] } },
    });
  });

  it('documents each parameter with the schema the server validates it with', () => {
    const doc = openApiDocument() as {
      paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[] } }>;
    };
    const byName = (p: string) => Object.fromEntries(doc.paths[p]!.get.parameters.map((x) => [x.name, x]));
    expect(byName('/api/conflicts').scope).toMatchObject({ in: 'query', required: false, schema: { enum: ['between', 'within'] } });
    expect(byName('/api/search').q).toMatchObject({ in: 'query', required: true, schema: { type: 'string', maxLength: 200 } });
    expect(byName('/api/claims/{id}/trace').id).toMatchObject({
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: expect.any(String) },
    });
    expect(JSON.stringify(doc)).not.toContain('defs.schema.json');
  });

  it('its component schemas are valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false });
    const doc = openApiDocument() as { components: { schemas: Record<string, unknown> } };
    expect(() =>
      ajv.addSchema({ $id: 'https://x/doc.json', ...doc }).getSchema('https://x/doc.json#/components/schemas/ClaimTrace'),
    ).not.toThrow();
    for (const name of new Set(ENDPOINTS.map((e) => e.response))) expect(doc.components.schemas[name], name).toBeDefined();
  });
});
