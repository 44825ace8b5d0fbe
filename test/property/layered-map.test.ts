// The claim index after a write is layered over the one before (server/analysis/layered-map.ts): after
// any sequence of changes it reads, counts and iterates exactly as a Map built afresh in corpus order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap, LayeredSet } from '../../server/analysis/layered-map.js';

const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
const change = fc.tuple(key, fc.option(fc.nat({ max: 99 }), { nil: undefined }));

/** What a Map rebuilt from the corpus gives: a replaced key keeps its place, a removed one goes, a new one comes last. */
function rebuilt(base: Map<string, number>, changes: [string, number | undefined][]): Map<string, number> {
  const order = [...base.keys()];
  const values = new Map(base);
  for (const [k, v] of changes) {
    if (v === undefined) {
      values.delete(k);
      const at = order.indexOf(k);
      if (at >= 0) order.splice(at, 1);
    } else {
      if (!values.has(k)) order.push(k);
      values.set(k, v);
    }
  }
  return new Map(order.map((k) => [k, values.get(k)!]));
}

describe('LayeredMap', () => {
  it('equals a Map rebuilt in corpus order, layer after layer, and leaves each base as it was', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.nat({ max: 99 })), { maxLength: 6 }),
        fc.array(fc.array(change, { maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        (start, writes) => {
          let layered: Map<string, number> = new Map(start);
          let plain = new Map(layered);
          for (const changes of writes) {
            const before = [...layered];
            const next = LayeredMap.of(layered, changes);
            expect([...layered]).toEqual(before);
            plain = rebuilt(plain, changes);
            layered = next;
            expect([...layered]).toEqual([...plain]);
            expect(layered.size).toBe(plain.size);
            for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'z']) {
              expect(layered.has(k)).toBe(plain.has(k));
              expect(layered.get(k)).toBe(plain.get(k));
            }
            expect([...layered.keys()]).toEqual([...plain.keys()]);
            expect([...layered.values()]).toEqual([...plain.values()]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('merges its layers over a large map without copying it, as a rebuilt Map reads', () => {
    const big = new Map(Array.from({ length: 400 }, (_, i) => [`k${i}`, i] as [string, number]));
    const bigKey = fc.oneof(
      key,
      fc.nat({ max: 399 }).map((i) => `k${i}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(bigKey, fc.option(fc.nat({ max: 99 }), { nil: undefined })), { maxLength: 5 }), {
          minLength: 8,
          maxLength: 30,
        }),
        (writes) => {
          let layered: Map<string, number> = big;
          let plain = new Map(big);
          for (const changes of writes) {
            layered = LayeredMap.of(layered, changes);
            plain = rebuilt(plain, changes);
            expect(layered.size).toBe(plain.size);
            for (const [k] of changes) expect(layered.get(k)).toBe(plain.get(k));
          }
          expect([...layered]).toEqual([...plain]);
          expect(big.size).toBe(400);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is read-only once made', () => {
    const layered = LayeredMap.of(new Map([['a', 1]]), [['b', 2]]);
    expect(() => layered.set('c', 3)).toThrow(/read-only/);
    expect(() => layered.delete('a')).toThrow(/read-only/);
  });
});

describe('LayeredSet', () => {
  it('holds what a Set changed in place holds, layer after layer, and leaves each base as it was', () => {
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 6 }),
        fc.array(fc.array(fc.tuple(key, fc.boolean()), { maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        (start, writes) => {
          let layered: Set<string> = new Set(start);
          const plain = new Set(layered);
          for (const changes of writes) {
            const before = [...layered].sort();
            const next = LayeredSet.of(layered, changes);
            expect([...layered].sort()).toEqual(before);
            for (const [k, present] of changes) {
              if (present) plain.add(k);
              else plain.delete(k);
            }
            layered = next;
            expect([...layered].sort()).toEqual([...plain].sort());
            expect(layered.size).toBe(plain.size);
            for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'z']) expect(layered.has(k)).toBe(plain.has(k));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is read-only once made', () => {
    const layered = LayeredSet.of(new Set(['a']), [['b', true]]);
    expect(() => layered.add('c')).toThrow(/read-only/);
    expect(() => layered.delete('a')).toThrow(/read-only/);
  });
});
