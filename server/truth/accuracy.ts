// Accuracy against a gold standard: the share of gold items whose chosen value equals the gold value.
// A gold item the method has no answer for counts as wrong: dropping it would flatter the score.
import { parseValue } from './table.js';

export interface Accuracy {
  correct: number;
  total: number;
  /** Gold items absent from the claims (counted as wrong). */
  missing: number;
  accuracy: number;
}

/** Equal as written, or as numbers when both are numerals ("100" and "100.0"). */
export function sameValue(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  const x = parseValue(a);
  const y = parseValue(b);
  return typeof x === 'number' && typeof y === 'number' && x === y;
}

export function accuracy(gold: ReadonlyMap<string, string>, chosen: ReadonlyMap<string, string>): Accuracy {
  let correct = 0;
  let missing = 0;
  for (const [item, value] of gold) {
    const answer = chosen.get(item);
    if (answer === undefined) missing++;
    else if (sameValue(answer, value)) correct++;
  }
  return { correct, total: gold.size, missing, accuracy: gold.size > 0 ? correct / gold.size : 0 };
}

/**
 * Expected accuracy if exact ties were broken uniformly at random: the README's definition of the
 * majority-vote baseline ("ties broken arbitrarily"), free of whatever a fixed tie rule happens to favour.
 */
export function expectedAccuracy(gold: ReadonlyMap<string, string>, tied: ReadonlyMap<string, readonly string[]>): number {
  let expected = 0;
  for (const [item, value] of gold) {
    const answers = tied.get(item);
    if (answers && answers.length > 0) expected += answers.filter((a) => sameValue(a, value)).length / answers.length;
  }
  return gold.size > 0 ? expected / gold.size : 0;
}
