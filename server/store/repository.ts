// The live state behind the server: the loaded corpus and everything derived from it.
// Reads share one immutable snapshot; every write goes through one queue (see `exclusive`).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { analyse, prepareWrites, type Analysis } from '../analysis/analyse.js';
import { patchNow } from '../analysis/live-graph.js';
import { formatProblem, type DataProblem } from '../core/model.js';
import type { Change } from '../core/schema-types.js';
import { FolderBackend, type Loaded, type StoreBackend } from './backend.js';
import type { StoreLayout } from './layout.js';
import type { Append, FileWrite } from './transaction.js';
import { TrustRefresh } from './trust-refresh.js';

/**
 * From this many claims a store opens with source trust still to learn (in the trust worker, marked
 * `trust: "updating"`): learning it was most of a large store's start. CONCORDANCE_DEFER_TRUST_FROM overrides it.
 */
export const deferTrustFrom = (): number => Number(process.env.CONCORDANCE_DEFER_TRUST_FROM ?? 50_000);

export class StoreProblemError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`graph-data has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'StoreProblemError';
  }
}

export interface Snapshot {
  analysis: Analysis;
  /** graph.export() serialised once per change (on first request), with its ETag. */
  readonly graphJson: string;
  readonly graphEtag: string;
  /** graphJson gzipped, made on first request and kept for the revision (compressing ~MBs per request is the bottleneck under load). */
  graphGzip(): Buffer;
  /** Increases with every change, so caches can tell snapshots apart. */
  revision: number;
}

export class Repository {
  private current: Snapshot;
  private queue: Promise<unknown> = Promise.resolve();
  /** Re-learns source trust in the background after writes (see trust-refresh.ts). */
  readonly trustRefresh: TrustRefresh<Snapshot> = new TrustRefresh<Snapshot>(this);

  /** The seq of the last change in the changelog, once known (read once, then counted here: one writer). */
  lastSeq: number | undefined;
  /** The seq of the last change the served snapshot includes (0 when unknown): a notification of a later one reloads. */
  private snapshotSeq = 0;

  private constructor(
    readonly backend: StoreBackend,
    analysis: Analysis,
  ) {
    this.current = snapshotOf(analysis, 1);
  }

  /** Loads and validates graph-data (the folder `root`); refuses a store with problems, naming file and record. */
  static open(root?: string): Promise<Repository> {
    return Repository.openBackend(new FolderBackend(root));
  }

  /** Opens a store on any backend; another process's writes to it (when the backend can tell) are loaded as they come. */
  static async openBackend(backend: StoreBackend): Promise<Repository> {
    const loaded = await backend.load();
    const repo = new Repository(backend, analysedOrRefused(loaded));
    repo.lastSeq = loaded.lastSeq;
    repo.snapshotSeq = loaded.lastSeq ?? 0;
    if (repo.current.analysis.trust === 'updating') repo.trustRefresh.schedule();
    backend.watch((seq) => void repo.reloadIfBehind(seq));
    return repo;
  }

  get layout(): StoreLayout {
    return this.backend.layout;
  }

  /** Commits a write's files all or nothing through the backend (call inside `exclusive`). */
  commit(writes: FileWrite[], appends: Append[], removals: string[] = []): Promise<void> {
    return this.backend.commit(writes, appends, removals);
  }

  readChangelog(): Promise<{ changes: Change[] }> {
    return this.backend.readChangelog();
  }

  /**
   * Another process committed change `seq`: reload the store once every write of this process has
   * finished, unless this process has already seen it. A reload that fails keeps the snapshot served.
   */
  reloadIfBehind(seq: number): Promise<void> {
    return this.exclusive(async () => {
      if (seq <= this.snapshotSeq) return;
      await this.reload();
    }).catch((err: unknown) => console.error(`reloading the store after change ${seq} failed: ${(err as Error).message}`));
  }

  /** Loads the store again from its backend (call inside `exclusive`). */
  async reload(): Promise<void> {
    const loaded = await this.backend.load();
    this.current = snapshotOf(analysedOrRefused(loaded), this.current.revision + 1);
    this.lastSeq = loaded.lastSeq;
    this.snapshotSeq = loaded.lastSeq ?? 0;
    if (this.current.analysis.trust === 'updating') this.trustRefresh.schedule();
  }

  async close(): Promise<void> {
    await this.trustRefresh.close();
    await this.backend.close();
  }

  get snapshot(): Snapshot {
    return this.current;
  }

  /** Runs `task` after every earlier write has finished: one writer at a time. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The snapshot a write would produce, built before anything is written: if analysing fails, the
   * write is refused and disk and memory stay as they were. Its whole-graph JSON is made on first request.
   */
  prepare(analysis: Analysis): Snapshot {
    return snapshotOf(analysis, this.current.revision + 1);
  }

  /** Makes a prepared snapshot current, after its files are on disk. */
  install(snapshot: Snapshot): void {
    this.trustRefresh.follow(this.current.analysis, snapshot.analysis);
    this.current = snapshot;
    // The graph is patched now, while the write is the latest (live-graph.ts): one write's patch at a
    // time, and no older analysis kept alive for a patch not yet made.
    patchNow(snapshot.analysis);
    // Installed after this process's own commit, whose seq the write has just counted.
    if (this.lastSeq !== undefined) this.snapshotSeq = this.lastSeq;
    if (snapshot.analysis.trust === 'updating') this.trustRefresh.schedule();
  }
}

function analysedOrRefused(loaded: Loaded): Analysis {
  const analysis = analysedOrRefusedWhole(loaded);
  // The indexes a write reads (claims by place, by source, by total; comparisons by group), built
  // now in one walk so that the first write costs what it changes, as the later ones do.
  prepareWrites(analysis);
  return analysis;
}

function analysedOrRefusedWhole({ corpus, problems }: Loaded): Analysis {
  // A changed source text is not corruption: its claims are served, marked orphaned.
  const fatal = problems.filter((p) => !p.code);
  if (fatal.length > 0) throw new StoreProblemError(fatal);
  const orphaned = new Set(problems.filter((p) => p.code === 'orphaned-quote' && p.record).map((p) => p.record!));
  const changed = problems.filter((p) => p.code === 'text-changed');
  for (const p of changed) console.warn(`warning: ${formatProblem(p)}; its claims' quotes are shown as orphaned`);
  return analyse({ ...corpus, orphaned }, undefined, { deferTrust: corpus.claims.length >= deferTrustFrom() });
}

function snapshotOf(analysis: Analysis, revision: number): Snapshot {
  // Serialised on first request, not on every write: at 100,000 claims the export and its JSON cost
  // seconds, more than the rest of a write together (bench/results/writes.md). A graph too large to
  // serialise now fails that request (the views with ?view= still answer), not the write.
  let json: string | undefined;
  let etag: string | undefined;
  let gzipped: Buffer | undefined;
  const serialise = () => (json ??= JSON.stringify(analysis.graph.export()));
  return {
    analysis,
    revision,
    get graphJson() {
      return serialise();
    },
    get graphEtag() {
      return (etag ??= `"${createHash('sha1').update(serialise()).digest('base64url')}"`);
    },
    graphGzip: () => (gzipped ??= gzipSync(serialise())),
  };
}
