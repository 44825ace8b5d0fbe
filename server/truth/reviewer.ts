// Trust a reviewer sets for a source: "primary" (an original record, trusted from the start) or
// "derivative of" another source (it took its values from there, so where both state the same value it
// adds little). The engine still learns from the data; the reviewer's word is a strong prior, not an
// override. what-if.ts says how that moves each likely value, so a historian sees the consequence.
import type { FactGraph } from './graph.js';

export interface ReviewerTrust {
  source: string;
  /** An original record: its trust starts high and is held there by a strong prior. */
  primary?: boolean;
  /** The source this one copies from: where both state a value, this one's vote counts for little. */
  derivativeOf?: string;
}

/**
 * Prior trust of a primary source, and how many pseudo-items the reviewer's word is worth: at least
 * PRIMARY_STRENGTH, and as many as the facts the source states. A fixed count would be drowned by a
 * long source (an article of 150 figures, most stated by no one else, learns a trust near 0.5 and a
 * reviewer's mark moved it by 0.03); weighed as much as all its figures together, the mark holds the
 * trust halfway between what the figures say and what the reviewer says.
 */
export const PRIMARY_PRIOR = 0.9;
export const PRIMARY_STRENGTH = 10;
/** Share of a derivative source's vote kept where its original states the same value. */
export const DERIVATIVE_WEIGHT = 0.2;

/** Reviewer judgements compiled onto a graph: per-vote weights and per-source priors the methods read. */
export interface ReviewerPriors {
  /** Aligned with graph.factSources: the weight of each source's vote on each fact. */
  factSourceWeight: Float64Array;
  /** Aligned with graph.sourceFacts: the same weights seen from the source. */
  sourceFactWeight: Float64Array;
  /** Per source: its prior trust (NaN: the method's own), and its strength in pseudo-items. */
  prior: Float64Array;
  priorStrength: Float64Array;
}

/** Throws a clear error for a judgement that names an unknown source or contradicts itself. */
export function compileReviewerTrust(graph: FactGraph, judgements: readonly ReviewerTrust[]): ReviewerPriors {
  const index = new Map(graph.sources.map((s, i) => [s, i]));
  const prior = new Float64Array(graph.sources.length).fill(Number.NaN);
  const priorStrength = new Float64Array(graph.sources.length);
  const originalOf = new Int32Array(graph.sources.length).fill(-1);
  judgements.forEach((j, k) => {
    const where = `truth: reviewer judgement ${k} (${JSON.stringify(j.source)})`;
    const s = index.get(j.source);
    if (s === undefined) throw new Error(`${where}: no such source in these claims`);
    if (j.primary && j.derivativeOf !== undefined) throw new Error(`${where}: a source cannot be both primary and derivative`);
    if (j.primary) {
      prior[s] = PRIMARY_PRIOR;
      priorStrength[s] = Math.max(PRIMARY_STRENGTH, graph.sourceFactStart[s + 1]! - graph.sourceFactStart[s]!);
    }
    if (j.derivativeOf !== undefined) {
      const o = index.get(j.derivativeOf);
      if (o === undefined) throw new Error(`${where}: derivativeOf names no source in these claims (${JSON.stringify(j.derivativeOf)})`);
      if (o === s) throw new Error(`${where}: a source cannot be derivative of itself`);
      originalOf[s] = o;
    }
  });
  const factSourceWeight = new Float64Array(graph.factSources.length).fill(1);
  const states = (s: number, f: number): boolean => {
    for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) if (graph.factSources[j] === s) return true;
    return false;
  };
  for (let f = 0; f < graph.factValue.length; f++) {
    for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) {
      const original = originalOf[graph.factSources[j]!]!;
      if (original >= 0 && states(original, f)) factSourceWeight[j] = DERIVATIVE_WEIGHT;
    }
  }
  const sourceFactWeight = new Float64Array(graph.sourceFacts.length).fill(1);
  for (let s = 0; s < graph.sources.length; s++) {
    if (originalOf[s]! < 0) continue;
    for (let j = graph.sourceFactStart[s]!; j < graph.sourceFactStart[s + 1]!; j++) {
      if (states(originalOf[s]!, graph.sourceFacts[j]!)) sourceFactWeight[j] = DERIVATIVE_WEIGHT;
    }
  }
  return { factSourceWeight, sourceFactWeight, prior, priorStrength };
}

/**
 * The judgements that can bear on these observations: one naming a source that states nothing here
 * (a deleted source, one with no figures yet) says nothing, and a derivative whose original states
 * nothing here has nothing to discount.
 */
export function applicableJudgements(sources: ReadonlySet<string>, judgements: readonly ReviewerTrust[]): ReviewerTrust[] {
  return judgements.filter((j) => sources.has(j.source) && (j.primary || (j.derivativeOf !== undefined && sources.has(j.derivativeOf))));
}
