// The messages between the main thread and the likely worker's thread (likely-worker.ts, likely-thread.ts).
import type { Claim, TrustJudgement } from '../core/schema-types.js';
import type { ClaimAlternative } from '../truth/claims.js';
import type { GroupVerdict } from './likely.js';

export type ToLikelyThread =
  /** The claims of the groups to judge, in parts (each part a few milliseconds to copy). */
  | { kind: 'claims'; job: number; claims: Claim[] }
  /** Judge these groups (their claims sent before) with this trust, entity labels and reviewers' judgements. */
  | {
      kind: 'judge';
      job: number;
      groups: [string, readonly string[]][];
      affected: string[];
      labels: [string, string][];
      trust: [string, number][];
      reviewer: readonly TrustJudgement[];
    };

export type FromLikelyThread =
  /** Verdicts with their first LIKELY_PART alternatives; the rest follow in 'alternatives' parts. */
  | { kind: 'verdicts'; job: number; entries: [string, GroupVerdict[]][] }
  /** More alternatives of verdict `at` of `group`, appended in order. */
  | { kind: 'alternatives'; job: number; group: string; at: number; alternatives: ClaimAlternative[] }
  | { kind: 'sets'; job: number; entries: [string, string][] }
  /** The last message of a job: the claims stating a likely value. */
  | { kind: 'done'; job: number; likely: string[] }
  | { kind: 'failed'; job: number; message: string };

/** Claims (or claims' sets) per message. */
export const LIKELY_PART = 2_000;
