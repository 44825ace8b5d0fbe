// What the write endpoints share: JSON bodies with a size limit, the reviewer's name, and the
// mapping of domain refusals (MutationError) to HTTP statuses.
import express, { type Request, type RequestHandler } from 'express';
import { LIMITS } from '../core/limits.js';
import { StoreWriteError } from '../store/failures.js';
import { MutationError } from '../store/mutations.js';
import { HttpError, storeFailureHttp } from './errors.js';
import { signedInUser } from './gate/auth.js';

/** Largest request body (a source upload): a 5 million character text as UTF-8, with room for the JSON around it. */
export const BODY_LIMIT = LIMITS.sourceBodyBytes.value;

const JSON_TYPES = ['application/json', 'application/*+json'];

/** JSON body of a source upload (POST /api/sources), up to LIMITS.sourceBodyBytes. */
export const jsonBody: RequestHandler = express.json({ limit: BODY_LIMIT, strict: true, type: JSON_TYPES });

/** JSON body of every other write (a claim, a patch), up to LIMITS.writeBodyBytes: a 14.5 MB claim is refused before it is parsed. */
export const smallJsonBody: RequestHandler = express.json({ limit: LIMITS.writeBodyBytes.value, strict: true, type: JSON_TYPES });

/**
 * Who a change is by: in team mode the signed-in user (whatever X-Reviewer says); in local mode the
 * reviewer named in the X-Reviewer header, or "anonymous"; a malformed name is refused.
 */
export function reviewerOf(req: Request): { who: string } {
  const user = signedInUser(req);
  if (user) return { who: user.name };
  const header = req.get('x-reviewer');
  if (header === undefined) return { who: 'anonymous' };
  if (!/^[\p{L}\p{N} ._@'-]{1,100}$/u.test(header)) {
    throw new HttpError(400, 'invalid X-Reviewer header', [
      { at: '/headers/x-reviewer', message: "must be 1 to 100 letters, digits, spaces or . _ @ ' -" },
    ]);
  }
  return { who: header };
}

const STATUS: Record<MutationError['kind'], number> = {
  invalid: 400,
  'not-found': 404,
  'version-mismatch': 412,
  duplicate: 409,
  'too-large': 413,
  stale: 409,
};

/** The HTTP error a domain refusal or a failed write becomes; anything else is rethrown as it is. */
export function httpErrorOf(err: unknown): HttpError {
  if (err instanceof MutationError) return new HttpError(STATUS[err.kind], err.message, err.details ?? null);
  if (err instanceof StoreWriteError) return storeFailureHttp(err);
  throw err;
}

/** Like httpErrorOf, but never throws: an unexpected error is a 500 (logged), for answers already under way. */
export function httpErrorOrInternal(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof MutationError || err instanceof StoreWriteError) return httpErrorOf(err);
  console.error(err);
  return new HttpError(500, 'internal error');
}

/**
 * A body must be a JSON object; arrays, strings and numbers are refused with a clear message. So is
 * a string holding half a surrogate pair: JSON's "\ud800" escape can carry one, but it is not a
 * character — a source text file cannot hold it (it would come back as U+FFFD) and strict JSON
 * readers of the store's files refuse it.
 */
export function objectBody(req: Request): Record<string, unknown> {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    throw new HttpError(
      req.is('application/json') ? 400 : 415,
      req.is('application/json') ? 'the body must be a JSON object' : 'send the body as application/json',
      [{ at: '/body', message: 'must be a JSON object' }],
    );
  }
  const broken = loneSurrogates(req.body);
  if (broken.length > 0) {
    throw new HttpError(
      400,
      'the body has text that is not valid Unicode',
      broken.map((at) => ({ at, message: 'contains a lone UTF-16 surrogate (half of a character)' })),
    );
  }
  return req.body as Record<string, unknown>;
}

/** JSON pointers of every string below `body` that holds a lone surrogate. A loop, not recursion:
 * a body nested thousands deep must not overflow the stack. */
function loneSurrogates(body: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[body, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, at] = next;
    if (typeof value === 'string' && /\p{Cs}/u.test(value)) found.push(at || '/');
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, v] of Object.entries(value)) pending.push([v, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
  }
  return found.sort();
}

/**
 * The strong ETag an If-Match header names, as sent (`"3"`). Required, so no write is ever blind
 * (428 without it); a weak ETag or a list is refused (400): If-Match compares strongly.
 */
export function strongEtagOf(header: string | undefined, whose: string): string {
  if (header === undefined) {
    throw new HttpError(428, `If-Match is required: send the ETag of ${whose}`, [{ at: '/headers/if-match', message: 'is required' }]);
  }
  const tag = header.trim();
  if (tag.startsWith('W/'))
    throw new HttpError(400, 'invalid If-Match header: a weak ETag (W/"...") never matches in If-Match', [
      { at: '/headers/if-match', message: 'must be a strong ETag, without W/' },
    ]);
  if (!/^"[\x21\x23-\x7e]{1,64}"$/.test(tag))
    throw new HttpError(400, 'invalid If-Match header', [{ at: '/headers/if-match', message: 'must be one ETag, such as "3"' }]);
  return tag;
}
