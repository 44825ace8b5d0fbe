// Browser sessions that every server process sharing the users folder understands, and that survive
// a restart: the cookie is signed (HMAC-SHA256) with a key kept beside the users file, and names a
// random session id, the user and an expiry. The role is read from the users file on every request,
// so a changed role or a removed user takes effect at once. The CSRF token is derived from the
// session id with the same key, so it needs no storage either. Sign-outs are appended to a small
// revocation list beside the users file, which every process re-reads when it changes.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFile, chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { User, UserDirectory } from '../../store/users.js';

const SESSION_HOURS = 12;

export interface Session {
  user: User;
  csrf: string;
}

interface Claims {
  sid: string;
  name: string;
  exp: number;
}

export class Sessions {
  private key: Promise<Buffer> | undefined;
  private revoked = new Map<string, number>();
  private revokedVersion = '';
  private readonly keyFile: string;
  private readonly revokedFile: string;

  constructor(private readonly users: UserDirectory) {
    const dir = path.dirname(users.file);
    this.keyFile = path.join(dir, 'session.key');
    this.revokedFile = path.join(dir, 'sessions-revoked.jsonl');
  }

  async create(user: User): Promise<{ cookie: string; csrf: string; maxAgeMs: number }> {
    const maxAgeMs = SESSION_HOURS * 3600_000;
    const claims: Claims = { sid: randomBytes(16).toString('base64url'), name: user.name, exp: Date.now() + maxAgeMs };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const key = await this.signingKey();
    return { cookie: `${payload}.${mac(key, payload)}`, csrf: mac(key, `csrf.${claims.sid}`), maxAgeMs };
  }

  /** The live session a cookie stands for; undefined when it is forged, expired, signed out or its user is gone. */
  async find(cookie: string | undefined): Promise<Session | undefined> {
    const claims = await this.verify(cookie);
    if (!claims || (await this.isRevoked(claims.sid))) return undefined;
    const user = await this.users.byName(claims.name);
    return user && { user, csrf: mac(await this.signingKey(), `csrf.${claims.sid}`) };
  }

  async end(cookie: string | undefined): Promise<void> {
    const claims = await this.verify(cookie);
    if (!claims) return;
    await appendFile(this.revokedFile, `${JSON.stringify({ sid: claims.sid, exp: claims.exp })}\n`, { mode: 0o600 });
    this.revoked.set(claims.sid, claims.exp);
  }

  private async verify(cookie: string | undefined): Promise<Claims | undefined> {
    const [payload, signature, extra] = (cookie ?? '').split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(mac(await this.signingKey(), payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
    return claims.exp > Date.now() ? claims : undefined;
  }

  /** The signing key: created once (exclusively, so two processes starting together agree), then read. */
  private signingKey(): Promise<Buffer> {
    this.key ??= (async () => {
      await mkdir(path.dirname(this.keyFile), { recursive: true, mode: 0o700 });
      try {
        await writeFile(this.keyFile, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      await chmod(this.keyFile, 0o600);
      const key = Buffer.from((await readFile(this.keyFile, 'utf8')).trim(), 'base64');
      if (key.length < 32)
        throw new Error(
          `${this.keyFile}: the session key is shorter than 32 bytes; delete the file to make a new one (everyone is signed out)`,
        );
      return key;
    })();
    return this.key;
  }

  private async isRevoked(sid: string): Promise<boolean> {
    const info = await stat(this.revokedFile).catch(() => undefined);
    const version = info ? `${info.mtimeMs}:${info.size}` : 'none';
    if (version !== this.revokedVersion) {
      const now = Date.now();
      const text = info ? await readFile(this.revokedFile, 'utf8') : '';
      this.revoked = new Map();
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        let entry: { sid?: unknown; exp?: unknown };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          continue; // a line cut short by a crash: that sign-out is lost, the session still expires
        }
        if (typeof entry.sid === 'string' && typeof entry.exp === 'number' && entry.exp > now) this.revoked.set(entry.sid, entry.exp);
      }
      this.revokedVersion = version;
    }
    return this.revoked.has(sid);
  }
}

function mac(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data).digest('base64url');
}
