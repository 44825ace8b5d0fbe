// The Host allow-list. A DNS-rebinding page makes the browser send requests to this server under
// the attacker's name (Host: evil.example:3000); the browser then treats the answers as the
// attacker's own origin and lets its script read and write everything. Answering only to the names
// this server is really reached by defeats that, for reads and writes alike.
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** One allowed name: `name` (any port) or `name:port`. */
export interface HostRule {
  name: string;
  port?: number;
}

/**
 * Parses a comma-separated allow-list (the ALLOWED_HOSTS variable): `concordance.example.org`,
 * `desk.local:8080`, `[fd00::1]:3000`. An entry that is not a host name is refused at start-up
 * rather than silently never matching.
 */
export function parseAllowedHosts(list: string | undefined): HostRule[] {
  if (!list) return [];
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const parsed = splitHost(entry);
      if (!parsed) throw new Error(`ALLOWED_HOSTS: ${JSON.stringify(entry)} is not a host name or host:port`);
      return parsed;
    });
}

/** `name[:port]` → its lower-cased name and port; undefined when it is not one. */
export function splitHost(value: string): HostRule | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return { name: match[1]!.toLowerCase(), ...(port === undefined ? {} : { port }) };
}

/** The address a socket was reached at, as it appears in a Host header (IPv6 in brackets). */
function hostNameOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) return v4;
  return address.includes(':') ? `[${address.toLowerCase()}]` : address;
}

/**
 * Whether `authority` (from a Host or an Origin) names this server: a loopback name or the address
 * the connection came in on, with the port it came in on (read from the socket, so ephemeral test
 * ports work), or a configured name.
 */
export function namesThisServer(authority: HostRule, req: Request, configured: readonly HostRule[]): boolean {
  const port = authority.port ?? 80;
  for (const rule of configured) {
    if (rule.name === authority.name && (rule.port === undefined || rule.port === port)) return true;
  }
  if (port !== req.socket.localPort) return false;
  return LOOPBACK_NAMES.includes(authority.name) || authority.name === hostNameOf(req.socket.localAddress);
}

export function hostAllowed(req: Request, configured: readonly HostRule[]): boolean {
  const host = req.headers.host === undefined ? undefined : splitHost(req.headers.host);
  return host !== undefined && namesThisServer(host, req, configured);
}

/** Refuses (421 Misdirected Request) any request whose Host is not on the allow-list. */
export function hostGate(configured: readonly HostRule[]): RequestHandler {
  return (req, _res, next) => {
    if (hostAllowed(req, configured)) return next();
    next(
      new HttpError(
        421,
        `this server does not answer to the host ${JSON.stringify(req.headers.host ?? '')}: open it as http://localhost:${req.socket.localPort}, or add the name to ALLOWED_HOSTS`,
        [{ at: '/headers/host', message: 'must name this server (localhost, its address, or a name listed in ALLOWED_HOSTS)' }],
      ),
    );
  };
}

/** Whether binding to `host` keeps the server on this machine (HOST=127.0.0.1, localhost, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
