// The whole graph built in slices between other work (server/analysis/live-graph.ts
// buildInBackground, as the server does after a large store opens): the same graph as built at
// once; the event loop runs meanwhile; reading the graph before the end finishes it at once.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/analysis/analyse.js';
import { buildGraph } from '../../server/analysis/graph.js';
import { buildInBackground, isBuilding, whenBuilt } from '../../server/analysis/live-graph.js';
import { generateCorpus } from '../../bench/lib/corpus.js';

const corpus = generateCorpus({ claims: 20000, seed: 2 });
const expected = (a: ReturnType<typeof analyse>) => {
  const graph = buildGraph(a.corpus, a.comparisons, a.likely);
  if (a.trust === 'updating') graph.setAttribute('trust', 'updating');
  return graph.export();
};

describe('the graph built in the background', () => {
  it('equals the graph built at once, and lets other work run meanwhile', async () => {
    const a = analyse(corpus, undefined, { deferTrust: true });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const done = buildInBackground(a);
    expect(isBuilding(a)).toBe(true);
    await done;
    clearInterval(timer);
    expect(isBuilding(a)).toBe(false);
    expect(ticks).toBeGreaterThan(0);
    expect(a.graph.export()).toEqual(expected(a));
  });

  it('is finished at once when the graph is read before the end', async () => {
    const a = analyse(corpus);
    const done = buildInBackground(a);
    await new Promise((resolve) => setImmediate(resolve));
    expect(isBuilding(a)).toBe(true);
    const graph = a.graph;
    expect(isBuilding(a)).toBe(false);
    await whenBuilt(a);
    await done;
    expect(a.graph).toBe(graph);
    expect(graph.export()).toEqual(expected(a));
  });
});
