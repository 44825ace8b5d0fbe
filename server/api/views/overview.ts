// The entity overview: the first view of a graph too large to draw whole. Entities and sources
// only, most disputed first; one edge per (source, entity) pair, weighted by the contradictions
// that source's claims about that entity take part in. Claims come later, when the user opens an
// entity (its own view). Positions come from positions.ts, shared by every view of the revision.
import { MultiDirectedGraph } from 'graphology';
import type { ConcordanceGraph, EdgeAttributes, NodeAttributes } from '../../analysis/graph.js';
import { positionsOf } from './positions.js';
import { sourceNames } from './source-name.js';
import { DEFAULT_OVERVIEW_LIMIT, overviewNodes, rankingOf } from './ranking.js';
import { factsOf, type FactsSource } from './view-facts.js';

export { DEFAULT_OVERVIEW_LIMIT };

/** Links drawn per entity in the overview, to its most contradicted sources. */
export const LINKS_PER_ENTITY = 5;

export interface OverviewInfo {
  kind: 'overview';
  truncated: boolean;
  /** The whole graph's size. */
  total: { nodes: number; edges: number };
  /** Entities and sources shown, and in the whole graph. */
  entities: { shown: number; total: number };
  sources: { shown: number; total: number };
  /** Claims in the whole graph (not rejected): the banner's figure. */
  claims: number;
}

/**
 * The overview of a revision, given as its analysis (the server: the graph is not built for it) or
 * as its graph (the same view: test/api/overview-fast.test.ts).
 */
export function overviewGraph(from: FactsSource, limit = DEFAULT_OVERVIEW_LIMIT): ConcordanceGraph {
  const facts = factsOf(from);
  const { tally, sourcesOf } = rankingOf(from);
  const positions = positionsOf(from);
  const nodes = overviewNodes(from, limit);
  const view: ConcordanceGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  let entities = 0;
  let sources = 0;
  for (const key of nodes) {
    const attrs = facts.hubAttributes(key);
    const t = tally.get(key) ?? { claims: 0, conflicts: 0 };
    const at = positions.get(key) ?? { x: attrs.x, y: attrs.y };
    if (attrs.kind === 'source') {
      sources++;
      view.addNode(key, { ...attrs, ...sourceNames(attrs.label), x: at.x, y: at.y, claims: t.claims, conflicts: t.conflicts });
    } else {
      entities++;
      view.addNode(key, { ...attrs, x: at.x, y: at.y, claims: t.claims, conflicts: t.conflicts });
    }
  }
  for (const key of nodes) {
    // Each entity's most contradicted sources among those drawn: a few links per entity keep the
    // picture readable (a generated graph's every source speaks of every entity: 15,000 links).
    const links = [...(sourcesOf.get(key) ?? [])]
      .filter(([source]) => view.hasNode(source))
      .sort((x, y) => y[1].conflicts - x[1].conflicts || y[1].claims - x[1].claims || (x[0] < y[0] ? -1 : 1))
      .slice(0, LINKS_PER_ENTITY);
    for (const [source, t] of links) {
      // "disputes" when that source's claims about the entity are contradicted, else "says".
      view.addDirectedEdgeWithKey(`${t.conflicts > 0 ? 'disputes' : 'says'}:${source.slice(7)}:${key.slice(7)}`, source, key, {
        kind: (t.conflicts > 0 ? 'disputes' : 'says') as EdgeAttributes['kind'],
        weight: t.conflicts,
        claims: t.claims,
      });
    }
  }
  const entityTotal = facts.entities().length;
  const sourceTotal = facts.sources().length;
  let claims = 0;
  facts.forEachClaim(() => claims++);
  const info: OverviewInfo = {
    kind: 'overview',
    truncated: entities < entityTotal || sources < sourceTotal,
    total: facts.totals(),
    entities: { shown: entities, total: entityTotal },
    sources: { shown: sources, total: sourceTotal },
    claims,
  };
  view.setAttribute('view', info);
  const counts = facts.counts();
  if (counts) view.setAttribute('counts', counts);
  return view;
}
