// Source trust is learned over the whole corpus, which costs seconds on a large store: too much for
// every write. A write re-judges its own sets with the trust as it stands and installs a snapshot
// marked `trust: 'updating'`; this re-learns trust once writes pause (debounced) in a worker thread
// (trust-worker.ts), so reads and writes are answered meanwhile, and installs the settled snapshot
// in the write queue — unless a write came in between, whose own refresh then asks again.
import { serialOf, settleTrust, withLearnedTrust, type Analysis } from '../analysis/analyse.js';
import { TrustWorker } from './trust-worker.js';

interface Installer<S extends { analysis: Analysis }> {
  readonly snapshot: S;
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  prepare(analysis: Analysis): S;
  install(snapshot: S): void;
}

/** Quiet time after the last write before trust is re-learned; TRUST_REFRESH_MS overrides it. */
export const TRUST_REFRESH_DELAY_MS = Number(process.env.TRUST_REFRESH_MS ?? 250);

export class TrustRefresh<S extends { analysis: Analysis }> {
  private timer: NodeJS.Timeout | undefined;
  private waiting: (() => void)[] = [];
  private running: Promise<void> | undefined;
  private worker: TrustWorker | undefined = new TrustWorker();
  private closed = false;
  /** Wall time of the last full re-estimation (request to install), for benchmarks and logs. */
  lastMs: number | undefined;
  /** Where the last re-estimation ran: in the worker thread, or on the event loop (the fallback). */
  lastWhere: 'worker' | 'event loop' | undefined;

  constructor(
    private readonly repo: Installer<S>,
    private readonly delayMs = TRUST_REFRESH_DELAY_MS,
  ) {}

  /** A write installed an 'updating' snapshot: re-learn trust once writes have paused for the delay. */
  schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // One re-estimation at a time: one already running is followed by another if still needed.
      if (this.running) return;
      this.running = this.refresh().finally(() => {
        this.running = undefined;
        if (this.repo.snapshot.analysis.trust === 'updating' && !this.timer && !this.closed) this.schedule();
        else if (!this.timer) for (const resolve of this.waiting.splice(0)) resolve();
      });
    }, this.delayMs);
    // A pending refresh must not keep a finished process (a CLI, a test) alive, unless someone waits for it.
    if (this.waiting.length === 0) this.timer.unref();
  }

  /** A re-estimation is running (in the worker, or waiting for the write queue to install it). */
  get learning(): boolean {
    return this.running !== undefined;
  }

  /** Keeps the worker's copy of the corpus in step with an installed write. */
  follow(previous: Analysis, next: Analysis): void {
    this.worker?.follow(previous, next);
  }

  /** Resolves once no re-estimation is pending or running: the snapshot's trust is settled (or failed to settle, logged). */
  settled(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    // Someone waits for it now: the pending refresh must keep the process alive until it has run.
    this.timer?.ref();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.worker?.close();
    await this.running;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private async refresh(): Promise<void> {
    const target = this.repo.snapshot;
    if (target.analysis.trust === 'settled') return;
    const started = performance.now();
    if (this.worker) {
      try {
        const { groups, likely } = await this.worker.learn(target.analysis);
        await this.repo.exclusive(async () => {
          // A write installed meanwhile has scheduled its own refresh; this answer is for the state before it.
          if (this.closed || serialOf(this.repo.snapshot.analysis) !== serialOf(target.analysis)) return;
          this.repo.install(this.repo.prepare(withLearnedTrust(target.analysis, groups, likely)));
          this.lastMs = performance.now() - started;
          this.lastWhere = 'worker';
        });
        return;
      } catch (err) {
        if (this.closed) return;
        console.error(`the trust worker failed (${(err as Error).message}); trust is re-learnt on the main thread from now on`);
        await this.worker.close();
        this.worker = undefined;
      }
    }
    await this.repo.exclusive(() => Promise.resolve(this.settleHere()));
  }

  /** The fallback: the re-estimation on the event loop, in the write queue. */
  private settleHere(): void {
    const current = this.repo.snapshot;
    if (this.closed || current.analysis.trust === 'settled') return;
    const started = performance.now();
    try {
      this.repo.install(this.repo.prepare(settleTrust(current.analysis)));
      this.lastMs = performance.now() - started;
      this.lastWhere = 'event loop';
    } catch (err) {
      // The write it follows is on disk and served; only the trust figures stay as they were.
      console.error(`re-estimating source trust failed; trust stays as before the last writes: ${(err as Error).message}`);
    }
  }
}
