// "Which value is right" (issue #5): the shapes the server adds to sources, entity properties,
// conflicts and graph nodes. The fields may be absent (an older server) or null (not enough to go
// on), so every reader goes through trustOf / likelyOf, which answer null for anything malformed.

/** How far a source can be trusted, from how often its claims agree with the others'. */
export interface Trust {
  /** 0..1 */
  score: number;
  lowEvidence: boolean;
  explanation: string;
  agreements: number;
  comparable: number;
}

/** The most likely value of one (subject, property) group, and the claims that support it. */
export interface Likely {
  value: string;
  claims: string[];
  /** 0..1 */
  confidence: number;
  lowEvidence: boolean;
  explanation: string;
  /** Why the evidence is thin, in words ("only 2 sources"), when the server says. */
  lowEvidenceReason: string | null;
  /** The best values scored the same: the evidence favours none of them. */
  undecided: boolean;
  /** The scope of the set of comparable claims it was chosen among ("total", "by 1919"). */
  scope: string | null;
}

type Loose = Record<string, unknown>;

const isObject = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x);
const unit = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

export function trustOf(x: unknown): Trust | null {
  if (!isObject(x) || !unit(x.score)) return null;
  return {
    score: x.score,
    lowEvidence: x.lowEvidence === true,
    explanation: typeof x.explanation === 'string' ? x.explanation : '',
    agreements: typeof x.agreements === 'number' ? x.agreements : 0,
    comparable: typeof x.comparable === 'number' ? x.comparable : 0,
  };
}

export function likelyOf(x: unknown): Likely | null {
  if (!isObject(x) || typeof x.value !== 'string' || !unit(x.confidence)) return null;
  return {
    value: x.value,
    claims: Array.isArray(x.claims) ? x.claims.filter((c): c is string => typeof c === 'string') : [],
    confidence: x.confidence,
    lowEvidence: x.lowEvidence === true,
    explanation: typeof x.explanation === 'string' ? x.explanation : '',
    lowEvidenceReason: typeof x.lowEvidenceReason === 'string' && x.lowEvidenceReason ? x.lowEvidenceReason : null,
    undecided: x.undecided === true,
    scope: typeof x.scope === 'string' && x.scope ? x.scope : null,
  };
}

/**
 * Every likely value of an entity's property: one per set of comparable claims (a group split by
 * scope) when the server lists them in `likelySets`, else its single `likely`.
 */
export function likelySetsField(group: object): Likely[] {
  const sets = (group as Loose).likelySets;
  if (Array.isArray(sets)) return sets.map(likelyOf).filter((l): l is Likely => l !== null);
  const one = likelyField(group);
  return one ? [one] : [];
}

/** The `trust` field of any record that may carry one. */
export const trustField = (record: object): Trust | null => trustOf((record as Loose).trust);
export const likelyField = (record: object): Likely | null => likelyOf((record as Loose).likely);

/** "72 %" */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
