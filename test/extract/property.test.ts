// Property-based: whatever the text, extraction does not throw, every offset lies inside the text and
// every quote, wording and marker is exactly what the text holds there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../server/core/schemas.js';
import { extractClaims } from '../../server/extract/index.js';
import { siberia } from './fixtures.js';

/** Text that looks enough like a source to exercise every reader: names, cues, figures, dates, markers, OCR debris. */
const pieces = fc.constantFrom(
  'The Japanese',
  'Japanese troops',
  'Semenoff',
  'Ōtani',
  'Vladivostok',
  'FER',
  'numbered',
  'over',
  'some',
  'up to',
  'almost',
  'killed',
  'and another',
  'deaths from disease',
  'troops',
  'soldiers',
  '72,000',
  '1 399',
  '70.000',
  '¥900 million',
  'two',
  'a hundred',
  'October 25, 1922',
  '25 October 1922',
  'by May 15, 1925',
  'early 1920',
  '1918–1922',
  'from 1918 to 1922',
  '(total)',
  '(1922 only)',
  '[4]',
  '[ citation needed ]',
  '¹²',
  '.12 ',
  '. ',
  '.\n',
  '\n\n',
  ', which was established on April 6',
  '  1. Harries 2001, p. 127.\n',
  '<span>',
  '\u00a0',
  '—',
  '(',
  ')',
  ';',
  'é',
  '𝔘',
  '\ud800',
);
const sourceLike = fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(' '));

describe('extraction on arbitrary text', () => {
  it('never throws, keeps every offset inside the text and every quote exact', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), sourceLike), (text) => {
        const result = extractClaims(text, { sourceId: 'src', ...siberia }, { minConfidence: 0 });
        for (const claim of result.claims) {
          const { start, end, exact } = claim.quote;
          expect(0 <= start && start < end && end <= text.length).toBe(true);
          expect(text.slice(start, end)).toBe(exact);
          expect(check('claim.schema.json', claim)).toEqual([]);
          for (const c of claim.citations) if (c.marker) expect(text.slice(c.marker.start, c.marker.end)).toBe(c.marker.exact);
        }
        for (const r of result.references) if (r.quote) expect(text.slice(r.quote.start, r.quote.end)).toBe(r.quote.exact);
        for (const e of result.proposedEntities) expect(check('entity.schema.json', e)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
