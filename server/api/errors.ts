// Every error leaves the API as JSON { error, details }: 400 for bad input, 404 for unknown ids
// and paths, 405 for a known path asked with the wrong method.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { StoreWriteError } from '../store/failures.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details);
export const notFound = (what: string, id: string) => new HttpError(404, `no ${what} with id ${JSON.stringify(id)}`);

/** The record a view found, or a 404 naming what was looked for. */
export function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw notFound(what, id);
  return value;
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `no such endpoint: ${req.method} ${req.path}`));
};

/**
 * 405 for a path the API serves, asked with a method it does not serve (DELETE /api/sources): a
 * plain 404 would wrongly say the path does not exist. Allow lists what the path does serve.
 */
export function methodNotAllowed(endpoints: readonly { path: string; method?: string }[]): RequestHandler {
  const allowedOn = methodTable(endpoints);
  return (req, res, next) => {
    const path = req.baseUrl + req.path;
    const allowed = allowedOn(path);
    if (allowed.length === 0) return next();
    res.setHeader('Allow', allowed.join(', '));
    next(new HttpError(405, `${req.method} is not allowed on ${path}; use ${allowed.filter((m) => m !== 'HEAD').join(' or ')}`));
  };
}

/**
 * OPTIONS on a path the API serves: 204 with every method of the path in Allow. Mounted before the
 * routers: Express would otherwise answer from the first router matching the path and list only its
 * methods (OPTIONS /api/sources said "GET, HEAD" though POST and DELETE are served).
 */
export function optionsAllow(endpoints: readonly { path: string; method?: string }[]): RequestHandler {
  const allowedOn = methodTable(endpoints);
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const allowed = allowedOn(req.baseUrl + req.path);
    if (allowed.length === 0) return next();
    res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
    res.status(204).end();
  };
}

/** For a request path, the methods the endpoints serve on it, in a fixed order. */
function methodTable(endpoints: readonly { path: string; method?: string }[]): (path: string) => string[] {
  const byPath = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const e of endpoints) {
    const entry = byPath.get(e.path) ?? {
      pattern: new RegExp(`^${e.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`),
      methods: new Set<string>(),
    };
    const method = (e.method ?? 'get').toUpperCase();
    entry.methods.add(method);
    if (method === 'GET') entry.methods.add('HEAD');
    byPath.set(e.path, entry);
  }
  const order = ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'];
  return (path) => {
    const allowed = new Set<string>();
    for (const { pattern, methods } of byPath.values()) if (pattern.test(path)) for (const m of methods) allowed.add(m);
    return order.filter((m) => allowed.has(m));
  };
}

/**
 * A failed write to the store, as HTTP: 507 Insufficient Storage for a full disk (naming the
 * folder), 503 with Retry-After while another process holds the store's lock, 500 naming the path
 * when the server may not write its own store (a set-up problem of the server, not the client's
 * request: 403 would wrongly say the client lacks a right), 500 naming the file for other I/O errors.
 */
export function storeFailureHttp(err: StoreWriteError): HttpError {
  const details = { kind: err.kind, code: err.code, path: err.path };
  switch (err.kind) {
    case 'disk-full':
      return new HttpError(507, err.message, details);
    case 'locked':
      return new HttpError(503, err.message, { ...details, holder: err.holder ?? null }, { 'Retry-After': '2' });
    case 'changed':
      return new HttpError(409, err.message, details);
    default:
      return new HttpError(500, err.message, details);
  }
}

/** body-parser's refusals, in words that name the limit or the charset and where. */
function bodyParserError(err: {
  status?: unknown;
  type?: unknown;
  limit?: unknown;
  length?: unknown;
  charset?: unknown;
  encoding?: unknown;
  message?: unknown;
}): HttpError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new HttpError(
        413,
        `the body is ${typeof err.length === 'number' ? `${err.length} bytes` : 'too large'}; the limit for this endpoint is ${String(err.limit)} bytes`,
        [{ at: '/body', message: `must be at most ${String(err.limit)} bytes` }],
      );
    case 'charset.unsupported':
      return new HttpError(
        415,
        `unsupported charset ${JSON.stringify(err.charset)}: send the body as UTF-8 (utf-16 and utf-32 are decoded too)`,
        [{ at: '/headers/content-type', message: `charset ${JSON.stringify(err.charset)} is not supported` }],
      );
    case 'encoding.unsupported':
      return new HttpError(415, `unsupported content encoding ${JSON.stringify(err.encoding)}`, [
        { at: '/headers/content-encoding', message: 'must be identity, gzip or deflate' },
      ]);
    case 'entity.parse.failed':
      return new HttpError(400, `the body is not valid JSON: ${String(err.message)}`, [{ at: '/body', message: 'must be valid JSON' }]);
    default:
      return undefined;
  }
}

/** Ends a response whose status and headers are already sent (a streamed answer) with an error. */
function endStarted(res: Response, http: HttpError): void {
  if (/ndjson/.test(String(res.getHeader('content-type') ?? '')) && !res.writableEnded) {
    res.end(`${JSON.stringify({ error: http.message, status: http.status, details: http.details ?? null })}\n`);
    return;
  }
  res.destroy();
}

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof StoreWriteError) err = storeFailureHttp(err);
  err = bodyParserError(err) ?? err;
  if (err instanceof HttpError) {
    if (res.headersSent) return endStarted(res, err);
    res
      .status(err.status)
      .set(err.headers)
      .json({ error: err.message, details: err.details ?? null });
    return;
  }
  if (res.headersSent) {
    console.error(err);
    return endStarted(res, new HttpError(500, 'internal error'));
  }
  // body-parser errors carry a status and a type (malformed JSON, body too large, bad charset).
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) console.error(err);
  res.status(status).json({
    error: status === 500 ? 'internal error' : String(err.message ?? 'bad request'),
    details: status === 500 ? null : { type: err.type ?? null },
  });
};
