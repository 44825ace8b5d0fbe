// Source trust is learned over the whole corpus, which costs seconds on a large store: too much for
// every write. A write re-judges its own sets with the trust as it stands and installs a snapshot
// marked `trust: 'updating'`; this re-learns trust once writes pause (debounced), in the write queue
// so that no write interleaves, and installs the settled snapshot.
import { settleTrust, type Analysis } from '../analysis/analyse.js';

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
  /** Wall time of the last full re-estimation, for benchmarks and logs. */
  lastMs: number | undefined;

  constructor(private readonly repo: Installer<S>, private readonly delayMs = TRUST_REFRESH_DELAY_MS) {}

  /** A write installed an 'updating' snapshot: re-learn trust once writes have paused for the delay. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.repo.exclusive(() => Promise.resolve(this.settle())).finally(() => {
        this.running = undefined;
        if (!this.timer) for (const resolve of this.waiting.splice(0)) resolve();
      });
    }, this.delayMs);
    // A pending refresh must not keep a finished process (a CLI, a test) alive, unless someone waits for it.
    if (this.waiting.length === 0) this.timer.unref();
  }

  /** Resolves once no re-estimation is pending or running: the snapshot's trust is settled (or failed to settle, logged). */
  settled(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    // Someone waits for it now: the pending refresh must keep the process alive until it has run.
    this.timer?.ref();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private settle(): void {
    const current = this.repo.snapshot;
    if (current.analysis.trust === 'settled') return;
    const started = performance.now();
    try {
      this.repo.install(this.repo.prepare(settleTrust(current.analysis)));
      this.lastMs = performance.now() - started;
    } catch (err) {
      // The write it follows is on disk and served; only the trust figures stay as they were.
      console.error(`re-estimating source trust failed; trust stays as before the last writes: ${(err as Error).message}`);
    }
  }
}
