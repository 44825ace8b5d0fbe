// Writes carry JSON only. A cross-site form or no-cors fetch can send text/plain,
// application/x-www-form-urlencoded and multipart/form-data without a CORS preflight; JSON cannot
// be sent across sites without one (which this server never grants). Refusing every other media
// type on writes closes the preflight-free path even for a browser that sends no Origin.
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { isWrite } from './origin.js';
import { DOCUMENT_MEDIA_TYPES } from '../documents/media-types.js';

/** Whether the request has a body at all: a DELETE or a bodyless POST has no media type to check. */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

/** application/json or application/<something>+json, with any parameters (charset). */
export function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

function isDocumentType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(type);
}

/** 415 naming the accepted types for a write whose body is anything but JSON. */
export const mediaTypeGate: RequestHandler = (req, _res, next) => {
  if (!isWrite(req) || (!hasBody(req.headers) && req.get('content-type') === undefined)) return next();
  const sent = req.get('content-type');
  if (isJson(sent)) return next();
  // A document's own bytes: PDF, HTML, .docx or octet-stream, none of which a cross-site form can send
  // without a preflight (the route itself refuses any other type, naming the accepted ones).
  if (req.method === 'POST' && req.originalUrl.split('?')[0] === '/api/documents' && isDocumentType(sent)) return next();
  next(
    new HttpError(
      415,
      `writes accept JSON only: send the body as application/json${sent ? `, not ${sent}` : ' (no Content-Type was given)'}`,
      [{ at: '/headers/content-type', message: 'must be application/json' }],
    ),
  );
};
