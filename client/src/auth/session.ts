// Team mode in the browser. The API answers 401 until the user signs in; every write made with the
// session cookie must carry the session's CSRF token. api.ts sends every request through
// `withSession`: it adds the token to writes, and on a 401 opens the sign-in form and retries once.
// In local mode (no accounts) none of this shows: GET /api/session says so and nothing is added.
import { signInDialog } from './sign-in.js';

interface SessionState {
  mode: 'local' | 'team';
  user: { name: string; role: string } | null;
  csrfToken: string | null;
}

let state: SessionState | null = null;
let signingIn: Promise<boolean> | null = null;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in user (team mode), or null. */
export function currentUser(): SessionState['user'] {
  return state?.user ?? null;
}

export function rememberSession(next: SessionState): void {
  state = next;
}

/** Asks the server who we are (after a reload the cookie may still be valid, but the CSRF token is not known). */
async function refresh(fetcher: typeof fetch): Promise<void> {
  const res = await fetcher('/api/session', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (res.ok) rememberSession((await res.json()) as SessionState);
}

/** Shows the sign-in form once, however many requests were refused together; true when signed in. */
function signIn(): Promise<boolean> {
  signingIn ??= signInDialog()
    .then((session) => {
      if (session) rememberSession(session);
      return session !== null;
    })
    .finally(() => {
      signingIn = null;
    });
  return signingIn;
}

function withCsrf(init: RequestInit): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (SAFE.has(method) || !state?.csrfToken) return init;
  const headers = new Headers(init.headers);
  headers.set('X-CSRF-Token', state.csrfToken);
  return { ...init, headers };
}

export async function withSession(path: string, init: RequestInit, fetcher: typeof fetch): Promise<Response> {
  const write = !SAFE.has((init.method ?? 'GET').toUpperCase());
  if (write && state === null) await refresh(fetcher);
  const res = await fetcher(path, withCsrf(init));
  if (res.status !== 401 || path.startsWith('/api/session')) return res;
  // Signed out (or never signed in, or the server restarted): sign in, then send the request again.
  // A cancelled form leaves the 401 to the caller, which shows its message.
  if (!(await signIn())) return res;
  return fetcher(path, withCsrf(init));
}
