// What the explorer shows of a source's trust: the reviewer's judgement of it, the sources it probably
// copies from or with (AccuCopy's dependence on shared disputed values), and before a judgement is
// saved, how each likely value would move under it (whatIfTrusted), in the claims' own wording.
// Both cost truth discovery over the whole corpus (seconds at 20,000 claims): the server runs the
// pieces here in a worker thread (server/api/trust-questions.ts) and keeps the answers per revision.
import type { CorpusIndex } from '../core/model.js';
import type { Claim, TrustJudgement } from '../core/schema-types.js';
import { claimsObservations } from '../truth/claims.js';
import { discoverTruth } from '../truth/discover.js';
import { applicableJudgements } from '../truth/reviewer.js';
import { whatIfTrusted, type LikelyValueMove } from '../truth/what-if.js';
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

export interface Observed {
  claims: Claim[];
  observations: Observation[];
}

/** The sources one source probably copies from or with, before titles: what the questions worker sends back. */
export type CopyDependence = [
  string,
  { source: string; probability: number; disputed: number; sameOnDisputed: number; sameFalse: number }[],
][];

/** A what-if's moves by observation index, before the claims' wording is put in (cloneable: the worker's answer). */
export type RawMove = LikelyValueMove;

/** The observations of `keys` (groups of `groups`): sets are made within a group, so groups can be taken a slice at a time. */
export function observationsOf(groups: TrustInputs['groups'], keys: Iterable<string>, index: CorpusIndex): Observed {
  return claimsObservations(setsOf(groups, keys, index).sets);
}

const titleOf = (index: CorpusIndex, id: string) => index.source.get(id)?.title ?? id;

/**
 * AccuCopy's dependence between sources, judged on the items two sources state only: dependence is
 * judged on shared items, and Accu credits a source on those alone (leave-one-out), so the rest cannot
 * change a relation; leaving them out saves most of the work.
 */
export function copyDependence(observations: readonly Observation[]): CopyDependence {
  const shared = sharedItemsOnly(observations);
  if (shared.length === 0) return [];
  return discoverTruth(shared, { method: 'accucopy' }).sources.map((s) => [
    s.source,
    (s.copies ?? []).map(({ source, probability, disputed, sameOnDisputed, sameFalse }) => ({
      source,
      probability,
      disputed,
      sameOnDisputed,
      sameFalse,
    })),
  ]);
}

/** The relations of `source` in `dependence`, in words a historian reads. */
export function relationsOf(
  dependence: ReadonlyMap<string, CopyDependence[number][1]>,
  index: CorpusIndex,
  source: string,
): CopyRelation[] {
  return (dependence.get(source) ?? []).map((c) => ({
    source: { id: c.source, title: titleOf(index, c.source) },
    probability: c.probability,
    disputed: c.disputed,
    sameOnDisputed: c.sameOnDisputed,
    sameFalse: c.sameFalse,
    summary: `Shares ${c.sameOnDisputed} of its ${c.disputed} disputed value${c.disputed === 1 ? '' : 's'} with ${titleOf(index, c.source)}${c.sameFalse > 0 ? ` (${c.sameFalse} of them judged false)` : ''}: likely copied (probability ${c.probability.toFixed(2)}).`,
  }));
}

/** The sources `source` is judged likely to copy from or share a copy with, most likely first (computed here, on the caller's thread). */
export function copyRelations(inputs: TrustInputs, source: string): CopyRelation[] {
  const { observations } = observationsOf(inputs.groups, inputs.groups.keys(), inputs.index);
  return relationsOf(new Map(copyDependence(observations)), inputs.index, source);
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

export type ProposedTrust = Pick<TrustJudgement, 'primary' | 'derivativeOf'> | undefined;

/** How each likely value would move if the judgement of `source` were `proposed` (undefined: none), the other judgements kept. */
export function whatIfMoves(
  observations: readonly Observation[],
  reviewer: readonly TrustJudgement[],
  source: string,
  proposed: ProposedTrust,
): RawMove[] {
  if (observations.length === 0) return [];
  const present = new Set(observations.map((o) => o.source));
  const current = applicableJudgements(present, reviewer);
  const others = reviewer.filter((j) => j.source !== source);
  const next = applicableJudgements(present, proposed ? [...others, { source, ...proposed }] : others);
  return whatIfTrusted(observations, next, { current });
}

/** The moves in the claims' own wording: the values that change first, then those whose confidence moves. */
export function movesInWords(moves: readonly RawMove[], claims: readonly Claim[], index: CorpusIndex): LikelyMove[] {
  const side = (m: { confidence: number; observation: number }): MoveSide => {
    const claim = claims[m.observation]!;
    return {
      wording: claim.wording,
      confidence: m.confidence,
      claim: claim.id,
      source: titleOf(index, claim.source),
      sourceId: claim.source,
    };
  };
  return moves.map((m) => {
    const first = claims[m.before.observation]!;
    return {
      subject: index.entity.get(first.subject)?.label ?? first.subject,
      property: index.property.get(first.property)?.label ?? first.property,
      before: side(m.before),
      after: side(m.after),
      changed: m.changed,
    };
  });
}

/** whatIfMoves in words, computed here (on the caller's thread). */
export function whatIfJudged(inputs: TrustInputs, source: string, proposed: ProposedTrust): LikelyMove[] {
  const { claims, observations } = observationsOf(inputs.groups, inputs.groups.keys(), inputs.index);
  return movesInWords(whatIfMoves(observations, inputs.likely.reviewer, source, proposed), claims, inputs.index);
}
