// Properties of quote anchoring over arbitrary texts — repeated words, astral characters, combining
// marks, lone surrogates, line breaks: a selector's offsets are always inside the text, and the text
// between them is exactly the quote, so a quote can always be found again where it was recorded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, CONTEXT_CHARS, selectorAt, selectorProblem } from '../../server/core/anchor.js';
import type { TextSelector } from '../../server/core/schema-types.js';

const RUNS = { numRuns: 500 };

/** Few letters, so the same words recur (anchoring must then choose among occurrences), plus oddities. */
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', ' ', '[1]', '\n', '70,000') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('🇯🇵', 'e\u0301', '\u202E', '\u200B', '𝔖', '\r\n') },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);
const text = fc.array(unit, { minLength: 1, maxLength: 80 }).map((parts) => parts.join(''));

/** A text with a non-empty span of it. */
const textAndSpan = text.chain((t) =>
  fc
    .tuple(fc.constant(t), fc.integer({ min: 0, max: t.length - 1 }))
    .chain(([t2, start]) => fc.tuple(fc.constant(t2), fc.constant(start), fc.integer({ min: start + 1, max: t2.length }))),
);

function expectSound(t: string, selector: TextSelector): void {
  expect(selector.start).toBeGreaterThanOrEqual(0);
  expect(selector.end).toBeGreaterThan(selector.start);
  expect(selector.end).toBeLessThanOrEqual(t.length);
  expect(t.slice(selector.start, selector.end)).toBe(selector.exact);
  expect(selector.prefix!.length).toBeLessThanOrEqual(CONTEXT_CHARS);
  expect(selector.suffix!.length).toBeLessThanOrEqual(CONTEXT_CHARS);
  expect(selectorProblem(t, selector)).toBeUndefined();
}

describe('selectorAt', () => {
  it('gives offsets inside the text, the exact slice and context that matches', () => {
    fc.assert(
      fc.property(textAndSpan, ([t, start, end]) => {
        const selector = selectorAt(t, start, end);
        expectSound(t, selector);
        expect([selector.start, selector.end]).toEqual([start, end]);
      }),
      RUNS,
    );
  });
});

describe('anchorQuote', () => {
  it('finds any piece of the text, at its first occurrence', () => {
    fc.assert(
      fc.property(textAndSpan, ([t, start, end]) => {
        const exact = t.slice(start, end);
        const selector = anchorQuote(t, exact);
        expect(selector).toBeDefined();
        expectSound(t, selector!);
        expect(selector!.start).toBe(t.indexOf(exact));
      }),
      RUNS,
    );
  });

  it('with a hint, takes an occurrence at least as near to it as the one the quote came from', () => {
    fc.assert(
      fc.property(textAndSpan, fc.nat(100), ([t, start, end], near) => {
        const selector = anchorQuote(t, t.slice(start, end), { near });
        expectSound(t, selector!);
        expect(Math.abs(selector!.start - near)).toBeLessThanOrEqual(Math.abs(start - near));
      }),
      RUNS,
    );
  });

  it('with a prefix, takes an occurrence preceded by it when there is one', () => {
    fc.assert(
      fc.property(textAndSpan, ([t, start, end]) => {
        const prefix = t.slice(Math.max(0, start - 3), start);
        const selector = anchorQuote(t, t.slice(start, end), { prefix });
        expectSound(t, selector!);
        expect(t.slice(0, selector!.start).endsWith(prefix)).toBe(true);
      }),
      RUNS,
    );
  });

  it('finds nothing for words that are not in the text', () => {
    fc.assert(
      fc.property(text, fc.string({ minLength: 1, maxLength: 5 }), (t, piece) => {
        const exact = `${piece}\u0007absent\u0007`;
        fc.pre(!t.includes(exact));
        expect(anchorQuote(t, exact)).toBeUndefined();
      }),
      RUNS,
    );
  });
});
