// The OpenAPI 3.1 description of the API, served at GET /api/openapi.json. Parameters are generated
// from the same request schemas the routes validate with, so the document cannot promise a
// parameter the server refuses (or the reverse). A test checks that every route of the app is
// described here and every path described here is a route of the app.
import { domainSchemas, responseSchemas } from './openapi-schemas.js';
import { RECONCILE_RESPONSE_SCHEMAS } from './reconciliation/openapi.js';
import { DOCUMENT_SCHEMAS } from './documents/openapi.js';
import { DOCUMENT_MEDIA_TYPES } from './documents/media-types.js';
import { TRUST_ENDPOINTS, TRUST_SCHEMAS } from './openapi-trust.js';
import { REQUEST_SCHEMAS, requestSchemas, sharedDefinitions, type JsonSchema, type RequestSchema } from './validation.js';

export interface Endpoint {
  /** OpenAPI path template: /api/sources/{id}. */
  path: string;
  /** Default: get. */
  method?: 'get' | 'post' | 'put' | 'patch' | 'delete';
  summary: string;
  description?: string;
  params?: RequestSchema;
  query: RequestSchema;
  /** Component schema of the 200 response. */
  response: string;
  /** Error statuses besides 400 (every endpoint refuses a malformed query). */
  notFound?: boolean;
  notModified?: boolean;
  /** Writes: the body's domain schema (schemas/<name>.schema.json), its media types, the success status and the other refusals. */
  body?: { schema: string; mediaTypes: string[] };
  success?: number;
  refusals?: Record<number, string>;
  /** Answers that are not JSON (a download, an HTML preview): their media types, described as text. */
  responseMediaTypes?: string[];
  /** Headers sent with the 200 (and 304) answer: name → description and schema of the value. */
  responseHeaders?: Record<string, { description: string; schema: JsonSchema }>;
}

const { idParams, seqParams, noQuery, comparisonQuery, searchQuery, graphQuery, timelineQuery } = REQUEST_SCHEMAS;

export const ENDPOINTS: readonly Endpoint[] = [
  {
    path: '/api/graph',
    summary: 'The graph as graphology export() JSON: the whole of it, or a view',
    description:
      'Sent with an ETag; a request with a matching If-None-Match gets 304. A view (conflicts first, one entity or source, the neighbourhood of a node) is capped at `limit` nodes; its graph attribute `view` says whether it was truncated and how large the whole graph is.',
    query: graphQuery,
    response: 'Graph',
    notModified: true,
    notFound: true,
    responseHeaders: {
      'X-Graph': {
        description:
          '`building` while the whole graph of a large store is still being built in the background after start (the overview and the entity, source and neighbourhood views are answered meanwhile; the whole graph waits for it); `ready` once it is built.',
        schema: { type: 'string', enum: ['building', 'ready'] },
      },
    },
  },
  { path: '/api/sources', summary: 'Sources with claim, conflict and agreement counts', query: noQuery, response: 'SourceList' },
  {
    path: '/api/sources/{id}',
    summary: 'A source: metadata, references, full text, claim spans and footnote markers',
    params: idParams,
    query: noQuery,
    response: 'SourceDetail',
    notFound: true,
  },
  { path: '/api/entities', summary: 'Entities with aliases and claim counts', query: noQuery, response: 'EntityList' },
  {
    path: '/api/entities/{id}',
    summary: 'An entity: aliases with their sources, claims grouped by property with the verdicts between them, and relations naming it',
    params: idParams,
    query: noQuery,
    response: 'EntityDetail',
    notFound: true,
  },
  {
    path: '/api/claims/{id}',
    summary: 'A claim with its labels',
    params: idParams,
    query: noQuery,
    response: 'ClaimDetail',
    notFound: true,
  },
  {
    path: '/api/claims/{id}/trace',
    summary:
      'A claim traced to its source, quote in context, footnote markers and reference entries, with the comparisons it takes part in',
    params: idParams,
    query: noQuery,
    response: 'ClaimTrace',
    notFound: true,
  },
  {
    path: '/api/conflicts',
    summary: 'Conflicts between claims, with both claims in full and the reason',
    description: 'A filter value naming no record is a 400 naming the parameter.',
    query: comparisonQuery,
    response: 'ComparisonList',
  },
  {
    path: '/api/agreements',
    summary: 'Agreements between claims, with both claims in full and the reason',
    description: 'A filter value naming no record is a 400 naming the parameter.',
    query: comparisonQuery,
    response: 'ComparisonList',
  },
  {
    path: '/api/search',
    summary: 'Entities (any alias), claims, sources and reference entries matching a text, ignoring accents, case and punctuation',
    description:
      'Ranked: exact match, then prefix, then word start, then substring; then (rank "words") records holding every word of a several-word query across their fields.',
    query: searchQuery,
    response: 'SearchResults',
  },
  {
    path: '/api/timeline',
    summary: 'Dated claims (a date as value, or a moment or period as scope) as day spans, earliest first, with the conflicts between them',
    description: 'For the timeline lens: one entity, one source, or both. A filter value naming no record is a 400 naming the parameter.',
    query: timelineQuery,
    response: 'Timeline',
  },
  {
    path: '/api/read-value',
    summary: 'The value selected words state (a figure, a date, else the words as text), read as extraction reads it',
    description:
      "For a claim made by hand from a selection. With source (and at, the selection's offset in its text), a date without a year takes the last year the source states before it. An unknown source, or at past its text, is a 400 naming the parameter.",
    query: REQUEST_SCHEMAS.readValueQuery,
    response: 'ValueReading',
  },
  { path: '/api/openapi.json', summary: 'This document', query: noQuery, response: 'OpenApi' },
  {
    path: '/api/sources',
    method: 'post',
    summary: 'Add a source: store its text, extract candidate claims, reconcile them',
    description:
      'A JSON SourceInput (the text with its metadata). With Accept: application/x-ndjson the answer streams {"progress": 0..1} lines and ends with {"result": ...} or {"error": ...}. The reviewer may be named in X-Reviewer (in team mode the signed-in user is recorded instead).',
    query: noQuery,
    body: { schema: 'SourceInput', mediaTypes: ['application/json'] },
    response: 'IngestResult',
    success: 201,
    refusals: {
      409: 'The same text (same SHA-256) is already stored; details.existing names it',
      413: 'The body or the text is over the limit',
      422: 'Extraction ran past its time budget (CONCORDANCE_EXTRACT_BUDGET_MS, default 60 s) or its memory limit (CONCORDANCE_EXTRACT_MEMORY_MB) and was stopped; nothing was stored',
    },
  },
  {
    path: '/api/claims',
    method: 'post',
    summary: 'Add a claim by hand; its quote must be found in the source text',
    query: noQuery,
    body: { schema: 'ClaimInput', mediaTypes: ['application/json'] },
    response: 'Claim',
    success: 201,
  },
  {
    path: '/api/proposals',
    summary:
      "What extraction proposed and awaits review: properties named from a source's words, and entities, each with the number of claims that rest on it",
    query: noQuery,
    response: 'Proposals',
  },
  {
    path: '/api/proposals/properties/{id}',
    method: 'post',
    summary:
      'Review a proposed property: accept (it joins the vocabulary), reject (kept, marked rejected) or merge into an existing property (its claims move there)',
    params: idParams,
    query: noQuery,
    body: { schema: 'PropertyReview', mediaTypes: ['application/json'] },
    response: 'Property',
    notFound: true,
  },
  {
    path: '/api/claims/{id}',
    method: 'patch',
    summary: 'Accept, edit or reject a claim (rejected claims are kept)',
    description: 'Requires If-Match with the ETag of the version edited; re-runs reconciliation for the affected groups only.',
    params: idParams,
    query: noQuery,
    body: { schema: 'ClaimPatch', mediaTypes: ['application/json'] },
    response: 'Claim',
    notFound: true,
    refusals: { 412: 'The claim changed since the version in If-Match; details holds the current record', 428: 'If-Match is missing' },
  },
  {
    path: '/api/session',
    summary: 'Who is signed in: the mode (local or team), the user and the CSRF token for writes',
    description: 'Local mode answers { mode: "local", user: null }; team mode answers 401 until signed in.',
    query: noQuery,
    response: 'Session',
  },
  {
    path: '/api/session',
    method: 'post',
    summary:
      'Sign in (team mode): sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token to send in X-CSRF-Token with every write',
    query: noQuery,
    body: { schema: 'Credentials', mediaTypes: ['application/json'] },
    response: 'Session',
    refusals: { 401: 'Wrong name or password', 429: 'Too many failed sign-ins for this name; try again later' },
  },
  {
    path: '/api/session',
    method: 'delete',
    summary: 'Sign out: ends the session and clears its cookie',
    query: noQuery,
    response: 'Session',
  },
  {
    path: '/api/documents',
    method: 'post',
    summary:
      'Read a PDF, web page or Word file: the text it yields, its pages and headings, its metadata, and an upload id for saving it as a source',
    description:
      'The body is the file itself, with its media type in Content-Type (application/octet-stream when unknown) and its name, percent-encoded, in X-File-Name. The bytes decide how it is read; a name or type they contradict is refused. Nothing is stored: POST /api/sources with the text, the edited metadata and { document: { upload } } saves it, keeping the file beside the text.',
    query: REQUEST_SCHEMAS.noQuery,
    body: { schema: 'DocumentBytes', mediaTypes: [...DOCUMENT_MEDIA_TYPES] },
    response: 'DerivedDocument',
    refusals: {
      413: 'The file, its pages, its text or its unpacked size is over a limit (named)',
      415: 'Not a PDF, web page, .docx or UTF-8 text, or its name or type contradicts its content',
      422: 'A scan without a text layer, a protected PDF, or a file that took longer than the reading budget',
    },
  },
  {
    path: '/api/export',
    summary:
      'A download of the graph or of a view: CSV (claims, comparisons), GEXF for Gephi, W3C Web Annotations, Wikidata QuickStatements',
    description: 'The same views as /api/graph. Sent with Content-Disposition: attachment and a file name.',
    query: REQUEST_SCHEMAS.exportQuery,
    response: 'Export',
    notFound: true,
    responseMediaTypes: ['text/csv', 'application/gexf+xml', 'application/ld+json', 'text/plain'],
  },
  {
    path: '/api/reconcile',
    summary: 'W3C Entity Reconciliation API 0.2 (OpenRefine): the manifest, or candidates for a batch of `queries`',
    description: 'CORS is open on /api/reconcile and its sub-paths only (they read, never write).',
    query: REQUEST_SCHEMAS.reconcileQuery,
    response: 'ReconcileAnswer',
  },
  {
    path: '/api/reconcile',
    method: 'post',
    summary: 'Candidates for a batch of queries posted as a form field `queries` (as OpenRefine sends it) or as JSON { queries }',
    query: noQuery,
    body: { schema: 'ReconcileForm', mediaTypes: ['application/x-www-form-urlencoded', 'application/json'] },
    response: 'ReconcileAnswer',
  },
  {
    path: '/api/reconcile/suggest/entity',
    summary: 'Entities whose name or alias starts with `prefix` (reconciliation suggest)',
    query: REQUEST_SCHEMAS.reconcileSuggestQuery,
    response: 'ReconcileSuggestions',
  },
  {
    path: '/api/reconcile/suggest/type',
    summary: 'Entity types whose name starts with `prefix` (reconciliation suggest)',
    query: REQUEST_SCHEMAS.reconcileSuggestQuery,
    response: 'ReconcileSuggestions',
  },
  {
    path: '/api/reconcile/suggest/property',
    summary: 'Properties whose label starts with `prefix` (reconciliation suggest)',
    query: REQUEST_SCHEMAS.reconcileSuggestQuery,
    response: 'ReconcileSuggestions',
  },
  {
    path: '/api/reconcile/preview',
    summary: "An entity as a small HTML page for OpenRefine's preview pane",
    query: REQUEST_SCHEMAS.reconcilePreviewQuery,
    response: 'Preview',
    notFound: true,
    responseMediaTypes: ['text/html'],
  },
  {
    path: '/api/claims/{id}/history',
    summary: 'The audit trail of a claim: every change with who, when, before and after',
    params: idParams,
    query: noQuery,
    response: 'History',
    notFound: true,
  },
  {
    path: '/api/sources/{id}',
    method: 'delete',
    summary: 'Delete a source with its claims and the judgements naming them; comparisons are recomputed',
    description:
      'Requires If-Match with the ETag of GET /api/sources/{id} (it changes whenever the source or one of its claims does). Logged in the changelog as delete-source with the whole removed state (the text is kept in deleted/<sha256>.txt), so POST /api/changes/{seq}/revert puts it all back.',
    params: idParams,
    query: noQuery,
    response: 'SourceDeleted',
    notFound: true,
    refusals: {
      412: 'The source or one of its claims changed since the ETag in If-Match; the ETag header holds the current one',
      428: 'If-Match is missing',
    },
  },
  {
    path: '/api/changes/{seq}/revert',
    method: 'post',
    summary: 'Undo one change of the changelog by a new change that restores its before-state',
    description:
      'Any change can be reverted (a review, a hand-made claim, an ingest, a deleted source, a revert). Optional JSON body { "note": "..." }. A change whose claim or source was changed again since is refused with 409 naming the later change: revert that one first.',
    params: seqParams,
    query: noQuery,
    response: 'RevertResult',
    success: 201,
    notFound: true,
    refusals: { 409: 'The records of the change were changed since (details.later), or the earlier state no longer fits the store' },
  },
  ...TRUST_ENDPOINTS,
];

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const componentRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: json(componentRef('Error')) });

export function openApiDocument(): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  for (const e of ENDPOINTS) {
    const method = e.method ?? 'get';
    paths[e.path] = {
      ...paths[e.path],
      [method]: {
        operationId: operationId(e.path, method),
        summary: e.summary,
        ...(e.description ? { description: e.description } : {}),
        parameters: [...(e.params ? parameters(e.params, 'path') : []), ...parameters(e.query, 'query')],
        ...(e.body
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(e.body.mediaTypes.map((t) => [t, { schema: componentRef(e.body!.schema) }])),
              },
            }
          : {}),
        responses: {
          [e.success ?? 200]: {
            description: e.success === 201 ? 'Created' : 'OK',
            content: e.responseMediaTypes
              ? Object.fromEntries(e.responseMediaTypes.map((t) => [t, { schema: { type: 'string' } }]))
              : json(componentRef(e.response)),
            ...(e.responseHeaders ? { headers: e.responseHeaders } : {}),
          },
          ...(e.notModified
            ? {
                304: {
                  description: 'Not modified since the ETag given in If-None-Match',
                  ...(e.responseHeaders ? { headers: e.responseHeaders } : {}),
                },
              }
            : {}),
          400: errorResponse(
            e.body
              ? 'Invalid body, id or query; details lists every problem with its JSON pointer'
              : e.params
                ? 'Malformed id or query'
                : 'Malformed query',
          ),
          ...(e.notFound ? { 404: errorResponse('No record with this id') } : {}),
          ...gateRefusals(e.path, method),
          ...(method === 'get' ? {} : writeFailures()),
          ...Object.fromEntries(Object.entries(e.refusals ?? {}).map(([status, why]) => [status, errorResponse(why)])),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Concordance API',
      version: '0.1.0',
      description:
        'Claims, quotes, citations, agreements and conflicts between sources. Every response is JSON; every error is { error, details }. Unknown paths under /api are 404; a known path asked with a method it does not serve is 405. Writes take JSON only and are refused when a browser marks them as coming from another site; the Host must name this server. In team mode (AUTH=on, or a non-loopback HOST) every request but /api/session and this document needs a session cookie (plus X-CSRF-Token on writes) or Authorization: Bearer <token>; readers may not write, and deleting needs an admin.',
    },
    paths,
    components: {
      schemas: {
        ...responseSchemas,
        ...domainSchemas(),
        ...DOCUMENT_SCHEMAS,
        ...RECONCILE_RESPONSE_SCHEMAS,
        ...TRUST_SCHEMAS,
        Export: { type: 'string', description: 'The file, in the media type of its format.' },
        ReconcileForm: {
          type: 'object',
          required: ['queries'],
          properties: { queries: { type: 'string', description: 'The batch as JSON text' } },
        },
        OpenApi: { type: 'object', required: ['openapi', 'paths'] },
      },
    },
  };
}

/** How a write that reached the store can fail (server/store/failures.ts): each names its cause and where, and changed nothing. */
function writeFailures(): Record<number, JsonSchema> {
  return {
    409: errorResponse('Another process wrote the store since this server loaded it (restart the server to load it); nothing was written'),
    413: errorResponse(
      'The body is over the limit of the endpoint, or a value is over a limit of server/core/limits.ts; the message names it',
    ),
    500: errorResponse(
      'The server may not write its store (EACCES, EPERM, read-only file system): details.path and details.code say where and why; nothing was written',
    ),
    503: errorResponse('Another process is writing the store (details.holder names its pid); try again after Retry-After seconds'),
    507: errorResponse('Insufficient Storage: the disk holding the store is full (details.path names the folder); nothing was written'),
  };
}

/** What server/api/gate/ refuses before any route runs: a foreign Host, a cross-site or non-JSON write, and in team mode a request without a user or with too small a role. */
function gateRefusals(path: string, method: string): Record<number, JsonSchema> {
  const refusals: Record<number, JsonSchema> = {};
  if (path !== '/api/session' && path !== '/api/openapi.json') {
    refusals[401] = errorResponse(
      'Team mode: no session cookie or API token (sign in with POST /api/session, or send Authorization: Bearer <token>)',
    );
  }
  if (method !== 'get') {
    refusals[403] = errorResponse(
      'A write from another site (Origin / Sec-Fetch-Site), a missing or wrong X-CSRF-Token (team mode, cookie session), or a role too small for it (reader; DELETE needs admin)',
    );
    refusals[415] = errorResponse('The body is not application/json');
  }
  refusals[421] = errorResponse('The Host header does not name this server (loopback, its address, or ALLOWED_HOSTS)');
  return refusals;
}

/** OpenAPI parameter objects for the properties of a request schema. */
function parameters(schemaName: RequestSchema, where: 'path' | 'query'): JsonSchema[] {
  const schema = requestSchemas.get(schemaName)!;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties as Record<string, JsonSchema> | undefined) ?? {}).map(([name, property]) => {
    const { description, ...rest } = inlineShared(property);
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** Replaces a $ref into defs.schema.json by the definition itself: the document stands alone. */
function inlineShared(property: JsonSchema): JsonSchema {
  const target = typeof property.$ref === 'string' ? /^defs\.schema\.json#\/definitions\/(\w+)$/.exec(property.$ref)?.[1] : undefined;
  if (!target) return property;
  const definitions = sharedDefinitions.definitions as Record<string, JsonSchema>;
  const { $ref: _ref, ...own } = property;
  // The request schema's own description is the more specific one.
  return { ...definitions[target], ...own };
}

function operationId(path: string, method: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .replace(/\.json$/, '')
    .split('/')
    .map((w) => (w === '{id}' ? 'ById' : w));
  return `${method}${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

/** The Express route path an OpenAPI path template stands for: /api/sources/{id} → /api/sources/:id. */
export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}
