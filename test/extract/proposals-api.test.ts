// Open vocabulary end to end, over real HTTP: an ingest whose figures no vocabulary property fits
// stores the properties extraction proposes (status "proposed") with the claims that state them;
// GET /api/proposals lists them; accepting adds one to the vocabulary, merging moves its claims onto
// an existing property, and bad reviews are clear 4xx that leave the store untouched.
import { afterEach, describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/extract/index.js';
import type { Extractor } from '../../server/extract/types.js';
import { loadStore } from '../../server/store/load.js';
import { miniStore } from '../helpers/mini-store.js';
import { fingerprint } from '../helpers/temp-store.js';
import { startApi, type RunningApi } from '../api/harness.js';

const extractor: Extractor = (text, context) => extractClaims(text, context);
let api: RunningApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json', 'x-reviewer': 'Ann' }, body: JSON.stringify(body) });
const TEXT = 'The garrison dispatched 3,000 horses to the coast in 1919. The garrison numbered 4,000 men.';

async function ingest() {
  api = await startApi(await miniStore(), { extractor: async () => extractor });
  const reply = await api.send('POST', '/api/sources', json({ title: 'Horses', publisher: 'Archive', kind: 'primary', text: TEXT }));
  expect(reply.status).toBe(201);
  return { a: api, reply };
}

describe('proposed properties', () => {
  it('are stored with the claims that state them and listed for review', async () => {
    const { a, reply } = await ingest();
    expect(reply.body.proposedProperties).toMatchObject([
      { id: 'horses-dispatched', label: 'horses dispatched', valueType: 'quantity', unit: 'horses', status: 'proposed' },
    ]);
    expect(reply.body.claims.map((c: { property: string }) => c.property).sort()).toEqual(['horses-dispatched', 'troop-strength']);
    const stored = await loadStore(a.dataDir);
    expect(stored.problems).toEqual([]);
    expect(stored.corpus.properties.find((p) => p.id === 'horses-dispatched')?.status).toBe('proposed');
    const list = await a.get('/api/proposals');
    expect(list.body.properties).toMatchObject([{ id: 'horses-dispatched', claims: 1 }]);
  });

  it('accepting one adds it to the vocabulary', async () => {
    const { a } = await ingest();
    const reply = await a.send('POST', '/api/proposals/properties/horses-dispatched', json({ action: 'accept' }));
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBeUndefined();
    const stored = await loadStore(a.dataDir);
    expect(stored.corpus.properties.find((p) => p.id === 'horses-dispatched')).toMatchObject({ label: 'horses dispatched' });
    expect(stored.corpus.properties.find((p) => p.id === 'horses-dispatched')?.status).toBeUndefined();
    expect((await a.get('/api/proposals')).body.properties).toEqual([]);
  });

  it('merging one moves its claims onto the existing property, revertibly logged', async () => {
    const { a } = await ingest();
    const reply = await a.send(
      'POST',
      '/api/proposals/properties/horses-dispatched',
      json({ action: 'merge', into: 'troop-strength', note: 'horses count as strength here' }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('rejected');
    const stored = await loadStore(a.dataDir);
    expect(stored.problems).toEqual([]);
    const moved = stored.corpus.claims.filter((c) => c.source === 'horses' && c.value.type === 'quantity' && c.value.amount === 3000);
    expect(moved).toMatchObject([{ property: 'troop-strength', version: 2 }]);
  });

  it('refuses a bad review with a clear 4xx, storing nothing', async () => {
    const { a } = await ingest();
    const before = await fingerprint(a.dataDir);
    const bad = [
      ['horses-dispatched', { action: 'merge' }, 400, '/into'],
      ['horses-dispatched', { action: 'merge', into: 'founding-date' }, 400, '/into'],
      ['horses-dispatched', { action: 'approve' }, 400, '/action'],
      ['horses-dispatched', { action: 'accept', extra: 1 }, 400, '/'],
      ['troop-strength', { action: 'accept' }, 400, '/'],
      ['no-such-property', { action: 'accept' }, 404, undefined],
    ] as const;
    for (const [id, body, status, at] of bad) {
      const reply = await a.send('POST', `/api/proposals/properties/${id}`, json(body));
      expect(reply.status, JSON.stringify(body)).toBe(status);
      if (at) expect(reply.body.details.map((d: { at: string }) => d.at)).toContain(at);
    }
    expect(await fingerprint(a.dataDir)).toEqual(before);
  });
});
