// The entity overview and the server's positions (server/api/views/overview.ts, positions.ts) on
// the bundled graph: entities and sources only, links weighted by the contradictions between
// them, whole-graph counts; the same positions from a fresh start, every view placing a node
// where the others do, and a write leaving every entity and source where it was.
import { describe, expect, it } from 'vitest';
import { viewGraph } from '../../server/analysis/views.js';
import { overviewGraph } from '../../server/api/views/overview.js';
import { layoutAfresh, placed, positionsOf } from '../../server/api/views/positions.js';
import { readableSourceName } from '../../server/api/views/source-name.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { Repository } from '../../server/store/repository.js';
import type { ConcordanceGraph } from '../../server/analysis/graph.js';

const open = async (): Promise<ConcordanceGraph> => (await Repository.open(DEFAULT_DATA_DIR)).snapshot.analysis.graph;

describe('the entity overview', () => {
  it('holds entities and sources only, linked by the contradictions of their claims, with the whole graph counted', async () => {
    const graph = await open();
    const view = overviewGraph(graph, 1500);
    expect(view.filterNodes((_k, a) => a.kind !== 'entity' && a.kind !== 'source')).toEqual([]);
    const info = view.getAttribute('view') as {
      entities: { shown: number; total: number };
      sources: { shown: number; total: number };
      total: { nodes: number };
      claims: number;
    };
    expect(info.total.nodes).toBe(graph.order);
    expect(info.sources.total).toBe(graph.filterNodes((_k, a) => a.kind === 'source').length);
    expect(info.claims).toBe(graph.filterNodes((_k, a) => a.kind === 'claim').length);
    // Each link's weight: the contradictions the source's claims about the entity take part in.
    let checked = 0;
    view.forEachEdge((_e, a, source, entity) => {
      const claims = graph.filterNodes(
        (_k, c) => c.kind === 'claim' && `source:${String(c.source)}` === source && `entity:${String(c.subject)}` === entity,
      );
      expect(a.weight).toBe(claims.reduce((n, c) => n + Number(graph.getNodeAttribute(c, 'conflicts')), 0));
      expect(a.kind).toBe(Number(a.weight) > 0 ? 'disputes' : 'says');
      checked++;
    });
    expect(checked).toBeGreaterThan(10);
    // A smaller budget keeps the most disputed first, and says it is a part.
    const small = overviewGraph(graph, 10);
    expect(small.order).toBeLessThanOrEqual(10);
    expect((small.getAttribute('view') as { truncated: boolean }).truncated).toBe(true);
    expect(small.hasNode('entity:japanese-expeditionary-force')).toBe(true);
  });

  it('names imported contributors readably and leaves other titles alone', () => {
    expect(readableSourceName('1513217: Mohammedfairouz in population_claims.csv')).toBe('Mohammedfairouz');
    expect(readableSourceName('0 (68.162.248.83) in population_claims.csv')).toBe('68.162.248.83');
    expect(readableSourceName('Japanese intervention in Siberia')).toBe('Japanese intervention in Siberia');
  });
});

describe('server positions', () => {
  it('are the same from a fresh start, the same in every view, and kept for every entity and source after a write', async () => {
    const first = await open();
    const second = await open();
    // Two processes starting afresh on the same data: the same layout, node for node.
    const a = layoutAfresh(first);
    expect(layoutAfresh(second)).toEqual(a);
    expect(a.size).toBe(first.order);
    // In one process, a second revision of the same data keeps every place.
    positionsOf(first);
    const fresh = positionsOf(second);
    for (const [k, p] of a) expect(fresh.get(k)).toEqual(p);
    expect(fresh.all()).toEqual(a);
    const entityView = placed(viewGraph(second, { kind: 'entity', id: 'japanese-expeditionary-force', limit: 5000 }), second);
    entityView.forEachNode((k, attrs) => expect({ x: attrs.x, y: attrs.y }).toEqual(fresh.get(k)));
    // A write: a copy of the graph with a new entity and a claim about it from a known source.
    const edited = second.copy() as ConcordanceGraph;
    edited.addNode('entity:new-place', { kind: 'entity', label: 'New place', x: 0, y: 0 });
    edited.addNode('claim:new-1', {
      kind: 'claim',
      label: 'New place · population: 12',
      x: 0,
      y: 0,
      source: 'russia-beyond',
      subject: 'new-place',
      property: 'population',
      conflicts: 0,
    });
    edited.addDirectedEdgeWithKey('about:new-1', 'claim:new-1', 'entity:new-place', { kind: 'about' });
    edited.addDirectedEdgeWithKey('from:new-1', 'claim:new-1', 'source:russia-beyond', { kind: 'from' });
    const after = positionsOf(edited);
    for (const [k, p] of fresh.hubs) expect(after.get(k)).toEqual(p);
    // The new entity sits beside its source, not on top of anything at the origin.
    const near = after.get('entity:new-place')!;
    const source = after.get('source:russia-beyond')!;
    expect(Math.hypot(near.x - source.x, near.y - source.y)).toBeLessThan(20);
  });
});
