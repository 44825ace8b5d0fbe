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
