// What the explorer shows of a source's trust: the reviewer's judgement of it, the sources it probably
// copies from or with (AccuCopy's dependence on shared disputed values), and before a judgement is
// saved, how each likely value would move under it (whatIfTrusted), in the claims' own wording.
import type { CorpusIndex } from '../core/model.js';
import type { Claim, TrustJudgement } from '../core/schema-types.js';
import { claimsObservations } from '../truth/claims.js';
import { discoverTruth } from '../truth/discover.js';
import { applicableJudgements, whatIfTrusted } from '../truth/reviewer.js';
import type { Observation } from '../truth/types.js';
import { setsOf, type LikelySummary } from './likely.js';

/** What a source view needs of an Analysis (kept narrow so this layer does not import analyse.ts). */
export interface TrustInputs {
  groups: ReadonlyMap<string, readonly string[]>;
  index: CorpusIndex;
  likely: LikelySummary;
}

export interface CopyRelation {
  source: { id: string; title: string };
  /** Posterior probability that the two are dependent (≥ 0.5 to be listed). */
  probability: number;
  /** Items both state where the sources disagree among themselves. */
  disputed: number;
  sameOnDisputed: number;
  /** Of those, values judged false: shared mistakes are the strongest sign of copying. */
  sameFalse: number;
  /** For people: "Shares 41 of its 44 disputed values with Store X: likely copied." */
  summary: string;
}

/** One side of a move: the claim stating the likely value, in its wording, and its source (title and id). */
export interface MoveSide {
  wording: string;
  confidence: number;
  claim: string;
  source: string;
  sourceId: string;
}

export interface LikelyMove {
  subject: string;
  property: string;
  before: MoveSide;
  after: MoveSide;
  /** The likely value itself changes (false: only its confidence moves). */
  changed: boolean;
}

interface Observed {
  claims: Claim[];
  observations: Observation[];
}

// Observations and copy detection depend only on the claims: made once per analysis, on first request.
const observedCache = new WeakMap<LikelySummary, Observed>();
const copiesCache = new WeakMap<LikelySummary, Map<string, CopyRelation[]>>();
// A what-if runs truth discovery twice over the whole corpus: the answer is kept per analysis and
// question, so a reviewer flipping between choices (or several reviewers asking the same) pays once.
const whatIfCache = new WeakMap<LikelySummary, Map<string, LikelyMove[]>>();
const WHAT_IF_KEPT = 32;

function observed(inputs: TrustInputs): Observed {
  let hit = observedCache.get(inputs.likely);
  if (!hit) {
    const { sets } = setsOf(inputs.groups, inputs.groups.keys(), inputs.index);
    hit = claimsObservations(sets);
    observedCache.set(inputs.likely, hit);
  }
  return hit;
}

const titleOf = (index: CorpusIndex, id: string) => index.source.get(id)?.title ?? id;

/** The sources `source` is judged likely to copy from or share a copy with, most likely first. */
export function copyRelations(inputs: TrustInputs, source: string): CopyRelation[] {
  let all = copiesCache.get(inputs.likely);
  if (!all) {
    all = new Map();
    // Only items two sources state: dependence is judged on shared items, and Accu credits a source
    // on those alone (leave-one-out), so the rest cannot change a relation; leaving them out saves most of the work.
    const shared = sharedItemsOnly(observed(inputs).observations);
    if (shared.length > 0) {
      for (const s of discoverTruth(shared, { method: 'accucopy' }).sources) {
        all.set(s.source, (s.copies ?? []).map((c) => ({
          source: { id: c.source, title: titleOf(inputs.index, c.source) },
          probability: c.probability,
          disputed: c.disputed,
          sameOnDisputed: c.sameOnDisputed,
          sameFalse: c.sameFalse,
          summary: `Shares ${c.sameOnDisputed} of its ${c.disputed} disputed value${c.disputed === 1 ? '' : 's'} with ${titleOf(inputs.index, c.source)}${c.sameFalse > 0 ? ` (${c.sameFalse} of them judged false)` : ''}: likely copied (probability ${c.probability.toFixed(2)}).`,
        })));
      }
    }
    copiesCache.set(inputs.likely, all);
  }
  return all.get(source) ?? [];
}

function sharedItemsOnly(observations: readonly Observation[]): Observation[] {
  const sourcesOf = new Map<string, Set<string>>();
  for (const o of observations) {
    const set = sourcesOf.get(o.item);
    if (set) set.add(o.source);
    else sourcesOf.set(o.item, new Set([o.source]));
  }
  return observations.filter((o) => sourcesOf.get(o.item)!.size >= 2);
}

/**
 * How each likely value would move if the judgement of `source` were `proposed` (undefined: none),
 * the other judgements kept: the values that change first, then those whose confidence moves.
 */
export function whatIfJudged(inputs: TrustInputs, source: string, proposed: Pick<TrustJudgement, 'primary' | 'derivativeOf'> | undefined): LikelyMove[] {
  let kept = whatIfCache.get(inputs.likely);
  if (!kept) whatIfCache.set(inputs.likely, (kept = new Map()));
  const key = JSON.stringify([source, proposed?.primary ?? null, proposed?.derivativeOf ?? null]);
  let moves = kept.get(key);
  if (!moves) {
    if (kept.size >= WHAT_IF_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, (moves = computeWhatIf(inputs, source, proposed)));
  }
  return moves;
}

function computeWhatIf(inputs: TrustInputs, source: string, proposed: Pick<TrustJudgement, 'primary' | 'derivativeOf'> | undefined): LikelyMove[] {
  const { claims, observations } = observed(inputs);
  if (observations.length === 0) return [];
  const present = new Set(observations.map((o) => o.source));
  const current = applicableJudgements(present, inputs.likely.reviewer);
  const others = inputs.likely.reviewer.filter((j) => j.source !== source);
  const next = applicableJudgements(present, proposed ? [...others, { source, ...proposed }] : others);
  const moves = whatIfTrusted(observations, next, { current });
  const side = (m: { confidence: number; observation: number }): MoveSide => {
    const claim = claims[m.observation]!;
    return { wording: claim.wording, confidence: m.confidence, claim: claim.id, source: titleOf(inputs.index, claim.source), sourceId: claim.source };
  };
  return moves.map((m) => {
    const first = claims[m.before.observation]!;
    return {
      subject: inputs.index.entity.get(first.subject)?.label ?? first.subject,
      property: inputs.index.property.get(first.property)?.label ?? first.property,
      before: side(m.before),
      after: side(m.after),
      changed: m.changed,
    };
  });
}
