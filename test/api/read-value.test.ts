// GET /api/read-value over real HTTP: the value a selection states, read by the extraction readers, with
// the year of the source's narrative for a bare day, and a 400 naming the parameter for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extractor } from '../../server/extract/types.js';
import { miniStore } from '../helpers/mini-store.js';
import { expectError, expectShape, startApi, type RunningApi } from './harness.js';

const noClaims: Extractor = () => ({ claims: [], proposedEntities: [], references: [], warnings: [] });
const TEXT = 'The regiment sailed in March 1919. It landed on 12 July at the port, nearly 5,000 strong.';

let api: RunningApi;
let source: string;
beforeAll(async () => {
  api = await startApi(await miniStore(), { extractor: async () => noClaims });
  const reply = await api.send('POST', '/api/sources', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'A diary', publisher: 'Archive', kind: 'primary', text: TEXT }),
  });
  expect(reply.status).toBe(201);
  source = reply.body.source?.id ?? 'a-diary';
});
afterAll(() => api.close());

const read = (query: Record<string, string | number>) =>
  api.get(`/api/read-value?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);

describe('GET /api/read-value', () => {
  it.each([
    ['over 72,000 soldiers', { type: 'quantity', comparator: 'gt', amount: 72000, unit: 'soldiers' }],
    ['between 2,000 and 3,000 men', { type: 'quantity', comparator: 'range', amount: 2000, upper: 3000, unit: 'men' }],
    ['seventy-two thousand troops', { type: 'quantity', amount: 72000, unit: 'troops' }],
    ['In 1918, 7,000 troops', { type: 'quantity', amount: 7000 }],
    ['By 6 June 1918', { type: 'date', date: { value: '1918-06-06', precision: 'day' } }],
    ['1 I October 1918', { type: 'date', date: { value: '1918-10-11', precision: 'day' } }],
    ['October 1918', { type: 'date', date: { value: '1918-10', precision: 'month' } }],
    ['the Czech Legion', { type: 'text', text: 'the Czech Legion' }],
    ['on 12 July', { type: 'text', text: 'on 12 July' }],
  ])('reads %j', async (text, value) => {
    const reply = await read({ text });
    expect(reply.status).toBe(200);
    expectShape(reply.body, 'ValueReading');
    expect(reply.body.value).toMatchObject(value);
  });

  it("gives a bare day the year the source's narrative is in before the selection", async () => {
    const at = TEXT.indexOf('on 12 July');
    const reply = await read({ text: 'on 12 July', source, at });
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual({ type: 'date', date: { value: '1919-07-12', precision: 'day' } });
    // Before the sentence that states the year, there is none to take.
    expect((await read({ text: 'on 12 July', source, at: 0 })).body.value.type).toBe('text');
  });

  it.each([
    [{}, '/query'],
    [{ text: '' }, '/query/text'],
    [{ text: 'x'.repeat(1001) }, '/query/text'],
    [{ text: '5 men', at: 3 }, '/query'],
    [{ text: '5 men', source: 'no-such-source' }, '/query/source'],
    [{ text: '5 men', at: 'ten', source: 'a-diary' }, '/query/at'],
    [{ text: '5 men', at: 1_000_000, source: 'a-diary' }, '/query/at'],
    [{ text: '5 men', colour: 'red' }, '/query'],
  ])('refuses %j with a 400 naming the parameter', async (query, at) => {
    const reply = await read(query as Record<string, string>);
    expectError(reply, 400);
    expect(reply.body.details.map((d: { at: string }) => d.at).join(' ')).toContain(at);
  });
});
