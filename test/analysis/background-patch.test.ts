// A write of thousands of claims (a paste) is patched into the graph between other work
// (live-graph.ts patchNow): the graph it ends with is the one patched at once, a reader before the
// end gets that graph too (the rest of the patch done first), and until then the views say so.
import { describe, expect, it } from 'vitest';
import { analyse, reanalyse, type Analysis } from '../../server/analysis/analyse.js';
import { BACKGROUND_PATCH_FROM, hasGraph, isBuilding, patchNow, whenBuilt } from '../../server/analysis/live-graph.js';
import type { Claim, Source } from '../../server/core/schema-types.js';
import { generateCorpus } from '../../bench/lib/corpus.js';

const corpus = generateCorpus({ claims: 300, seed: 5 });

/** A line of its own: the corpus analysed, its graph built, then a paste of `count` figures written. */
function pasteOn(count: number): { base: Analysis; next: Analysis } {
  const base = analyse(corpus);
  void base.graph.order;
  const template = base.corpus.claims.find((c) => c.value.type === 'quantity' && !c.value.parts && !c.partOf)!;
  const value = template.value as Extract<Claim['value'], { type: 'quantity' }>;
  const source: Source = { ...base.corpus.sources[0]!, id: 'pasted', title: 'Pasted', references: [] };
  const claims: Claim[] = [];
  for (let n = 0; n < count; n++)
    claims.push({
      ...template,
      id: `pasted-${n + 1}`,
      source: 'pasted',
      value: { ...value, amount: 1000 + n },
      status: 'extracted',
      citations: [],
    });
  const next = reanalyse(
    base,
    {
      ...base.corpus,
      sources: [...base.corpus.sources, source],
      texts: new Map(base.corpus.texts).set('pasted', ''),
      claims: [...base.corpus.claims, ...claims],
    },
    claims.map((after) => ({ after })),
  );
  return { base, next };
}

const exported = (a: Analysis) => JSON.stringify(a.graph.export());

describe('a paste patched into the graph between other work', () => {
  const count = BACKGROUND_PATCH_FROM;
  const atOnce = exported(pasteOn(count).next);

  it('ends with the graph patched at once, and says it is building until then', async () => {
    const { next } = pasteOn(count);
    patchNow(next);
    expect(isBuilding(next)).toBe(true);
    expect(hasGraph(next)).toBe(false);
    await whenBuilt(next);
    expect(isBuilding(next)).toBe(false);
    expect(hasGraph(next)).toBe(true);
    expect(exported(next)).toBe(atOnce);
  });

  it('gives a reader before the end the whole patched graph', async () => {
    const { next } = pasteOn(count);
    patchNow(next);
    expect(isBuilding(next)).toBe(true);
    expect(exported(next)).toBe(atOnce);
    expect(isBuilding(next)).toBe(false);
    await whenBuilt(next);
    expect(exported(next)).toBe(atOnce);
  });
});
