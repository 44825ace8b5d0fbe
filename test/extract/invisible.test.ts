// Text that lies to the eye: zero-width characters, bidi controls and other invisible formatting are
// read as displayed, each quote stays the original text at its offsets, and the claim says what was
// hidden in it.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectorProblem } from '../../server/core/anchor.js';
import { check } from '../../server/core/schemas.js';
import type { Claim, Entity, Property } from '../../server/core/schema-types.js';
import { extractClaims } from '../../server/extract/index.js';
import { describeInvisible, displayedText, hasInvisible, originalRange } from '../../server/extract/invisible.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(DEFAULT_DATA_DIR, file), 'utf8')) as T;
const context = { sourceId: 'probe', entities: readJson<Entity[]>('entities.json'), properties: readJson<Property[]>('properties.json') };
const SENTENCE = 'By October 1918, Japanese troops in the Russian Far East numbered over 72,000 soldiers.';

function extract(text: string): Claim[] {
  const { claims } = extractClaims(text, context);
  for (const c of claims) {
    expect(text.slice(c.quote.start, c.quote.end)).toBe(c.quote.exact);
    expect(selectorProblem(text, c.quote)).toBeUndefined();
    for (const citation of c.citations) if (citation.marker) expect(selectorProblem(text, citation.marker)).toBeUndefined();
    expect(check('claim.schema.json', c)).toEqual([]);
  }
  return claims;
}

const troopFigures = (claims: Claim[]) =>
  claims.filter((c) => c.property === 'troop-strength').map((c) => (c.value.type === 'quantity' ? c.value.amount : NaN));

describe('invisible characters inside figures', () => {
  it.each([
    ['a zero-width space', '72\u200B000'],
    ['a word joiner', '72\u2060000'],
    ['a soft hyphen', '72,\u00AD000'],
    ['a byte-order mark', '\uFEFF72,000'],
    ['left-to-right and right-to-left marks', '\u200E72,000\u200F'],
    ['an Arabic letter mark', '72\u061C000'],
    ['an isolate', '\u206672,000\u2069'],
    ['an embedding', '\u202B72,000\u202C'],
    ['an invisible separator', '72\u2063000'],
  ])('reads a figure holding %s as displayed (72,000), flagged, its quote byte-identical', (_name, figure) => {
    const text = SENTENCE.replace('72,000', figure);
    const claims = extract(text);
    expect(troopFigures(claims)).toEqual([72000]);
    const claim = claims.find((c) => c.property === 'troop-strength')!;
    expect(claim.quote.exact).toContain(figure);
    expect(claim.note).toMatch(/contains invisible characters \(U\+[0-9A-F]{4} /);
  });

  it('reads digits under a right-to-left override in the order they are shown (72000, not 27)', () => {
    const text = SENTENCE.replace('72,000', '\u202E00027\u202C');
    const claims = extract(text);
    expect(troopFigures(claims)).toEqual([72000]);
    expect(claims[0]!.note).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(claims[0]!.note).toContain('read as shown');
    expect(troopFigures(extract(SENTENCE.replace('72,000', '\u202E000,27\u202C')))).toEqual([72000]);
  });

  it('matches a name broken by invisible characters to its entity', () => {
    const plain = extract('Ataman Semyonov had 3,000 men in 1919.');
    const hidden = extract('Ataman Semy\u00ADo\u200Bnov had 3,000 men in 1919.');
    expect(plain.map((c) => c.subject)).toContain('semyonov');
    expect(hidden.map((c) => c.subject)).toEqual(plain.map((c) => c.subject));
  });

  it('leaves a claim without invisible characters in its quote unflagged', () => {
    const claims = extract(`${SENTENCE}\n\nA foot\u00ADnote elsewhere.`);
    expect(troopFigures(claims)).toEqual([72000]);
    expect(claims[0]!.note ?? '').not.toContain('invisible');
  });

  it('reads the same claims when invisible characters are slipped inside words and figures', () => {
    const sentence = fc
      .record({
        subject: fc.constantFrom('The Japanese', 'Japan', 'Ataman Semenov', 'The Czechoslovak Legion'),
        verb: fc.constantFrom('deployed', 'numbered', 'lost', 'sent'),
        comparator: fc.constantFrom('', 'over ', 'some ', 'up to ', 'nearly '),
        amount: fc.integer({ min: 1, max: 500_000 }).map((n) => n.toLocaleString('en-US')),
        unit: fc.constantFrom('troops', 'soldiers', 'men', 'dead'),
        when: fc.constantFrom('', ' in 1918', ' by October 1918', ' on 12 January 1918'),
      })
      .map((s) => `${s.subject} ${s.verb} ${s.comparator}${s.amount} ${s.unit}${s.when}.`);
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u200E', '\u034F', '\u{E0041}');
    const seeded = fc.tuple(
      fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')),
      fc.array(fc.tuple(fc.nat(), invisible), { minLength: 1, maxLength: 6 }),
    );
    let compared = 0;
    fc.assert(
      fc.property(seeded, ([clean, slips]) => {
        // Only between two letters or digits: there the characters hide inside a word or a figure.
        let text = clean;
        for (const [at, ch] of slips) {
          const inside = [...text.matchAll(/(?<=[\p{L}\p{N}])(?=[\p{L}\p{N}])/gu)].map((m) => m.index);
          if (inside.length > 0) text = text.slice(0, inside[at % inside.length]) + ch + text.slice(inside[at % inside.length]);
        }
        const read = (claims: Claim[]) => claims.map((c) => [c.subject, c.property, c.value, c.wording]);
        const expected = read(extract(clean));
        compared += expected.length;
        expect(read(extract(text))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(0);
  });
});

describe('the displayed text', () => {
  it('leaves out invisible characters and maps every offset back', () => {
    const text = 'a\u200Bb\u{E0041}c\uFEFF';
    const shown = displayedText(text);
    expect(shown.text).toBe('abc');
    expect([...shown.origin]).toEqual([0, 2, 5, 7]);
    expect(originalRange(shown, 1, 3)).toEqual({ start: 2, end: 6 });
    expect(hasInvisible('plain text, “quoted” — 72,000')).toBe(false);
  });

  it('applies overrides as the bidi algorithm shows them: nested, closed at a paragraph end, clusters whole', () => {
    expect(displayedText('x \u202Eabc\u202C y').text).toBe('x cba y');
    // Left-to-right override inside a right-to-left one: the inner run keeps its order, its place is reversed.
    expect(displayedText('\u202Eab\u202Dcd\u202Cef\u202C').text).toBe('fecdba');
    expect(displayedText('\u202Eab\ncd').text).toBe('ba\ncd');
    expect(displayedText('\u202E😀e\u0301\u202C').text).toBe('e\u0301😀');
    // An embedding inside an override stops it: Latin letters there show left to right.
    expect(displayedText('\u202Eab\u202Acd\u202C\u202C').text).toBe('cdba');
    expect(displayedText('\u202E\uD800x').text).toBe('x\uD800');
    const shown = displayedText('n = \u202E00027\u202C!');
    expect(shown.text).toBe('n = 72000!');
    expect(originalRange(shown, 4, 9)).toEqual({ start: 5, end: 10 });
  });

  it('names what it found', () => {
    expect(describeInvisible('72\u200B000', 0, 6)).toBe(
      'the quote contains invisible characters (U+200B ZERO WIDTH SPACE); the value is read as displayed',
    );
    expect(describeInvisible('a\u2060b\u2060c', 0, 5)).toContain('U+2060 WORD JOINER ×2');
    expect(describeInvisible('abc', 0, 3)).toBeUndefined();
    // Arabic number signs are drawn, not invisible.
    expect(hasInvisible('\u0600123')).toBe(false);
  });
});
