// Source trust re-learnt in a worker thread, so that the main thread keeps answering while it runs
// (18.9 s at 100,000 claims on the event loop before; bench/results/writes.md). The worker keeps its
// own copy of the corpus, sent once (in parts, between other work) and then followed write by write
// with what each changed (analyse.ts `stepOf`): a write costs the worker its own size, not the store's.
// The answer comes back in parts too, and is for the analysis it was asked about: if a write has
// been installed meanwhile it is dropped, and that write's own refresh asks again.
import { Worker } from 'node:worker_threads';
import { serialOf, stepOf, type Analysis } from '../analysis/analyse.js';
import type { GroupVerdict, LikelySummary, SourceTrustView } from '../analysis/likely.js';
import type { Corpus } from '../core/model.js';
import { LayeredMap, LayeredSet } from '../analysis/layered-map.js';
import { PART, type FromWorker, type ToWorker } from './trust-messages.js';

const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './trust-thread.ts' : './trust-thread.js', import.meta.url);
const BOOT = new URL('../common/worker-boot.mjs', import.meta.url);

export interface Learned {
  groups: Map<string, string[]>;
  likely: LikelySummary;
  /** Time the worker took, from the request. */
  ms: number;
}

type Records = Omit<Corpus, 'claims' | 'texts'>;

interface Job {
  analysis: Analysis;
  summary?: Extract<FromWorker, { kind: 'summary' }>;
  byGroup: Map<string, GroupVerdict[]>;
  /** Likely claims and sets as sent: whole, or changes to the last answer (`summary.base`). */
  likelyAdded: string[];
  likelyRemoved: string[];
  sets: [string, string][];
  setsRemoved: string[];
  resolve: (learned: Learned) => void;
  reject: (err: Error) => void;
}

export class TrustWorker {
  private worker: Worker | undefined;
  /** The analysis the worker's copy matches once every message sent so far is read (its serial). */
  private mirrored: number | undefined;
  private syncing: Promise<void> | undefined;
  /** Steps that came while the whole corpus was being sent: sent after it. */
  private held: ToWorker[] = [];
  private jobs = new Map<number, Job>();
  /** The last answer taken: the worker sends the next one's likely claims and sets as changes to it. */
  private answer: { serial: number; likelyClaims: Set<string>; setOf: Map<string, string> } | undefined;

  /** `next` was installed after `previous`: the worker's copy follows, if it has one. */
  follow(previous: Analysis, next: Analysis): void {
    if (this.mirrored === undefined || this.mirrored !== serialOf(previous)) return;
    const step = stepOf(next);
    if (!step || step.base !== this.mirrored) {
      // Made some other way (a reload): the next request sends the whole corpus again.
      this.mirrored = undefined;
      return;
    }
    const messages: ToWorker[] = [];
    const records = changedRecords(previous.corpus, next.corpus);
    if (records?.records) messages.push({ kind: 'records', records: records.records });
    if (records?.appended) messages.push({ kind: 'records', records: {}, appended: records.appended });
    // In parts of PART records: copying a paste's 40,000 claims for the thread in one message held the
    // event loop for 0.4-1.8 s; the parts go one per turn of the event loop (sendInParts).
    if (step.claims.length > 0) {
      const remove = step.claims.filter((c) => c.before && c.before.id !== c.after?.id).map((c) => c.before!.id);
      const upsert = step.claims.flatMap((c) => (c.after ? [c.after] : []));
      messages.push({ kind: 'claims', remove, upsert: upsert.slice(0, PART) });
      for (let i = PART; i < upsert.length; i += PART) messages.push({ kind: 'claims', remove: [], upsert: upsert.slice(i, i + PART) });
    }
    if (step.removed.length + step.added.length > 0) {
      messages.push({ kind: 'comparisons', remove: step.removed.map((c) => c.id), add: step.added.slice(0, PART) });
      for (let i = PART; i < step.added.length; i += PART)
        messages.push({ kind: 'comparisons', remove: [], add: step.added.slice(i, i + PART) });
    }
    if (messages.length <= 2 || this.syncing) for (const m of messages) this.send(m);
    else void this.sendInParts(messages);
    this.mirrored = serialOf(next);
  }

  /** A write's messages, one per turn of the event loop; whatever is sent meanwhile is held and sent after them, in order. */
  private async sendInParts(messages: ToWorker[]): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    let done!: () => void;
    this.syncing = new Promise<void>((resolve) => (done = resolve));
    try {
      for (const [i, m] of messages.entries()) {
        if (i > 0) await turn();
        // A thread that failed meanwhile is replaced and sent the whole corpus when next asked.
        if (this.worker !== worker) return;
        worker.postMessage(m);
      }
    } finally {
      this.syncing = undefined;
      done();
      const held = this.held.splice(0);
      if (this.worker === worker) for (const m of held) worker.postMessage(m);
    }
  }

  /** Trust learned over the whole of `analysis` (which must be the latest installed), in the worker. */
  async learn(analysis: Analysis): Promise<Learned> {
    const worker = this.start();
    // A write's parts still going over (sendInParts): the question goes after them.
    while (this.syncing) await this.syncing;
    if (this.mirrored !== serialOf(analysis)) await this.sendWhole(analysis);
    const serial = serialOf(analysis);
    const learned = new Promise<Learned>((resolve, reject) =>
      this.jobs.set(serial, {
        analysis,
        byGroup: new Map(),
        likelyAdded: [],
        likelyRemoved: [],
        sets: [],
        setsRemoved: [],
        resolve,
        reject,
      }),
    );
    // Someone waits for the answer: the thread keeps the process alive until it comes.
    worker.ref();
    worker.postMessage({ kind: 'learn', serial, ...(this.answer ? { base: this.answer.serial } : {}) } satisfies ToWorker);
    return learned.finally(() => {
      if (this.jobs.size === 0) this.worker?.unref();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.mirrored = undefined;
    this.answer = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY.pathname.endsWith('.ts') ? BOOT : ENTRY, { workerData: { entry: ENTRY.href } });
    // It must not keep a finished process alive; a job waiting for it holds a promise, not the thread.
    worker.unref();
    worker.on('message', (m: FromWorker) => this.receive(m));
    const fail = (err: Error) => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.mirrored = undefined;
        this.answer = undefined;
      }
      for (const job of this.jobs.values()) job.reject(err);
      this.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the trust worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private send(message: ToWorker): void {
    if (this.syncing) this.held.push(message);
    else this.worker?.postMessage(message);
  }

  /** The whole corpus of `analysis`, in parts with a turn of the event loop between them. */
  private async sendWhole(analysis: Analysis): Promise<void> {
    const worker = this.worker!;
    const { claims, texts: _texts, ...records } = analysis.corpus;
    this.mirrored = serialOf(analysis);
    let done!: () => void;
    this.syncing = new Promise<void>((resolve) => (done = resolve));
    try {
      worker.postMessage({ kind: 'reset', records } satisfies ToWorker);
      for (let i = 0; i < claims.length; i += PART * 10) {
        worker.postMessage({ kind: 'claims', remove: [], upsert: claims.slice(i, i + PART * 10) } satisfies ToWorker);
        await turn();
      }
      const { comparisons } = analysis;
      for (let i = 0; i < comparisons.length; i += PART * 10) {
        worker.postMessage({ kind: 'comparisons', remove: [], add: comparisons.slice(i, i + PART * 10) } satisfies ToWorker);
        await turn();
      }
    } finally {
      this.syncing = undefined;
      done();
      for (const m of this.held.splice(0)) worker.postMessage(m);
    }
  }

  private receive(m: FromWorker): void {
    const job = this.jobs.get(m.serial);
    if (!job) return;
    switch (m.kind) {
      case 'summary':
        job.summary = m;
        return;
      case 'verdicts':
        for (const [group, verdicts] of m.entries) job.byGroup.set(group, verdicts);
        return;
      case 'likely':
        for (const id of m.ids) job.likelyAdded.push(id);
        for (const id of m.remove ?? []) job.likelyRemoved.push(id);
        return;
      case 'sets':
        for (const entry of m.entries) job.sets.push(entry);
        for (const id of m.remove ?? []) job.setsRemoved.push(id);
        return;
      case 'failed':
        this.answer = undefined;
        this.jobs.delete(m.serial);
        job.reject(new Error(m.message));
        return;
      case 'done': {
        this.jobs.delete(m.serial);
        const { analysis, summary } = job;
        // Changes to the last answer are layered over it (a million sets not rebuilt for a few moved).
        const base = summary!.base !== undefined && this.answer?.serial === summary!.base ? this.answer : undefined;
        if (summary!.base !== undefined && !base) {
          job.reject(new Error(`the trust worker answered as changes to answer ${summary!.base}, which is not held`));
          this.answer = undefined;
          return;
        }
        const likelyClaims = base
          ? LayeredSet.of(base.likelyClaims, [
              ...job.likelyRemoved.map((id): [string, boolean] => [id, false]),
              ...job.likelyAdded.map((id): [string, boolean] => [id, true]),
            ])
          : new Set(job.likelyAdded);
        const setOf = base
          ? LayeredMap.of(base.setOf, [...job.setsRemoved.map((id): [string, undefined] => [id, undefined]), ...job.sets])
          : new Map(job.sets);
        this.answer = { serial: m.serial, likelyClaims, setOf };
        // The groups as the analysis holds them (their order is not the corpus's after writes; their content is).
        const groups = analysis.groups;
        const likely: LikelySummary = {
          method: summary!.method,
          convergence: summary!.convergence,
          byGroup: job.byGroup,
          setOf,
          trust: new Map<string, SourceTrustView>(summary!.trust),
          likelyClaims,
          reviewer: analysis.corpus.trust ?? [],
        };
        job.resolve({ groups, likely, ms: m.ms });
      }
    }
  }
}

/**
 * The corpus's records (but claims and texts) that are not the same objects as before, or undefined:
 * a list that only grew at its end (an ingest's new source, proposed entities) as what was appended,
 * not whole (20,000 sources cloned for the worker on every ingest at a million claims).
 */
function changedRecords(before: Corpus, after: Corpus): { records?: Partial<Records>; appended?: Partial<Records> } | undefined {
  const changed: Partial<Records> = {};
  const appended: Partial<Records> = {};
  let anyChanged = false;
  let anyAppended = false;
  for (const key of Object.keys(after) as (keyof Corpus)[]) {
    if (key === 'claims' || key === 'texts' || after[key] === before[key]) continue;
    const was = before[key];
    const now = after[key];
    if (Array.isArray(was) && Array.isArray(now) && now.length > was.length && was.every((r, i) => now[i] === r)) {
      (appended as Record<string, unknown>)[key] = now.slice(was.length);
      anyAppended = true;
    } else {
      (changed as Record<string, unknown>)[key] = now;
      anyChanged = true;
    }
  }
  if (!anyChanged && !anyAppended) return undefined;
  return { ...(anyChanged ? { records: changed } : {}), ...(anyAppended ? { appended } : {}) };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
