// The one entry point: observations in, verdicts and source trust out, for any registered method.
import { accu, accucopy } from './accu.js';
import { chooseFacts, rankFacts } from './choose.js';
import { lowEvidenceReason, sourceRecords, type SourceRecord } from './evidence.js';
import { explainSource } from './explain.js';
import { buildFactGraph, type FactGraph } from './graph.js';
import { applicableJudgements, compileReviewerTrust, type ReviewerTrust } from './reviewer.js';
import { resolveSettings, type TruthSettings, type TruthSettingsInput } from './settings.js';
import { truthfinder, truthfinderWithTrust } from './truthfinder.js';
import type { FactSummary, ItemVerdict, MethodOutput, Observation, SourceTrust, TruthMethod, TruthResult } from './types.js';
import { vote } from './vote.js';

export const METHODS = { truthfinder, accu, accucopy, vote } as const satisfies Record<string, TruthMethod>;
export type MethodName = keyof typeof METHODS;
export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

/**
 * The default method for a kind of value, chosen on the benchmarks' 2-fold splits (bench/results/truth.md):
 * numbers (census figures, casualty counts) by TruthFinder, whose similarity lets close figures support
 * each other; person lists by AccuSim with copy detection, because stores copy each other's lists
 * (first-author-only ones above all) and a copied list should count once.
 */
export function defaultMethodFor(type: 'number' | 'persons' | 'text'): MethodName {
  return type === 'persons' ? 'accucopy' : 'truthfinder';
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}

export interface DiscoverOptions {
  method?: MethodName;
  settings?: TruthSettingsInput;
  /**
   * Trust already estimated per source (TruthFinder only): the facts are scored with it and no trust
   * is learned, so a few items can be judged without re-running the whole corpus.
   */
  knownTrust?: (source: string) => number | undefined;
  /** Reviewers' judgements of sources (reviewer.ts), as priors; those naming a source absent here are ignored. */
  reviewer?: readonly ReviewerTrust[];
}

function valueOf(graph: FactGraph, f: number): Pick<FactSummary, 'value' | 'interval'> {
  const interval = graph.factInterval[f];
  return interval ? { value: graph.factValue[f]!, interval } : { value: graph.factValue[f]! };
}

/**
 * The observations stating each fact, made once per fact and shared by every summary naming it: an
 * item of 48,000 values names each one as a close value of up to 2 × maxNeighbours others.
 */
function observationLists(graph: FactGraph): (f: number) => number[] {
  const lists: (number[] | undefined)[] = [];
  return (f) => (lists[f] ??= Array.from(graph.factObs.subarray(graph.factObsStart[f]!, graph.factObsStart[f + 1]!)));
}

/**
 * One fact with its evidence. The close values of an alternative are worked out when first read (and
 * kept): nothing in the product reads them for the alternatives of a large item, and an item of 40,000
 * values would otherwise build 40,000 × 2 × maxNeighbours records on every write that touches it.
 */
function summarize(graph: FactGraph, out: MethodOutput, f: number, observationsOf: (f: number) => number[], eager: boolean): FactSummary {
  const sources: FactSummary['sources'] = [];
  for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) {
    const s = graph.factSources[j]!;
    sources.push({ source: graph.sources[s]!, trust: out.trust[s]! });
  }
  sources.sort((a, b) => b.trust - a.trust || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const closeValues = (): FactSummary['closeValues'] => {
    const close: FactSummary['closeValues'] = [];
    for (let j = graph.pairStart[f]!; j < graph.pairStart[f + 1]!; j++) {
      const g = graph.pairFrom[j]!;
      close.push({ ...valueOf(graph, g), similarity: graph.pairSim[j]!, observations: observationsOf(g) });
    }
    return close.sort((a, b) => b.similarity - a.similarity);
  };
  const summary = { ...valueOf(graph, f), confidence: out.factConfidence[f]!, sources, observations: observationsOf(f) };
  if (eager) return { ...summary, closeValues: closeValues() };
  let kept: FactSummary['closeValues'] | undefined;
  return Object.defineProperty(summary, 'closeValues', { enumerable: true, get: () => (kept ??= closeValues()) }) as FactSummary;
}

function verdicts(
  graph: FactGraph,
  out: MethodOutput,
  chosen: Int32Array,
  ties: (string | undefined)[],
  record: SourceRecord,
  settings: TruthSettings,
): ItemVerdict[] {
  const observationsOf = observationLists(graph);
  return graph.items.map((item, i) => {
    const facts: number[] = [];
    for (let f = graph.itemFactStart[i]!; f < graph.itemFactStart[i + 1]!; f++) if (f !== chosen[i]) facts.push(f);
    facts.sort((a, b) => rankFacts(graph, out.factConfidence, a, b));
    const reason = lowEvidenceReason(graph, i, record, settings.evidence);
    const tieBreak = ties[i];
    return {
      item,
      chosen: summarize(graph, out, chosen[i]!, observationsOf, true),
      alternatives: facts.map((f) => summarize(graph, out, f, observationsOf, false)),
      sourceCount: graph.itemSourceCount[i]!,
      lowEvidence: reason !== undefined,
      ...(reason !== undefined ? { lowEvidenceReason: reason } : {}),
      ...(tieBreak !== undefined ? { tieBreak } : {}),
    };
  });
}

/** Per source, the sources it is judged likely (probability at least 0.5) to share copied values with. */
function copiesBySource(graph: FactGraph, out: MethodOutput): Map<number, NonNullable<SourceTrust['copies']>> {
  const bySource = new Map<number, NonNullable<SourceTrust['copies']>>();
  for (const d of out.dependences ?? []) {
    if (d.probability < 0.5) continue;
    const facts = { probability: d.probability, disputed: d.disputed, sameOnDisputed: d.sameOnDisputed, sameFalse: d.sameFalse };
    for (const [s, other] of [
      [d.a, d.b],
      [d.b, d.a],
    ] as const) {
      let list = bySource.get(s);
      if (!list) bySource.set(s, (list = []));
      list.push({ source: graph.sources[other]!, ...facts });
    }
  }
  for (const list of bySource.values()) list.sort((x, y) => y.probability - x.probability || y.sameOnDisputed - x.sameOnDisputed);
  return bySource;
}

function trustRecords(graph: FactGraph, out: MethodOutput, record: SourceRecord, settings: TruthSettings): SourceTrust[] {
  const copies = copiesBySource(graph, out);
  return graph.sources.map((source, s) => {
    const list = copies.get(s);
    const base = {
      source,
      trust: out.trust[s]!,
      items: record.items[s]!,
      agreed: record.agreed[s]!,
      shared: record.shared[s]!,
      ...(list ? { copies: list } : {}),
    };
    return { ...base, explanation: explainSource(base, settings.evidence.minSharedItems) };
  });
}

/** The chosen fact per item only: what the CLI and the benchmark need, without building explanations. */
export function chooseOnGraph(graph: FactGraph, method: MethodName, settings: TruthSettings): { chosen: Int32Array; output: MethodOutput } {
  const output = METHODS[method].run(graph, settings);
  return { chosen: chooseFacts(graph, output.factConfidence).fact, output };
}

/** Full results on an already compiled graph (lets callers compile once and run several methods). */
export function discoverOnGraph(
  graph: FactGraph,
  method: MethodName,
  settings: TruthSettings,
  runner: TruthMethod = METHODS[method],
): TruthResult {
  const output = runner.run(graph, settings);
  const choice = chooseFacts(graph, output.factConfidence);
  const record = sourceRecords(graph, choice.fact);
  return {
    method,
    items: verdicts(graph, output, choice.fact, choice.tieBreak, record, settings),
    sources: trustRecords(graph, output, record, settings),
    convergence: output.convergence,
  };
}

export function discoverTruth(observations: readonly Observation[], options: DiscoverOptions = {}): TruthResult {
  const method = options.method ?? 'truthfinder';
  if (!isMethodName(method)) throw new Error(`truth: unknown method "${String(method)}" (known: ${METHOD_NAMES.join(', ')})`);
  if (options.knownTrust && method !== 'truthfinder')
    throw new Error(`truth: knownTrust is supported by truthfinder only, not "${method}"`);
  const settings = resolveSettings(options.settings);
  const runner = options.knownTrust ? truthfinderWithTrust(options.knownTrust) : METHODS[method];
  const graph = buildFactGraph(observations, settings.similarity);
  const judgements = applicableJudgements(new Set(graph.sources), options.reviewer ?? []);
  return discoverOnGraph(
    judgements.length > 0 ? { ...graph, reviewer: compileReviewerTrust(graph, judgements) } : graph,
    method,
    settings,
    runner,
  );
}
