// GEXF 1.3 for Gephi desktop: the graph (or a view of it) with the explorer's colours, sizes and
// positions, node and edge kinds as attributes. graphology-gexf writes it; array attributes
// (aliases) are joined, since GEXF has no list type that Gephi reads back reliably.
import gexf from 'graphology-gexf';
import type { ConcordanceGraph } from '../analysis/graph.js';
// The explorer's own source colouring (shared with the client), so that claims in Gephi take their
// source's colour exactly as on screen.
import { SourceStyles } from '../common/source-styles.js';
import { exportEdgeColor, exportEdgeThickness, exportNodeColor, exportNodeSize } from './palette.js';

type Cell = string | number | boolean;

/** GEXF attributes must be scalars: lists become "a; b", objects their JSON, null is left out. */
function scalarAttributes(attributes: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (skip.has(name) || value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
    else out[name] = JSON.stringify(value);
  }
  return out;
}

// Drawn as GEXF's own viz elements, not repeated as attributes.
const NODE_VIZ = new Set(['x', 'y', 'label', 'size', 'color']);
const EDGE_VIZ = new Set(['label', 'size', 'color', 'weight']);

/** Each source's colour as the explorer gives it when it holds the whole graph. */
function sourceColours(graph: ConcordanceGraph): Map<string, string> {
  const sources = graph
    .filterNodes((_k, a) => a.kind === 'source')
    .map((key) => {
      const a = graph.getNodeAttributes(key);
      const id = String(a.sourceId ?? key.slice('source:'.length));
      const title = String(a.label ?? id);
      const publisher = typeof a.publisher === 'string' && a.publisher.trim() ? a.publisher : null;
      return { id, title, name: publisher ?? title };
    });
  const styles = new SourceStyles(sources, true);
  return new Map(sources.map((s) => [s.id, styles.of(s).colour]));
}

export function graphToGexf(graph: ConcordanceGraph): string {
  const colours = sourceColours(graph);
  const colourOf = (attributes: Record<string, unknown>): string => {
    if (attributes.kind === 'source') return colours.get(String(attributes.sourceId)) ?? exportNodeColor('source');
    if (attributes.kind === 'claim') return colours.get(String(attributes.source)) ?? exportNodeColor('claim');
    return exportNodeColor(String(attributes.kind));
  };
  return gexf.write(graph, {
    version: '1.3',
    formatNode: (key, attributes) => ({
      label: String(attributes.label ?? key),
      attributes: scalarAttributes(attributes, NODE_VIZ),
      viz: {
        color: colourOf(attributes),
        size: exportNodeSize(String(attributes.kind), graph.degree(key)),
        x: Number(attributes.x) || 0,
        y: Number(attributes.y) || 0,
      },
    }),
    formatEdge: (_key, attributes) => ({
      label: String(attributes.kind),
      attributes: scalarAttributes(attributes, EDGE_VIZ),
      weight: attributes.kind === 'conflicts' || attributes.kind === 'agrees' ? 2 : 1,
      viz: { color: exportEdgeColor(String(attributes.kind)), thickness: exportEdgeThickness(String(attributes.kind)) },
    }),
  });
}
