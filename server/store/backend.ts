// Where the records live: the graph-data folder (the default, and the format of the curated corpus)
// or PostgreSQL (server/store/pg/). Every write is described the same way for both — the files a
// folder store would write, append and remove — so mutations build one list of writes and a backend
// commits it all or nothing; a database backend maps each file name to its table.
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Change } from '../core/schema-types.js';
import type { Corpus, DataProblem } from '../core/model.js';
import { changelogPath, readChangelog } from './changelog.js';
import { storeFailureOf } from './failures.js';
import { folderReader, loadStore, type StartCacheUse } from './load.js';
import { storeLayout, type StoreLayout } from './layout.js';
import { startCacheFile } from './start-cache.js';
import { commitFiles, recover, watchAppendOnly, type Append, type FileWrite } from './transaction.js';

export interface Loaded {
  corpus: Corpus;
  /** Problems of the records and of the changelog, each naming its file and record. */
  problems: DataProblem[];
  /** The seq of the last change the loaded records include, when the backend can tell (a database reads both in one snapshot). */
  lastSeq?: number;
  /** What the start cache saved, when one was used (start-cache.ts). */
  startCache?: StartCacheUse;
}

export interface StoreBackend {
  /** The names of the records: a folder store's paths (a database store uses them as keys only). */
  readonly layout: StoreLayout;
  /** For messages: the folder, or the database. */
  readonly description: string;
  load(): Promise<Loaded>;
  /** Writes, appends and removes all or nothing; on return the write is durable. */
  commit(writes: FileWrite[], appends: Append[], removals: string[]): Promise<void>;
  readChangelog(): Promise<{ changes: Change[]; problems: DataProblem[] }>;
  /** A text file of the store (a removed source's kept text), or undefined when there is none. */
  readText(file: string): Promise<string | undefined>;
  /** Makes sure a folder exists before files are written into it (a no-op for a database). */
  ensureFolder(dir: string): Promise<void>;
  /** Calls `onChange` when another process has written to the store (its new change seq); a folder store cannot tell. */
  watch(onChange: (seq: number) => void): void;
  close(): Promise<void>;
}

/** graph-data/ on disk: journaled all-or-nothing file writes (transaction.ts), one writer across processes (lock.ts). */
export class FolderBackend implements StoreBackend {
  readonly layout: StoreLayout;

  constructor(root?: string) {
    this.layout = storeLayout(root);
  }

  get description(): string {
    return this.layout.root;
  }

  async load(): Promise<Loaded> {
    const { root } = this.layout;
    await recover(root);
    // Files unchanged since the last start are not validated again (start-cache.ts).
    const startCache = startCacheFile(path.resolve(root));
    const { corpus, problems, startCache: use } = await loadStore(root, folderReader, startCache ? { startCache } : {});
    await watchAppendOnly(changelogPath(root));
    const { problems: logProblems } = await readChangelog(root);
    return { corpus, problems: [...problems, ...logProblems], ...(use ? { startCache: use } : {}) };
  }

  async commit(writes: FileWrite[], appends: Append[], removals: string[]): Promise<void> {
    // A file that is already gone needs no removal (the journal would fail renaming it away).
    await commitFiles(this.layout.root, writes, appends, await existing(removals));
  }

  readChangelog() {
    return readChangelog(this.layout.root);
  }

  readText(file: string): Promise<string | undefined> {
    return readFile(file, 'utf8').catch(() => undefined);
  }

  async ensureFolder(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true }).catch((err: unknown) => {
      throw storeFailureOf(err, this.layout.root);
    });
  }

  watch(): void {
    // Another process writing into the folder is refused at its next write instead (409, transaction.ts).
  }

  async close(): Promise<void> {}
}

async function existing(files: string[]): Promise<string[]> {
  const found = await Promise.all(
    files.map((f) =>
      access(f).then(
        () => f,
        () => undefined,
      ),
    ),
  );
  return found.filter((f): f is string => f !== undefined);
}
