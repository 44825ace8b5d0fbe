// Closed/open numeric intervals: every quantity and date becomes one before it is compared.
export interface Interval {
  lo: number;
  hi: number;
  /** The bound itself is excluded ("over 72,000" excludes 72,000). */
  loOpen?: boolean;
  hiOpen?: boolean;
}

export function point(x: number): Interval {
  return { lo: x, hi: x };
}

export function isPoint(i: Interval): boolean {
  return i.lo === i.hi && !i.loOpen && !i.hiOpen;
}

/** True when some number lies in both intervals. */
export function overlaps(a: Interval, b: Interval): boolean {
  return !entirelyBelow(a, b) && !entirelyBelow(b, a);
}

/** True when every number of `a` is below every number of `b`. */
export function entirelyBelow(a: Interval, b: Interval): boolean {
  if (a.hi < b.lo) return true;
  return a.hi === b.lo && (Boolean(a.hiOpen) || Boolean(b.loOpen));
}

/** True when `inner` lies inside `outer`. */
export function contains(outer: Interval, inner: Interval): boolean {
  const loOk = outer.lo < inner.lo || (outer.lo === inner.lo && (!outer.loOpen || Boolean(inner.loOpen)));
  const hiOk = outer.hi > inner.hi || (outer.hi === inner.hi && (!outer.hiOpen || Boolean(inner.hiOpen)));
  return loOk && hiOk;
}

export function sumIntervals(parts: readonly Interval[]): Interval {
  // A loop rather than reduce with an arrow: no closure (under tsx, a named one) per call.
  let lo = 0;
  let hi = 0;
  let loOpen: boolean | undefined = false;
  let hiOpen: boolean | undefined = false;
  for (const p of parts) {
    lo += p.lo;
    hi += p.hi;
    loOpen = loOpen || p.loOpen;
    hiOpen = hiOpen || p.hiOpen;
  }
  return { lo, hi, loOpen, hiOpen };
}
