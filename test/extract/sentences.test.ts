import { describe, expect, it } from 'vitest';
import { clauseAround, splitSentences } from '../../server/extract/sentences.js';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('does not end a sentence at abbreviations, initials, locators or decimals', () => {
    expect(
      split('Lieut.-General Mitsue Yui came. General G. F. Krivosheyev wrote p. 46 of it. The U.S. Army left at 1.5 knots. Done.'),
    ).toEqual([
      'Lieut.-General Mitsue Yui came.',
      'General G. F. Krivosheyev wrote p. 46 of it.',
      'The U.S. Army left at 1.5 knots.',
      'Done.',
    ]);
  });

  it('keeps closing quotes and ends at ! and ?', () => {
    expect(split('He said “go.” Then? Yes! Fine.')).toEqual(['He said “go.”', 'Then?', 'Yes!', 'Fine.']);
  });

  it('treats lines without a full stop as sentences of their own, bullets stripped', () => {
    const text = 'Casualties and losses\n\n7,791 (1922 only)\n\n  • 698 killed or missing in action\n  • 2,189 died of disease [3]\n';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Casualties and losses',
      '7,791 (1922 only)',
      '698 killed or missing in action',
      '2,189 died of disease [3]',
    ]);
    expect(sentences.every((s) => s.isLine)).toBe(true);
    expect(sentences[0]!.paragraph).toBeLessThan(sentences[1]!.paragraph);
  });

  it('joins the soft wraps of OCR text', () => {
    const text = 'By October 1918 the Japanese troops in the region had\nnumbered over 72,000 soldiers. Next one.';
    expect(split(text)).toEqual(['By October 1918 the Japanese troops in the region had\nnumbered over 72,000 soldiers.', 'Next one.']);
  });

  it('bounds clauses by parentheses, semicolons and ", but"', () => {
    const text =
      'Japanese troops numbered over 72,000 soldiers (by way of comparison, the USA force numbered just 9,000 soldiers); it grew.';
    const [s] = splitSentences(text);
    const inner = clauseAround(text, s!, text.indexOf('9,000'));
    expect(text.slice(inner.start, inner.end)).toBe('by way of comparison, the USA force numbered just 9,000 soldiers');
    const outer = clauseAround(text, s!, text.indexOf('72,000'));
    expect(text.slice(outer.start, outer.end)).toBe(
      'Japanese troops numbered over 72,000 soldiers (by way of comparison, the USA force numbered just 9,000 soldiers)',
    );
  });
});
