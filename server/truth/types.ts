// Shared shapes of truth discovery: generic observations in, verdicts per item and trust per source out.
// Every method works on the same FactGraph and returns the same MethodOutput, so adding CRH or Accu
// later means writing one function, not a new pipeline.
import type { FactGraph } from './graph.js';
import type { TruthSettings } from './settings.js';
import type { SourceDependence } from './copy-detection.js';

/** One source's statement about one item. Generic on purpose: any domain can be mapped to this. */
export interface Observation {
  /** What the value is about (a city and census year, a claim group key). */
  item: string;
  /** Who says it (a contributor, a document id). */
  source: string;
  /** Numbers are compared by closeness, strings by equality. */
  value: number | string;
  /** The set of values the observation is consistent with ("over 72,000" = [72000, Infinity]). Numbers only. */
  interval?: readonly [number, number];
  /**
   * Absolute distance at which numeric similarity falls to 1/e. Absent: closeness is relative to the
   * magnitude (742,884 vs 742,880 is close, 5 vs 1 is not). Needed for day numbers, whose origin is arbitrary.
   */
  scale?: number;
  /**
   * The value is a set of members (persons of an author list, by identity key): facts with the same
   * members are one fact whatever their wording, and a set lends partial support to the sets that
   * contain it (a first-author-only list supports the full list partly, and contradicts it not at all).
   */
  members?: readonly string[];
}

/** Why an iterative method stopped. */
export interface Convergence {
  iterations: number;
  /** Largest change of any source's trust in the last iteration. */
  delta: number;
  converged: boolean;
  /** Copy detection: rounds of re-judging dependence between sources (absent without copy detection). */
  rounds?: number;
}

/** What every method computes: a confidence per fact and a trust per source, both in [0, 1]. */
export interface MethodOutput {
  factConfidence: Float64Array;
  trust: Float64Array;
  convergence: Convergence;
  /** Copy detection: every pair of sources judged, with what they share (source indices into the graph). */
  dependences?: SourceDependence[];
}

/** One distinct value of an item with the evidence behind it. */
export interface FactSummary {
  value: number | string;
  interval?: readonly [number, number];
  confidence: number;
  /** Sources stating this value, most trusted first. */
  sources: { source: string; trust: number }[];
  /** Indices into the input observations that state this value (lets adapters point back at their records). */
  observations: number[];
  /**
   * Other values of the item close to or consistent with this one, most similar first. Methods that use
   * similarity (TruthFinder) count them as support; vote ignores them.
   */
  closeValues: { value: number | string; interval?: readonly [number, number]; similarity: number; observations: number[] }[];
}

export interface ItemVerdict {
  item: string;
  chosen: FactSummary;
  /** The other values, best first. */
  alternatives: FactSummary[];
  sourceCount: number;
  /** True when the data cannot back a confident choice; lowEvidenceReason says why. */
  lowEvidence: boolean;
  lowEvidenceReason?: string;
  /** How the choice was broken when the best values scored the same (absent when there was no tie). */
  tieBreak?: string;
}

export interface SourceTrust {
  source: string;
  trust: number;
  /** Items the source states a value for. */
  items: number;
  /** Items where its value is the chosen one. */
  agreed: number;
  /** Items it shares with at least one other source: the only ones that can teach anything about its trust. */
  shared: number;
  /** Sources this one probably copies from or shares a copy with (copy detection only), most likely first. */
  copies?: { source: string; probability: number; disputed: number; sameOnDisputed: number; sameFalse: number }[];
  explanation: string;
}

export interface TruthResult {
  method: string;
  items: ItemVerdict[];
  sources: SourceTrust[];
  convergence: Convergence;
}

/**
 * A truth-discovery method: fact confidences and source trust from the compiled graph. Choosing one
 * value per item, evidence flags and explanations are shared (discover.ts), so a method is only this.
 */
export interface TruthMethod {
  name: string;
  /** One line for reports. */
  description: string;
  run(graph: FactGraph, settings: TruthSettings): MethodOutput;
}
