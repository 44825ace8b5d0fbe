// Running a method over a claim table and scoring it: shared by the CLI and the benchmark so both
// report the same numbers the same way.
import { accuracy, expectedAccuracy, sameValue, type Accuracy } from './accuracy.js';
import { tiedAtTop } from './choose.js';
import { chooseOnGraph, type MethodName } from './discover.js';
import type { FactGraph } from './graph.js';
import type { TruthSettings } from './settings.js';
import type { ValueType } from './table.js';
import type { MethodOutput } from './types.js';

export interface MethodRun {
  method: MethodName;
  chosen: Int32Array;
  output: MethodOutput;
  /** Chosen value per item key, as written in the input. */
  answers: Map<string, string>;
  milliseconds: number;
}

export interface Scored extends MethodRun {
  accuracy: Accuracy;
  /** Accuracy expected if exact ties were broken at random instead of by the fixed rule. */
  expectedWithRandomTies: number;
}

/** The input text of fact f (its first observation's), so output echoes the file rather than a re-printed number. */
export function factText(graph: FactGraph, texts: readonly string[], f: number): string {
  return texts[graph.factObs[graph.factObsStart[f]!]!]!;
}

export function runMethod(graph: FactGraph, texts: readonly string[], method: MethodName, settings: TruthSettings): MethodRun {
  const start = performance.now();
  const { chosen, output } = chooseOnGraph(graph, method, settings);
  const answers = new Map<string, string>();
  graph.items.forEach((item, i) => answers.set(item, factText(graph, texts, chosen[i]!)));
  return { method, chosen, output, answers, milliseconds: performance.now() - start };
}

export function score(
  graph: FactGraph,
  texts: readonly string[],
  run: MethodRun,
  gold: ReadonlyMap<string, string>,
  type: ValueType = 'number',
): Scored {
  const index = new Map(graph.items.map((item, i) => [item, i]));
  const tied = new Map<string, string[]>();
  for (const item of gold.keys()) {
    const i = index.get(item);
    if (i === undefined) continue;
    tied.set(
      item,
      tiedAtTop(graph, run.output.factConfidence, i, run.chosen[i]!).map((f) => factText(graph, texts, f)),
    );
  }
  return { ...run, accuracy: accuracy(gold, run.answers, type), expectedWithRandomTies: expectedAccuracy(gold, tied, type) };
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  // resourceUsage().maxRSS is in KiB on every platform Node supports.
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Pasternack & Roth's protocol (COLING 2010): only the gold items that are contested (more than one
 * value stated) and whose gold value some source states, the ones a method can get right by choosing.
 */
export function contestedGold(
  graph: FactGraph,
  texts: readonly string[],
  gold: ReadonlyMap<string, string>,
  type: ValueType = 'number',
): Map<string, string> {
  const index = new Map(graph.items.map((item, i) => [item, i]));
  const out = new Map<string, string>();
  for (const [item, value] of gold) {
    const i = index.get(item);
    if (i === undefined || graph.itemFactStart[i + 1]! - graph.itemFactStart[i]! < 2) continue;
    for (let f = graph.itemFactStart[i]!; f < graph.itemFactStart[i + 1]!; f++) {
      if (sameValue(factText(graph, texts, f), value, type)) {
        out.set(item, value);
        break;
      }
    }
  }
  return out;
}
