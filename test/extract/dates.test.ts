import { describe, expect, it } from 'vitest';
import { findDates } from '../../server/extract/dates.js';
import { readScope } from '../../server/extract/scope.js';

const read = (s: string, year?: number) =>
  findDates(s, year)
    .filter((d) => !d.unresolved)
    .map((d) => ({
      text: s.slice(d.start, d.end),
      ...d.date,
      ...(d.until ? { until: d.until.value } : {}),
      ...(d.inferredYear ? { inferred: true } : {}),
    }));

describe('dates', () => {
  it.each([
    ['on October 25, 1922, they', 'October 25, 1922'],
    ['on October 25 1922. They', 'October 25 1922'],
    ['on 25 October 1922 they', '25 October 1922'],
    ['on 25th of October, 1922', '25th of October, 1922'],
    ['on Oct. 25, 1922', 'Oct. 25, 1922'],
    ['retrieved 1922-10-25.', '1922-10-25'],
  ])('reads a full date in any order: %s', (s, text) => {
    expect(read(s)).toEqual([{ text, value: '1922-10-25', precision: 'day' }]);
  });

  it('reads a day range inside one month, and a date glued to an infobox label', () => {
    expect(read('fought July 1–3, 1863, in')).toEqual([
      { text: 'July 1–3, 1863', value: '1863-07-01', precision: 'day', until: '1863-07-03' },
    ]);
    expect(read('DateJuly 1–3, 1863')).toEqual([{ text: 'July 1–3, 1863', value: '1863-07-01', precision: 'day', until: '1863-07-03' }]);
  });

  it('moves a year taken from earlier in the sentence on when the date would precede it', () => {
    expect(read('stationed there until December 1917, returned on March 1')[1]).toEqual({
      text: 'March 1',
      value: '1918-03-01',
      precision: 'day',
      inferred: true,
    });
    expect(read('departed on January 9, 1918, and arrived on January 12')[1]).toEqual({
      text: 'January 12',
      value: '1918-01-12',
      precision: 'day',
      inferred: true,
    });
  });

  it('reads months, years, decades, parts and seasons with their precision', () => {
    expect(read('in July 1918')).toEqual([{ text: 'July 1918', value: '1918-07', precision: 'month' }]);
    expect(read('in 1925, after')).toEqual([{ text: '1925', value: '1925', precision: 'year' }]);
    expect(read('the 1920s')).toEqual([{ text: '1920s', value: '1920', precision: 'decade' }]);
    expect(read('By early 1920, the')).toEqual([{ text: 'early 1920', value: '1920', precision: 'year', part: 'early' }]);
    expect(read('in mid-1919')).toEqual([{ text: 'mid-1919', value: '1919', precision: 'year', part: 'mid' }]);
    expect(read('late October 1918')).toEqual([{ text: 'late October 1918', value: '1918-10', precision: 'month', part: 'late' }]);
    expect(read('the winter of 1919')).toEqual([{ text: 'the winter of 1919', value: '1919', precision: 'season', part: 'winter' }]);
    expect(read('in autumn 1919')).toEqual([{ text: 'autumn 1919', value: '1919', precision: 'season', part: 'fall' }]);
    // Two seasons are more than one date value can hold: the year that contains them.
    expect(read('in the summer and fall of 1919')).toEqual([{ text: 'the summer and fall of 1919', value: '1919', precision: 'year' }]);
  });

  it('reads ranges', () => {
    expect(read('from 1918 to 1922')).toEqual([{ text: '1918 to 1922', value: '1918', precision: 'year', until: '1922' }]);
    expect(read('of 1918–1922 was')).toEqual([{ text: '1918–1922', value: '1918', precision: 'year', until: '1922' }]);
    expect(read('a 1917–23 war')).toEqual([{ text: '1917–23', value: '1917', precision: 'year', until: '1923' }]);
    expect(read('between January 31, 1920 and October 28, 1920')[0]).toMatchObject({ value: '1920-01-31', until: '1920-10-28' });
    expect(read('from 23 to 31 May 1920')[0]).toMatchObject({ value: '1920-05-23', until: '1920-05-31' });
    expect(read('Date12 January 1918 [1] — 24 June 1922'.replace('[1]', '   '))[0]).toMatchObject({
      value: '1918-01-12',
      until: '1922-06-24',
    });
    expect(read('In March and April 1922')[0]).toMatchObject({ value: '1922-03', until: '1922-04' });
  });

  it('gives a date without a year the year named before it', () => {
    expect(read('which was established on April 6', 1920)).toEqual([
      { text: 'April 6', value: '1920-04-06', precision: 'day', inferred: true },
    ]);
    expect(read('already in November, the', 1922)).toEqual([{ text: 'November', value: '1922-11', precision: 'month', inferred: true }]);
    expect(read('left on January 9, 1918, and arrived on January 12')[1]).toMatchObject({ value: '1918-01-12', inferred: true });
    expect(read('arrived on January 12')).toEqual([]); // no year anywhere: no date
    // …but still a day, so that "Feb. 9" of a dateline is never read as a figure.
    expect(findDates('ST. LOUIS, Mo., Feb. 9.-An early morning fire')).toMatchObject([{ start: 16, end: 22, unresolved: true }]);
    // A year later in the same sentence gives it one (a release header: "Friday, October 6, … SEPTEMBER 2000").
    expect(read('Media contact: Friday, October 6, THE EMPLOYMENT SITUATION: SEPTEMBER 2000')).toEqual([
      { text: 'October 6', value: '2000-10-06', precision: 'day', inferred: true },
      { text: 'SEPTEMBER 2000', value: '2000-09', precision: 'month' },
    ]);
  });

  it('reads month names in capitals and numeric dates', () => {
    expect(read('TUESDAY 15 JULY—Consideration in Committee', 1997)).toEqual([
      { text: '15 JULY', value: '1997-07-15', precision: 'day', inferred: true },
    ]);
    expect(read('Date: 04/12/2007; released 21/8/1999')).toEqual([
      { text: '04/12/2007', value: '2007-04-12', precision: 'day' },
      { text: '21/8/1999', value: '1999-08-21', precision: 'day' },
    ]);
    // "August 17, 960 people": a day without a year, then a count, not a year 960.
    expect(read('on Tuesday, August 17, 960 people', 1999)).toEqual([
      { text: 'August 17', value: '1999-08-17', precision: 'day', inferred: true },
    ]);
    // A number glued to letters is a code: "cc1077-87" is no year 1077.
    expect(read('HC Deb 10 July 1997 vol 297 cc1077-87')).toEqual([{ text: '10 July 1997', value: '1997-07-10', precision: 'day' }]);
  });

  it('does not read numbers that are not years', () => {
    expect(read('4,192 soldiers and 1,918 men and ¥1918 and 19180 and p. 1918.5')).toEqual([]);
    expect(read('may 5 and March 3')).toEqual([]); // no year in context, "may" a verb
  });
});

describe('scope phrases', () => {
  const scopeOf = (text: string, value: string) => {
    const valueStart = text.indexOf(value);
    const dates = findDates(text).filter((d) => d.end <= valueStart || d.start >= valueStart + value.length);
    return readScope({
      text,
      clauseStart: 0,
      clauseEnd: text.length,
      sentenceEnd: text.length,
      valueStart,
      valueEnd: valueStart + value.length,
      dates,
    });
  };

  it('reads "by October 1918" as a point in time with comparator by', () => {
    expect(scopeOf('By October 1918, Japanese troops numbered over 72,000 soldiers', 'over 72,000')).toEqual({
      pointInTime: { value: '1918-10', precision: 'month', comparator: 'by' },
      wording: 'By October 1918',
    });
  });

  it('reads aggregates, restrictions and periods', () => {
    expect(scopeOf('600,000 (peak) and more', '600,000')).toMatchObject({ aggregate: 'peak' });
    expect(scopeOf('3,116 (total)', '3,116')).toMatchObject({ aggregate: 'total' });
    expect(scopeOf('7,791 (1922 only)', '7,791')).toEqual({ population: '1922 only', wording: '1922 only' });
    expect(scopeOf('they lost 3,000 men in all', '3,000')).toMatchObject({ aggregate: 'total' });
    expect(scopeOf('from 1918 to 1922 some 5,000 died', 'some 5,000')).toMatchObject({
      period: { start: { value: '1918' }, end: { value: '1922' } },
    });
    expect(scopeOf('until 1920 some 5,000 died', 'some 5,000')).toMatchObject({ period: { end: { value: '1920' } } });
    expect(scopeOf('In July 1918, Wilson asked for 7,000 troops', '7,000')).toMatchObject({
      pointInTime: { value: '1918-07', precision: 'month' },
      wording: 'July 1918',
    });
  });
});
