// The curated data is data: schema-valid, every quote byte-identical to its source at its offsets,
// every footnote resolving to a reference, source texts identical to the captured originals.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../server/core/model.js';
import { generateSchemaTypes, TYPES_FILE } from '../../server/cli/schema-types-gen.js';
import { loadStore } from '../../server/store/load.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';

const { corpus, problems } = await loadStore(DEFAULT_DATA_DIR);
const SHARED_SOURCES = path.resolve(DEFAULT_DATA_DIR, '../../shared/sources');

describe('graph-data/', () => {
  it('loads with no schema or integrity problem', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('holds the two sources, well over 60 claims, and entities with aliases', () => {
    expect(corpus.sources.map((s) => s.id).sort()).toEqual(['russia-beyond', 'wikipedia-japanese-intervention']);
    expect(corpus.claims.length).toBeGreaterThan(60);
    for (const source of corpus.sources) expect(corpus.claims.filter((c) => c.source === source.id).length).toBeGreaterThan(15);
    expect(corpus.entities.some((e) => e.aliases.length > 1)).toBe(true);
  });

  it('every quote is byte-identical to the source text at its offsets', () => {
    for (const claim of corpus.claims) {
      const text = corpus.texts.get(claim.source)!;
      const atOffsets = Buffer.from(text.slice(claim.quote.start, claim.quote.end), 'utf8');
      expect(atOffsets.equals(Buffer.from(claim.quote.exact, 'utf8')), `${claim.id}`).toBe(true);
      for (const c of claim.citations) {
        if (c.marker) expect(text.slice(c.marker.start, c.marker.end), `${claim.id} marker`).toBe(c.marker.exact);
      }
    }
  });

  it("every reference number a claim cites is in its source's reference list", () => {
    for (const claim of corpus.claims) {
      const source = corpus.sources.find((s) => s.id === claim.source)!;
      for (const c of claim.citations) {
        if (c.kind === 'reference')
          expect(
            source.references.map((r) => r.number),
            `${claim.id} cites [${c.ref}]`,
          ).toContain(c.ref);
      }
    }
  });

  it.skipIf(!existsSync(SHARED_SOURCES))('keeps each source text identical to the captured original', () => {
    for (const source of corpus.sources) {
      const original = readFileSync(path.join(SHARED_SOURCES, source.text.file));
      expect(readFileSync(path.join(DEFAULT_DATA_DIR, 'sources', source.text.file)).equals(original), source.id).toBe(true);
    }
  });

  it('every figure and date property says what it can be about, and every curated claim is about such an entity', () => {
    for (const property of corpus.properties) {
      if (property.valueType === 'quantity' || property.valueType === 'date') expect(property.subjectTypes, property.id).toBeDefined();
    }
    const types = new Map(corpus.entities.map((e) => [e.id, e.type]));
    const kinds = new Map(corpus.properties.map((p) => [p.id, p.subjectTypes]));
    for (const claim of corpus.claims) {
      const allowed = kinds.get(claim.property);
      if (allowed)
        expect(allowed, `${claim.id}: ${claim.subject} (${types.get(claim.subject)}) ${claim.property}`).toContain(
          types.get(claim.subject),
        );
    }
  });

  it('attributes the flattened infobox figures to the right side', () => {
    const wp = corpus.claims.filter((c) => c.source === 'wikipedia-japanese-intervention');
    const amount = (n: number) => wp.filter((c) => c.value.type === 'quantity' && c.value.amount === n);
    for (const n of [600000, 7791, 698, 2189, 1421, 3482])
      expect(
        amount(n).map((c) => c.subject),
        String(n),
      ).toContain('red-army');
    for (const n of [70000, 3116])
      expect(
        amount(n).map((c) => c.subject),
        String(n),
      ).toContain('japanese-expeditionary-force');
  });
});

describe('schema types', () => {
  it('the committed TypeScript types are exactly what the schemas generate', async () => {
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(await generateSchemaTypes());
  });
});
