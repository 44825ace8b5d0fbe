import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/extract/index.js';
import { allCommonWords, figureHeadline, garbled, isCommonWord, oddlyShaped } from '../../server/extract/name-plausibility.js';
import { validateExtractSettings, resolveExtractSettings } from '../../server/extract/settings.js';
import { tokenize } from '../../server/extract/tokens.js';

const proposed = (text: string) =>
  extractClaims(text, { sourceId: 'plausibility', entities: [], properties: [] }).proposedEntities.map((e) => e.label);

describe('name plausibility (name-plausibility.ts)', () => {
  it('tells OCR garbage and run-together words by their shape, not names with a short prefix', () => {
    for (const w of ['OeataliUac', 'HarloA', 'LocationSouth', 'IMatke', 'Faaaeacer']) expect(oddlyShaped(w), w).toBe(true);
    for (const w of ['MacArthur', 'McDonald', 'FitzGerald', 'DeWitt', 'Vladivostok', 'NATO', 'Otani'])
      expect(oddlyShaped(w), w).toBe(false);
  });

  it('reads a stretch as garbled when enough of its words are oddly shaped', () => {
    expect(garbled(tokenize('Appalltaur AeeUsat Hoar BwAee. Eatirs Tral Can OeataliUac Nearly 100 Famaagera HarloA Tkroagk'))).toBe(true);
    expect(garbled(tokenize('General MacArthur met the McDonald brothers in Vladivostok on 3 May.'))).toBe(false);
  });

  it('knows common English words from the shipped list, and does not count given names among them', () => {
    expect(isCommonWord('points')).toBe(true);
    expect(isCommonWord('Judges')).toBe(true);
    expect(isCommonWord('Mark')).toBe(false);
    expect(isCommonWord('Vladivostok')).toBe(false);
    expect(allCommonWords(['Browse', 'Subject', 'Areas'])).toBe(true);
    expect(allCommonWords(['Clara', 'Barton'])).toBe(false);
  });

  it('takes a heading that opens with a figure for a headline, a year for part of a title', () => {
    expect(figureHeadline('60,000 ALLIED TROOPS FOR SIBERIA')).toBe(true);
    expect(figureHeadline('1889 Johnstown Flood')).toBe(false);
    expect(figureHeadline('Johnstown Flood')).toBe(false);
  });

  it('proposes no entity from garbage, headings of common words or a locator word, and keeps the names in the prose', () => {
    const text = [
      'The Hallowmere Flood',
      'Key Points',
      'Browse Subject Areas',
      '',
      'Appalltaur AeeUsat Hoar BwAee. Eatirs Tral Can OeataliUac Nearly 100 Famaagera HarloA Tkroagk a Brakea.',
      '',
      'The river rose by 12 feet at Hallowmere on 3 May 1889, Clara Barton wrote in the Hallowmere Gazette, Issue 14260, and later in Vol. III of her memoirs.',
    ].join('\n');
    const labels = proposed(text);
    expect(labels).toEqual(expect.arrayContaining(['Clara Barton', 'Hallowmere Gazette']));
    for (const junk of ['Key Points', 'Browse Subject Areas', 'Eatirs Tral', 'Can OeataliUac Nearly', 'Issue', 'Vol'])
      expect(labels, junk).not.toContain(junk);
  });

  it('validates its settings', () => {
    expect(resolveExtractSettings({ names: { garbledShare: 0.3 } }).names.garbledShare).toBe(0.3);
    expect(() => resolveExtractSettings({ names: { innerCapitalAfter: 0 } })).toThrow(/settings\.names\.innerCapitalAfter/);
    expect(() => validateExtractSettings({ ...resolveExtractSettings(), names: { garbledWords: 2 } })).toThrow(/settings\.names\./);
  });
});

describe('titles and measures around names (proposals.ts, extract.ts)', () => {
  it('reads "Minister of X" as an office, a lone letter as no initial, and a measure word as no entity', () => {
    const labels = proposed(
      [
        'Mr. Ridley asked the Minister of Transport about the fares. V General Deniken retreated with 20,000 men.',
        'With a population of 30,000, Hallowmere was a growing town in 1889, and its mill employed 1,200 workers.',
      ].join('\n\n'),
    );
    expect(labels).not.toContain('Transport');
    expect(labels).not.toContain('V General Deniken');
    expect(labels).not.toContain('population');
    expect(labels).toEqual(expect.arrayContaining(['Ridley', 'Deniken']));
  });

  it('ends a name at "and" after a comma list\'s earlier items', () => {
    const labels = proposed('The news came by cable (Australian, N.Z. and Reuter). Some 4,000 men left Hallowmere.');
    expect(labels).not.toContain('N.Z. and Reuter');
  });

  it('proposes no entity for a phrase opened by a number word', () => {
    const labels = proposed(
      'The panel raised the offense level of Ronald Fisher. The nineteen point upward adjustment resulted from a thirteen point adjustment.',
    );
    expect(labels.some((l) => /nineteen/i.test(l))).toBe(false);
  });
});
