// How much one value supports another. Values are regions: a point [v, v] or an interval.
// Overlapping regions are consistent, so they support each other fully ("over 72,000" supports 80,000);
// otherwise support decays with the gap between them, relative to the magnitude (742,884 is close to
// 742,880, 1,850,230 is not) or, for values on an arbitrary origin such as day numbers, in absolute units.

export interface NumericShape {
  kind: 'number';
  low: number;
  high: number;
  /** Absolute similarity scale; NaN means relative closeness. */
  scale: number;
}

export interface StringShape {
  kind: 'string';
  text: string;
}

export type ValueShape = NumericShape | StringShape;

export function shapeOf(value: number | string, interval: readonly [number, number] | undefined, scale: number | undefined): ValueShape {
  if (typeof value === 'string') return { kind: 'string', text: value };
  const [low, high] = interval ?? [value, value];
  return { kind: 'number', low, high, scale: scale ?? Number.NaN };
}

/** Similarity in [0, 1] of two numeric regions; symmetric. */
export function numericSimilarity(a: NumericShape, b: NumericShape, relativeScale: number): number {
  let near: number;
  let far: number;
  if (a.high < b.low) [near, far] = [a.high, b.low];
  else if (b.high < a.low) [near, far] = [b.high, a.low];
  else return 1;
  const gap = far - near;
  // Two absolute scales can only meet when both values are on the same axis; take the looser one.
  const scale = Math.max(Number.isNaN(a.scale) ? -Infinity : a.scale, Number.isNaN(b.scale) ? -Infinity : b.scale);
  if (scale > 0) return Math.exp(-gap / scale);
  const magnitude = Math.max(Math.abs(near), Math.abs(far));
  if (!Number.isFinite(magnitude)) return 0;
  return Math.exp(-gap / magnitude / relativeScale);
}

/** Similarity in [0, 1] of any two values: numbers by closeness, strings by equality, mixed never. */
export function similarity(a: ValueShape, b: ValueShape, relativeScale: number): number {
  if (a.kind === 'number' && b.kind === 'number') return numericSimilarity(a, b, relativeScale);
  if (a.kind === 'string' && b.kind === 'string') return a.text === b.text ? 1 : 0;
  return 0;
}
