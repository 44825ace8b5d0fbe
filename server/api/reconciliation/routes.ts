// The W3C Entity Reconciliation API 0.2 at /api/reconcile, so that OpenRefine users can match a
// spreadsheet column against the entity register: manifest, batched queries by GET and POST,
// suggest (entity, type, property) and an HTML preview. Read-only, so it is the one place with CORS.
import { Ajv } from 'ajv';
import express, { Router, type RequestHandler, type Response } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Repository, Snapshot } from '../../store/repository.js';
import { badRequest, HttpError } from '../errors.js';
import { API_SCHEMA_DIR, REQUEST_SCHEMAS, validInput, type InputProblem } from '../validation.js';
import { fold } from '../../common/fold.js';
import { ENTITY_TYPE_NAMES, reconcileQuery, subjectIndex, type ReconQuery } from './match.js';

const SUGGEST_LIMIT = 10;
const batchSchema = JSON.parse(readFileSync(path.join(API_SCHEMA_DIR, 'reconcile-batch.json'), 'utf8'));
const validBatch = new Ajv({ allErrors: true, strict: true }).compile(batchSchema);

/**
 * Browsers may call this service from any page: it only reads, and sends no cookies. Mounted on
 * /reconcile ahead of the API's OPTIONS answer, so a preflight gets these headers.
 */
export const reconcileCors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
    return;
  }
  next();
};

function baseUrl(req: express.Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function manifest(base: string) {
  return {
    versions: ['0.2'],
    name: 'Concordance entity register',
    identifierSpace: `${base}/api/entities/`,
    schemaSpace: `${base}/api/properties/`,
    view: { url: `${base}/?node=entity:{{id}}&panel=details` },
    preview: { url: `${base}/api/reconcile/preview?id={{id}}`, width: 400, height: 120 },
    defaultTypes: Object.entries(ENTITY_TYPE_NAMES).map(([id, name]) => ({ id, name })),
    suggest: {
      entity: { service_url: base, service_path: '/api/reconcile/suggest/entity' },
      type: { service_url: base, service_path: '/api/reconcile/suggest/type' },
      property: { service_url: base, service_path: '/api/reconcile/suggest/property' },
    },
  };
}

/** The decoded, validated batch of a `queries` parameter, or a 400 naming what is wrong and where. */
export function parseBatch(raw: string): Record<string, ReconQuery> {
  let batch: unknown;
  try {
    batch = JSON.parse(raw);
  } catch (err) {
    throw badRequest('invalid queries', [{ at: '/query/queries', message: `is not JSON: ${(err as Error).message}` }]);
  }
  if (!validBatch(batch)) {
    const problems: InputProblem[] = (validBatch.errors ?? []).map((e) => ({
      at: `/query/queries${e.instancePath}`,
      message: e.message ?? e.keyword,
    }));
    throw badRequest('invalid queries', problems);
  }
  return batch as Record<string, ReconQuery>;
}

/** Per snapshot: the claims of each subject, for property conditions. */
const indexes = new WeakMap<Snapshot, ReturnType<typeof subjectIndex>>();

function answer(repo: Repository, res: Response, raw: string | undefined, base: string): void {
  if (raw === undefined) {
    res.json(manifest(base));
    return;
  }
  const batch = parseBatch(raw);
  const snapshot = repo.snapshot;
  let bySubject = indexes.get(snapshot);
  if (!bySubject) indexes.set(snapshot, (bySubject = subjectIndex(snapshot.analysis)));
  const results: Record<string, { result: ReturnType<typeof reconcileQuery> }> = {};
  for (const [key, query] of Object.entries(batch)) results[key] = { result: reconcileQuery(snapshot.analysis, query, bySubject) };
  res.json(results);
}

function page<T>(items: T[], cursor: string | undefined): T[] {
  const skip = cursor ? Number(cursor) : 0;
  return items.slice(skip, skip + SUGGEST_LIMIT);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function reconciliationRoutes(repo: Repository): Router {
  const router = Router();
  router.get('/reconcile', (req, res) => {
    const { query } = validInput<never, { queries?: string }>(req, { query: REQUEST_SCHEMAS.reconcileQuery });
    answer(repo, res, query.queries, baseUrl(req));
  });
  // OpenRefine posts the batch as a form field; scripts may post it as JSON { "queries": "..." }.
  router.post(
    '/reconcile',
    express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 2 }),
    express.json({ limit: '256kb' }),
    (req, res) => {
      validInput(req, { query: REQUEST_SCHEMAS.noQuery });
      const body = (req.body ?? {}) as Record<string, unknown>;
      const unknown = Object.keys(body).filter((k) => k !== 'queries');
      if (unknown.length > 0)
        throw badRequest(
          'invalid body',
          unknown.map((k) => ({ at: `/body/${k}`, message: 'unknown field' })),
        );
      if (typeof body.queries !== 'string')
        throw badRequest('invalid body', [{ at: '/body/queries', message: 'is required, as a JSON string' }]);
      answer(repo, res, body.queries, baseUrl(req));
    },
  );
  router.get('/reconcile/suggest/entity', (req, res) => {
    const { query } = validInput<never, { prefix: string; cursor?: string }>(req, { query: REQUEST_SCHEMAS.reconcileSuggestQuery });
    const prefix = fold(query.prefix);
    const hits = repo.snapshot.analysis.corpus.entities
      .filter(
        (e) =>
          e.status !== 'rejected' &&
          [e.label, ...e.aliases.map((a) => a.name)].some((n) => fold(n).startsWith(prefix) || fold(n).includes(` ${prefix}`)),
      )
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((e) => ({
        id: e.id,
        name: e.label,
        ...(e.description ? { description: e.description } : {}),
        notable: [{ id: e.type, name: ENTITY_TYPE_NAMES[e.type] }],
      }));
    res.json({ result: page(hits, query.cursor) });
  });
  router.get('/reconcile/suggest/type', (req, res) => {
    const { query } = validInput<never, { prefix: string; cursor?: string }>(req, { query: REQUEST_SCHEMAS.reconcileSuggestQuery });
    const prefix = fold(query.prefix);
    const hits = Object.entries(ENTITY_TYPE_NAMES)
      .filter(([id, name]) => fold(name).startsWith(prefix) || id.startsWith(prefix))
      .map(([id, name]) => ({ id, name }));
    res.json({ result: page(hits, query.cursor) });
  });
  router.get('/reconcile/suggest/property', (req, res) => {
    const { query } = validInput<never, { prefix: string; cursor?: string }>(req, { query: REQUEST_SCHEMAS.reconcileSuggestQuery });
    const prefix = fold(query.prefix);
    const hits = repo.snapshot.analysis.corpus.properties
      .filter((p) => fold(p.label).startsWith(prefix) || fold(p.label).includes(` ${prefix}`) || p.id.startsWith(prefix))
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((p) => ({ id: p.id, name: p.label, ...(p.description ? { description: p.description } : {}) }));
    res.json({ result: page(hits, query.cursor) });
  });
  router.get('/reconcile/preview', (req, res) => {
    const { query } = validInput<never, { id: string }>(req, { query: REQUEST_SCHEMAS.reconcilePreviewQuery });
    const { analysis } = repo.snapshot;
    const entity = analysis.index.entity.get(query.id);
    if (!entity) throw new HttpError(404, `no entity ${query.id}`);
    const claims = analysis.corpus.claims.filter((c) => c.subject === entity.id && c.status !== 'rejected').length;
    const aliases = entity.aliases
      .map((a) => a.name)
      .filter((n) => n !== entity.label)
      .slice(0, 8);
    // Shown inside OpenRefine's iframe: no script, inline style only, framing allowed for this page alone.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *");
    res.removeHeader('X-Frame-Options');
    res
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(entity.label)}</title></head>` +
          `<body style="font:14px sans-serif;margin:6px"><strong>${escapeHtml(entity.label)}</strong> <em>(${escapeHtml(ENTITY_TYPE_NAMES[entity.type])})</em>` +
          (entity.description ? `<p style="margin:4px 0">${escapeHtml(entity.description)}</p>` : '') +
          (aliases.length ? `<p style="margin:4px 0">Also: ${aliases.map(escapeHtml).join(', ')}</p>` : '') +
          `<p style="margin:4px 0;color:#555">${claims} claim${claims === 1 ? '' : 's'} in the graph</p></body></html>`,
      );
  });
  return router;
}
