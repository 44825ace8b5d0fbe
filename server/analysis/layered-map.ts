// A map made from another by a few changes, without copying it: the claim index of the analysis after
// a write is the previous index with that write's claims put in. Copying a 100,000-claim index cost
// more than the rest of an accept (bench/results/writes.md). Reads look in this layer, then below it;
// after a few layers one is made flat again (a copy every MAX_DEPTH writes instead of every write).
// Iteration is in the order a Map rebuilt from the corpus would give: a replaced key keeps its place,
// a new key comes last. Read-only once made.
const MAX_DEPTH = 8;

export class LayeredMap<V> extends Map<string, V> {
  private readonly removed: Set<string>;
  private readonly added: string[] = [];
  private readonly count: number;

  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly depth: number,
    changes: Iterable<[string, V | undefined]>,
  ) {
    super();
    this.removed = new Set<string>();
    let count = base.size;
    for (const [key, value] of changes) {
      const below = base.has(key);
      const present = super.has(key) || (below && !this.removed.has(key));
      if (value === undefined) {
        if (present) count--;
        if (super.has(key)) super.delete(key);
        if (below) this.removed.add(key);
        const at = this.added.indexOf(key);
        if (at >= 0) this.added.splice(at, 1);
      } else if (present) {
        // Replaced where it stands.
        super.set(key, value);
      } else {
        // New, or back after a removal: last, as in a corpus rebuilt (its place below stays skipped).
        count++;
        super.set(key, value);
        this.added.push(key);
      }
    }
    this.count = count;
  }

  /** `base` with `changes` (undefined: the key removed) applied, as a new map; `base` is left as it is. */
  static of<V>(base: Map<string, V>, changes: Iterable<[string, V | undefined]>): Map<string, V> {
    const depth = base instanceof LayeredMap ? base.depth + 1 : 1;
    const layered = new LayeredMap<V>(base, depth, changes);
    return depth >= MAX_DEPTH ? new Map(layered) : layered;
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
    for (const key of this.added) if (super.has(key)) yield [key, super.get(key)!];
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

/** A set made from another by a few changes, without copying it, as LayeredMap is for maps. Read-only once made. */
export class LayeredSet extends Set<string> {
  private readonly removed = new Set<string>();
  private readonly count: number;

  private constructor(
    private readonly base: ReadonlySet<string>,
    private readonly depth: number,
    changes: Iterable<[string, boolean]>,
  ) {
    super();
    const own = (value: string) => Set.prototype.has.call(this, value);
    let count = base.size;
    for (const [value, present] of changes) {
      const below = base.has(value) && !this.removed.has(value);
      if (present) {
        if (below || own(value)) continue;
        if (base.has(value)) this.removed.delete(value);
        else Set.prototype.add.call(this, value);
        count++;
      } else if (own(value)) {
        Set.prototype.delete.call(this, value);
        count--;
      } else if (below) {
        this.removed.add(value);
        count--;
      }
    }
    this.count = count;
  }

  /** `base` with `changes` applied (true: added, false: removed), as a new set; `base` is left as it is. */
  static of(base: Set<string>, changes: Iterable<[string, boolean]>): Set<string> {
    const depth = base instanceof LayeredSet ? base.depth + 1 : 1;
    const layered = new LayeredSet(base, depth, changes);
    return depth >= MAX_DEPTH ? new Set(layered) : layered;
  }

  override has(value: string): boolean {
    return super.has(value) || (!this.removed.has(value) && this.base.has(value));
  }

  override get size(): number {
    return this.count;
  }

  override *values(): SetIterator<string> {
    for (const value of this.base) if (!this.removed.has(value)) yield value;
    yield* super.values();
  }

  override keys(): SetIterator<string> {
    return this.values();
  }

  override *entries(): SetIterator<[string, string]> {
    for (const value of this.values()) yield [value, value];
  }

  override [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  override forEach(callback: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    for (const value of this.values()) callback.call(thisArg, value, value, this);
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
