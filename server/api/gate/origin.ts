// Same-origin writes only. A browser says where a request comes from: `Sec-Fetch-Site` (Chromium,
// Firefox, Safari 16.4+) and `Origin` (sent with every POST, PUT, PATCH and DELETE, even a form's).
// A page on another site can make the browser send a write that needs no CORS preflight (a form,
// a no-cors fetch); refusing it here, before any route reads the body, stops it whatever the body.
// Scripts and the CLI send neither header and are let through (authentication, in team mode,
// still applies to them).
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { namesThisServer, splitHost, type HostRule } from './hosts.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// POST routes that only read: the reconciliation service takes its query batch as a form field,
// as OpenRefine sends it. They change nothing, so they are not writes to guard.
const READ_ONLY_POSTS = new Set(['/api/reconcile', '/api/reconcile/']);

export function isWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  return !(req.method === 'POST' && READ_ONLY_POSTS.has(req.originalUrl.split('?')[0]!));
}

/** Why a write from this browser context is refused, or undefined when it comes from this server's own pages (or from no browser). */
export function foreignWriteReason(req: Request, configured: readonly HostRule[]): { message: string; at: string } | undefined {
  const site = req.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') {
    return {
      at: '/headers/sec-fetch-site',
      message: `the browser marked this request as ${site}: writes are accepted only from this server's own pages`,
    };
  }
  const origin = req.get('origin');
  if (origin === undefined) return undefined;
  const authority = authorityOf(origin);
  if (!authority || !namesThisServer(authority, req, configured)) {
    return {
      at: '/headers/origin',
      message: `writes from the origin ${JSON.stringify(origin)} are refused: only this server's own pages may write`,
    };
  }
  return undefined;
}

/** `http://host:port` → its host and port (the scheme's default when none); undefined for `null` and anything not http(s). */
function authorityOf(origin: string): HostRule | undefined {
  const match = /^(https?):\/\/([^/?#]+)$/i.exec(origin.trim());
  if (!match) return undefined;
  const host = splitHost(match[2]!);
  if (!host) return undefined;
  return { name: host.name, port: host.port ?? (match[1]!.toLowerCase() === 'https' ? 443 : 80) };
}

/** 403 for any state-changing request that a browser marks as coming from another site. */
export function originGate(configured: readonly HostRule[]): RequestHandler {
  return (req, _res, next) => {
    if (!isWrite(req)) return next();
    const reason = foreignWriteReason(req, configured);
    if (!reason) return next();
    next(new HttpError(403, 'cross-site write refused: another web site tried to change this store through your browser', [reason]));
  };
}
