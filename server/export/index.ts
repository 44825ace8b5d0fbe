// Every export format in one table: the API (GET /api/export), the CLI (npm run export) and the
// explorer's download menu all go through exportAnalysis, so a format behaves the same everywhere.
import type { Analysis } from '../analysis/analyse.js';
import type { Claim } from '../core/schema-types.js';
import { viewGraph, viewNodes, type ViewSpec } from '../analysis/views.js';
import { claimsCsv, comparisonsCsv } from './csv.js';
import { graphToGexf } from './gexf.js';
import { quickStatements } from './quickstatements.js';
import { claimAnnotations } from './web-annotation.js';

export const EXPORT_FORMATS = {
  'claims-csv': {
    mediaType: 'text/csv; charset=utf-8',
    extension: 'claims.csv',
    describe: 'claims, one row each, with quote, sources and citation',
  },
  'comparisons-csv': {
    mediaType: 'text/csv; charset=utf-8',
    extension: 'comparisons.csv',
    describe: 'contradictions and agreements, one row each, both quotes and the reason',
  },
  gexf: { mediaType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', describe: 'the graph for Gephi desktop (GEXF 1.3)' },
  annotations: {
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    extension: 'annotations.jsonld',
    describe: 'W3C Web Annotations of every quote',
  },
  quickstatements: {
    mediaType: 'text/plain; charset=utf-8',
    extension: 'quickstatements.txt',
    describe: 'Wikidata QuickStatements of reviewed, mapped claims',
  },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

export interface ExportRequest {
  format: ExportFormat;
  /** A view of the graph (as GET /api/graph takes it): only its claims and edges are exported. */
  view?: ViewSpec;
  /** Absolute base for IRIs in JSON-LD. */
  base?: string;
}

function claimsInView(analysis: Analysis, view: ViewSpec | undefined): Claim[] {
  const nodes = view ? viewNodes(analysis.graph, view) : undefined;
  if (!nodes) return analysis.corpus.claims;
  const keep = new Set(nodes.filter((n) => n.startsWith('claim:')).map((n) => n.slice('claim:'.length)));
  return analysis.corpus.claims.filter((c) => keep.has(c.id));
}

export function exportAnalysis(analysis: Analysis, request: ExportRequest): string {
  const { format, view } = request;
  switch (format) {
    case 'claims-csv':
      return claimsCsv(analysis, claimsInView(analysis, view));
    case 'comparisons-csv': {
      if (!view || view.kind === 'all') return comparisonsCsv(analysis);
      const claims = new Set(claimsInView(analysis, view).map((c) => c.id));
      return comparisonsCsv(analysis, (item) => claims.has(item.a.id) && claims.has(item.b.id));
    }
    case 'gexf':
      return graphToGexf(view ? viewGraph(analysis.graph, view) : analysis.graph);
    case 'annotations':
      return `${JSON.stringify(claimAnnotations(analysis, claimsInView(analysis, view), { base: request.base ?? 'http://localhost:3000' }), null, 2)}\n`;
    case 'quickstatements':
      return quickStatements(analysis, claimsInView(analysis, view));
  }
}
