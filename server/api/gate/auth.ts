// Team mode's authentication and roles. Local mode (loopback only, the default) has no accounts and
// this gate is not installed. In team mode every /api request but the session endpoints and the
// OpenAPI document names its user: a browser by its session cookie (HttpOnly, SameSite=Strict,
// plus a CSRF token in X-CSRF-Token on every write), a script by `Authorization: Bearer <token>`.
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Role, User, UserDirectory } from '../../store/users.js';
import { HttpError } from '../errors.js';
import { isWrite } from './origin.js';
import type { Sessions } from './sessions.js';

export interface AuthOptions {
  users: UserDirectory;
  /** Mark the session cookie Secure (behind an https proxy); it is anyway when the request came over TLS. */
  secureCookies?: boolean;
}

export const SESSION_COOKIE = 'concordance_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The value of one cookie in the Cookie header (no other cookie is ever read). */
export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, value: string, maxAgeMs: number, options: AuthOptions): void {
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    maxAge: maxAgeMs,
    secure: req.secure || options.secureCookies === true,
  });
}

const signedIn = new WeakMap<Request, User>();

/** The user this request was authenticated as (team mode), or undefined (local mode). */
export function signedInUser(req: Request): User | undefined {
  return signedIn.get(req);
}

const RANK: Record<Role, number> = { reader: 0, reviewer: 1, admin: 2 };

/** Reading needs any role; writing needs a reviewer; deleting (a whole source and its claims) needs an admin. */
export function requiredRole(req: Request): Role {
  if (!isWrite(req)) return 'reader';
  return req.method === 'DELETE' ? 'admin' : 'reviewer';
}

function unauthorized(res: Response, message: string, at: string): HttpError {
  res.setHeader('WWW-Authenticate', 'Bearer realm="concordance"');
  return new HttpError(401, message, [
    { at, message: 'sign in (POST /api/session) or send Authorization: Bearer <token> from npm run user:add' },
  ]);
}

/** Equal strings, compared in constant time. */
function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Paths anyone may reach in team mode: signing in, and the API's description. */
const OPEN_PATHS = new Set(['/session', '/openapi.json']);

/** Mounted on the /api router in team mode. */
export function authGate(options: AuthOptions, sessions: Sessions): RequestHandler {
  return (req, res, next) => {
    if (OPEN_PATHS.has(req.path)) return next();
    void authenticate(req, res, options, sessions)
      .then((user) => {
        const needed = requiredRole(req);
        if (RANK[user.role] < RANK[needed]) {
          throw new HttpError(403, `${user.name} is a ${user.role}: ${req.method} ${req.baseUrl}${req.path} needs the ${needed} role`, [
            { at: '/role', message: `must be ${needed}${needed === 'admin' ? '' : ' or above'}` },
          ]);
        }
        signedIn.set(req, user);
        next();
      })
      .catch(next);
  };
}

async function authenticate(req: Request, res: Response, options: AuthOptions, sessions: Sessions): Promise<User> {
  const authorization = req.get('authorization');
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthorized(res, 'the Authorization header must be "Bearer <token>"', '/headers/authorization');
    const user = await options.users.byToken(token);
    if (!user) throw unauthorized(res, 'this API token is not valid (unknown, revoked or mistyped)', '/headers/authorization');
    return user;
  }
  const session = await sessions.find(cookieOf(req, SESSION_COOKIE));
  if (!session)
    throw unauthorized(res, 'sign in first: this server is shared by a team and every request must name its user', '/headers/cookie');
  // The cookie is sent by the browser on its own; the CSRF token only by the page that signed in.
  if (isWrite(req)) {
    const sent = req.get(CSRF_HEADER);
    if (sent === undefined || !sameSecret(sent, session.csrf)) {
      throw new HttpError(403, 'missing or wrong CSRF token: send the csrfToken from POST or GET /api/session in X-CSRF-Token', [
        { at: '/headers/x-csrf-token', message: "must equal the session's csrfToken" },
      ]);
    }
  }
  return session.user;
}
