// The accounts of team mode: one JSON file, kept apart from graph-data/ (the curated corpus goes
// into git; its readers' credentials must not). Passwords and API tokens are stored only as scrypt
// hashes with their own salt, so the file never holds a secret that would let anyone sign in.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { toJsonFile, writeFileAtomic } from './atomic.js';

export const ROLES = ['reader', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The default file: var/users.json at the project root (var/ is gitignored); CONCORDANCE_USERS overrides it. */
export const DEFAULT_USERS_FILE = path.resolve(import.meta.dirname, '../../var/users.json');

export function usersFileOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONCORDANCE_USERS ? path.resolve(env.CONCORDANCE_USERS) : DEFAULT_USERS_FILE;
}

/** An scrypt hash with everything needed to check a secret against it again. */
export interface SecretHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

export interface StoredToken {
  /** Public part of the token, used to find it without hashing every stored token. */
  id: string;
  created: string;
  secret: SecretHash;
}

export interface StoredUser {
  name: string;
  role: Role;
  created: string;
  password: SecretHash;
  tokens: StoredToken[];
}

/** What the server knows about a signed-in user. */
export interface User {
  name: string;
  role: Role;
}

/** The same letters the X-Reviewer header allows: a user name ends up in the changelog's `who`. */
export const USER_NAME = /^[\p{L}\p{N} ._@'-]{1,100}$/u;

// scrypt's recommended interactive cost (2^14): 92-199 ms per check (median 131) on the shared 2-core
// machine at load 15, which is why verified API tokens are remembered (by SHA-256) rather than re-hashed.
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scryptAsync(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashSecret(secret: string): Promise<SecretHash> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, COST);
  return { algorithm: 'scrypt', ...COST, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** Constant-time comparison of `secret`'s hash with the stored one. */
export async function secretMatches(secret: string, stored: SecretHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await scryptAsync(secret, Buffer.from(stored.salt, 'base64'), { N: stored.N, r: stored.r, p: stored.p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** `cct_<id>_<secret>`: the id finds the stored hash, the secret (256 random bits) is checked against it. */
const TOKEN = /^cct_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function parseToken(token: string): { id: string; secret: string } | undefined {
  const match = TOKEN.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

export async function readUsers(file: string): Promise<StoredUser[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const parsed = JSON.parse(raw) as { users?: unknown };
  if (!Array.isArray(parsed.users)) throw new Error(`${file}: expected { "users": [...] }`);
  return parsed.users as StoredUser[];
}

export class UserError extends Error {}

/**
 * Adds a user with a new random password and API token, and returns both: the only time they
 * exist in clear. The file is written atomically and readable by its owner only.
 */
export async function addUser(file: string, name: string, role: string): Promise<{ user: User; password: string; token: string }> {
  if (!USER_NAME.test(name)) throw new UserError(`invalid name ${JSON.stringify(name)}: use 1 to 100 letters, digits, spaces or . _ @ ' -`);
  if (!(ROLES as readonly string[]).includes(role))
    throw new UserError(`invalid role ${JSON.stringify(role)}: use one of ${ROLES.join(', ')}`);
  const users = await readUsers(file);
  if (users.some((u) => u.name.toLowerCase() === name.toLowerCase()))
    throw new UserError(`a user named ${JSON.stringify(name)} already exists in ${file}`);
  const password = randomBytes(18).toString('base64url');
  const tokenId = randomBytes(8).toString('hex');
  const tokenSecret = randomBytes(32).toString('base64url');
  const created = new Date().toISOString();
  const user: StoredUser = {
    name,
    role: role as Role,
    created,
    password: await hashSecret(password),
    tokens: [{ id: tokenId, created, secret: await hashSecret(tokenSecret) }],
  };
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, toJsonFile({ users: [...users, user] }));
  await chmod(file, 0o600);
  return { user: { name, role: role as Role }, password, token: `cct_${tokenId}_${tokenSecret}` };
}

/**
 * The users as the server sees them: the file is read again whenever it changed on disk, so a user
 * added with `npm run user:add` can sign in without a restart.
 */
export class UserDirectory {
  private users: StoredUser[] = [];
  private loadedVersion = '';
  /** Tokens already checked, by their SHA-256 (never the token itself): a script's every request must not cost an scrypt. Emptied when the file changes. */
  private verifiedTokens = new Map<string, User>();

  constructor(readonly file: string) {}

  private async current(): Promise<StoredUser[]> {
    const info = await stat(this.file).catch(() => undefined);
    const version = info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'none';
    if (version !== this.loadedVersion) {
      this.users = info ? await readUsers(this.file) : [];
      this.loadedVersion = version;
      this.verifiedTokens.clear();
    }
    return this.users;
  }

  async count(): Promise<number> {
    return (await this.current()).length;
  }

  /** The user of this name as the file says now (a session re-reads the role on every request), or undefined. */
  async byName(name: string): Promise<User | undefined> {
    const user = (await this.current()).find((u) => u.name === name);
    return user && { name: user.name, role: user.role };
  }

  /** The user with this name and password; undefined for an unknown name or a wrong password (the same answer, in about the same time). */
  async signIn(name: string, password: string): Promise<User | undefined> {
    const user = (await this.current()).find((u) => u.name === name);
    // An unknown name still costs one scrypt, so timing does not tell which names exist.
    const ok = await secretMatches(password, user?.password ?? DECOY);
    return user && ok ? { name: user.name, role: user.role } : undefined;
  }

  /** The owner of an API token, or undefined. */
  async byToken(token: string): Promise<User | undefined> {
    const parsed = parseToken(token);
    if (!parsed) return undefined;
    const users = await this.current();
    const digest = createHash('sha256').update(token).digest('hex');
    const known = this.verifiedTokens.get(digest);
    if (known) return known;
    for (const user of users) {
      const stored = user.tokens.find((t) => t.id === parsed.id);
      if (!stored) continue;
      if (!(await secretMatches(parsed.secret, stored.secret))) return undefined;
      const found: User = { name: user.name, role: user.role };
      this.verifiedTokens.set(digest, found);
      return found;
    }
    await secretMatches(parsed.secret, DECOY);
    return undefined;
  }
}

const DECOY: SecretHash = {
  algorithm: 'scrypt',
  ...COST,
  salt: randomBytes(16).toString('base64'),
  hash: randomBytes(KEY_LENGTH).toString('base64'),
};
