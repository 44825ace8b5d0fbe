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
