// Every endpoint against malformed, hostile and impossible input, over real HTTP with paths sent
// byte for byte: each request gets the 4xx it should, as JSON { error, details }, and leaves the
// store byte-identical and the served snapshot unchanged. Then the other side: input that is odd
// but valid (emoji, RTL marks, combining marks) is stored exactly as sent and survives a restart.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extractor } from '../../server/extract/types.js';
import { ingestSource } from '../../server/store/ingest.js';
import { Repository } from '../../server/store/repository.js';
import { WP, writeFixtureStore } from '../api/fixture-store.js';
import { expectError } from '../api/harness.js';
import { fingerprint, tempStore } from '../helpers/temp-store.js';
import {
  createClaimCases,
  createSourceCases,
  patchBodyCases,
  plainTextCases,
  VALID_CLAIM,
  VALID_PATCH,
  VALID_SOURCE,
} from './bad-body-cases.js';
import {
  deleteAndRevertCases,
  malformedBodyCases,
  patchHeaderCases,
  PATCH_CLAIM,
  POST_CLAIM,
  POST_SOURCE,
  readCases,
  WRITE_TARGETS,
  type BadCase,
} from './bad-input-cases.js';
import { startRawApi, type RawApi } from './raw-api.js';

/** No language model needed here: ingest only has to get as far as storing. */
const noClaims: Extractor = () => ({ claims: [], proposedEntities: [], references: [], warnings: [] });

/** The app over a private copy of graph-data holding the fixed claims of test/api/fixture-store.ts. */
async function fixtureApi(): Promise<RawApi> {
  const dir = await tempStore();
  await writeFixtureStore(dir);
  const api = await startRawApi(dir, { extractor: async () => noClaims });
  return {
    ...api,
    close: async () => {
      await api.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('refused input leaves the store as it was', () => {
  let api: RawApi;
  let existingText: string;
  beforeAll(async () => {
    api = await fixtureApi();
    existingText = await readFile(path.join(api.repo.layout.sourcesDir, `${WP}.txt`), 'utf8');
  });
  afterAll(async () => api.close());

  const refuses = async (c: BadCase) => {
    const before = await fingerprint(api.repo.layout.root);
    const revision = api.repo.snapshot.revision;
    const reply = await api.send(c.method, c.path, { headers: c.headers, body: c.body, chunked: c.chunked });
    const statuses = Array.isArray(c.status) ? c.status : [c.status];
    expect(statuses, `${c.name}: got ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 300)}`).toContain(reply.status);
    expectError(reply, reply.status, c.at);
    expect(typeof reply.body.error).toBe('string');
    expect(api.repo.snapshot.revision, 'the served snapshot did not change').toBe(revision);
    expect(await fingerprint(api.repo.layout.root), 'the store is byte-identical').toEqual(before);
  };

  it.each(readCases().map((c) => [c.name, c]))('%s', async (_name, c) => refuses(c));
  it.each(WRITE_TARGETS.flatMap(malformedBodyCases).map((c) => [c.name, c]))('%s', async (_name, c) => refuses(c), 60_000);
  it.each(patchHeaderCases().map((c) => [c.name, c]))('%s', async (_name, c) => refuses(c));
  it.each(patchBodyCases().map((c) => [c.name, c]))('%s', async (_name, c) => refuses(c));
  it.each(createClaimCases().map((c) => [c.name, c]))('%s', async (_name, c) => refuses(c));
  it.each(plainTextCases().map((c) => [c.name, c]))('%s', async (_name, c) => refuses(c));
  it.each(deleteAndRevertCases().map((c) => [c.name, c]))('%s', async (_name, c) => refuses(c));
  // Built lazily: the duplicate case needs a stored text, read once the store exists.
  it('POST /api/sources: every malformed source is refused', async () => {
    for (const c of createSourceCases(existingText)) await refuses(c);
  });
});

describe('the valid bodies the refusals start from are accepted', () => {
  it.each([
    [PATCH_CLAIM.name, PATCH_CLAIM, VALID_PATCH, 200],
    [POST_CLAIM.name, POST_CLAIM, VALID_CLAIM, 201],
    [POST_SOURCE.name, POST_SOURCE, VALID_SOURCE, 201],
  ] as const)('%s', async (_name, target, body, status) => {
    const api = await fixtureApi();
    try {
      const reply = await api.send(target.method, target.path, { headers: target.headers, body: JSON.stringify(body) });
      expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    } finally {
      await api.close();
    }
  });
});

describe('the store refuses a text it cannot write back', () => {
  // Through the API the body check answers first; the ingest CLI reaches the store directly.
  it('ingest refuses a text with a lone surrogate and writes nothing', async () => {
    const dir = await tempStore();
    try {
      await writeFixtureStore(dir);
      const repo = await Repository.open(dir);
      const before = await fingerprint(dir);
      const input = { title: 'Probe', publisher: 'Test', text: 'The garrison had 9,000 men \ud800 that winter.' };
      await expect(ingestSource(repo, input, { who: 'test' }, noClaims)).rejects.toMatchObject({
        kind: 'invalid',
        details: [{ at: '/text' }],
      });
      expect(await fingerprint(dir)).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('odd but valid text is stored exactly as sent', () => {
  const title = '🎌 Intervención \u202Bسيبيريا\u202C — Ōtani Kikuzō (O\u0304tani), 𝔖𝔦𝔟𝔢𝔯𝔦𝔞';
  const text = 'Zero\u200Bwidth, e\u0301 and é, 👨‍👩‍👧 and 🇯🇵, \u202Eright-to-left\u202C, 𝔊𝔬𝔱𝔥𝔦𝔠.\nThe garrison had 9,000 men.';

  it('emoji, RTL marks, combining marks and astral letters round-trip through the API, the disk and a restart', async () => {
    const api = await fixtureApi();
    try {
      const reply = await api.send('POST', '/api/sources', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, publisher: 'Ünïcode press', text }),
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      const { id } = reply.body.source as { id: string };
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const served = await api.send('GET', `/api/sources/${id}`);
      expect(served.body).toMatchObject({ title, publisher: 'Ünïcode press', text });
      expect(await readFile(path.join(api.repo.layout.sourcesDir, `${id}.txt`), 'utf8')).toBe(text);
      const reopened = await Repository.open(api.repo.layout.root);
      expect(reopened.snapshot.analysis.corpus.sources.find((s) => s.id === id)?.title).toBe(title);
      expect(reopened.snapshot.analysis.corpus.texts.get(id)).toBe(text);
    } finally {
      await api.close();
    }
  });
});
