import { createHash } from 'node:crypto';
import { Router } from 'express';
import { buildInBackground, hasGraph, isBuilding, whenBuilt } from '../../analysis/live-graph.js';
import { isLocalView, localView } from '../../analysis/local-graph.js';
import { DEFAULT_VIEW_LIMIT, UnknownViewTarget, viewGraph } from '../../analysis/views.js';
import type { Repository, Snapshot } from '../../store/repository.js';
import { HttpError } from '../errors.js';
import { REQUEST_SCHEMAS, validInput } from '../validation.js';
import { listComparisons } from '../views/comparisons.js';
import { DEFAULT_OVERVIEW_LIMIT, overviewGraph } from '../views/overview.js';
import { placed } from '../views/positions.js';
import { rankingOf } from '../views/ranking.js';
import { factsOf } from '../views/view-facts.js';
import { graphViewSpecOf, type GraphViewSpec, type ViewQuery } from '../views/view-spec.js';

type GraphQuery = ViewQuery;

/** Response header: `building` while the whole graph is still being built in the background, else `ready`. */
export const GRAPH_HEADER = 'X-Graph';

/** Settings of the graph routes. */
export interface GraphRouteOptions {
  /**
   * Above this many nodes a store is large: its first views are made as the server starts and its
   * whole graph is then built in the background (X-Graph says `building` until it is). Default
   * LARGE_GRAPH_NODES (20,000: the explorer draws a graph whole up to it, client/src/graph-view/feed.ts).
   */
  largeGraphNodes?: number;
}

/** The explorer draws a graph whole up to this many nodes (client/src/graph-view/feed.ts), above it the overview. */
export const LARGE_GRAPH_NODES = 20_000;

/** The options with their defaults; throws on a value that is not a count. */
export function graphRouteSettings(options: GraphRouteOptions = {}): Required<GraphRouteOptions> {
  const largeGraphNodes = options.largeGraphNodes ?? LARGE_GRAPH_NODES;
  if (!Number.isInteger(largeGraphNodes) || largeGraphNodes < 0)
    throw new RangeError(`largeGraphNodes must be a whole number of nodes, not ${largeGraphNodes}`);
  return { largeGraphNodes };
}

/**
 * GET /api/graph: the graphology export() of the whole graph, or of a view of it. Each answer is
 * serialised once per revision and sent with an ETag, so an unchanged graph costs a 304.
 */
export function graphRoutes(repo: Repository, options: GraphRouteOptions = {}): Router {
  const { largeGraphNodes } = graphRouteSettings(options);
  const router = Router();
  const cache = new ViewCache();
  const isLarge = (analysis: Snapshot['analysis']) => factsOf(analysis).totals().nodes > largeGraphNodes;
  // Until the warm-up below has started the background build (or found the graph small), a large
  // store's whole graph is not built and nothing on its line says so yet (isBuilding is false):
  // answers in that window said `ready` while the whole graph was still to be built.
  let warming = true;
  let warmed!: () => void;
  const warmedUp = new Promise<void>((resolve) => (warmed = resolve));
  const endWarming = () => {
    warming = false;
    warmed();
  };
  const stillBuilding = (analysis: Snapshot['analysis']) => isBuilding(analysis) || (warming && !hasGraph(analysis) && isLarge(analysis));
  // A large graph opens on its overview: made now, rather than on the first visit (ranking, layout
  // and the contradictions' triage take seconds at 100,000 claims); then the whole graph is built
  // in slices between requests (tens of seconds at 100,000 claims: the views above do not need it).
  setTimeout(() => {
    void warmLargeGraph(repo, cache, isLarge)
      .then((large) => {
        // Started in the same turn as warming ends: no request sees neither.
        const built = large ? buildInBackground(repo.snapshot.analysis) : undefined;
        endWarming();
        return built;
      })
      .catch((err: unknown) => console.warn('building the graph failed:', (err as Error).message))
      .finally(endWarming);
  }, 0).unref();
  router.get('/graph', async (req, res) => {
    const { query } = validInput<Record<string, never>, GraphQuery>(req, { query: REQUEST_SCHEMAS.graphQuery });
    let snapshot = repo.snapshot;
    const whole = query.view === undefined || query.view === 'all';
    // While the whole graph is built in the background (a large store just opened), every answer says
    // so; asking for the whole graph then waits for it without holding up other requests.
    if (whole && stillBuilding(snapshot.analysis)) {
      await warmedUp;
      await whenBuilt(repo.snapshot.analysis);
      snapshot = repo.snapshot;
    }
    res.setHeader(GRAPH_HEADER, stillBuilding(snapshot.analysis) ? 'building' : 'ready');
    const { json, etag } = whole ? { json: snapshot.graphJson, etag: snapshot.graphEtag } : cache.get(snapshot, graphViewSpecOf(query));
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

  get(snapshot: Snapshot, spec: GraphViewSpec): { json: string; etag: string } {
    if (snapshot.revision !== this.revision) {
      this.entries.clear();
      this.revision = snapshot.revision;
    }
    const key = JSON.stringify(spec);
    let entry = this.entries.get(key);
    if (!entry) {
      let graph;
      try {
        const { analysis } = snapshot;
        // The overview is read off the analysis (the graph is not built for it); every view places
        // its nodes where every other view of this revision does (positions.ts).
        // An entity's, a source's or a one-hop neighbourhood is made from the graph around it
        // (local-graph.ts: the same view) until the whole graph is there; then from the whole graph,
        // which writes patch in place, where the local graph's indexes would be made again per revision.
        if (spec.kind === 'overview') graph = overviewGraph(analysis, spec.limit);
        else if (isLocalView(spec) && !hasGraph(analysis)) {
          const facts = factsOf(analysis);
          graph = placed(localView(analysis, spec, { total: facts.totals(), counts: facts.counts() }), analysis);
        } else graph = placed(viewGraph(analysis.graph, spec), analysis);
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

/** Makes a large graph's first views now; false for a graph small enough to be drawn whole. */
async function warmLargeGraph(repo: Repository, cache: ViewCache, isLarge: (analysis: Snapshot['analysis']) => boolean): Promise<boolean> {
  // Step by step, letting requests that came meanwhile be answered between steps (each is seconds at 1M claims).
  const next = () => new Promise((resolve) => setImmediate(resolve));
  try {
    if (!isLarge(repo.snapshot.analysis)) return false;
    await next();
    cache.get(repo.snapshot, { kind: 'overview', limit: DEFAULT_OVERVIEW_LIMIT });
    await next();
    // The list's first page, in its default order: the report and its triage are cached per snapshot.
    listComparisons(repo.snapshot.analysis, 'conflicts', { sort: 'gap', group: 'identical', offset: '0', limit: '100' });
    await next();
    // The first entity the overview shows, opened: makes the indexes every entity's view is made from (local-graph.ts).
    const { entities } = rankingOf(repo.snapshot.analysis);
    if (entities[0]) cache.get(repo.snapshot, { kind: 'entity', id: entities[0].slice(7), limit: DEFAULT_VIEW_LIMIT });
  } catch (err) {
    // Only a head start: the request itself will meet (and report) whatever went wrong.
    console.warn('warming the overview failed:', (err as Error).message);
  }
  return true;
}
