// Truth discovery over our own claims: groups of comparable claims (from the reconciliation engine)
// become observations, and the verdicts come back in the claims' own terms (which claims state the
// likely value, in their wording). Values become intervals exactly as the reconciliation engine reads
// them (core valueInterval), so "agrees" there and "supports" here mean the same thing.
import { mentionOf, valueInterval } from '../core/compare.js';
import type { CompareSettings } from '../core/types.js';
import { formatPersons, personKey, personsOf } from '../core/persons.js';
import { DEFAULT_QUANTITY_SETTINGS } from '../core/quantities.js';
import type { Claim, Value } from '../core/schema-types.js';
import { discoverTruth, type MethodName } from './discover.js';
import { explainItem, type ValueLabel } from './explain.js';
import type { ReviewerTrust } from './reviewer.js';
import type { TruthSettingsInput } from './settings.js';
import type { Convergence, FactSummary, Observation, SourceTrust } from './types.js';

export interface ClaimsTruthOptions {
  method?: MethodName;
  settings?: TruthSettingsInput;
  /** How the engine reads "about", "almost" and dated comparators; the engine's defaults when absent. */
  compare?: CompareSettings;
  /**
   * Days at which the similarity of two non-overlapping dates falls to 1/e. Day numbers have an
   * arbitrary origin, so relative closeness would call 2 January 1970 far from 1 January.
   */
  dateScaleDays?: number;
  /** Labels for entity values in explanations ("Ōtani Kikuzō" rather than otani-kikuzo). */
  entityLabel?: (id: string) => string;
  /** Trust already estimated per source: the groups are scored with it, none is learned (see discoverTruth). */
  knownTrust?: (source: string) => number | undefined;
  /** Reviewers' judgements of sources: priors (see reviewer.ts). */
  reviewer?: readonly ReviewerTrust[];
}

export interface ClaimAlternative {
  claimIds: string[];
  confidence: number;
}

export interface GroupVerdict {
  /** The group key as given. */
  group: string;
  /** Claims stating the likely value, in input order. */
  claimIds: string[];
  /** The likely value in the words of the first of those claims. */
  value: Value;
  wording: string;
  confidence: number;
  /** Sources stating it, most trusted first. */
  sources: { source: string; trust: number }[];
  alternatives: ClaimAlternative[];
  lowEvidence: boolean;
  lowEvidenceReason?: string;
  explanation: string;
}

export interface ClaimsTruth {
  method: string;
  groups: Map<string, GroupVerdict>;
  sources: SourceTrust[];
  convergence: Convergence;
}

const DEFAULT_COMPARE: CompareSettings = { quantity: DEFAULT_QUANTITY_SETTINGS, date: { approxWidening: 1 } };

/** The most common unit of a group's quantities (ties: alphabetical), the one compared numerically. */
function mainUnit(claims: readonly Claim[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of claims) if (c.value.type === 'quantity') counts.set(c.value.unit, (counts.get(c.value.unit) ?? 0) + 1);
  let best: string | undefined;
  for (const [unit, n] of counts) {
    const m = best === undefined ? -1 : counts.get(best)!;
    if (n > m || (n === m && unit < best!)) best = unit;
  }
  return best;
}

/** The observation one claim makes: numbers (quantities in the main unit, dates as day numbers) or strings. */
export function claimObservation(
  claim: Claim,
  group: string,
  unit: string | undefined,
  options: Required<Pick<ClaimsTruthOptions, 'compare' | 'dateScaleDays'>>,
): Observation {
  const base = { item: group, source: claim.source };
  const v = claim.value;
  // Open bounds ("over 72,000" excludes 72,000) are read as closed: support decays continuously with
  // distance, so the excluded end point would be fully similar either way.
  if (v.type === 'quantity' && v.unit === unit) {
    const { lo, hi } = valueInterval(claim, options.compare)!;
    return lo === hi ? { ...base, value: lo } : { ...base, value: Math.min(Math.max(v.amount, lo), hi), interval: [lo, hi] };
  }
  if (v.type === 'quantity') return { ...base, value: `quantity:${v.amount} ${v.unit}` }; // another unit: not comparable by number
  if (v.type === 'date') {
    const { lo, hi } = valueInterval(claim, options.compare)!;
    // A representative day inside the interval: the middle of a finite span, the finite end of a half-line.
    const day = Number.isFinite(lo) && Number.isFinite(hi) ? Math.floor((lo + hi) / 2) : Number.isFinite(lo) ? lo : hi;
    return { ...base, value: day, interval: [lo, hi], scale: options.dateScaleDays };
  }
  if (v.type === 'entity') return { ...base, value: `${v.negated ? 'not ' : ''}entity:${v.entity}` };
  if (v.type === 'persons') {
    // Persons known to the register by their entity, the others by surname and first initial.
    const members = v.persons.map((p) => p.entity ?? personKey({ surname: p.surname, given: p.given ?? [] }));
    return { ...base, value: `persons:${formatPersons(personsOf(v))}`, members };
  }
  return { ...base, value: `text:${v.text.trim()}` };
}

/**
 * The observations the groups' claims make, aligned with the claims they come from (rejected claims
 * left out): what likelyValues judges, for callers that run truth discovery their own way (what-if, copy detection).
 */
export function claimsObservations(
  groups: ReadonlyMap<string, readonly Claim[]>,
  options: Pick<ClaimsTruthOptions, 'compare' | 'dateScaleDays'> = {},
): { claims: Claim[]; observations: Observation[] } {
  const mapping = { compare: options.compare ?? DEFAULT_COMPARE, dateScaleDays: options.dateScaleDays ?? 1 };
  if (!(mapping.dateScaleDays > 0)) throw new Error(`truth: dateScaleDays must be a positive number, got ${mapping.dateScaleDays}`);
  const claims: Claim[] = [];
  const observations: Observation[] = [];
  for (const [group, members] of groups) {
    const live = members.filter((c) => c.status !== 'rejected');
    const unit = mainUnit(live);
    for (const claim of live) {
      claims.push(claim);
      observations.push(claimObservation(claim, group, unit, mapping));
    }
  }
  return { claims, observations };
}

/**
 * The likely value of each group of claims, with confidence, reasons, a low-evidence flag and the
 * trust of every source. Rejected claims are left out: they record an extraction error, not a statement.
 */
export function likelyValues(groups: ReadonlyMap<string, readonly Claim[]>, options: ClaimsTruthOptions = {}): ClaimsTruth {
  const { claims, observations } = claimsObservations(groups, options);
  const result = discoverTruth(observations, {
    ...(options.method ? { method: options.method } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.knownTrust ? { knownTrust: options.knownTrust } : {}),
    ...(options.reviewer ? { reviewer: options.reviewer } : {}),
  });
  const ids = (fact: Pick<FactSummary, 'observations'>): string[] => fact.observations.map((i) => claims[i]!.id);
  const label: ValueLabel = (fact) => {
    const first = claims[fact.observations[0]!]!;
    return `${mentionOf(first, options.entityLabel)} (${ids(fact).join(', ')})`;
  };
  const verdicts = new Map<string, GroupVerdict>();
  for (const item of result.items) {
    const first = claims[item.chosen.observations[0]!]!;
    verdicts.set(item.item, {
      group: item.item,
      claimIds: ids(item.chosen),
      value: first.value,
      wording: first.wording,
      confidence: item.chosen.confidence,
      sources: item.chosen.sources,
      alternatives: item.alternatives.map((a) => ({ claimIds: ids(a), confidence: a.confidence })),
      lowEvidence: item.lowEvidence,
      ...(item.lowEvidenceReason !== undefined ? { lowEvidenceReason: item.lowEvidenceReason } : {}),
      explanation: explainItem(item, { label }),
    });
  }
  return { method: result.method, groups: verdicts, sources: result.sources, convergence: result.convergence };
}
