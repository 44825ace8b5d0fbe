// Extraction quality on the bundled sources against the curated claims in graph-data/.
// The card's targets are recall ≥ 0.8 and precision ≥ 0.7 on figures and dates (see
// bench/results/extract.md for the numbers and what is missed). The floors below fail on any
// regression from what is measured today; test/extract/held-out.test.ts measures text the extractor
// was not developed on.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../server/core/schema-types.js';
import { evaluate } from '../../server/extract/evaluate.js';
import { extractClaims } from '../../server/extract/index.js';
import { loadStore } from '../../server/store/load.js';

const { corpus } = await loadStore();
const extracted: Claim[] = corpus.sources.flatMap(
  (s) => extractClaims(corpus.texts.get(s.id)!, { sourceId: s.id, entities: corpus.entities, properties: corpus.properties }).claims,
);
const result = evaluate({ extracted, curated: corpus.claims, properties: corpus.properties, judgements: corpus.judgements });

describe('extraction quality on the bundled sources', () => {
  it('has curated figures and dates to measure against', () => {
    expect(result.overall.all.tp + result.overall.all.fn).toBeGreaterThan(50);
  });

  it('keeps at least the measured quality (floors: any regression fails)', () => {
    expect(result.overall.all.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.overall.all.precision).toBeGreaterThanOrEqual(0.91);
    expect(result.overall.date.recall).toBeGreaterThanOrEqual(0.91);
    expect(result.overall.date.precision).toBeGreaterThanOrEqual(0.91);
    expect(result.overall.quantity.recall).toBeGreaterThanOrEqual(0.87);
    expect(result.overall.quantity.precision).toBeGreaterThanOrEqual(0.93);
    expect(result.edges.reproduced).toBeGreaterThanOrEqual(38);
  });

  it('reaches the card targets: recall ≥ 0.8 and precision ≥ 0.7 on figures and dates together', () => {
    expect(result.overall.all.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.overall.all.precision).toBeGreaterThanOrEqual(0.7);
  });

  it('reaches the card targets on figures and on dates, each on its own', () => {
    expect(result.overall.quantity.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.overall.quantity.precision).toBeGreaterThanOrEqual(0.7);
    expect(result.overall.date.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.overall.date.precision).toBeGreaterThanOrEqual(0.7);
  });
});
