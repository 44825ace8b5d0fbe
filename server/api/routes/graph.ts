import { createHash } from 'node:crypto';
import { Router } from 'express';
import { UnknownViewTarget, viewGraph, type ViewSpec } from '../../analysis/views.js';
import type { Repository, Snapshot } from '../../store/repository.js';
import { HttpError } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { viewSpecOf, type ViewQuery } from '../views/view-spec.js';

type GraphQuery = ViewQuery;

/**
 * GET /api/graph: the graphology export() of the whole graph, or of a view of it. Each answer is
 * serialised once per revision and sent with an ETag, so an unchanged graph costs a 304.
 */
export function graphRoutes(repo: Repository): Router {
  const router = Router();
  const cache = new ViewCache();
  router.get('/graph', (req, res) => {
    const { query } = validInput<Record<string, never>, GraphQuery>(req, { query: REQUEST_SCHEMAS.graphQuery });
    const snapshot = repo.snapshot;
    const whole = query.view === undefined || query.view === 'all';
    const { json, etag } = whole ? { json: snapshot.graphJson, etag: snapshot.graphEtag } : cache.get(snapshot, viewSpecOf(query));
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    if (whole && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      // Compressed once per revision; the compression middleware leaves an encoded body alone.
      res.type('application/json').setHeader('Content-Encoding', 'gzip');
      res.send(snapshot.graphGzip());
      return;
    }
    res.type('application/json').send(json);
  });
  return router;
}

/** Serialised views of the current revision; a new revision empties it. Small: views are for big graphs. */
class ViewCache {
  private revision = -1;
  private entries = new Map<string, { json: string; etag: string }>();

  get(snapshot: Snapshot, spec: ViewSpec): { json: string; etag: string } {
    if (snapshot.revision !== this.revision) {
      this.entries.clear();
      this.revision = snapshot.revision;
    }
    const key = JSON.stringify(spec);
    let entry = this.entries.get(key);
    if (!entry) {
      let graph;
      try {
        graph = viewGraph(snapshot.analysis.graph, spec);
      } catch (err) {
        if (err instanceof UnknownViewTarget) throw new HttpError(404, err.message);
        throw err;
      }
      const json = JSON.stringify(graph.export());
      entry = { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
      if (this.entries.size >= 32) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return entry;
  }
}
