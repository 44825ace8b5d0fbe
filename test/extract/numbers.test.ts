import { describe, expect, it } from 'vitest';
import { countedNounAfter } from '../../server/extract/counted.js';
import { findNumbers, readComparator } from '../../server/extract/numbers.js';

const read = (s: string) =>
  findNumbers(s).map((n) => ({ text: s.slice(n.start, n.end), amount: n.amount, ...(n.upper !== undefined ? { upper: n.upper } : {}) }));
const comparator = (s: string) => {
  const n = findNumbers(s).find((x) => !x.yearLike)!;
  const r = readComparator(s, n);
  return { comparator: r.comparator, wording: s.slice(r.start, r.end) };
};

describe('numbers', () => {
  it('reads thousands separators of every kind', () => {
    expect(read('1,399 killed')).toEqual([{ text: '1,399', amount: 1399 }]);
    expect(read('1 399 killed')).toEqual([{ text: '1 399', amount: 1399 }]);
    expect(read('1\u00a0399 killed')).toEqual([{ text: '1\u00a0399', amount: 1399 }]);
    expect(read('70.000 troops')).toEqual([{ text: '70.000', amount: 70000 }]);
    expect(read('1.399.000 yen')).toEqual([{ text: '1.399.000', amount: 1399000 }]);
    expect(read('1.500 km')).toEqual([{ text: '1.500', amount: 1.5 }]); // a decimal before a measure
    expect(read('2.5 percent')).toEqual([{ text: '2.5', amount: 2.5 }]);
  });

  it('reads multipliers and currency', () => {
    expect(read('in excess of ¥900 million')).toEqual([{ text: '¥900 million', amount: 900_000_000 }]);
    expect(findNumbers('¥900 million')[0]!.currency).toBe('yen');
    expect(read('1.5 million people')).toEqual([{ text: '1.5 million', amount: 1_500_000 }]);
    expect(read('5 to 10 million')).toEqual([{ text: '5 to 10 million', amount: 5_000_000, upper: 10_000_000 }]);
  });

  it('reads word numbers', () => {
    expect(read('two marine companies')).toEqual([{ text: 'two', amount: 2 }]);
    expect(read('a hundred men')).toEqual([{ text: 'a hundred', amount: 100 }]);
    expect(read('Five Russians')).toEqual([{ text: 'Five', amount: 5 }]);
    expect(read('twenty-five thousand and two hundred and fifty men')).toEqual([
      { text: 'twenty-five thousand and two hundred and fifty', amount: 25250 },
    ]);
    expect(read('half a million')).toEqual([{ text: 'half a million', amount: 500_000 }]);
    expect(read('three to five soldiers')).toEqual([{ text: 'three to five', amount: 3, upper: 5 }]);
    expect(read('a man and an army')).toEqual([]);
  });

  it('leaves years, ordinals, decades, file names and locators alone', () => {
    expect(findNumbers('in 1918 they')[0]!.yearLike).toBe(true);
    expect(read('the 4th army, the 1920s, flag 1918.svg, p.969, pic22')).toEqual([]);
  });

  it.each([
    ['numbered over 72,000 soldiers', 'gt', 'over 72,000'],
    ['more than 900 orphans', 'gt', 'more than 900'],
    ['the number exceeded 100,000 soldiers', 'gt', 'exceeded 100,000'],
    ['in excess of 900 yen', 'gt', 'in excess of 900'],
    ['at least 5,000 men', 'gte', 'at least 5,000'],
    ['5,000 or more men', 'gte', '5,000 or more'],
    ['lost up to 3,000 soldiers', 'lte', 'up to 3,000'],
    ['at most 3,000 soldiers', 'lte', 'at most 3,000'],
    ['fewer than 100 troops', 'lt', 'fewer than 100'],
    ['less than 100 troops', 'lt', 'less than 100'],
    ['some 5,000 dead', 'approx', 'some 5,000'],
    ['about 5,000 dead', 'approx', 'about 5,000'],
    ['around 5,000 dead', 'approx', 'around 5,000'],
    ['approximately 5,000 dead', 'approx', 'approximately 5,000'],
    ['almost 800 children', 'almost', 'almost 800'],
    ['nearly 800 children', 'almost', 'nearly 800'],
    ['just under 800 children', 'almost', 'just under 800'],
    ['numbered just 9,000 soldiers', 'exact', 'just 9,000'],
    ['only 9,000 soldiers', 'exact', 'only 9,000'],
    ['deployed 70,000 troops', 'exact', '70,000'],
    ['moreover 70,000 troops', 'exact', '70,000'],
  ])('%s → %s', (s, expected, wording) => {
    expect(comparator(s)).toEqual({ comparator: expected, wording });
  });

  it('finds what a number counts', () => {
    const noun = (s: string) => countedNounAfter(s, findNumbers(s)[0]!.end)?.noun;
    expect(noun('800 Russian children who')).toBe('children');
    expect(noun('50,000 civilian settlers.')).toBe('settlers');
    expect(noun('two marine companies from')).toBe('companies');
    expect(noun('1,399 killed and another')).toBe('killed');
    expect(noun('two Japanese subjects committed')).toBe('subjects');
    expect(noun('3,000 (total)')).toBeUndefined();
  });
});

describe('hard-wrapped text and more comparators', () => {
  it('reads a denied bound as the opposite bound, the denial in the wording', () => {
    expect(comparator('a sum not exceeding €5,000,000 be granted')).toEqual({ comparator: 'lte', wording: 'not exceeding €5,000,000' });
    expect(comparator('interest not over 5% a year')).toEqual({ comparator: 'lte', wording: 'not over 5' });
    expect(comparator('nor exceed £1,600,000 in all')).toEqual({ comparator: 'lte', wording: 'nor exceed £1,600,000' });
    expect(comparator('a load never under 40 tons')).toEqual({ comparator: 'gte', wording: 'never under 40' });
    expect(comparator('not less than 30 men')).toEqual({ comparator: 'gte', wording: 'not less than 30' });
    expect(comparator('notably over 30 men')).toEqual({ comparator: 'gt', wording: 'over 30' });
    expect(comparator('not about 30 men')).toEqual({ comparator: 'approx', wording: 'about 30' });
  });

  it('reads a comparator or scale word across one line break, never across a blank line', () => {
    expect(comparator('deaths, almost \n30,000 wounded')).toEqual({ comparator: 'almost', wording: 'almost \n30,000' });
    expect(comparator('and more than\n$500 billion spent')).toEqual({ comparator: 'gt', wording: 'more than\n$500 billion' });
    expect(comparator('and more\nthan 40 spent')).toEqual({ comparator: 'gt', wording: 'more\nthan 40' });
    expect(comparator('almost\n\n30,000 wounded')).toEqual({ comparator: 'exact', wording: '30,000' });
    expect(read('at $1 \ntrillion dollars')).toEqual([{ text: '$1 \ntrillion', amount: 1e12 }]);
    expect(read('at $1\n\ntrillion dollars')).toEqual([{ text: '$1', amount: 1 }]);
    expect(read('two hundred\nthousand men')).toEqual([{ text: 'two hundred\nthousand', amount: 200000 }]);
  });
  it('reads "as many as N" and "N <unit> or over"', () => {
    expect(comparator('as many as 50,000 houses')).toEqual({ comparator: 'lte', wording: 'as many as 50,000' });
    expect(comparator('aged 35 years or over with')).toEqual({ comparator: 'gte', wording: '35 years or over' });
    expect(comparator('3,000 or more')).toEqual({ comparator: 'gte', wording: '3,000 or more' });
    expect(comparator('10 days or less')).toEqual({ comparator: 'lte', wording: '10 days or less' });
  });
  it('reads a currency word after a spelled-out number', () => {
    expect(findNumbers('Price  Ten  Cents')[0]).toMatchObject({ amount: 10, currency: 'cents' });
    expect(findNumbers('five dollars')[0]).toMatchObject({ amount: 5, currency: 'dollars' });
  });
});
