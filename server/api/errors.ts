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
 * 405 for a path the API serves, asked with a method it does not serve (POST /api/sources): a
 * plain 404 would wrongly say the path does not exist. Every endpoint is read-only (GET, HEAD).
 */
export function methodNotAllowed(pathTemplates: readonly string[]): RequestHandler {
  const patterns = pathTemplates.map((t) => new RegExp(`^${t.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`));
  return (req, res, next) => {
    const path = req.baseUrl + req.path;
    if (!patterns.some((p) => p.test(path))) return next();
    // The same Allow header Express sends when it answers OPTIONS on these paths itself.
    res.setHeader('Allow', 'GET, HEAD');
    next(new HttpError(405, `${req.method} is not allowed on ${path}; use GET`));
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
