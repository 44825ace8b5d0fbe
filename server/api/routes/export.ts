// GET /api/export?format=…[&view=…&id=…]: a download of the graph or of a view, in a format another
// tool reads (spreadsheets, Gephi, annotation tools, Wikidata). The formats live in server/export.
import { Router } from 'express';
import { UnknownViewTarget } from '../../analysis/views.js';
import { EXPORT_FORMATS, exportAnalysis, type ExportFormat } from '../../export/index.js';
import type { Repository } from '../../store/repository.js';
import { HttpError } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { viewSpecOf, type ViewQuery } from '../views/view-spec.js';

interface ExportQuery extends ViewQuery {
  format: ExportFormat;
}

export function exportRoutes(repo: Repository): Router {
  const router = Router();
  router.get('/export', (req, res) => {
    const { query } = validInput<never, ExportQuery>(req, { query: REQUEST_SCHEMAS.exportQuery });
    const view = viewSpecOf(query);
    const { analysis } = repo.snapshot;
    if ((view.kind === 'entity' || view.kind === 'source') && !analysis.graph.hasNode(`${view.kind}:${view.id}`)) {
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
    const name = `concordance${'id' in view ? `-${view.id}` : 'node' in view ? `-${view.node.replace(/[^a-z0-9-]/g, '-')}` : ''}.${format.extension}`;
    res.setHeader('Content-Type', format.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(body);
  });
  return router;
}
