// The OpenRefine reconciliation service over real HTTP, every answer validated against the JSON
// Schemas of the W3C Entity Reconciliation API 0.2 (copied in spec-0.2/, see ORIGIN.md).
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyGraphData, expectError, startApi, type RunningApi } from '../api/harness.js';

const SPEC_DIR = path.join(import.meta.dirname, 'spec-0.2');

/** The spec's schemas, with the two load-time adaptations ORIGIN.md describes. */
function specValidators() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schemas = readdirSync(SPEC_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const schema = JSON.parse(readFileSync(path.join(SPEC_DIR, f), 'utf8'));
      delete schema.$schema;
      if (schema.properties?.authentication) schema.properties.authentication = { type: 'object' };
      return schema;
    });
  for (const s of schemas) ajv.addSchema(s);
  const get = (name: string) => ajv.getSchema(`https://reconciliation-api.github.io/specs/0.2/schemas/${name}`)!;
  return {
    manifest: get('manifest.json'),
    queryBatch: get('reconciliation-query.json'),
    resultBatch: get('reconciliation-result-batch.json'),
    suggestEntities: get('suggest-entities-response.json'),
    suggestTypes: get('suggest-types-response.json'),
    suggestProperties: get('suggest-properties-response.json'),
  };
}

const spec = specValidators();
function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body);
  expect(ok ? [] : validate.errors).toEqual([]);
}

let api: RunningApi;
beforeAll(async () => {
  api = await startApi(await copyGraphData());
});
afterAll(() => api?.close());

describe('/api/reconcile', () => {
  it('serves a manifest that the specification accepts, with CORS', async () => {
    const reply = await api.get('/api/reconcile');
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expectValid(spec.manifest, reply.body);
    expect(reply.body.versions).toContain('0.2');
    expect(reply.body.preview.url).toContain('{{id}}');
  });

  it('answers a batch by GET: any spelling of a name finds the entity, an exact alias is a certain match', async () => {
    const queries = { q0: { query: 'Semenov' }, q1: { query: 'Kikuzo Otani', type: 'person', limit: 3 }, q2: { query: 'zzzz nobody' } };
    expectValid(spec.queryBatch, queries);
    const reply = await api.get(`/api/reconcile?queries=${encodeURIComponent(JSON.stringify(queries))}`);
    expect(reply.status).toBe(200);
    expectValid(spec.resultBatch, reply.body);
    const semenov = reply.body.q0.result[0];
    expect(semenov.name).toMatch(/Semyonov/);
    expect(semenov.match).toBe(true);
    expect(semenov.score).toBe(100);
    expect(reply.body.q1.result[0].type[0].id).toBe('person');
    expect(reply.body.q1.result.length).toBeLessThanOrEqual(3);
    expect(reply.body.q2.result).toEqual([]);
  });

  it('answers a batch POSTed as a form field, as OpenRefine sends it, and uses property conditions', async () => {
    const queries = { a: { query: 'Japanese', properties: [{ pid: 'troop-strength', v: 70000 }] } };
    const reply = await api.send('POST', '/api/reconcile', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `queries=${encodeURIComponent(JSON.stringify(queries))}`,
    });
    expect(reply.status).toBe(200);
    expectValid(spec.resultBatch, reply.body);
    const top = reply.body.a.result[0];
    expect(top.features.find((f: { id: string }) => f.id === 'property:troop-strength')?.value).toBe(true);
  });

  it('refuses a malformed batch with a 400 naming where', async () => {
    expectError(await api.get(`/api/reconcile?queries=${encodeURIComponent('{"q0": {"limit": 3}}')}`), 400, '/query/queries/q0');
    expectError(await api.get('/api/reconcile?queries=%7Bnot-json'), 400, '/query/queries');
    expectError(await api.get('/api/reconcile?nonsense=1'), 400, '/query/nonsense');
  });

  it("suggests entities, types and properties in the specification's shape", async () => {
    const entities = await api.get('/api/reconcile/suggest/entity?prefix=sem');
    expectValid(spec.suggestEntities, entities.body);
    expect(entities.body.result.some((r: { name: string }) => /Semyonov/.test(r.name))).toBe(true);
    const types = await api.get('/api/reconcile/suggest/type?prefix=pe');
    expectValid(spec.suggestTypes, types.body);
    expect(types.body.result.map((t: { id: string }) => t.id)).toContain('person');
    const properties = await api.get('/api/reconcile/suggest/property?prefix=troop');
    expectValid(spec.suggestProperties, properties.body);
    expect(properties.body.result.map((p: { id: string }) => p.id)).toContain('troop-strength');
  });

  it('previews an entity as escaped HTML that OpenRefine may frame, and 404s an unknown one', async () => {
    const reply = await api.get('/api/reconcile/preview?id=semyonov');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(String(reply.body)).toContain('Semyonov');
    expect(String(reply.body)).not.toMatch(/<script/i);
    expectError(await api.get('/api/reconcile/preview?id=no-such-entity'), 404);
  });

  it('answers a CORS preflight on its own routes only', async () => {
    const preflight = await api.send('OPTIONS', '/api/reconcile', {
      headers: { origin: 'http://openrefine.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const other = await api.get('/api/sources', { origin: 'http://openrefine.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
