// Who may talk to the server, in the order the checks run: the Host must name this server (every
// request); a write must not come from another site's page, and must carry JSON; in team mode the
// request must name a user whose role allows it. createApp installs these; nothing else does.
import type { RequestHandler, Router } from 'express';
import { authGate, type AuthOptions } from './auth.js';
import { hostGate, parseAllowedHosts, type HostRule } from './hosts.js';
import { mediaTypeGate } from './media.js';
import { originGate } from './origin.js';
import { sessionRoutes } from './session.js';
import { Sessions } from './sessions.js';

export { signedInUser } from './auth.js';
export type { AuthOptions } from './auth.js';

export interface GateOptions {
  /** Names besides loopback and the bound address this server answers to (ALLOWED_HOSTS: "name" or "name:port", comma-separated). */
  allowedHosts?: string;
  /** Team mode: accounts and roles. Absent: local mode, no sign-in. */
  auth?: AuthOptions;
}

export interface Gates {
  /** For the whole app, before anything else reads the request. */
  site: RequestHandler[];
  /** For the /api router, before its routes. */
  api: (RequestHandler | Router)[];
}

export function gatesOf(options: GateOptions): Gates {
  const hosts: HostRule[] = parseAllowedHosts(options.allowedHosts);
  const sessions = options.auth && new Sessions(options.auth.users);
  return {
    site: [hostGate(hosts), originGate(hosts)],
    api: [mediaTypeGate, ...(options.auth && sessions ? [authGate(options.auth, sessions)] : []), sessionRoutes(options.auth, sessions)],
  };
}
