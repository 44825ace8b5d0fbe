// A map made from another by a few changes, without copying it: the claim index of the analysis after
// a write is the previous index with that write's claims put in. Copying a 100,000-claim index cost
// more than the rest of an accept (bench/results/writes.md), and a million-entry copy took 3.3 s at
// load 15. Reads look in this layer, then below it. After a few layers they are merged into one over
// the plain map at the bottom: the changes since that map are replayed, which costs the writes made,
// not the map; the bottom is copied only once those changes are a fair share of it (amortised).
// Iteration is in the order a Map rebuilt from the corpus would give: a replaced key keeps its place,
// a new key comes last. Read-only once made.
const MAX_DEPTH = 8;

/** Merged changes above the bottom map beyond this share of its size: the map is made flat again. */
const FLATTEN_SHARE = 0.25;

export class LayeredMap<V> extends Map<string, V> {
  private readonly removed = new Set<string>();
  /** Keys new in this layer (or back after a removal), in the order they came. */
  private readonly added = new Set<string>();
  private readonly count: number;

  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly depth: number,
    /** The changes this layer holds, as given (replayed when layers are merged). */
    private readonly changes: readonly [string, V | undefined][],
  ) {
    super();
    let count = base.size;
    for (const [key, value] of changes) {
      const below = base.has(key);
      const present = super.has(key) || (below && !this.removed.has(key));
      if (value === undefined) {
        if (present) count--;
        if (super.has(key)) super.delete(key);
        if (below) this.removed.add(key);
        this.added.delete(key);
      } else if (present) {
        // Replaced where it stands.
        super.set(key, value);
      } else {
        // New, or back after a removal: last, as in a corpus rebuilt (its place below stays skipped).
        count++;
        super.set(key, value);
        this.added.add(key);
      }
    }
    this.count = count;
  }

  /** `base` with `changes` (undefined: the key removed) applied, as a new map; `base` is left as it is. */
  static of<V>(base: Map<string, V>, changes: Iterable<[string, V | undefined]>): Map<string, V> {
    const list = [...changes];
    if (!(base instanceof LayeredMap)) return new LayeredMap<V>(base, 1, list);
    if (base.depth + 1 < MAX_DEPTH) return new LayeredMap<V>(base, base.depth + 1, list);
    // Merge the layers: every change since the bottom map, replayed over it in order.
    const chain: LayeredMap<V>[] = [];
    let bottom: ReadonlyMap<string, V> = base;
    while (bottom instanceof LayeredMap) {
      chain.push(bottom);
      bottom = bottom.base;
    }
    const merged: [string, V | undefined][] = [];
    for (let i = chain.length - 1; i >= 0; i--) for (const change of chain[i]!.changes) merged.push(change);
    for (const change of list) merged.push(change);
    const layered = new LayeredMap<V>(bottom, 1, merged);
    return merged.length > bottom.size * FLATTEN_SHARE ? new Map(layered) : layered;
  }

  override get(key: string): V | undefined {
    if (super.has(key)) return super.get(key);
    return this.removed.has(key) ? undefined : this.base.get(key);
  }

  override has(key: string): boolean {
    return super.has(key) || (!this.removed.has(key) && this.base.has(key));
  }

  override get size(): number {
    return this.count;
  }

  override *entries(): MapIterator<[string, V]> {
    for (const [key, value] of this.base) {
      if (this.removed.has(key)) continue;
      yield [key, super.has(key) ? super.get(key)! : value];
    }
    for (const key of this.added) yield [key, super.get(key)!];
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  override set(): this {
    // The constructor fills its layer through Map's own set; made, the map is an analysis's index.
    throw new Error('an analysis index is read-only');
  }

  override delete(): boolean {
    throw new Error('an analysis index is read-only');
  }

  override clear(): void {
    throw new Error('an analysis index is read-only');
  }
}

/** A set made from another by a few changes, without copying it, layered and merged as LayeredMap is. Read-only once made. */
export class LayeredSet extends Set<string> {
  private constructor(private readonly members: Map<string, true>) {
    super();
  }

  /** `base` with `changes` applied (true: added, false: removed), as a new set; `base` is left as it is. */
  static of(base: Set<string>, changes: Iterable<[string, boolean]>): Set<string> {
    const below = base instanceof LayeredSet ? base.members : new SetAsMap(base);
    // One already there, added again, keeps its place (as in a Set).
    const mapped: [string, true | undefined][] = [];
    for (const [value, present] of changes) mapped.push([value, present ? true : undefined]);
    return new LayeredSet(LayeredMap.of(below, mapped));
  }

  override has(value: string): boolean {
    return this.members.has(value);
  }

  override get size(): number {
    return this.members.size;
  }

  override values(): SetIterator<string> {
    return this.members.keys();
  }

  override keys(): SetIterator<string> {
    return this.members.keys();
  }

  override *entries(): SetIterator<[string, string]> {
    for (const value of this.members.keys()) yield [value, value];
  }

  override [Symbol.iterator](): SetIterator<string> {
    return this.members.keys();
  }

  override forEach(callback: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    for (const value of this.members.keys()) callback.call(thisArg, value, value, this);
  }

  override add(): this {
    throw new Error('an analysis set is read-only');
  }

  override delete(): boolean {
    throw new Error('an analysis set is read-only');
  }

  override clear(): void {
    throw new Error('an analysis set is read-only');
  }
}

/** A plain set read as a map to `true` (the bottom of a LayeredSet), without copying it. */
class SetAsMap extends Map<string, true> {
  constructor(private readonly members: ReadonlySet<string>) {
    super();
  }

  override get(key: string): true | undefined {
    return this.members.has(key) ? true : undefined;
  }

  override has(key: string): boolean {
    return this.members.has(key);
  }

  override get size(): number {
    return this.members.size;
  }

  override *entries(): MapIterator<[string, true]> {
    for (const key of this.members) yield [key, true];
  }

  override [Symbol.iterator](): MapIterator<[string, true]> {
    return this.entries();
  }

  override keys(): MapIterator<string> {
    return this.members.values();
  }

  override *values(): MapIterator<true> {
    for (const _ of this.members) yield true;
  }
}
