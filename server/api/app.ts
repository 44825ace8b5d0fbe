// The Express app: API under /api, the built client at /. No domain logic lives here.
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Extractor } from '../extract/types.js';
import type { Repository } from '../store/repository.js';
import { errorHandler, methodNotAllowed, optionsAllow, unknownRoute } from './errors.js';
import { ENDPOINTS } from './openapi.js';
import { claimRoutes } from './routes/claims.js';
import { comparisonRoutes } from './routes/comparisons.js';
import { entityRoutes } from './routes/entities.js';
import { graphRoutes } from './routes/graph.js';
import { defaultExtractor } from './extractor.js';
import { gatesOf, type GateOptions } from './gate/index.js';
import { ingestRoutes } from './routes/ingest.js';
import { documentRoutes } from './routes/documents.js';
import { UploadShelf } from './documents/uploads.js';
import { exportRoutes } from './routes/export.js';
import { reconcileCors, reconciliationRoutes } from './reconciliation/routes.js';
import { openApiRoutes } from './routes/openapi.js';
import { reviewRoutes } from './routes/review.js';
import { proposalRoutes } from './routes/proposals.js';
import { searchRoutes } from './routes/search.js';
import { timelineRoutes } from './routes/timeline.js';
import { sourceRoutes } from './routes/sources.js';
import { sourceTrustRoutes } from './routes/source-trust.js';
import { readValueRoutes } from './routes/read-value.js';

export const CLIENT_DIST = path.resolve(import.meta.dirname, '../../client/dist');

export interface AppOptions extends GateOptions {
  /** Folder of the built client; not served when it does not exist. */
  clientDir?: string;
  /** The claim extractor used by POST /api/sources (tests inject their own). */
  extractor?: () => Promise<Extractor>;
  /** When a store counts as large (GraphRouteOptions in routes/graph.ts; default 20,000 nodes). */
  largeGraphNodes?: number;
}

export function createApp(repo: Repository, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // ForceAtlas2's worker starts from a blob: URL; without this the layout silently never runs.
          workerSrc: ["'self'", 'blob:'],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          // Served over plain http on localhost: upgrading subresources to https would break it.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use(compression());
  const gates = gatesOf(options);
  app.use(gates.site);

  const api = express.Router();
  api.use(gates.api);
  // The reconciliation service's CORS answers its own preflights, before the API's OPTIONS handler.
  api.use('/reconcile', reconcileCors);
  api.use(optionsAllow(ENDPOINTS));
  // Every route here must be described in openapi.ts (a test checks both ways).
  for (const routes of [
    (r: Repository) => graphRoutes(r, { largeGraphNodes: options.largeGraphNodes }),
    sourceRoutes,
    entityRoutes,
    claimRoutes,
    comparisonRoutes,
    searchRoutes,
    timelineRoutes,
    reviewRoutes,
    proposalRoutes,
    exportRoutes,
    reconciliationRoutes,
    sourceTrustRoutes,
    readValueRoutes,
  ])
    api.use(routes(repo));
  // Documents dropped in wait on one shelf until they are saved as sources.
  const shelf = new UploadShelf();
  api.use(documentRoutes(shelf));
  api.use(ingestRoutes(repo, options.extractor ?? defaultExtractor, shelf));
  api.use(openApiRoutes());
  api.use(methodNotAllowed(ENDPOINTS));
  api.use(unknownRoute);
  app.use('/api', api);

  const clientDir = options.clientDir ?? CLIENT_DIST;
  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html' }));
    // Views live in the URL: a non-API path serves the app shell, but not a file name (a missing
    // /assets/x.js or /favicon.ico is a 404, not HTML a browser would try to run as a script).
    app.get(/^\/(?!api\/|assets\/)(?:[^/]*\/)*[^/.]*$/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
