// Overlapping readings of the same stretch of text: the one that starts first wins, and of two that
// start together the longer ("25 October 1922" over "October 1922").

export interface Span {
  start: number;
  end: number;
}

/** Sorts `spans` in place by start (longest first at a tie) and returns those not overlapping one kept before. */
export function keepLongest<T extends Span>(spans: T[]): T[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

/**
 * A test "does one of `spans` contain [start, end)?" answered in log time (a linear scan per name of a
 * 5 MB text was a third of its reading): spans sorted by start, with the furthest end reached so far.
 */
export function containment(spans: readonly Span[]): (start: number, end: number) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  let furthest = -Infinity;
  for (const s of sorted) reach.push((furthest = Math.max(furthest, s.end)));
  return (start, end) => {
    // The last span starting at or before `start`; any of those up to it reaching `end` contains the range.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! >= end;
  };
}
