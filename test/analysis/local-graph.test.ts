// An entity's or a source's view, or a one-hop neighbourhood, made from the graph around it (server/analysis/local-graph.ts,
// what the server answers without building the whole graph) equals the view made from the whole
// graph: same nodes in the same order, same edges and attributes, same info and counts, and (placed
// as the server sends it) the same positions; only the seeded starting places of a build differ.
import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../server/analysis/analyse.js';
import { localView } from '../../server/analysis/local-graph.js';
import { UnknownViewTarget, viewGraph, type ViewSpec } from '../../server/analysis/views.js';
import { placed } from '../../server/api/views/positions.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { Repository } from '../../server/store/repository.js';
import { generateCorpus } from '../../bench/lib/corpus.js';

function expectSameHubViews(fast: Analysis, every = 1): void {
  const full = analyse(fast.corpus, undefined, { deferTrust: fast.trust === 'updating' });
  const graph = full.graph;
  const whole = { total: { nodes: graph.order, edges: graph.size }, counts: graph.getAttribute('counts') };
  const hubs = [
    ...fast.corpus.entities.map((e) => ({ kind: 'entity' as const, id: e.id })),
    ...fast.corpus.sources.map((s) => ({ kind: 'source' as const, id: s.id })),
  ].filter((_h, i) => i % every === 0);
  const specs: ViewSpec[] = [];
  for (const limit of [5000, 12]) {
    for (const hub of hubs) {
      specs.push({ ...hub, limit });
      specs.push({ kind: 'neighbourhood', node: `${hub.kind}:${hub.id}`, hops: 1, limit });
    }
    for (const claim of fast.corpus.claims.filter((_c, i) => i % (every * 3) === 0)) {
      specs.push({ kind: 'neighbourhood', node: `claim:${claim.id}`, hops: 1, limit });
    }
  }
  let compared = 0;
  for (const spec of specs) {
    {
      let expected;
      try {
        expected = placed(viewGraph(graph, spec), fast).export();
      } catch (err) {
        expect(err).toBeInstanceOf(UnknownViewTarget);
        expect(() => localView(fast, spec, whole)).toThrow(UnknownViewTarget);
        continue;
      }
      expect(placed(localView(fast, spec, whole), fast).export()).toEqual(expected);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(30);
}

describe('an entity, source or one-hop view made from the graph around it', () => {
  it('equals the view made from the whole graph on the bundled corpus', async () => {
    const repo = await Repository.open(DEFAULT_DATA_DIR);
    expectSameHubViews(repo.snapshot.analysis);
    await repo.close();
  });

  it('equals it on a generated store', () => {
    expectSameHubViews(analyse(generateCorpus({ claims: 3000, seed: 3 })), 7);
  });

  it('equals it with claims and entities rejected, trust still to learn', () => {
    const corpus = generateCorpus({ claims: 3000, seed: 5 });
    const claims = corpus.claims.map((c, i) => (i % 7 === 0 ? { ...c, status: 'rejected' as const } : c));
    const entities = corpus.entities.map((e, i) => (i % 9 === 3 ? { ...e, status: 'rejected' as const } : e));
    expectSameHubViews(analyse({ ...corpus, claims, entities }, undefined, { deferTrust: true }), 5);
  });
});
