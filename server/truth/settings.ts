// Parameters of truth discovery, graphology style: DEFAULT_SETTINGS, a validator that throws clear
// prefixed errors, and resolveSettings() to merge a partial override onto the defaults.
// One section per concern; each method (TruthFinder, Accu) has its own section.

export interface SimilaritySettings {
  /** Relative distance |a-b| / max(|a|,|b|) at which two numbers' similarity falls to 1/e. */
  relativeScale: number;
  /** Similarities below this are treated as 0, which keeps the graph of supporting pairs sparse. */
  minSimilarity: number;
  /**
   * An item with more than 2n + 1 distinct values (one paste can give one figure tens of thousands of
   * values) is not compared pair by pair: each number is compared with its n nearest on either side
   * only, and each set keeps its 2n most supportive subsets (pairs.ts). Below that every pair is compared.
   */
  maxNeighbours: number;
}

export interface TruthFinderSettings {
  /** Vote ln(t / (1 - t)) (true) or, as in the paper, -ln(1 - t) (false). */
  logOddsVotes: boolean;
  /** Credit a source with its values' confidence computed without its own vote (true), or with it (paper). */
  leaveOneOut: boolean;
  /** t0: every source's trust when the iteration starts; above priorTrust, or log-odds votes start (and stay) at 0. */
  initialTrust: number;
  /** gamma: slope of the logistic confidence. Above 1 it sharpens, which lets trust grow where it is earned. */
  dampening: number;
  /** rho: weight of the support a value gets from the other values of its item. */
  implicationWeight: number;
  /** Similarity that counts as neutral: less similar values count against each other, more similar ones support. */
  baseSimilarity: number;
  /** Trust of a source with no evidence. 0.5 = a coin flip, whose vote counts for nothing. */
  priorTrust: number;
  /** Pseudo-items at priorTrust added to every source's record: a source seen once cannot reach an extreme trust. */
  priorStrength: number;
  /** Fraction of the way each iteration moves trust towards its new estimate; below 1 damps oscillation. */
  step: number;
  /** Trust is clamped to [1 - maxTrust, maxTrust] because the log-odds vote is infinite at 0 and 1. */
  maxTrust: number;
  maxIterations: number;
  /** Stop when no source's trust moves by more than this in one iteration. */
  tolerance: number;
}

export interface AccuSettings {
  /** n: false values an item can take, spread uniformly. A source of accuracy A votes ln(n A / (1 - A)). */
  falseValues: number;
  /**
   * Credit a source with its values' probability computed without its own vote, over the items it shares
   * with other sources only (true); or, as in the paper, with the full probability over all its items.
   */
  leaveOneOut: boolean;
  /** Every source's accuracy when the iteration starts. */
  initialAccuracy: number;
  /** Accuracy of a source with no evidence. */
  priorAccuracy: number;
  /** Pseudo-values at priorAccuracy added to every source's record. */
  priorStrength: number;
  /** rho: share of a similar value's count that a value borrows. */
  implicationWeight: number;
  /** Relative distance at which this method's similarity falls to 1/e (sharper than the graph's: typos, not rounding). */
  relativeScale: number;
  /** AccuCopy: discount the votes of sources that look dependent (agree on many items, false values above all). */
  copyDetection: boolean;
  /** Copy detection: probability that a dependent source copies a given value. */
  copyRate: number;
  /** Copy detection: prior probability that two sources are dependent. */
  copyPrior: number;
  /** Copy detection: pairs of sources sharing fewer items are taken as independent. */
  minSharedItems: number;
  /**
   * Copy detection: weight (as an exponent) of the evidence a shared likely-true value gives for copying;
   * 1 is the paper's, 0 makes only shared false values and differences count.
   */
  sharedTrueEvidence: number;
  /** Copy detection: the rounds stop once no pair's posterior of dependence moves by more than this. */
  copyTolerance: number;
  /** Copy detection: at most this many rounds of re-judging dependence, each after accuracy settles. */
  copyRounds: number;
  /** Fraction of the way each iteration moves accuracy towards its new estimate. */
  step: number;
  /** Accuracy is clamped to [1 - maxAccuracy, maxAccuracy] (the vote is infinite at 1). */
  maxAccuracy: number;
  maxIterations: number;
  /** Stop when no source's accuracy moves by more than this in one iteration. */
  tolerance: number;
}

export interface EvidenceSettings {
  /** Items with at most this many sources are flagged low-evidence. */
  lowEvidenceMaxSources: number;
  /** A source's trust counts as learned once it shares this many items with other sources. */
  minSharedItems: number;
}

export interface TruthSettings {
  similarity: SimilaritySettings;
  truthfinder: TruthFinderSettings;
  accu: AccuSettings;
  evidence: EvidenceSettings;
}

export type TruthSettingsInput = { [S in keyof TruthSettings]?: Partial<TruthSettings[S]> };

export const DEFAULT_SETTINGS: Readonly<TruthSettings> = Object.freeze({
  similarity: Object.freeze({ relativeScale: 0.05, minSimilarity: 1e-3, maxNeighbours: 16 }),
  truthfinder: Object.freeze({
    logOddsVotes: true,
    leaveOneOut: true,
    initialTrust: 0.6,
    dampening: 2,
    implicationWeight: 0.5,
    baseSimilarity: 0.5,
    priorTrust: 0.5,
    priorStrength: 1,
    step: 0.5,
    maxTrust: 0.999,
    maxIterations: 1000,
    tolerance: 1e-4,
  }),
  accu: Object.freeze({
    falseValues: 10,
    leaveOneOut: true,
    initialAccuracy: 0.8,
    priorAccuracy: 0.8,
    priorStrength: 1,
    implicationWeight: 0.5,
    relativeScale: 0.001,
    copyDetection: false,
    copyRate: 0.8,
    copyPrior: 0.1,
    minSharedItems: 3,
    copyRounds: 100,
    copyTolerance: 1e-3,
    sharedTrueEvidence: 0,
    step: 1,
    maxAccuracy: 0.999,
    maxIterations: 1000,
    tolerance: 1e-4,
  }),
  evidence: Object.freeze({ lowEvidenceMaxSources: 3, minSharedItems: 3 }),
});

interface Rule {
  /** A flag rather than a number (min and max are then ignored). */
  boolean?: true;
  min: number;
  max: number;
  /** The bounds themselves are not allowed. */
  open?: boolean;
  /** Only the lower bound is not allowed. */
  openMin?: boolean;
  integer?: boolean;
}

const RULES: { [S in keyof TruthSettings]: { [K in keyof TruthSettings[S]]: Rule } } = {
  similarity: {
    relativeScale: { min: 0, max: Infinity, open: true },
    minSimilarity: { min: 0, max: 1 },
    maxNeighbours: { min: 1, max: 1e6, integer: true },
  },
  truthfinder: {
    logOddsVotes: { boolean: true, min: 0, max: 1 },
    leaveOneOut: { boolean: true, min: 0, max: 1 },
    initialTrust: { min: 0, max: 1, open: true },
    dampening: { min: 0, max: Infinity, open: true },
    implicationWeight: { min: 0, max: 1 },
    baseSimilarity: { min: 0, max: 1 },
    priorTrust: { min: 0, max: 1, open: true },
    priorStrength: { min: 0, max: Infinity },
    step: { min: 0, max: 1, openMin: true },
    maxTrust: { min: 0.5, max: 1, open: true },
    maxIterations: { min: 1, max: 1e6, integer: true },
    tolerance: { min: 0, max: 1, open: true },
  },
  accu: {
    falseValues: { min: 0, max: Infinity, open: true },
    leaveOneOut: { boolean: true, min: 0, max: 1 },
    initialAccuracy: { min: 0, max: 1, open: true },
    priorAccuracy: { min: 0, max: 1, open: true },
    priorStrength: { min: 0, max: Infinity },
    implicationWeight: { min: 0, max: 1 },
    relativeScale: { min: 0, max: Infinity, open: true },
    copyDetection: { boolean: true, min: 0, max: 1 },
    copyRate: { min: 0, max: 1, open: true },
    copyPrior: { min: 0, max: 1, open: true },
    minSharedItems: { min: 1, max: 1e9, integer: true },
    copyRounds: { min: 1, max: 1000, integer: true },
    copyTolerance: { min: 0, max: 1, open: true },
    sharedTrueEvidence: { min: 0, max: 1 },
    step: { min: 0, max: 1, openMin: true },
    maxAccuracy: { min: 0.5, max: 1, open: true },
    maxIterations: { min: 1, max: 1e6, integer: true },
    tolerance: { min: 0, max: 1, open: true },
  },
  evidence: {
    lowEvidenceMaxSources: { min: 0, max: 1e9, integer: true },
    minSharedItems: { min: 0, max: 1e9, integer: true },
  },
};

function describeRule(rule: Rule): string {
  if (rule.boolean) return 'true or false';
  const [lo, hi] = rule.open ? ['>', '<'] : rule.openMin ? ['>', '<='] : ['>=', '<='];
  const bounds = rule.max === Infinity ? `${lo} ${rule.min}` : `${lo} ${rule.min} and ${hi} ${rule.max}`;
  return `${rule.integer ? 'an integer' : 'a number'} ${bounds}`;
}

function breaks(value: unknown, rule: Rule): boolean {
  if (rule.boolean) return typeof value !== 'boolean';
  if (typeof value !== 'number' || Number.isNaN(value)) return true;
  if (rule.integer && !Number.isInteger(value)) return true;
  if (rule.open) return value <= rule.min || value >= rule.max;
  if (rule.openMin) return value <= rule.min || value > rule.max;
  return value < rule.min || value > rule.max;
}

/** Throws `truth: settings.<section>.<name> ...` for the first unknown or out-of-range setting. */
export function validateSettings(settings: unknown): asserts settings is TruthSettings {
  if (typeof settings !== 'object' || settings === null) throw new Error('truth: settings must be an object');
  const record = settings as Record<string, unknown>;
  for (const section of Object.keys(record)) {
    if (!(section in RULES)) throw new Error(`truth: unknown settings section "${section}" (known: ${Object.keys(RULES).join(', ')})`);
  }
  for (const [section, rules] of Object.entries(RULES) as [string, Record<string, Rule>][]) {
    const values = record[section];
    if (typeof values !== 'object' || values === null) throw new Error(`truth: settings.${section} must be an object`);
    for (const name of Object.keys(values)) {
      if (!(name in rules)) throw new Error(`truth: unknown setting settings.${section}.${name}`);
    }
    for (const [name, rule] of Object.entries(rules)) {
      const value = (values as Record<string, unknown>)[name];
      if (breaks(value, rule)) {
        throw new Error(`truth: settings.${section}.${name} must be ${describeRule(rule)}, got ${JSON.stringify(value)}`);
      }
    }
  }
}

/** Defaults overlaid with the given overrides, validated. */
export function resolveSettings(overrides: TruthSettingsInput = {}): TruthSettings {
  if (typeof overrides !== 'object' || overrides === null) throw new Error('truth: settings must be an object');
  const merged: Record<string, unknown> = {};
  for (const section of new Set([...Object.keys(DEFAULT_SETTINGS), ...Object.keys(overrides)])) {
    const base = (DEFAULT_SETTINGS as unknown as Record<string, object | undefined>)[section];
    const over = (overrides as Record<string, unknown>)[section];
    if (over !== undefined && (typeof over !== 'object' || over === null)) {
      throw new Error(`truth: settings.${section} must be an object`);
    }
    merged[section] = { ...base, ...(over as object | undefined) };
  }
  validateSettings(merged);
  return merged;
}
