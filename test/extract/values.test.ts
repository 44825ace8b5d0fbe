// Figures and dates the readers used to miss, by class (issue 11): spelled-out fractions and shares, vulgar
// fractions, irregular plurals and unit modifiers, a number word closing its phrase, four-digit counts that
// are no years, "by the year 2010", months listed after a preposition, and a future clause's months dated
// by the document's own date.
import { describe, expect, it } from 'vitest';
import { countedNounAfter } from '../../server/extract/counted.js';
import { findDates } from '../../server/extract/dates.js';
import { extractClaims } from '../../server/extract/index.js';
import { findNumbers } from '../../server/extract/numbers.js';
import { notFigureSpans } from '../../server/extract/not-figures.js';
import { strike } from './fixtures.js';

const read = (s: string) => findNumbers(s).map((n) => ({ text: s.slice(n.start, n.end), amount: n.amount }));
const values = (text: string) =>
  extractClaims(text, { sourceId: 'x', entities: strike.entities, properties: strike.properties }, { minConfidence: 0 }).claims.map((c) =>
    c.value.type === 'date'
      ? `${c.wording} = ${c.value.date.comparator ?? ''}${c.value.date.value}`
      : `${c.wording} = ${c.value.type === 'quantity' ? c.value.amount : ''}`,
  );

describe('spelled-out fractions and shares', () => {
  it('reads a fraction, a plural fraction and a fraction of a percent', () => {
    expect(read('cut by one third by 2000')).toContainEqual({ text: 'one third', amount: 1 / 3 });
    expect(read('two-thirds of the men')).toEqual([{ text: 'two-thirds', amount: 2 / 3 }]);
    expect(read('a one-tenth of one percent annual rate')).toEqual([{ text: 'one-tenth of one', amount: 0.1 }]);
    // An ordinal is no fraction: "twenty-third", "the third".
    expect(read('the twenty-third regiment')).toEqual([{ text: 'twenty', amount: 20 }]);
    expect(read('one thirds')).toEqual([{ text: 'one', amount: 1 }]);
  });

  it('reads a vulgar fraction after the digits, with its ordinal ending', () => {
    expect(read('an increase of 16⅔rds per cent.')).toEqual([{ text: '16⅔rds', amount: 16 + 2 / 3 }]);
    expect(read('2½ miles')).toEqual([{ text: '2½', amount: 2.5 }]);
    expect(findNumbers('Sixty per cent were male')[0]!.percent).toBe(true);
  });

  it('keeps fractions, spelled-out shares and a number word closing its phrase as figures', () => {
    const found = values(
      'The strikers cut their hours by one third. Sixty per cent of the strikers were men. The strikers set their base wage level at six, and more.',
    );
    expect(found).toContain('one third = 0.3333333333333333');
    expect(found).toContain('Sixty = 60');
    expect(found).toContain('six = 6');
    // A time of day is no value: "arrived at six."
    expect(values('The strikers arrived at six.')).not.toContain('six = 6');
  });
});

describe('what a number counts', () => {
  it('reads irregular plurals, units and a noun across one line break', () => {
    expect(countedNounAfter('forty-five feet deep', 10)?.noun).toBe('feet');
    expect(countedNounAfter('two important\nvotes', 3)?.noun).toBe('votes');
    expect(countedNounAfter('a thirteen point adjustment because the loss', 10)?.noun).toBe('adjustment');
    const found = values(
      'The strikers found the water about eighty-eight feet deep. The strikers made a nineteen point upward adjustment.',
    );
    expect(found).toContain('about eighty-eight = 88');
    expect(found).toContain('nineteen = 19');
  });

  it('reads a four-digit count before a unit or a plural noun as no year', () => {
    expect(values('The strikers held about 2000 miles of line.')).toContain('about 2000 = 2000');
    expect(values('1163 strikers were arrested.')).toContain('1163 = 1163');
    // …but a year after a word that introduces one stays a year.
    expect(findDates('In 1918 troops landed.').map((d) => d.date.value)).toEqual(['1918']);
    expect(findDates('about 2000 miles')).toEqual([]);
  });
});

describe('dates', () => {
  it('reads "by the year 2010" as by 2010', () => {
    expect(values('The strikers set targets to be achieved by the year 2010.')).toContain('by the year 2010 = by2010');
  });

  it('reads every month listed after a preposition', () => {
    expect(findDates('less uncertainty in January, February, and March.', 2013).map((d) => d.date.value)).toEqual([
      '2013-01',
      '2013-02',
      '2013-03',
    ]);
    // A capitalised month name alone, with no preposition before the list, is no date.
    expect(findDates('March, February and January were cold.', 2013)).toEqual([]);
  });

  it("dates a future clause's months by the document's own date, not a past comparison's year", () => {
    const found = values(
      'The strikers met on January 30, 2013. It was the worst strike since 2009. The strikers are likely to win more in March.',
    );
    expect(found).toContain('March = 2013-03');
    // A past clause keeps the narrative's year.
    expect(values('The strikers met on January 30, 2013. In 2009 the strikers lost, and in March they won.')).toContain('March = 2009-03');
  });
});

describe('what a figure with no counted noun is named from', () => {
  const names = (text: string) =>
    extractClaims(text, { sourceId: 'x', entities: strike.entities, properties: strike.properties }, { minConfidence: 0 }).claims.map(
      (c) => `${c.wording} = ${c.property}`,
    );

  it('the subject of the clause it completes after a copula, past a date and another figure', () => {
    const found = names(
      'Pittsburgh grew. The estimated flow of international migrants to Pittsburgh in the year to 30 June 1877 was 517,800 and estimated outflow for the same period was 352,100. This means that the net migration of Pittsburgh was 165,600.',
    );
    expect(found).toContain('517,800 = flow-migrants');
    expect(found).toContain('352,100 = outflow');
    expect(found).toContain('165,600 = net-migration');
  });

  it('what a sum of money is of', () => {
    expect(names('The strike accounted for $17 million of damage.')).toContain('$17 million = damage-accounted');
  });

  it('reads a line ending on a word no sentence ends on as running on into the next', () => {
    expect(names('Pittsburgh grew. This means that the net migration of Pittsburgh was\n165,600 in the year.')).toContain(
      '165,600 = net-migration',
    );
  });
});

describe('a text that opens on figures before naming anything', () => {
  it('reads them again with the first subject it goes on to name', () => {
    const text = 'Thirty-six grants were provided to states in three categories.\n\nThe Baltimore and Ohio announced the grants.';
    const read = (awaitedSentences: number) =>
      extractClaims(
        text,
        { sourceId: 'x', entities: strike.entities, properties: strike.properties },
        { minConfidence: 0, settings: { subject: { awaitedSentences } } },
      ).claims.map((c) => `${c.wording} = ${c.subject}`);
    expect(read(4)).toEqual(['Thirty-six = baltimore-and-ohio', 'three = baltimore-and-ohio']);
    expect(read(0)).toEqual([]);
  });
});

describe('locators', () => {
  it('reads a page count as part of its locator, glued or not', () => {
    const spans = (s: string) => notFigureSpans(s).map((x) => s.slice(x.start, x.end));
    expect(spans('You are on page 1of 9')).toEqual(['page 1of 9']);
    expect(spans('see page 3 of 12')).toEqual(['page 3 of 12']);
    expect(spans('see p. 12a and 14')).toEqual(['p. 12a and 14']);
  });
});

describe('what a measurement is named from', () => {
  it('the noun right before a numeral, and the noun before a unit of measure', () => {
    const found = extractClaims(
      'Pittsburgh was shaken by a magnitude 6.3 earthquake. Pittsburgh registered a depth of 10 kilometres.',
      { sourceId: 'x', entities: strike.entities, properties: strike.properties },
      { minConfidence: 0 },
    ).claims.map((c) => `${c.wording} = ${c.property}`);
    expect(found.find((c) => c.startsWith('6.3 ='))).toMatch(/^6\.3 = magnitude/);
    expect(found.find((c) => c.startsWith('10 ='))).toMatch(/^10 = depth/);
  });
});

describe('the noun before a figure', () => {
  it('is not taken from a list item another number counts', () => {
    const found = extractClaims(
      'Pittsburgh received four grants in four states, $24.8 million.',
      { sourceId: 'x', entities: strike.entities, properties: strike.properties },
      { minConfidence: 0 },
    ).claims.map((c) => `${c.wording} = ${c.property}`);
    expect(found.find((c) => c.startsWith('$24.8 million ='))).not.toMatch(/states/);
  });
});
