import { describe, expect, it } from 'vitest';
import { check } from '../../server/core/schemas.js';
import type { Claim, Entity } from '../../server/core/schema-types.js';
import { extractClaims, type ExtractContext } from '../../server/extract/index.js';
import { siberia, strike } from './fixtures.js';

const run = (text: string, vocabulary: Omit<ExtractContext, 'sourceId'> = siberia, minConfidence = 0) =>
  extractClaims(text, { sourceId: 'src', ...vocabulary }, { minConfidence });
const brief = (c: Claim) => {
  const v = c.value;
  const value =
    v.type === 'quantity'
      ? `${v.comparator} ${v.amount}${v.upper ? `-${v.upper}` : ''}`
      : v.type === 'date'
        ? `${v.date.comparator ? `${v.date.comparator} ` : ''}${v.date.value}`
        : '?';
  return `${c.subject} ${c.property} ${value}`;
};

describe('extractClaims', () => {
  it('reads OCR text: European separators, superscript footnotes, "Tbe"', () => {
    const text =
      'Tbe Japanese deployed 70.000 troops¹ in Siberia. By October 1918, Japanese troops numbered over 72,000 soldiers.²\n\n1. Harries 2001, p. 127.\n2. Gow 2004, p. 55.\n';
    const { claims, references } = run(text);
    expect(claims.map(brief)).toEqual([
      'japanese-expeditionary-force troop-strength exact 70000',
      'japanese-expeditionary-force troop-strength gt 72000',
    ]);
    expect(claims[0]!.citations).toEqual([{ kind: 'reference', ref: 1, marker: expect.objectContaining({ exact: '¹' }) }]);
    expect(claims[1]!.citations).toMatchObject([{ kind: 'reference', ref: 2 }]);
    expect(claims[1]!.scope).toMatchObject({ pointInTime: { value: '1918-10', comparator: 'by' } });
    expect(references.map((r) => r.number)).toEqual([1, 2]);
  });

  it('never reads a footnote number as a quantity', () => {
    const { claims } = run('The Japanese deployed 70,000 troops. [4] [5]\n\n  4. Harries 2001, p. 127.\n  5. Gow 2004, p. 55.\n');
    expect(claims.map(brief)).toEqual(['japanese-expeditionary-force troop-strength exact 70000']);
    expect(claims[0]!.citations.map((c) => (c.kind === 'reference' ? c.ref : 0))).toEqual([4, 5]);
  });

  it('states a sum as one claim with its parts', () => {
    const { claims } = run('The Japanese suffered 1,399 killed and another 1,717 deaths from disease. [4]');
    expect(claims).toHaveLength(1);
    expect(claims[0]!.value).toEqual({
      type: 'quantity',
      comparator: 'exact',
      amount: 3116,
      unit: 'dead',
      parts: [
        { amount: 1399, label: 'killed' },
        { amount: 1717, label: 'deaths from disease' },
      ],
    });
    expect(claims[0]!.property).toBe('deaths');
    expect(claims[0]!.wording).toBe('1,399 killed and another 1,717 deaths from disease');
  });

  it('reads date properties, other date orders, years from context and relative clauses', () => {
    const text =
      'The Japanese left Vladivostok on 25 October 1922. In February 1920 Lenin spoke. The Far Eastern Republic (FER), which was established on April 6, grew.';
    // "Lenin spoke" has no vocabulary property: its date is kept under a property proposed from the verb.
    expect(run(text).claims.map(brief)).toEqual([
      'japanese-expeditionary-force withdrawal-date 1922-10-25',
      'lenin date-spoke 1920-02',
      'far-eastern-republic founding-date 1920-04-06',
    ]);
    expect(run(text).proposedProperties).toMatchObject([{ id: 'date-spoke', label: 'date spoke', valueType: 'date', status: 'proposed' }]);
    expect(run(text).claims[0]!.scope).toEqual({ place: 'vladivostok' });
  });

  it('reads ranges as a start and an end, and "by" as a comparator', () => {
    const text = 'The Japanese Siberian Intervention of 1918–1922 was long. The Japanese withdraw by May 15, 1925.';
    expect(run(text).claims.map(brief)).toEqual([
      'japanese-intervention-in-siberia end-date 1922',
      'japanese-intervention-in-siberia start-date 1918',
      'japanese-expeditionary-force withdrawal-date by 1925-05-15',
    ]);
  });

  it('works on a subject it has never seen: a railway strike with its own vocabulary', () => {
    const text =
      'The Great Railroad Strike began on July 14, 1877 in Martinsburg, after the Baltimore and Ohio cut wages by 10 percent. Within days, more than 100,000 workers walked out. The strike ended on 4 August 1877, when President Rutherford Hayes sent the militia.';
    const result = run(text, strike, 0.5);
    expect(result.claims.map(brief)).toEqual([
      'great-railroad-strike start-date 1877-07-14',
      'baltimore-and-ohio wage-cut exact 10',
      'great-railroad-strike workers-on-strike gt 100000',
      'great-railroad-strike end-date 1877-08-04',
    ]);
    expect(result.proposedEntities.map((e) => [e.label, e.type, e.status])).toEqual([['Rutherford Hayes', 'person', 'proposed']]);
  });

  it('produces schema-valid claims with exact quotes and stable ids', () => {
    const text =
      'By October 1918, Japanese troops numbered over 72,000 soldiers (by way of comparison, others numbered just 9,000 soldiers). The Japanese saved more than 900 orphans. Expenses were in excess of ¥900 million.[ citation needed ]';
    const first = run(text);
    expect(first.claims.length).toBeGreaterThanOrEqual(3);
    for (const claim of first.claims) {
      expect(check('claim.schema.json', claim)).toEqual([]);
      expect(text.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.exact);
      expect(claim).toMatchObject({ status: 'extracted', version: 1, source: 'src' });
      expect(claim.confidence).toBeGreaterThanOrEqual(0);
      expect(claim.confidence).toBeLessThanOrEqual(1);
    }
    expect(first.claims.map((c) => c.id)).toEqual(first.claims.map((_, i) => `src-x${i + 1}`));
    expect(run(text).claims).toEqual(first.claims);
    expect(first.claims.find((c) => c.property === 'cost')!.citations).toMatchObject([{ kind: 'citation-needed' }]);
  });

  it('reports progress and filters by confidence', () => {
    const text = 'The Japanese deployed 70,000 troops. '.repeat(5000);
    const calls: [number, number][] = [];
    const all = extractClaims(text, { sourceId: 'src', ...siberia }, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([text.length, text.length]);
    expect(calls.every(([done], i) => i === 0 || done >= calls[i - 1]![0])).toBe(true);
    expect(all.claims).toHaveLength(5000);
    expect(run('The Japanese deployed 70,000 troops.', siberia, 1.01).claims).toEqual([]);
  });

  it('extracts with no vocabulary at all, under proposed properties, and handles empty text', () => {
    const bare = run('General Smith deployed 70,000 troops.', { entities: [], properties: [] });
    expect(bare.warnings).toEqual([]);
    expect(bare.claims.map((c) => [c.property, c.value])).toEqual([
      ['troops-deployed', { type: 'quantity', comparator: 'exact', amount: 70000, unit: 'troops' }],
    ]);
    expect(bare.proposedProperties).toMatchObject([
      { id: 'troops-deployed', label: 'troops deployed', unit: 'troops', status: 'proposed' },
    ]);
    expect(bare.claims[0]!.subject).toBe('smith');
    expect(run('')).toMatchObject({ claims: [], proposedEntities: [], references: [] });
  });
});

describe('subjects of the kinds a property declares (subjectTypes)', () => {
  const kinds: Record<string, Entity['type'][]> = {
    'troop-strength': ['armed-force'],
    'children-rescued': ['state', 'organisation'],
    cost: ['event'],
    'withdrawal-date': ['armed-force'],
    'founding-date': ['state'],
  };
  const declared = {
    entities: siberia.entities.map((e) =>
      e.id === 'japan'
        ? { ...e, aliases: [...e.aliases, { name: 'Japanese government' }] }
        : e.id === 'japanese-intervention-in-siberia'
          ? { ...e, aliases: [...e.aliases, { name: 'Japanese intervention' }] }
          : e,
    ),
    properties: siberia.properties.map((p) => (kinds[p.id] ? { ...p, subjectTypes: kinds[p.id] } : p)),
  };

  it("reads a people's name as the state, force or undertaking its adjective names, by what the property is about", () => {
    const text =
      'The Japanese deployed 70,000 troops. At the same time, the Japanese saved more than 900 orphans. The Japanese spent 900 million yen.';
    expect(run(text, declared, 0.5).claims.map(brief)).toEqual([
      'japanese-expeditionary-force troop-strength exact 70000',
      'japan children-rescued gt 900',
      'japanese-intervention-in-siberia cost exact 900000000',
    ]);
    // A property that declares nothing keeps the name's own entity.
    expect(run(text, siberia, 0.5).claims.map(brief)).toContain('japanese-expeditionary-force children-rescued gt 900');
  });

  it("reads a state as its armed force for a force's property, and prefers a subject of a declared kind", () => {
    expect(run('Japan would withdraw by October 25, 1922.', declared, 0.5).claims.map(brief)).toEqual([
      'japanese-expeditionary-force withdrawal-date by 1922-10-25',
    ]);
    // The sentence's subject is a person, but only a state can be founded here.
    const founded = 'Semyonov founded the Far Eastern Republic on April 6, 1920.';
    expect(run(founded, siberia, 0.5).claims.map(brief)).toEqual(['semyonov founding-date 1920-04-06']);
    expect(run(founded, declared, 0.5).claims.map(brief)).toEqual(['far-eastern-republic founding-date 1920-04-06']);
  });

  it('reads a stand-in only for the first kind a property declares', () => {
    const vocabulary = {
      ...declared,
      properties: declared.properties.map((p) =>
        p.id === 'start-date' || p.id === 'end-date' ? { ...p, subjectTypes: ['event' as const, 'armed-force' as const] } : p,
      ),
    };
    // Japan's part in a war is not its troops' start and end: no confident claim under those properties…
    const { claims, proposedProperties } = run('Japan fought in the war from 1914 to 1918.', vocabulary, 0.5);
    expect(claims.filter((c) => c.property === 'start-date' || c.property === 'end-date')).toEqual([]);
    // …but the dates are still offered for review, under properties named from the sentence's own words.
    expect(claims.map((c) => c.property).sort()).toEqual(proposedProperties.map((p) => p.id).sort());
    expect(proposedProperties.map((p) => p.label).sort()).toEqual(['date fought war (from)', 'date fought war (until)']);
  });
});

describe('subjects of fronted values', () => {
  it("gives a date that opens the sentence to the subject of the main clause's cue verb", () => {
    const text = 'On April 6, 1920, after long talks in Vladivostok with Semyonov, the Far Eastern Republic was established.';
    expect(run(text, siberia, 0.5).claims.map(brief)).toEqual(['far-eastern-republic founding-date 1920-04-06']);
  });
});
