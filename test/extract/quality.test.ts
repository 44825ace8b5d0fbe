// Extraction quality on the bundled sources against the curated claims in graph-data/.
// The card's targets are recall ≥ 0.8 and precision ≥ 0.7 on figures and dates. They are not met yet
// (see bench/results/extract.md for the numbers and what is missed): the target check is declared as an
// expected failure, so that it turns red the day the targets are reached and must be promoted, while
// the floors below fail on any regression from what is measured today.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../server/core/schema-types.js';
import { evaluate } from '../../server/extract/evaluate.js';
import { extractClaims } from '../../server/extract/index.js';
import { loadStore } from '../../server/store/load.js';

const { corpus } = await loadStore();
const extracted: Claim[] = corpus.sources.flatMap((s) =>
  extractClaims(corpus.texts.get(s.id)!, { sourceId: s.id, entities: corpus.entities, properties: corpus.properties }).claims,
);
const result = evaluate({ extracted, curated: corpus.claims, properties: corpus.properties, judgements: corpus.judgements });

describe('extraction quality on the bundled sources', () => {
  it('has curated figures and dates to measure against', () => {
    expect(result.overall.all.tp + result.overall.all.fn).toBeGreaterThan(50);
  });

  it('keeps at least the measured quality (floors: any regression fails)', () => {
    expect(result.overall.all.recall).toBeGreaterThanOrEqual(0.6);
    expect(result.overall.all.precision).toBeGreaterThanOrEqual(0.6);
    expect(result.overall.date.recall).toBeGreaterThanOrEqual(0.7);
    expect(result.overall.quantity.precision).toBeGreaterThanOrEqual(0.6);
    expect(result.edges.reproduced).toBeGreaterThanOrEqual(12);
  });

  it.fails('reaches the card targets: recall ≥ 0.8 and precision ≥ 0.7 (known gap)', () => {
    expect(result.overall.all.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.overall.all.precision).toBeGreaterThanOrEqual(0.7);
  });
});
