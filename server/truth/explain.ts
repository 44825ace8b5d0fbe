// Plain-language reasons for a verdict and for a source's trust, built from the structured results so
// the numbers in the text are exactly the numbers in the data.
import type { FactSummary, ItemVerdict, SourceTrust } from './types.js';

/** What a value is called in the text; adapters pass their own (a claim's wording instead of a day number). */
export type ValueLabel = (value: Pick<FactSummary, 'value' | 'interval' | 'observations'>) => string;

export function formatValue(value: number | string, interval?: readonly [number, number]): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (!interval || (interval[0] === value && interval[1] === value)) return String(value);
  const [low, high] = interval;
  if (high === Infinity) return `${value} (at least ${low})`;
  if (low === -Infinity) return `${value} (at most ${high})`;
  return `${value} (${low}..${high})`;
}

const defaultLabel: ValueLabel = (v) => formatValue(v.value, v.interval);
const fixed = (x: number): string => x.toFixed(2);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeFact(fact: FactSummary, label: ValueLabel, maxSources: number): string {
  const shown = fact.sources.slice(0, maxSources).map((s) => `${s.source} (trust ${fixed(s.trust)})`);
  const more = fact.sources.length - shown.length;
  const by = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  return `${label(fact)} with confidence ${fixed(fact.confidence)}, stated by ${by}`;
}

export interface ExplainOptions {
  label?: ValueLabel;
  /** Sources named per value before "and N more". */
  maxSources?: number;
}

/** "742884 with confidence 0.91, stated by A (trust 0.80); close to 742880 (similarity 1.00); alternatives: ..." */
export function explainItem(verdict: ItemVerdict, options: ExplainOptions = {}): string {
  const label = options.label ?? defaultLabel;
  const max = options.maxSources ?? 5;
  const parts = [`chose ${describeFact(verdict.chosen, label, max)}`];
  // Only values similar enough to lend support are worth a mention.
  const close = verdict.chosen.closeValues.filter((c) => c.similarity >= 0.5);
  if (close.length > 0) parts.push(`close to ${close.map((c) => `${label(c)} (similarity ${fixed(c.similarity)})`).join(', ')}`);
  if (verdict.alternatives.length === 0) parts.push('no other value was stated');
  else parts.push(`alternatives: ${verdict.alternatives.map((a) => describeFact(a, label, max)).join('; ')}`);
  if (verdict.tieBreak) parts.push(`tie: ${verdict.tieBreak}`);
  if (verdict.lowEvidence) parts.push(`LOW EVIDENCE: ${verdict.lowEvidenceReason ?? 'unknown reason'}`);
  return parts.join('; ');
}

/** "trust 0.83: agrees with the chosen value on 9 of 11 items (7 shared with other sources)". */
export function explainSource(record: Omit<SourceTrust, 'explanation'>, minSharedItems: number, maxCopies = 3): string {
  let text = `trust ${fixed(record.trust)}: agrees with the chosen value on ${record.agreed} of ${plural(record.items, 'item')} (${record.shared} shared with other sources)`;
  const copies = record.copies ?? [];
  if (copies.length > 0) {
    // "shares 41 of its 44 disputed values with Store X (3 of them likely false): likely copied"
    const named = copies
      .slice(0, maxCopies)
      .map(
        (c) =>
          `shares ${c.sameOnDisputed} of its ${plural(c.disputed, 'disputed value')} with ${c.source}${c.sameFalse > 0 ? ` (${c.sameFalse} of them likely false)` : ''}: likely copied (${fixed(c.probability)})`,
      );
    const more = copies.length - named.length;
    text += `; ${named.join('; ')}${more > 0 ? `; and with ${more} more source${more === 1 ? '' : 's'}` : ''}; its votes count less where it agrees with them`;
  }
  if (record.shared >= minSharedItems) return text;
  return `${text}; too little overlap with other sources to learn its trust, which stays near the prior`;
}
