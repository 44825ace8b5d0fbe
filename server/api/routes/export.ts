// GET /api/export?format=…[&view=…&id=…]: a download of the graph or of a view, in a format another
// tool reads (spreadsheets, Gephi, annotation tools, Wikidata). The formats live in server/export.
import { Router } from 'express';
import { DEFAULT_VIEW_LIMIT, UnknownViewTarget, type ViewSpec } from '../../core/views.js';
import { EXPORT_FORMATS, exportAnalysis, type ExportFormat } from '../../export/index.js';
import type { Repository } from '../../store/repository.js';
import { badRequest, HttpError } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';

interface ExportQuery {
  format: ExportFormat;
  view?: ViewSpec['kind'];
  id?: string;
  hops?: string;
  limit?: string;
}

function viewOf(query: ExportQuery): ViewSpec | undefined {
  const limit = query.limit ? Number(query.limit) : DEFAULT_VIEW_LIMIT;
  const needId = () => {
    if (!query.id) throw badRequest('invalid query', [{ at: '/query/id', message: `is required for view=${query.view}` }]);
    return query.id;
  };
  switch (query.view) {
    case undefined: case 'all': return undefined;
    case 'conflicts': return { kind: 'conflicts', limit };
    case 'entity': return { kind: 'entity', id: needId(), limit };
    case 'source': return { kind: 'source', id: needId(), limit };
    case 'neighbourhood': return { kind: 'neighbourhood', node: needId(), hops: query.hops ? Number(query.hops) : 1, limit };
  }
}

export function exportRoutes(repo: Repository): Router {
  const router = Router();
  router.get('/export', (req, res) => {
    const { query } = validInput<never, ExportQuery>(req, { query: REQUEST_SCHEMAS.exportQuery });
    const view = viewOf(query);
    const { analysis } = repo.snapshot;
    if (view && (view.kind === 'entity' || view.kind === 'source') && !analysis.graph.hasNode(`${view.kind}:${view.id}`)) {
      throw new HttpError(404, `no ${view.kind} ${view.id}`);
    }
    let body: string;
    try {
      body = exportAnalysis(analysis, { format: query.format, view, base: `${req.protocol}://${req.get('host') ?? 'localhost'}` });
    } catch (err) {
      if (err instanceof UnknownViewTarget) throw new HttpError(404, err.message);
      throw err;
    }
    const format = EXPORT_FORMATS[query.format];
    const name = `concordance${view && 'id' in view ? `-${view.id}` : view && 'node' in view ? `-${view.node.replace(/[^a-z0-9-]/g, '-')}` : ''}.${format.extension}`;
    res.setHeader('Content-Type', format.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(body);
  });
  return router;
}
