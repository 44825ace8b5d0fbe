// The client's logic without a browser: the review queue, the If-Match value, the upload's streamed
// progress and refusals, the evidence shapes read defensively, and the in-place graph sync that
// keeps what is on screen where it is.
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemsOf, submitSource } from '../../client/src/add-source/submit.js';
import { prepareGraph } from '../../client/src/graph-view/load.js';
import { syncGraph, unionOf } from '../../client/src/graph-view/sync.js';
import { favouredSide } from '../../client/src/panels/conflicts-list.js';
import { etagFor } from '../../client/src/review/claim-api.js';
import { ReviewQueue } from '../../client/src/review/queue.js';
import { likelyOf, likelySetsField, trustOf } from '../../client/src/truth/types.js';
import { parseQuery, toQuery } from '../../client/src/state/url.js';

afterEach(() => vi.unstubAllGlobals());

const span = (claim: string, start: number, status: 'extracted' | 'reviewed' | 'rejected' = 'extracted') => ({
  claim,
  start,
  end: start + 5,
  property: 'p',
  status,
});

describe('review queue', () => {
  it('holds the extracted claims in text order, counts decisions and moves on to the next undecided one', () => {
    const q = new ReviewQueue([span('c', 30), span('a', 10), span('done', 5, 'reviewed'), span('b', 20)]);
    expect(q.items.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(q.counter).toBe('0 of 3 reviewed');
    q.update('a', { status: 'reviewed' } as never, '"2"', 'accepted');
    expect(q.counter).toBe('1 of 3 reviewed');
    expect(q.advance()).toBe(true);
    expect(q.current?.id).toBe('b');
    q.goTo('c');
    q.update('c', { status: 'rejected' } as never, '"2"', 'rejected');
    expect(q.advance()).toBe(true);
    expect(q.current?.id).toBe('b');
    expect(q.move(-1)).toBe(true);
    expect(q.move(-1)).toBe(false);
  });

  it("If-Match is the claim version: the ETag when it is one, else the body's version", () => {
    expect(etagFor('"3"', { version: 3 })).toBe('"3"');
    expect(etagFor('W/"4"', { version: 3 })).toBe('"4"');
    expect(etagFor('W/"2ed-B3eKMKoctH+wTwcWaG9G"', { version: 5 })).toBe('"5"');
    expect(etagFor(null, {})).toBe('"1"');
  });
});

describe('adding a source', () => {
  // The client asks GET /api/session once before its first write (team mode's CSRF token): local mode here.
  const local = () =>
    new Response(JSON.stringify({ mode: 'local', user: null, csrfToken: null }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  const withSessionAnswer = (answer: () => Response) =>
    vi.fn(async (url: string, _init?: RequestInit) => (url === '/api/session' ? local() : answer()));

  it('reads progress lines as they stream (a line split across chunks included) and returns the result', async () => {
    const lines =
      '{"progress":0.25}\n{"prog' +
      'ress":0.5}\n{"progress":0.75}\n{"result":{"source":{"id":"s"},"claims":[],"proposedEntities":[],"comparisons":[],"warnings":[]}}\n';
    const chunks = [lines.slice(0, 25), lines.slice(25, 40), lines.slice(40)];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const x of chunks) c.enqueue(new TextEncoder().encode(x));
        c.close();
      },
    });
    const fetch = withSessionAnswer(() => new Response(body, { status: 201, headers: { 'Content-Type': 'application/x-ndjson' } }));
    vi.stubGlobal('fetch', fetch);
    const seen: number[] = [];
    const result = await submitSource({ title: 't', publisher: 'p', text: 'x' }, 'Ann', (s) => seen.push(s));
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
    expect(result.source.id).toBe('s');
    const init = fetch.mock.calls.find((call) => call[0] === '/api/sources')![1]!;
    expect(init.headers).toMatchObject({ Accept: 'application/x-ndjson', 'X-Reviewer': 'Ann' });
  });

  it('an error line after the stream started, and a JSON refusal before it, both end as errors with their status', async () => {
    vi.stubGlobal(
      'fetch',
      withSessionAnswer(
        () =>
          new Response('{"progress":0.5}\n{"error":"disk full","status":507,"details":null}\n', {
            status: 201,
            headers: { 'Content-Type': 'application/x-ndjson' },
          }),
      ),
    );
    await expect(submitSource({ title: 't', publisher: 'p', text: 'x' }, null, () => {})).rejects.toMatchObject({
      status: 507,
      message: 'disk full',
    });
    vi.stubGlobal(
      'fetch',
      withSessionAnswer(
        () =>
          new Response('{"error":"this text is already stored as source wp","details":{"existing":"wp"}}', {
            status: 409,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    await expect(submitSource({ title: 't', publisher: 'p', text: 'x' }, null, () => {})).rejects.toMatchObject({
      status: 409,
      details: { existing: 'wp' },
    });
  });

  it('names the field of each refused part, a missing one included', () => {
    expect(
      problemsOf([
        { at: '/', message: "must have required property 'title'" },
        { at: '/url', message: 'must match format "uri"' },
      ]),
    ).toEqual([
      { field: 'title', message: 'is required' },
      { field: 'url', message: 'must match format "uri"' },
    ]);
    expect(problemsOf(null)).toEqual([]);
  });
});

describe('evidence shapes', () => {
  it('reads trust and likely values defensively: absent or malformed is null', () => {
    expect(trustOf(undefined)).toBeNull();
    expect(trustOf({ score: 2 })).toBeNull();
    expect(trustOf({ score: 0.5, lowEvidence: true, explanation: 'e', agreements: 1, comparable: 2 })).toMatchObject({
      score: 0.5,
      lowEvidence: true,
    });
    expect(likelyOf({ value: 1, confidence: 0.5 })).toBeNull();
    expect(likelyOf({ value: '70,000', confidence: 0.6, claims: ['a', 3], lowEvidenceReason: 'only 1 source' })).toMatchObject({
      claims: ['a'],
      undecided: false,
      lowEvidenceReason: 'only 1 source',
    });
    expect(likelySetsField({ likely: { value: 'v', confidence: 0.5 } })).toHaveLength(1);
    expect(likelySetsField({ likelySets: [{ value: 'a', confidence: 0.5, scope: 'total' }, { bad: true }] }).map((l) => l.scope)).toEqual([
      'total',
    ]);
  });

  it('a conflict is favoured on the side whose claims support the likely value; never when undecided', () => {
    const item = { a: { id: 'a' }, b: { id: 'b' }, parts: [{ id: 'p1' }] } as never;
    const likely = (claims: string[], undecided = false) => ({ ...likelyOf({ value: 'v', confidence: 0.5, claims })!, undecided });
    expect(favouredSide(item, likely(['a']))).toBe('a');
    expect(favouredSide(item, likely(['p1']))).toBe('b');
    expect(favouredSide(item, likely(['z']))).toBeNull();
    expect(favouredSide(item, likely(['a'], true))).toBeNull();
  });
});

describe('graph sync in place', () => {
  const data = (nodes: [string, string][], edges: [string, string, string, string][]): SerializedGraph => {
    const g = new MultiDirectedGraph();
    nodes.forEach(([key, kind], i) => g.addNode(key, { kind, label: key, x: i * 10, y: 0 }));
    for (const [key, s, t, kind] of edges) g.addDirectedEdgeWithKey(key, s, t, { kind });
    return g.export();
  };

  it('keeps drawn positions, drops what went away, places a new node beside its neighbour', () => {
    const graph = prepareGraph(
      data(
        [
          ['entity:e', 'entity'],
          ['claim:a', 'claim'],
          ['claim:b', 'claim'],
        ],
        [
          ['about:a', 'claim:a', 'entity:e', 'about'],
          ['about:b', 'claim:b', 'entity:e', 'about'],
        ],
      ),
    );
    graph.mergeNodeAttributes('entity:e', { x: 500, y: 500 });
    const next = data(
      [
        ['entity:e', 'entity'],
        ['claim:a', 'claim'],
        ['claim:c', 'claim'],
      ],
      [
        ['about:a', 'claim:a', 'entity:e', 'about'],
        ['about:c', 'claim:c', 'entity:e', 'about'],
      ],
    );
    const { added, removed } = syncGraph(graph, next);
    expect(added).toEqual(['claim:c']);
    expect(removed).toBe(2);
    expect(graph.hasNode('claim:b')).toBe(false);
    expect(graph.getNodeAttributes('entity:e')).toMatchObject({ x: 500, y: 500 });
    const c = graph.getNodeAttributes('claim:c');
    expect(Math.hypot(c.x - 500, c.y - 500)).toBeLessThan(100);
    expect(graph.getNodeAttribute('entity:e', 'fullLabel')).toBe('entity:e');
  });

  it('a prepared graph (adjacency in dictionary mode) answers every neighbourhood question as graphology does', () => {
    const graph = prepareGraph(
      data(
        [
          ['entity:e', 'entity'],
          ['claim:a', 'claim'],
          ['claim:b', 'claim'],
          ['source:s', 'source'],
        ],
        [
          ['about:a', 'claim:a', 'entity:e', 'about'],
          ['about:b', 'claim:b', 'entity:e', 'about'],
          ['from:a', 'claim:a', 'source:s', 'from'],
          ['agrees:x', 'claim:a', 'claim:b', 'agrees'],
          ['agrees:y', 'claim:a', 'claim:b', 'agrees'],
        ],
      ),
    );
    expect(graph.hasDirectedEdge('claim:a', 'entity:e')).toBe(true);
    expect(graph.hasEdge('entity:e', 'claim:a')).toBe(false);
    expect(graph.edges('claim:a', 'claim:b').sort()).toEqual(['agrees:x', 'agrees:y']);
    expect(graph.neighbors('claim:a').sort()).toEqual(['claim:b', 'entity:e', 'source:s']);
    expect(graph.inNeighbors('entity:e').sort()).toEqual(['claim:a', 'claim:b']);
    expect(graph.areNeighbors('source:s', 'claim:a')).toBe(true);
    expect(graph.getNodeAttribute('claim:a', 'size')).toBeGreaterThan(graph.getNodeAttribute('claim:b', 'size'));
    graph.dropEdge('agrees:x');
    expect(graph.edges('claim:a', 'claim:b')).toEqual(['agrees:y']);
    graph.dropNode('entity:e');
    expect(graph.outNeighbors('claim:a').sort()).toEqual(['claim:b', 'source:s']);
    expect(graph.size).toBe(2);
  });

  it('a union of views lists each node and edge once', () => {
    const a = data(
      [
        ['x', 'entity'],
        ['y', 'claim'],
      ],
      [['about:y', 'y', 'x', 'about']],
    );
    const b = data(
      [
        ['x', 'entity'],
        ['y', 'claim'],
        ['z', 'claim'],
      ],
      [['about:y', 'y', 'x', 'about']],
    );
    const u = unionOf([a, b]);
    expect(u.nodes.map((n) => n.key).sort()).toEqual(['x', 'y', 'z']);
    expect(u.edges).toHaveLength(1);
  });
});

describe('URL state of the new views', () => {
  it('the review queue needs a node; full=1 survives the round trip', () => {
    expect(toQuery(parseQuery('?node=source:wp&panel=review&full=1'))).toBe('?node=source:wp&panel=review&full=1');
    expect(parseQuery('?edge=agrees:x&panel=review').panel).toBe('details');
    expect(parseQuery('?panel=review').panel).toBeNull();
  });
});
