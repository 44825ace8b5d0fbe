// Every error leaves the API as JSON { error, details }: 400 for bad input, 404 for unknown ids
// and paths, 405 for a known path asked with the wrong method.
import type { ErrorRequestHandler, RequestHandler } from 'express';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly details?: unknown) {
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
  const byPath = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const e of endpoints) {
    const entry = byPath.get(e.path) ?? { pattern: new RegExp(`^${e.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`), methods: new Set<string>() };
    const method = (e.method ?? 'get').toUpperCase();
    entry.methods.add(method);
    if (method === 'GET') entry.methods.add('HEAD');
    byPath.set(e.path, entry);
  }
  const order = ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'];
  return (req, res, next) => {
    const path = req.baseUrl + req.path;
    const allowed = new Set<string>();
    for (const { pattern, methods } of byPath.values()) if (pattern.test(path)) for (const m of methods) allowed.add(m);
    if (allowed.size === 0) return next();
    res.setHeader('Allow', order.filter((m) => allowed.has(m)).join(', '));
    next(new HttpError(405, `${req.method} is not allowed on ${path}; use ${[...allowed].filter((m) => m !== 'HEAD').join(' or ')}`));
  };
}

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message, details: err.details ?? null });
    return;
  }
  // body-parser errors carry a status and a type (malformed JSON, body too large, bad charset).
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) console.error(err);
  res.status(status).json({
    error: status === 500 ? 'internal error' : String(err.message ?? 'bad request'),
    details: status === 500 ? null : { type: err.type ?? null },
  });
};
