// What a folder store's start can skip because it did it before: schema validation of a file whose
// content was found valid, and the integrity checks (integrity.ts) of a source whose files are all
// unchanged. The files stay the truth: each is still read, and a file counts as unchanged only when its
// size, modification and change times (ns) and inode are those it had when its content was read and
// validated (a hand edit, even one that restores the modification time, changes the change time).
// Anything missing, unreadable or made by other code (another fingerprint) means the full path.
//
// The cache lives outside the store (the store folder holds only records: an import refuses any other
// file), under CONCORDANCE_START_CACHE (a folder; "off" disables it), else the OS's temp folder.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync, type BigIntStats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataProblem } from '../core/model.js';
import { SCHEMA_DIR } from '../core/schemas.js';

const FORMAT = 1;
/**
 * A file changed less than this long before the store was read is not recorded as unchanged: a write
 * landing in the same clock tick as the read could leave its times as they were (git's "racy" files).
 */
const RACY_MS = 1000;

/** What a file was when its content was read: undefined when it changed while being read. */
export type FileKey = string;

function keyOf(s: BigIntStats): FileKey {
  return `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
}

/** A file's content and the key of exactly that content (the file's stat before and after reading it). */
export function readKeyed(file: string): { content: string; key: FileKey | undefined; ctimeMs: number } {
  const fd = openSync(file, 'r');
  try {
    const before = fstatSync(fd, { bigint: true });
    const content = readFileSync(fd, 'utf8');
    const after = fstatSync(fd, { bigint: true });
    const key = keyOf(after);
    return { content, key: keyOf(before) === key ? key : undefined, ctimeMs: Number(after.ctimeNs / 1_000_000n) };
  } finally {
    closeSync(fd);
  }
}

interface CacheFile {
  format: number;
  fingerprint: string;
  root: string;
  /** Store-relative file → key of a content found valid by its schema (a JSON file) or read (a text). */
  files: Record<string, FileKey>;
  /** Absent when the last check found a problem that refuses the store (the next start checks all again). */
  integrity?: {
    /** The keys of the files every source's checks read (entities.json, properties.json). */
    shared: string;
    /** Per source id: the key of its files (source, text, claims) and the problems the checks found in them. */
    groups: Record<string, { key: string; problems: DataProblem[] }>;
  };
}

/** The cache file of a store, named by what identifies it: a folder's absolute path, a database's system identifier and oid. */
export function startCacheFile(identity: string): string | undefined {
  const setting = process.env.CONCORDANCE_START_CACHE;
  if (setting === 'off') return undefined;
  const dir = setting || path.join(os.tmpdir(), 'concordance-start-cache');
  return path.join(dir, `${createHash('sha1').update(identity).digest('hex').slice(0, 20)}.json`);
}

let fingerprintMemo: string | undefined;
/** Schemas and the code whose results are cached: a change to either invalidates the cache. */
function fingerprint(): string {
  if (fingerprintMemo) return fingerprintMemo;
  const hash = createHash('sha256').update(String(FORMAT));
  for (const f of readdirSync(SCHEMA_DIR).sort()) hash.update(f).update(readFileSync(path.join(SCHEMA_DIR, f)));
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const module of [
    '../core/integrity',
    '../core/anchor',
    '../core/dates',
    '../core/model',
    '../core/limits',
    './load',
    './start-cache',
  ]) {
    for (const ext of ['.js', '.ts']) {
      try {
        hash.update(module).update(readFileSync(path.join(here, module + ext)));
      } catch {
        // only one of the two exists (compiled or run from source)
      }
    }
  }
  return (fingerprintMemo = hash.digest('hex'));
}

export class StartCache {
  private readonly previous: CacheFile | undefined;
  private readonly validNow: Record<string, FileKey> = {};
  /** Keys of the files read now (valid or not), store-relative. */
  readonly keys = new Map<string, FileKey>();
  private readonly readSince = Date.now() - RACY_MS;

  private constructor(
    private readonly file: string,
    private readonly root: string,
  ) {
    this.previous = readCache(file, root);
  }

  static open(file: string, root: string): StartCache {
    return new StartCache(file, root);
  }

  /** Records what was read: the content of `rel` has `key` (undefined: changed while read, or just now). */
  noteRead(rel: string, key: FileKey | undefined, ctimeMs: number): void {
    if (key !== undefined && ctimeMs < this.readSince) this.keys.set(rel, key);
  }

  /** Whether the content just read from `rel` is one found valid before. */
  knownValid(rel: string): boolean {
    const key = this.keys.get(rel);
    const valid = key !== undefined && this.previous?.files[rel] === key;
    if (valid) this.validNow[rel] = key;
    return valid;
  }

  /** The content just read from `rel` is valid by its schema (or is a text, read). */
  noteValid(rel: string): void {
    const key = this.keys.get(rel);
    if (key !== undefined) this.validNow[rel] = key;
  }

  /** The problems found before in a source's files, if the checks read them unchanged since. */
  cachedGroup(shared: string | undefined, id: string, key: string | undefined): DataProblem[] | undefined {
    const integrity = this.previous?.integrity;
    if (shared === undefined || key === undefined || integrity?.shared !== shared) return undefined;
    const group = integrity.groups[id];
    return group?.key === key ? group.problems : undefined;
  }

  /** Key of some files (each read and valid now), when all of them are known; a name starting with '-' stands for a file that is not there. */
  groupKey(rels: string[]): string | undefined {
    const keys: string[] = [];
    for (const rel of rels) {
      if (rel.startsWith('-')) {
        keys.push(rel); // a file that is not there
        continue;
      }
      const key = this.validNow[rel];
      if (key === undefined) return undefined;
      keys.push(`${rel}=${key}`);
    }
    return keys.join('|');
  }

  /** Writes the cache for the next start; a failure only costs that start the full path. */
  save(integrity: CacheFile['integrity']): void {
    const content: CacheFile = { format: FORMAT, fingerprint: fingerprint(), root: this.root, files: this.validNow, integrity };
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(tmp, JSON.stringify(content));
      renameSync(tmp, this.file);
    } catch (err) {
      console.warn(`could not keep the start cache ${this.file}: ${(err as Error).message}`);
    }
  }
}

function readCache(file: string, root: string): CacheFile | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (data.format !== FORMAT || data.fingerprint !== fingerprint() || data.root !== root || typeof data.files !== 'object')
      return undefined;
    return data;
  } catch {
    return undefined;
  }
}
