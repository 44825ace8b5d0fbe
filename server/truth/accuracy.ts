// Accuracy against a gold standard: the share of gold items whose chosen value equals the gold value.
// A gold item the method has no answer for counts as wrong: dropping it would flatter the score.
import { parsePersons, personKey } from '../core/persons.js';
import { parseValue, type ValueType } from './table.js';

export interface Accuracy {
  correct: number;
  total: number;
  /** Gold items absent from the claims (counted as wrong). */
  missing: number;
  accuracy: number;
}

/** The persons of a list by identity key, sorted: how bibliographies compare author lists. */
const personKeys = (text: string): string => parsePersons(text).map(personKey).sort().join(';');

/**
 * Equal as written, or as numbers when both are numerals ("100" and "100.0"); person lists when they
 * name the same persons (surname and first initial) in any order, none missing and none extra.
 */
export function sameValue(a: string, b: string, type: ValueType = 'number'): boolean {
  if (type === 'persons') {
    const x = personKeys(a);
    return x !== '' && x === personKeys(b);
  }
  if (a.trim() === b.trim()) return true;
  const x = parseValue(a);
  const y = parseValue(b);
  return typeof x === 'number' && typeof y === 'number' && x === y;
}

export function accuracy(gold: ReadonlyMap<string, string>, chosen: ReadonlyMap<string, string>, type: ValueType = 'number'): Accuracy {
  let correct = 0;
  let missing = 0;
  for (const [item, value] of gold) {
    const answer = chosen.get(item);
    if (answer === undefined) missing++;
    else if (sameValue(answer, value, type)) correct++;
  }
  return { correct, total: gold.size, missing, accuracy: gold.size > 0 ? correct / gold.size : 0 };
}

/**
 * Expected accuracy if exact ties were broken uniformly at random: the README's definition of the
 * majority-vote baseline ("ties broken arbitrarily"), free of whatever a fixed tie rule happens to favour.
 */
export function expectedAccuracy(
  gold: ReadonlyMap<string, string>,
  tied: ReadonlyMap<string, readonly string[]>,
  type: ValueType = 'number',
): number {
  let expected = 0;
  for (const [item, value] of gold) {
    const answers = tied.get(item);
    if (answers && answers.length > 0) expected += answers.filter((a) => sameValue(a, value, type)).length / answers.length;
  }
  return gold.size > 0 ? expected / gold.size : 0;
}

/** 95 % Wilson score interval of a proportion of `correct` out of `total` (sound at 50 items and near 1). */
export function wilson(correct: number, total: number, z = 1.96): [number, number] {
  if (total === 0) return [0, 1];
  const p = correct / total;
  const denominator = 1 + (z * z) / total;
  const centre = (p + (z * z) / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
