// The two questions of the source trust panel that cost truth discovery over the whole store — which
// sources copy which (AccuCopy) and how each likely value would move under a proposed judgement
// (what-if) — answered in a worker thread, so the server keeps answering meanwhile (on the event loop
// they took 6–10 s at 20,000 claims and 33–40 s at 100,000, stalling every request; bench/results/truth.md).
// The thread is given the store's observations once per revision, in parts with a turn of the event
// loop between them (made here a slice of groups at a time, for the same reason), then asked questions
// about them one at a time. Answers are kept per revision: copy relations per claims index (a trust
// judgement cannot change them), what-ifs per claims index and list of judgements.
import type { Worker } from 'node:worker_threads';
import {
  movesInWords,
  observationsOf,
  relationsOf,
  type CopyDependence,
  type CopyRelation,
  type LikelyMove,
  type Observed,
  type ProposedTrust,
} from '../analysis/source-trust.js';
import { runJob, startWorker } from '../common/worker-runner.js';
import type { CorpusIndex } from '../core/model.js';
import type { TrustJudgement } from '../core/schema-types.js';
import { HttpError } from './errors.js';
import type { FromQuestions, ToQuestions } from './trust-questions-messages.js';

/** What a question needs of an Analysis: its groups and index (the revision), and the reviewers' judgements. */
export interface QuestionInputs {
  groups: ReadonlyMap<string, readonly string[]>;
  index: CorpusIndex;
  reviewer: readonly TrustJudgement[] | undefined;
}

export interface QuestionsOptions {
  /** How long one question may take before the thread is stopped (the answer is then a 503). */
  budgetMs?: number;
  /** An idle thread is ended after this long (it holds a copy of the store's observations). */
  idleMs?: number;
}

// TypeScript under tsx (development, tests), JavaScript compiled (npm start).
const THREAD = new URL(import.meta.url.endsWith('.ts') ? './trust-questions-thread.ts' : './trust-questions-thread.js', import.meta.url);
/** Groups per slice made on the main thread (a few milliseconds each), observations per message sent. */
const GROUP_SLICE = 500;
const OBSERVATION_PART = 10_000;
const WHAT_IF_KEPT = 32;
const NONE: readonly TrustJudgement[] = [];

interface Revision extends Observed {
  revision: number;
}

export class TrustQuestions {
  private worker: Worker | undefined;
  /** The revision whose observations the thread holds. */
  private held: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private idle: NodeJS.Timeout | undefined;
  private nextJob = 1;
  private revisions = 0;
  private readonly observed = new WeakMap<CorpusIndex, Promise<Revision>>();
  private readonly copies = new WeakMap<CorpusIndex, Promise<Map<string, CopyDependence[number][1]>>>();
  private readonly whatIfs = new WeakMap<CorpusIndex, WeakMap<readonly TrustJudgement[], Map<string, Promise<LikelyMove[]>>>>();
  private readonly budgetMs: number;
  private readonly idleMs: number;

  constructor(options: QuestionsOptions = {}) {
    this.budgetMs = options.budgetMs ?? 600_000;
    this.idleMs = options.idleMs ?? 60_000;
  }

  /** The sources `source` probably copies from or with, most likely first. */
  async copyRelations(inputs: QuestionInputs, source: string): Promise<CopyRelation[]> {
    let all = this.copies.get(inputs.index);
    if (!all) {
      all = this.revisionOf(inputs)
        .then((r) => this.ask<CopyDependence>(r, (job) => ({ kind: 'copies', job, revision: r.revision })))
        .then((d) => new Map(d));
      this.keep(this.copies, inputs.index, all);
    }
    return relationsOf(await all, inputs.index, source);
  }

  /** How each likely value would move if the judgement of `source` were `proposed` (undefined: none). */
  whatIf(inputs: QuestionInputs, source: string, proposed: ProposedTrust): Promise<LikelyMove[]> {
    const reviewer = inputs.reviewer ?? NONE;
    let byReviewer = this.whatIfs.get(inputs.index);
    if (!byReviewer) this.whatIfs.set(inputs.index, (byReviewer = new WeakMap()));
    let kept = byReviewer.get(reviewer);
    if (!kept) byReviewer.set(reviewer, (kept = new Map()));
    const key = JSON.stringify([source, proposed?.primary ?? null, proposed?.derivativeOf ?? null]);
    let moves = kept.get(key);
    if (!moves) {
      if (kept.size >= WHAT_IF_KEPT) kept.delete(kept.keys().next().value!);
      const asked = this.revisionOf(inputs).then(async (r) =>
        movesInWords(
          await this.ask(r, (job) => ({ kind: 'what-if', job, revision: r.revision, reviewer, source, proposed })),
          r.claims,
          inputs.index,
        ),
      );
      kept.set(key, (moves = asked));
      // A failed answer is not kept: the next request asks again.
      asked.catch(() => kept.get(key) === asked && kept.delete(key));
    }
    return moves;
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    this.held = undefined;
    await worker?.terminate();
  }

  private keep<K extends object, V>(cache: WeakMap<K, Promise<V>>, key: K, value: Promise<V>): void {
    cache.set(key, value);
    value.catch(() => cache.get(key) === value && cache.delete(key));
  }

  /** The observations of this revision, made a slice of groups at a time between other requests. */
  private revisionOf(inputs: QuestionInputs): Promise<Revision> {
    let made = this.observed.get(inputs.index);
    if (!made) {
      made = (async () => {
        const keys = [...inputs.groups.keys()];
        const revision: Revision = { revision: ++this.revisions, claims: [], observations: [] };
        for (let i = 0; i < keys.length; i += GROUP_SLICE) {
          const part = observationsOf(inputs.groups, keys.slice(i, i + GROUP_SLICE), inputs.index);
          for (const c of part.claims) revision.claims.push(c);
          for (const o of part.observations) revision.observations.push(o);
          await turn();
        }
        return revision;
      })();
      this.keep(this.observed, inputs.index, made);
    }
    return made;
  }

  /** One question to the thread, after those before it; the revision's observations are sent first when it does not hold them. */
  private ask<T>(revision: Revision, question: (job: number) => Extract<ToQuestions, { job: number }>): Promise<T> {
    this.pending++;
    clearTimeout(this.idle);
    const answer = this.queue.then(async () => {
      const worker = this.thread();
      if (this.held !== revision.revision) await this.send(worker, revision);
      const job = this.nextJob++;
      try {
        return await runJob<T, FromQuestions>(worker, {
          budgetMs: this.budgetMs,
          keep: true,
          message: question(job),
          onMessage: (m, reply) => {
            if (m.job !== job) return;
            if (m.kind === 'failed') reply.reject(new HttpError(503, `the trust question could not be answered: ${m.message}`));
            else reply.resolve((m.kind === 'copies' ? m.dependence : m.moves) as T);
          },
          failures: {
            budget: () => new HttpError(503, `the trust question took longer than ${Math.round(this.budgetMs / 1000)} s and was stopped`),
            memory: () => new HttpError(503, 'the trust question ran out of memory'),
            exit: (code) => new HttpError(503, `the trust questions worker stopped (exit code ${code})`),
          },
        });
      } catch (err) {
        // runJob terminated the thread unless the thread itself reported the failure: start afresh next time.
        if (!(err instanceof HttpError && /could not be answered/.test(err.message)) && this.worker === worker) {
          this.worker = undefined;
          this.held = undefined;
        }
        throw err;
      }
    });
    this.queue = answer.catch(() => undefined).finally(() => this.settled());
    return answer;
  }

  private settled(): void {
    if (--this.pending > 0 || !this.worker) return;
    // Idle: the thread must not keep a finished process alive, and is ended after a while.
    this.worker.unref();
    this.idle = setTimeout(() => void this.close(), this.idleMs);
    this.idle.unref();
  }

  private thread(): Worker {
    if (!this.worker) {
      const worker = (this.worker = startWorker(THREAD));
      this.held = undefined;
      // A thread that ends between questions is started afresh for the next one.
      worker.once('exit', () => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.held = undefined;
      });
    }
    return this.worker;
  }

  private async send(worker: Worker, revision: Revision): Promise<void> {
    worker.postMessage({ kind: 'begin', revision: revision.revision } satisfies ToQuestions);
    const { observations } = revision;
    for (let i = 0; i < observations.length; i += OBSERVATION_PART) {
      worker.postMessage({
        kind: 'observations',
        revision: revision.revision,
        part: observations.slice(i, i + OBSERVATION_PART),
      } satisfies ToQuestions);
      await turn();
    }
    this.held = revision.revision;
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
