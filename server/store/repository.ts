// The live state behind the server: the loaded corpus and everything derived from it.
// Reads share one immutable snapshot; every write goes through one queue (see `exclusive`).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { analyse, type Analysis } from '../core/analyse.js';
import { formatProblem, type DataProblem } from '../core/model.js';
import { readChangelog } from './changelog.js';
import { loadStore } from './load.js';
import { changelogPath } from './changelog.js';
import { recover, watchAppendOnly } from './transaction.js';
import { storeLayout, type StoreLayout } from './layout.js';

export class StoreProblemError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`graph-data has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'StoreProblemError';
  }
}

export interface Snapshot {
  analysis: Analysis;
  /** graph.export() serialised once per change, with its ETag. */
  graphJson: string;
  graphEtag: string;
  /** graphJson gzipped, made on first request and kept for the revision (compressing ~MBs per request is the bottleneck under load). */
  graphGzip(): Buffer;
  /** Increases with every change, so caches can tell snapshots apart. */
  revision: number;
}

export class Repository {
  private current: Snapshot;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly layout: StoreLayout, analysis: Analysis) {
    this.current = snapshotOf(analysis, 1);
  }

  /** Loads and validates graph-data; refuses a store with problems, naming file and record. */
  static async open(root?: string): Promise<Repository> {
    const layout = storeLayout(root);
    await recover(layout.root);
    const { corpus, problems } = await loadStore(layout.root);
    await watchAppendOnly(changelogPath(layout.root));
    const { problems: logProblems } = await readChangelog(layout.root);
    // A changed source text is not corruption: its claims are served, marked orphaned.
    const fatal = [...problems, ...logProblems].filter((p) => !p.code);
    if (fatal.length > 0) throw new StoreProblemError(fatal);
    const orphaned = new Set(problems.filter((p) => p.code === 'orphaned-quote' && p.record).map((p) => p.record!));
    const changed = problems.filter((p) => p.code === 'text-changed');
    for (const p of changed) console.warn(`warning: ${formatProblem(p)}; its claims' quotes are shown as orphaned`);
    return new Repository(layout, analyse({ ...corpus, orphaned }));
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
   * The snapshot a write would produce, built before anything is written: if building it fails (a
   * graph too large to serialise, say), the write is refused and disk and memory stay as they were.
   */
  prepare(analysis: Analysis): Snapshot {
    return snapshotOf(analysis, this.current.revision + 1);
  }

  /** Makes a prepared snapshot current, after its files are on disk. */
  install(snapshot: Snapshot): void {
    this.current = snapshot;
  }
}

function snapshotOf(analysis: Analysis, revision: number): Snapshot {
  const graphJson = JSON.stringify(analysis.graph.export());
  const graphEtag = `"${createHash('sha1').update(graphJson).digest('base64url')}"`;
  let gzipped: Buffer | undefined;
  const graphGzip = () => (gzipped ??= gzipSync(graphJson));
  return { analysis, graphJson, graphEtag, graphGzip, revision };
}
