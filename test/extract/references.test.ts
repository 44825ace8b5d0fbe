import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findReferenceList, parseReferenceList } from '../../server/extract/references.js';

describe('reference list', () => {
  const text =
    'Body text [2].\n\n  1. "The March of the Japanese Army at Vladivostok City". 1919.\n  2. 1 2 Harries 2001, p. 127.\n  3. 1 2 3 4 Gow 2004, pp. 55–61.\n  4. Humphreys 1996, p. 26.\n';

  it('numbers each entry and drops the "1 2" back-links', () => {
    const refs = parseReferenceList(text);
    expect(refs.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(refs[1]).toMatchObject({ number: 2, text: 'Harries 2001, p. 127.', work: 'Harries 2001', pages: 'p. 127' });
    expect(refs[2]).toMatchObject({ text: 'Gow 2004, pp. 55–61.', pages: 'pp. 55–61' });
    expect(refs[0]!.text).toBe('"The March of the Japanese Army at Vladivostok City". 1919.');
  });

  it('anchors every entry at its exact offsets', () => {
    for (const r of parseReferenceList(text)) expect(text.slice(r.quote!.start, r.quote!.end)).toBe(r.text);
    const list = findReferenceList(text);
    expect(text.slice(list.start, list.end)).toMatch(/^ {2}1\. .*Humphreys 1996, p\. 26\.$/s);
  });

  it('reads "[n]" lists and "^ a b" back-links, and finds nothing in prose', () => {
    expect(parseReferenceList('[1] Smith 1990.\n[2] ^ a b Jones 2001, p. 4.\n').map((r) => r.text)).toEqual([
      'Smith 1990.',
      'Jones 2001, p. 4.',
    ]);
    expect(parseReferenceList('In 1918 they came. 2. Then they left.')).toEqual([]);
  });

  it('parses the bundled Wikipedia list as curated', () => {
    const wp = readFileSync(new URL('../../graph-data/sources/wikipedia-japanese-intervention.txt', import.meta.url), 'utf8');
    const curated = JSON.parse(
      readFileSync(new URL('../../graph-data/sources/wikipedia-japanese-intervention.json', import.meta.url), 'utf8'),
    ) as { references: { number: number; text: string; quote: { start: number } }[] };
    const parsed = parseReferenceList(wp);
    expect(parsed.map((r) => [r.number, r.text, r.quote!.start])).toEqual(curated.references.map((r) => [r.number, r.text, r.quote.start]));
  });
});
