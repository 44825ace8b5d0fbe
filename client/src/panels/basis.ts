// Why two claims were compared the way they were, in plain words: the list, the edge panel and the
// tooltips say this instead of the engine's basis codes ("bound", "disjoint").

const CONFLICT_WORDS: Record<string, string> = {
  equal: 'the values are the same',
  compatible: 'the values can both be true',
  disjoint: 'the two values cannot both be true: they do not overlap',
  bound: 'a total or a peak cannot be smaller than a count at one moment',
  arithmetic: 'the stated parts do not add up to the stated total',
  relation: 'the sources name different things for the same relation',
  'single-valued': 'this can have only one value, and the sources give different ones',
  curated: 'a curator judged these, as no rule can compare them',
};

const AGREE_WORDS: Record<string, string> = {
  equal: 'the sources give the same value',
  compatible: 'the values overlap, so both can be true',
  relation: 'the sources name the same thing',
  curated: 'a curator judged these to agree',
};

export function basisInWords(basis: string | undefined, verdict: string): string {
  if (!basis) return '';
  const words = verdict === 'agrees' ? (AGREE_WORDS[basis] ?? CONFLICT_WORDS[basis]) : CONFLICT_WORDS[basis];
  return words ?? basis.replace(/-/g, ' ');
}

export interface Gap {
  absolute: number;
  relative?: number;
  unit?: string;
}

/** "−2.8 %", "1 year apart" style summary of a gap, for a badge; null when there is none. */
export function gapInWords(gap: Gap | undefined): string | null {
  if (!gap) return null;
  if (gap.relative !== undefined && Number.isFinite(gap.relative)) {
    const pct = Math.abs(gap.relative * 100);
    return `${pct >= 10 ? Math.round(pct) : pct.toFixed(1)} % apart`;
  }
  if (gap.unit === 'days') {
    const days = Math.abs(gap.absolute);
    return days >= 365 ? `${Math.round(days / 365)} yr apart` : `${days.toLocaleString('en')} day${days === 1 ? '' : 's'} apart`;
  }
  return Number.isFinite(gap.absolute) ? `${Math.abs(gap.absolute).toLocaleString('en')}${gap.unit ? ` ${gap.unit}` : ''} apart` : null;
}
