// What the write endpoints share: JSON bodies with a size limit, the reviewer's name, and the
// mapping of domain refusals (MutationError) to HTTP statuses.
import express, { type Request, type RequestHandler } from 'express';
import { MutationError } from '../store/mutations.js';
import { HttpError } from './errors.js';

/** Largest request body: a 5 million character text as UTF-8, with room for the JSON around it. */
export const BODY_LIMIT = '21mb';

export const jsonBody: RequestHandler = express.json({ limit: BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] });

/** The reviewer named in the X-Reviewer header, or "anonymous"; a malformed name is refused. */
export function reviewerOf(req: Request): { who: string } {
  const header = req.get('x-reviewer');
  if (header === undefined) return { who: 'anonymous' };
  if (!/^[\p{L}\p{N} ._@'-]{1,100}$/u.test(header)) {
    throw new HttpError(400, 'invalid X-Reviewer header', [{ at: '/headers/x-reviewer', message: 'must be 1 to 100 letters, digits, spaces or . _ @ \' -' }]);
  }
  return { who: header };
}

const STATUS: Record<MutationError['kind'], number> = {
  invalid: 400,
  'not-found': 404,
  'version-mismatch': 412,
  duplicate: 409,
  'too-large': 413,
};

/** The HTTP error a domain refusal becomes; anything else is rethrown as it is. */
export function httpErrorOf(err: unknown): HttpError {
  if (err instanceof MutationError) return new HttpError(STATUS[err.kind], err.message, err.details ?? null);
  throw err;
}

/** A body must be a JSON object; arrays, strings and numbers are refused with a clear message. */
export function objectBody(req: Request): Record<string, unknown> {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    throw new HttpError(req.is('application/json') ? 400 : 415, req.is('application/json') ? 'the body must be a JSON object' : 'send the body as application/json', [{ at: '/body', message: 'must be a JSON object' }]);
  }
  return req.body as Record<string, unknown>;
}
