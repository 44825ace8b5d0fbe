// The messages between the main thread and the trust worker's thread (trust-worker.ts, trust-thread.ts).
import type { GroupVerdict, SourceTrustView } from '../analysis/likely.js';
import type { Corpus } from '../core/model.js';
import type { Comparison } from '../core/types.js';
import type { Claim } from '../core/schema-types.js';
import type { Convergence } from '../truth/types.js';

export type ToWorker =
  | { kind: 'reset'; records: Omit<Corpus, 'claims' | 'texts'> }
  /** `appended`: lists that grew at their end, as the records added (the rest of each list as the worker has it). */
  | { kind: 'records'; records: Partial<Omit<Corpus, 'claims' | 'texts'>>; appended?: Partial<Omit<Corpus, 'claims' | 'texts'>> }
  | { kind: 'claims'; remove: string[]; upsert: Claim[] }
  | { kind: 'comparisons'; remove: string[]; add: Comparison[] }
  /** `base`: the serial of the last answer the main thread holds, which this one may be sent as changes to. */
  | { kind: 'learn'; serial: number; base?: number };

export type FromWorker =
  /** `base`: the likely claims and sets come as changes to that answer (`remove` and the parts), not whole. */
  | { kind: 'summary'; serial: number; method: string; convergence: Convergence; trust: [string, SourceTrustView][]; base?: number }
  | { kind: 'verdicts'; serial: number; entries: [string, GroupVerdict[]][] }
  | { kind: 'likely'; serial: number; ids: string[]; remove?: string[] }
  | { kind: 'sets'; serial: number; entries: [string, string][]; remove?: string[] }
  | { kind: 'done'; serial: number; ms: number }
  | { kind: 'failed'; serial: number; message: string };

/** Groups (or claim ids) per message: each is taken on the main thread in a few milliseconds. */
export const PART = 2_000;
