// A write's likely values off the event loop. A write re-judges the sets of the groups it re-ran
// (updateLikely); for one group of tens of thousands of figures (one paste) that is seconds of truth
// discovery, during which no other request would be answered. From OFF_LOOP_CLAIMS claims up, the
// judging runs in a worker thread instead: the claims go over in parts with a turn of the event loop
// between them, the thread runs judgeGroups (the same code, so the same verdicts) and sends the answer
// back in parts. One thread, started on first use and kept (idle, it does not keep the process alive);
// if it fails, the write judges on the event loop as before (slow, never wrong).
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../common/worker-runner.js';
import type { CorpusIndex } from '../core/model.js';
import type { Claim } from '../core/schema-types.js';
import { judgeGroups, type GroupVerdict, type Judged, type LikelySummary } from './likely.js';
import { LIKELY_PART, type FromLikelyThread, type ToLikelyThread } from './likely-messages.js';

/** Affected groups holding at least this many claims are judged in the worker; fewer, on the event loop (a thread's round trip costs more than they do). */
export const OFF_LOOP_CLAIMS = 2_000;

// Under tsx (npm run serve, vitest) this module is TypeScript and so is the thread's entry; compiled, both are JavaScript.
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './likely-thread.ts' : './likely-thread.js', import.meta.url);

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Pending {
  job: number;
  byGroup: Map<string, GroupVerdict[]>;
  setOf: Map<string, string>;
  resolve: (judged: Judged) => void;
  reject: (error: Error) => void;
}

export class LikelyWorker {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private lastJob = 0;

  /** judgeGroups over `affected`, with `previous`'s trust and reviewers, in the thread. Rejects if the thread fails. */
  async judge(
    groups: ReadonlyMap<string, readonly string[]>,
    affected: ReadonlySet<string>,
    index: Pick<CorpusIndex, 'claim' | 'entity'>,
    previous: Pick<LikelySummary, 'trust' | 'reviewer'>,
  ): Promise<Judged> {
    if (this.pending) throw new Error('the likely worker judges one write at a time');
    const worker = this.start();
    const job = ++this.lastJob;
    const answer = new Promise<Judged>((resolve, reject) => {
      this.pending = { job, byGroup: new Map(), setOf: new Map(), resolve, reject };
    });
    worker.ref();
    try {
      const labels = new Map<string, string>();
      const trust = new Map<string, number>();
      const wanted: [string, readonly string[]][] = [];
      let part: Claim[] = [];
      for (const key of affected) {
        const ids = groups.get(key);
        if (!ids) continue;
        wanted.push([key, ids]);
        for (const id of ids) {
          const claim = index.claim.get(id);
          if (!claim) continue;
          part.push(claim);
          if (claim.value.type === 'entity') {
            const label = index.entity.get(claim.value.entity)?.label;
            if (label !== undefined) labels.set(claim.value.entity, label);
          }
          const score = previous.trust.get(claim.source)?.score;
          if (score !== undefined) trust.set(claim.source, score);
          if (part.length === LIKELY_PART) {
            this.send({ kind: 'claims', job, claims: part });
            part = [];
            await turn();
          }
        }
      }
      if (part.length > 0) this.send({ kind: 'claims', job, claims: part });
      this.send({
        kind: 'judge',
        job,
        groups: wanted,
        affected: [...affected],
        labels: [...labels],
        trust: [...trust],
        reviewer: previous.reviewer,
      });
      return await answer;
    } catch (err) {
      this.fail();
      throw err;
    } finally {
      this.pending = undefined;
      this.worker?.unref();
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.pending?.reject(new Error('the likely worker was closed'));
    await worker?.terminate();
  }

  private send(message: ToLikelyThread): void {
    if (!this.worker) throw new Error('the likely worker stopped');
    this.worker.postMessage(message);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(ENTRY);
    worker.unref();
    worker.on('message', (m: FromLikelyThread) => this.receive(m));
    const stopped = (err: Error) => {
      // A thread already let go of (fail, close) has no job of ours.
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.pending?.reject(err);
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`the likely worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** A thread that may hold half a job is not trusted with the next one. */
  private fail(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  private receive(m: FromLikelyThread): void {
    const pending = this.pending;
    if (!pending || m.job !== pending.job) return;
    switch (m.kind) {
      case 'verdicts':
        for (const [group, verdicts] of m.entries) pending.byGroup.set(group, verdicts);
        return;
      case 'alternatives':
        pending.byGroup.get(m.group)![m.at]!.alternatives.push(...m.alternatives);
        return;
      case 'sets':
        for (const [id, key] of m.entries) pending.setOf.set(id, key);
        return;
      case 'done':
        pending.resolve({ byGroup: pending.byGroup, setOf: pending.setOf, likelyClaims: new Set(m.likely) });
        return;
      case 'failed':
        pending.reject(new Error(m.message));
        return;
    }
  }
}

let shared: LikelyWorker | undefined;

/**
 * The affected groups judged as updateLikely judges them: in the worker when they hold
 * OFF_LOOP_CLAIMS claims or more, else (or if the worker fails) here on the event loop.
 */
export async function judgeOffLoop(
  groups: ReadonlyMap<string, readonly string[]>,
  affected: ReadonlySet<string>,
  index: Pick<CorpusIndex, 'claim' | 'entity'>,
  previous: Pick<LikelySummary, 'trust' | 'reviewer'>,
): Promise<Judged> {
  let size = 0;
  for (const key of affected) size += groups.get(key)?.length ?? 0;
  const here = () => judgeGroups(groups, affected, index, previous.reviewer, (source) => previous.trust.get(source)?.score);
  if (size < OFF_LOOP_CLAIMS) return here();
  try {
    shared ??= new LikelyWorker();
    return await shared.judge(groups, affected, index, previous);
  } catch (err) {
    console.error(`judging likely values in the worker failed (${(err as Error).message}); judging them on the event loop`);
    return here();
  }
}
