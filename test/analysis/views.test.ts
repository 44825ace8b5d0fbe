import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/analysis/analyse.js';
import { UnknownViewTarget, viewGraph } from '../../server/analysis/views.js';
import { loadStore } from '../../server/store/load.js';

const { graph } = analyse((await loadStore()).corpus);

describe('graph views', () => {
  it('conflicts first: every claim on a conflicts edge, with its subject and source', () => {
    const view = viewGraph(graph, { kind: 'conflicts', limit: 5000 });
    const conflicted = graph.filterNodes((_, a) => a.kind === 'claim' && Number(a.conflicts) > 0);
    for (const claim of conflicted) {
      expect(view.hasNode(claim)).toBe(true);
      expect(view.hasNode(`entity:${graph.getNodeAttribute(claim, 'subject')}`)).toBe(true);
      expect(view.hasNode(`source:${graph.getNodeAttribute(claim, 'source')}`)).toBe(true);
    }
    expect(view.filterNodes((_, a) => a.kind === 'claim' && Number(a.conflicts) === 0)).toEqual([]);
    expect(view.filterEdges((_, a) => a.kind === 'conflicts').length).toBe(graph.filterEdges((_, a) => a.kind === 'conflicts').length);
    expect(view.getAttribute('view')).toMatchObject({ kind: 'conflicts', truncated: false, total: { nodes: graph.order } });
  });

  it('an entity with its claims and the claims they are compared with', () => {
    const view = viewGraph(graph, { kind: 'entity', id: 'japanese-expeditionary-force', limit: 5000 });
    expect(view.hasNode('claim:rb-japanese-troops-oct-1918')).toBe(true);
    expect(view.hasNode('claim:wp-japanese-troops-deployed-total')).toBe(true);
    expect(view.hasNode('citation:wikipedia-japanese-intervention:8')).toBe(true);
    expect(view.order).toBeLessThan(graph.order);
  });

  it('a source with its claims', () => {
    const view = viewGraph(graph, { kind: 'source', id: 'russia-beyond', limit: 5000 });
    const claims = view.filterNodes((_, a) => a.kind === 'claim' && a.source === 'russia-beyond');
    expect(claims.length).toBe(graph.filterNodes((_, a) => a.kind === 'claim' && a.source === 'russia-beyond').length);
  });

  it('the k-hop neighbourhood grows with k', () => {
    const one = viewGraph(graph, { kind: 'neighbourhood', node: 'entity:semyonov', hops: 1, limit: 5000 });
    const two = viewGraph(graph, { kind: 'neighbourhood', node: 'entity:semyonov', hops: 2, limit: 5000 });
    expect(one.order).toBe(graph.neighbors('entity:semyonov').length + 1);
    expect(two.order).toBeGreaterThan(one.order);
  });

  it('stays within its node budget and says it was truncated', () => {
    const view = viewGraph(graph, { kind: 'neighbourhood', node: 'source:wikipedia-japanese-intervention', hops: 3, limit: 25 });
    expect(view.order).toBe(25);
    expect(view.getAttribute('view')).toMatchObject({ truncated: true });
    expect(viewGraph(graph, { kind: 'conflicts', limit: 10 }).order).toBeLessThanOrEqual(10);
  });

  it("carries the whole graph's headline counts, pending ones apart, whatever part it sends", () => {
    expect(graph.getAttribute('counts')).toEqual({ conflicts: 21, agreements: 64, pending: { conflicts: 0, agreements: 0 } });
    expect(viewGraph(graph, { kind: 'conflicts', limit: 10 }).getAttribute('counts')).toEqual(graph.getAttribute('counts'));
  });

  it('never changes the graph it reads, and refuses an unknown target', () => {
    const before = graph.order;
    viewGraph(graph, { kind: 'conflicts', limit: 5 });
    expect(graph.order).toBe(before);
    expect(graph.hasAttribute('view')).toBe(false);
    expect(() => viewGraph(graph, { kind: 'entity', id: 'nobody', limit: 5 })).toThrow(UnknownViewTarget);
  });
});
