// /api/session: who is signed in (GET), sign in (POST { name, password }), sign out (DELETE).
// In local mode there are no accounts: GET says so and POST is refused with the reason.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Router, type Request } from 'express';
import { HttpError } from '../errors.js';
import { validInput, REQUEST_SCHEMAS } from '../validation.js';
import { jsonBody } from '../writes.js';
import { cookieOf, SESSION_COOKIE, setSessionCookie, type AuthOptions } from './auth.js';
import type { Session, Sessions } from './sessions.js';

export const CREDENTIALS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'password'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const SESSION_SCHEMA = {
  type: 'object',
  required: ['mode', 'user', 'csrfToken'],
  properties: {
    mode: { enum: ['local', 'team'], description: 'local: loopback only, no accounts; team: every request names its user' },
    user: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['name', 'role'],
          properties: { name: { type: 'string' }, role: { enum: ['reader', 'reviewer', 'admin'] } },
        },
      ],
    },
    csrfToken: { type: ['string', 'null'], description: 'Send it in X-CSRF-Token with every write made with the session cookie' },
  },
} as const;

const checkCredentials = new Ajv2020({ allErrors: true }).compile<{ name: string; password: string }>(CREDENTIALS_SCHEMA);

/** Failed sign-ins per name: after FAILURES_ALLOWED within the window, that name is refused until it ends. */
const FAILURES_ALLOWED = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

export function sessionRoutes(auth: AuthOptions | undefined, sessions: Sessions | undefined): Router {
  const router = Router();
  const failures = new Map<string, { count: number; since: number }>();

  const current = async (req: Request): Promise<Session | undefined> => sessions?.find(cookieOf(req, SESSION_COOKIE));

  router.get('/session', async (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    if (!auth) return void res.json({ mode: 'local', user: null, csrfToken: null });
    const session = await current(req);
    // A script may ask who its token stands for; a token needs no CSRF token.
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const tokenUser = !session && token ? await auth.users.byToken(token) : undefined;
    if (tokenUser) return void res.setHeader('Cache-Control', 'no-store').json({ mode: 'team', user: tokenUser, csrfToken: null });
    if (!session) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="concordance"');
      throw new HttpError(401, 'not signed in', [{ at: '/headers/cookie', message: 'no valid session cookie' }]);
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ mode: 'team', user: session.user, csrfToken: session.csrf });
  });

  router.post('/session', jsonBody, async (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    if (!auth)
      throw new HttpError(400, 'this server runs in local mode (loopback only, no accounts): there is nothing to sign in to', null);
    if (!checkCredentials(req.body)) {
      throw new HttpError(
        400,
        'send { "name", "password" }',
        (checkCredentials.errors ?? []).map((e) => ({ at: e.instancePath || '/', message: e.message ?? 'invalid' })),
      );
    }
    const { name, password } = req.body;
    const key = name.toLowerCase();
    const record = failures.get(key);
    if (record && Date.now() - record.since > FAILURE_WINDOW_MS) failures.delete(key);
    if ((failures.get(key)?.count ?? 0) >= FAILURES_ALLOWED) {
      throw new HttpError(429, `too many failed sign-ins for ${JSON.stringify(name)}: try again in 15 minutes`, null);
    }
    const user = await auth.users.signIn(name, password);
    if (!user) {
      const f = failures.get(key) ?? { count: 0, since: Date.now() };
      failures.set(key, { count: f.count + 1, since: f.since });
      throw new HttpError(401, 'wrong name or password', [{ at: '/body', message: 'no user with this name and password' }]);
    }
    failures.delete(key);
    const { cookie, csrf, maxAgeMs } = await sessions!.create(user);
    setSessionCookie(req, res, cookie, maxAgeMs, auth);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ mode: 'team', user, csrfToken: csrf });
  });

  router.delete('/session', async (req, res) => {
    validInput(req, { query: REQUEST_SCHEMAS.noQuery });
    await sessions?.end(cookieOf(req, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
    res.json({ mode: auth ? 'team' : 'local', user: null, csrfToken: null });
  });

  return router;
}
