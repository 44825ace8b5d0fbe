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

/** A set of member keys, sorted, without duplicates. */
export interface SetShape {
  kind: 'set';
  members: readonly string[];
}

export type ValueShape = NumericShape | StringShape | SetShape;

export function shapeOf(
  value: number | string,
  interval: readonly [number, number] | undefined,
  scale: number | undefined,
  members?: readonly string[],
): ValueShape {
  if (members) return { kind: 'set', members: [...new Set(members)].sort() };
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

/**
 * How much the set `from` supports the set `to` as the complete set: the share of to's members it names
 * when it names nothing else (a partial list), 1 when equal, 0 when it names a member `to` lacks.
 * Directional: the full list does not support a partial one as complete.
 */
export function setSupport(from: readonly string[], to: readonly string[]): number {
  if (from.length === 0 || from.length > to.length) return 0;
  let j = 0;
  for (const m of from) {
    while (j < to.length && to[j]! < m) j++;
    if (to[j] !== m) return 0;
    j++;
  }
  return from.length / to.length;
}

/**
 * Support in [0, 1] that value `from` lends value `to`: numbers by closeness (symmetric), strings by
 * equality, sets by containment (directional, see setSupport), mixed kinds never.
 */
export function similarity(from: ValueShape, to: ValueShape, relativeScale: number): number {
  if (from.kind === 'number' && to.kind === 'number') return numericSimilarity(from, to, relativeScale);
  if (from.kind === 'string' && to.kind === 'string') return from.text === to.text ? 1 : 0;
  if (from.kind === 'set' && to.kind === 'set') return setSupport(from.members, to.members);
  return 0;
}
