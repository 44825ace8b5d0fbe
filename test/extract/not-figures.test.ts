// Numbers that are not figures or dates, told apart by context (server/extract/not-figures.ts), and
// that they stay out of the claims while the figures beside them are read.
import { describe, expect, it } from 'vitest';
import { notFigureSpans } from '../../server/extract/not-figures.js';
import { extractClaims } from '../../server/extract/index.js';
import { loadStore } from '../../server/store/load.js';

const spans = (s: string) =>
  notFigureSpans(s)
    .map((x) => s.slice(x.start, x.end))
    .sort();

describe('not figures', () => {
  it.each([
    ['at around 10:44 p.m. (1344 GMT), the', ['10:44 p.m.', '1344 GMT']],
    ['news - May 27, 2024 - 13:13', ['13:13']],
    ['embargoed until 8:30 A.M. (EDT), Media', ['8:30 A.M.']],
    ['HC Deb 10 July 1997 vol 297 cc1077-87 3.53 pm', ['3.53 pm', 'cc1077-87', 'vol 297']],
    ['At 10 pm, the House', ['10 pm']],
    ['at 5.25 this afternoon', ['5.25']],
    ["at 4 o'clock this", ["4 o'clock"]],
    ['about 0043 eastern daylight time', ['0043 eastern daylight time']],
    ['(See tables A-1 and A-2.)', ['tables A-1 and A-2']],
    ['on page 441, makes', ['page 441']],
    ['in August or September 490 BC,[3]', ['490 BC']],
    ['as shown (Smith 2004) and', ['(Smith 2004)']],
    ['as Brown et al. (1999) showed', ['(1999)']],
    ['1. Harries 2001, p. 127.', ['1.', 'Harries 2001, p. 127', 'p. 127']],
    ['10 Downing Street', ['10 Downing Street']],
    ['ISBN 978-0-19-280166-2', ['978-0-19-280166-2', 'ISBN 978-0-19-280166-2']],
    ['Reston, VA 20192', ['20192']],
    ['Pat Jorgenson 1-click interview', ['1-click']],
    ['Smith, J. (2004). The docks of London.', ['(2004)']],
    ['see 347 U.S. 483 (1954) and 123 F.3d 456', ['123 F.3d 456', '347 U.S. 483 (1954)']],
    ['under 28 U.S.C. § 1253 the', ['28 U.S.C. § 1253', '§ 1253']],
    ['The crew of Apollo 11 landed on the Moon.', ['11']],
  ])('%s', (text, expected) => {
    expect([...new Set(spans(text))]).toEqual([...expected].sort());
  });

  it.each([
    'declined to 3.9 percent',
    'rose by 252,000 in September',
    'at 3.5 percent',
    'at 2.45 million tons',
    'in 2011, gross',
    'the Treaty of Versailles (1919) ended',
    'lasted 48 hours',
    'Some 300 were killed.',
    'the Japanese 680 were killed',
    'On June 4 was the vote.',
    'with 30 doctors and 68 nurses',
    'a three-story house',
    'c. 1900',
  ])('leaves the figure or date in %s', (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('claims beside numbers that are not figures', () => {
  it('reads the figures and the dateline, not the times, the locator or the citation', async () => {
    const { corpus } = await loadStore();
    const text =
      'LONDON, March 3 — At 10:30 a.m. the port said 450 dockers had walked out (Smith 2004). Page 12 of the report gives losses of £3 billion in 1921.';
    const { claims } = extractClaims(text, { sourceId: 'x', entities: corpus.entities, properties: corpus.properties });
    const values = claims
      .map((c) => (c.value.type === 'quantity' ? c.value.amount : c.value.type === 'date' ? c.value.date.value : ''))
      .sort();
    expect(values).toEqual([3e9, 450, '1921-03-03'].sort());
    const money = claims.find((c) => c.value.type === 'quantity' && c.value.amount === 3e9)!;
    expect(money.value).toMatchObject({ unit: 'pounds' });
    expect(money.property).not.toBe('deaths');
  });
});

describe('a reference list nobody numbered', () => {
  it('gives no claim for its years or its access dates', async () => {
    const { corpus } = await loadStore();
    const text =
      'The Port of London handled 4,000 ships in 1921. Smith, J. (2004). The docks of London. Oxford University Press. Retrieved 3 March 2020. Archived from the original on 5 May 2019.';
    const { claims } = extractClaims(
      text,
      { sourceId: 'x', entities: corpus.entities, properties: corpus.properties },
      { minConfidence: 0 },
    );
    expect(claims.map((c) => c.wording)).toEqual(['4,000']);
  });
});

describe('datelines and compound counts', () => {
  it('reads a dateline day as the date the report was filed, with the year the opening names', async () => {
    const { corpus } = await loadStore();
    const text = 'HALIFAX, N.S., Dec. 8 — The death toll rose to 1,400, and a three-story hotel burned. The city was rebuilt by 1920.';
    const { claims, proposedProperties } = extractClaims(text, { sourceId: 'x', entities: corpus.entities, properties: corpus.properties });
    const dateline = claims.find((c) => c.wording === 'Dec. 8');
    expect(dateline?.value).toMatchObject({ type: 'date', date: { value: '1920-12-08', precision: 'day' } });
    expect(proposedProperties.find((p) => p.id === dateline?.property)?.label).toBe('date reported');
    expect(claims.find((c) => c.value.type === 'quantity' && c.value.amount === 3)?.value).toMatchObject({ unit: 'story' });
  });
});

describe('infobox rows of an economy article', () => {
  it("reads small decimals, signs after the amount, and leaves a figure's bracketed year as its scope", async () => {
    const { corpus } = await loadStore();
    const text =
      'Economy of Iceland\nCurrency Icelandic króna (ISK) = 0.009 USD\nGDP Increase $20 billion (2016, nominal)[1]\nPoverty line: income below 1,200€/ month (2015)\n';
    const { claims } = extractClaims(
      text,
      { sourceId: 'x', entities: corpus.entities, properties: corpus.properties },
      { minConfidence: 0 },
    );
    expect(claims.filter((c) => c.value.type === 'date')).toEqual([]);
    const amounts = claims.flatMap((c) => (c.value.type === 'quantity' ? [[c.value.amount, c.value.unit]] : []));
    expect(amounts).toContainEqual([0.009, 'usd']);
    expect(amounts).toContainEqual([2e10, 'dollars']);
    expect(amounts).toContainEqual([1200, 'euros']);
  });
});
