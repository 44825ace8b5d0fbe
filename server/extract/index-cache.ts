// Indexes built from the vocabulary and the entities (alias trie, surname index, property cues) cost
// more than reading a small text: they are built once per distinct vocabulary and reused. The worker
// receives a structured clone of its context with every job, so identity alone cannot find them again:
// a fingerprint of the content (FNV-1a over what the indexes read) does, and a WeakMap on the array
// itself skips even that when the caller passes the same array again.
import type { Entity, Property } from '../core/schema-types.js';

/** Distinct vocabularies kept (a server has one; a test suite a few). */
const KEEP = 8;

interface Slot {
  byArray: WeakMap<object, { key: string; value: unknown }>;
  byKey: Map<string, unknown>;
}

const slots = new Map<string, Slot>();

function fnv(hash: number, s: string): number {
  let h = hash;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  // A separator, so that ["ab", "c"] and ["a", "bc"] differ.
  return Math.imul(h ^ 0x1f, 16777619);
}

/** What the entity indexes read: id, kind, status, label, aliases. */
export function entitiesKey(entities: readonly Entity[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const e of entities) {
    for (const s of [e.id, e.type, e.status ?? '', e.label]) {
      a = fnv(a, s);
      b = fnv(b ^ 0x5bd1e995, s);
    }
    for (const alias of e.aliases) {
      a = fnv(a, alias.name);
      b = fnv(b ^ 0x5bd1e995, alias.name);
    }
  }
  return `${entities.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/** What the property index reads: the whole property (cues, units, kinds, labels). */
export function propertiesKey(properties: readonly Property[]): string {
  const s = JSON.stringify(properties);
  return `${properties.length}:${(fnv(0x811c9dc5, s) >>> 0).toString(36)}:${(fnv(0x01000193 ^ 0x5bd1e995, s) >>> 0).toString(36)}:${s.length}`;
}

/** The value `build` makes from `items`, built once per distinct content of `items` (see above). */
export function cachedBuild<T>(kind: string, items: readonly object[], key: (items: never) => string, build: () => T): T {
  let slot = slots.get(kind);
  if (!slot) slots.set(kind, (slot = { byArray: new WeakMap(), byKey: new Map() }));
  const seen = slot.byArray.get(items);
  if (seen && slot.byKey.get(seen.key) === seen.value) return seen.value as T;
  const k = (key as (items: readonly object[]) => string)(items);
  let value = slot.byKey.get(k) as T | undefined;
  if (value === undefined) {
    value = build();
    if (slot.byKey.size >= KEEP) slot.byKey.delete(slot.byKey.keys().next().value!);
    slot.byKey.set(k, value);
  }
  slot.byArray.set(items, { key: k, value });
  return value;
}
