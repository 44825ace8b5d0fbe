// ClaimHints (write-index.ts) keeps a claim's place as its index in the claims it was made from and a
// source's claims as runs of indexes: it must answer as a plain list of every claim appended would,
// for sources whose claims are not consecutive, repeated ids, and claims appended or put back later.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimHints } from '../../server/analysis/write-index.js';
import type { Claim } from '../../server/core/schema-types.js';

/** The reference: every claim appended in turn, the last place of an id winning. */
class Reference {
  private readonly appended: Claim[] = [];
  append(claim: Claim): void {
    this.appended.push(claim);
  }
  placeOf(id: string): number {
    const last = this.appended.findLastIndex((c) => c.id === id);
    return last < 0 ? Number.MAX_SAFE_INTEGER : last;
  }
  /** Ids of `claims` (the live index) listed for `fits`, each once, in order of place. */
  listed(claims: ReadonlyMap<string, Claim>, fits: (c: Claim) => boolean): string[] {
    const ids = [...new Set(this.appended.filter(fits).map((c) => c.id))];
    return ids
      .map((id) => claims.get(id))
      .filter((c): c is Claim => c !== undefined && fits(c))
      .sort((x, y) => this.placeOf(x.id) - this.placeOf(y.id))
      .map((c) => c.id);
  }
}

const claim = (id: string, source: string, partOf?: string): Claim =>
  ({
    id,
    source,
    subject: 'e',
    property: 'p',
    value: { type: 'text', text: id },
    status: 'reviewed',
    ...(partOf ? { partOf } : {}),
  }) as Claim;

const arbitraryClaim = fc
  .record({
    id: fc.integer({ min: 0, max: 12 }),
    source: fc.integer({ min: 0, max: 3 }),
    partOf: fc.option(fc.integer({ min: 0, max: 12 })),
  })
  .map((c) => claim(`c${c.id}`, `s${c.source}`, c.partOf === null ? undefined : `c${c.partOf}`));

describe('ClaimHints', () => {
  it('answers places, sources and parts as a list of every claim appended would', () => {
    fc.assert(
      fc.property(fc.array(arbitraryClaim, { maxLength: 30 }), fc.array(arbitraryClaim, { maxLength: 10 }), (initial, later) => {
        const hints = new ClaimHints(initial);
        const reference = new Reference();
        for (const c of initial) reference.append(c);
        for (const c of later) {
          hints.append(c);
          reference.append(c);
        }
        // The live index: the last claim of each id.
        const live = new Map<string, Claim>();
        for (const c of [...initial, ...later]) live.set(c.id, c);
        for (let i = 0; i <= 13; i++) expect(hints.placeOf(`c${i}`)).toBe(reference.placeOf(`c${i}`));
        for (let s = 0; s < 4; s++)
          expect(hints.ofSource(`s${s}`, live).map((c) => c.id)).toEqual(reference.listed(live, (c) => c.source === `s${s}`));
        for (let t = 0; t <= 12; t++)
          expect(hints.partsOf(`c${t}`, live).map((c) => c.id)).toEqual(reference.listed(live, (c) => c.partOf === `c${t}`));
      }),
    );
  });
});
