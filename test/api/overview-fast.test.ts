// The overview and the server's layout read off the analysis (server/api/views/view-facts.ts: the
// graph left unbuilt, as the server answers a large graph's first view) equal what they were when
// read off the built graph: on the bundled corpus, on a generated store, and with records rejected.
import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../server/analysis/analyse.js';
import { overviewGraph } from '../../server/api/views/overview.js';
import { layoutAfresh } from '../../server/api/views/positions.js';
import { rankingOf } from '../../server/api/views/ranking.js';
import { factsOf } from '../../server/api/views/view-facts.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { Repository } from '../../server/store/repository.js';
import { generateCorpus } from '../../bench/lib/corpus.js';

function expectSameViews(fast: Analysis): void {
  // A second analysis of the same corpus: its graph is built, the fast one's never is.
  const full = analyse(fast.corpus, undefined, { deferTrust: fast.trust === 'updating' });
  const graph = full.graph;
  expect(factsOf(fast).totals()).toEqual({ nodes: graph.order, edges: graph.size });
  expect(factsOf(fast).counts()).toEqual(graph.getAttribute('counts'));
  const a = rankingOf(fast);
  const b = rankingOf(graph);
  expect(a.entities).toEqual(b.entities);
  expect(a.tally).toEqual(b.tally);
  // Every node's place, claims and citations included, from a fresh start.
  const fastLayout = layoutAfresh(fast);
  expect(fastLayout).toEqual(layoutAfresh(graph));
  expect(fastLayout.size).toBe(graph.order);
  for (const limit of [1500, 40]) {
    expect(overviewGraph(fast, limit).export()).toEqual(overviewGraph(graph, limit).export());
  }
}

describe('the overview read off the analysis', () => {
  it('equals the overview read off the graph on the bundled corpus', async () => {
    const repo = await Repository.open(DEFAULT_DATA_DIR);
    expectSameViews(repo.snapshot.analysis);
    await repo.close();
  });

  it('equals it on a generated store, with trust learnt or still to learn', () => {
    const corpus = generateCorpus({ claims: 4000, seed: 3 });
    expectSameViews(analyse(corpus));
    expectSameViews(analyse(corpus, undefined, { deferTrust: true }));
  });

  it('equals it with claims and an entity rejected', () => {
    const corpus = generateCorpus({ claims: 3000, seed: 5 });
    const claims = corpus.claims.map((c, i) => (i % 7 === 0 ? { ...c, status: 'rejected' as const } : c));
    const entities = corpus.entities.map((e, i) => (i === 3 ? { ...e, status: 'rejected' as const } : e));
    expectSameViews(analyse({ ...corpus, claims, entities }));
  });
});
