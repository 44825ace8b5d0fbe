// The messages between the server and the trust questions worker (trust-questions.ts, trust-questions-thread.ts).
import type { CopyDependence, ProposedTrust, RawMove } from '../analysis/source-trust.js';
import type { TrustJudgement } from '../core/schema-types.js';
import type { Observation } from '../truth/types.js';

export type ToQuestions =
  /** The observations of `revision` follow, in parts; the ones held before are dropped. */
  | { kind: 'begin'; revision: number }
  | { kind: 'observations'; revision: number; part: Observation[] }
  | { kind: 'copies'; job: number; revision: number }
  | { kind: 'what-if'; job: number; revision: number; reviewer: readonly TrustJudgement[]; source: string; proposed: ProposedTrust };

export type FromQuestions =
  | { kind: 'copies'; job: number; dependence: CopyDependence; ms: number }
  | { kind: 'what-if'; job: number; moves: RawMove[]; ms: number }
  | { kind: 'failed'; job: number; message: string };
