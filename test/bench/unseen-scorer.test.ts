// The unseen-text scorer: its metrics on hand-made candidates for a tiny synthetic text (every rule of
// bench/unseen/README.md exercised once), and the command end to end on that text with the real
// extractor. Not timed: the throughput loop is cut to a few rounds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnnotatedItem, Annotation } from '../../bench/unseen/data.js';
import { keywordInName, normaliseName, scoreText, wilson } from '../../bench/unseen/score.js';
import type { Claim, Entity, Property } from '../../server/core/schema-types.js';
import { extractClaims } from '../../server/extract/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEXT =
  'The Foo Harbour Company employed about 3,000 dockers in 1901. On 4 June 1902 the company dismissed 250 men. Zorblat Quux wrote about it.';
const span = (quote: string) => ({ quote, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
const company = { name: 'Foo Harbour Company', aliases: ['the company'], entityIds: [] };
const ITEMS: AnnotatedItem[] = [
  {
    id: 'a',
    ...span('about 3,000'),
    value: { type: 'quantity', comparator: 'approx', amount: 3000, unit: 'dockers' },
    subject: company,
    property: { name: 'dockers employed', keywords: ['docker', 'employ'], propertyIds: [] },
    role: 'stated',
  },
  {
    id: 'b',
    ...span('4 June 1902'),
    value: { type: 'date', value: '1902-06-04', precision: 'day' },
    subject: company,
    property: { name: 'dismissal date', keywords: ['dismiss'], propertyIds: ['event-date'] },
    role: 'stated',
  },
  {
    id: 'c',
    ...span('250 men'),
    value: { type: 'quantity', comparator: 'exact', amount: 250, unit: 'men' },
    subject: company,
    property: { name: 'men dismissed', keywords: ['dismiss'], propertyIds: [] },
    role: 'stated',
  },
];
const NAMES = [{ name: 'Foo Harbour Company', aliases: ['Foo Harbour'] }];
const SENTENCES = TEXT.split(/(?<=\.) /).map((exact) => ({ exact, start: TEXT.indexOf(exact), end: TEXT.indexOf(exact) + exact.length }));

function claim(n: number, sentence: number, wording: string, value: Claim['value'], subject: string, property: string): Claim {
  return {
    id: `t-x${n}`,
    source: 't',
    subject,
    property,
    value,
    wording,
    quote: SENTENCES[sentence]!,
    citations: [],
    status: 'extracted',
    confidence: 0.8,
  };
}
const entity = (id: string, label: string): Entity => ({ id, type: 'other', label, status: 'proposed', aliases: [{ name: label }] });
const property = (id: string, label: string) => ({ id, label, valueType: 'quantity' }) as unknown as Property;

describe('scoreText', () => {
  const about3000 = { type: 'quantity', comparator: 'approx', amount: 3000, unit: 'dockers' } as const;
  const score = scoreText({
    text: TEXT,
    items: ITEMS,
    names: NAMES,
    claims: [
      claim(1, 0, 'about 3,000', about3000, 'foo-harbour-company', 'dockers-employed'), // right value, subject (proposed label), property (proposed name)
      claim(2, 1, '4 June 1902', { type: 'date', date: { value: '1902-06-04', precision: 'day' } }, 'zorblat-quux', 'event-date'), // wrong subject, mapped property accepted
      claim(3, 1, '250 men', { type: 'quantity', comparator: 'exact', amount: 250, unit: 'men' }, 'foo-harbour-company', 'troop-strength'), // mapped property not accepted
      claim(4, 0, '1901', { type: 'quantity', comparator: 'exact', amount: 1901, unit: '' }, 'foo-harbour-company', 'cost'), // a year read as a figure: matches nothing
      claim(5, 0, 'about 3,000', about3000, 'foo-harbour-company', 'cost'), // the same item again: precise, but not one to one
      claim(6, 1, 'about 3,000', about3000, 'foo-harbour-company', 'dockers-employed'), // right value, wrong place: its quote does not hold it
      { ...claim(7, 2, 'wrote', { type: 'text', text: 'wrote about it' }, 'zorblat-quux', 'aim') }, // not a figure or a date
    ],
    proposedEntities: [
      entity('foo-harbour-company', 'Foo Harbour Company'),
      entity('zorblat-quux', 'Zorblat Quux'),
      entity('company', 'the company'),
    ],
    proposedProperties: [{ id: 'dockers-employed', label: 'dockers employed' }],
    vocabulary: {
      entities: [],
      properties: [property('event-date', 'event date'), property('troop-strength', 'troop strength'), property('cost', 'cost')],
    },
  });

  it('counts values found, with the right subject, with the right property', () => {
    expect([score.items, score.valueFound, score.valueAndSubject, score.propertyRight]).toEqual([3, 3, 2, 2]);
    expect(score.results.map((r) => [r.item.id, r.claim?.id, r.subjectRight, r.propertyRight])).toEqual([
      ['a', 't-x1', true, true],
      ['b', 't-x2', false, true],
      ['c', 't-x3', true, false],
    ]);
  });

  it('counts precision over figure and date candidates, many to one and one to one', () => {
    expect([score.candidates, score.candidatesMatching, score.candidatesAssigned, score.otherCandidates]).toEqual([6, 4, 3, 1]);
    expect(score.unmatchedCandidates.map((c) => c.id)).toEqual(['t-x4', 't-x6']);
  });

  it('counts a proposed entity that is neither a listed proper name nor an annotated subject as junk', () => {
    // "the company" is no proper name, but it is what the items are about (an alias of their subject).
    expect([score.proposedEntities, score.junkEntities, score.notProperNames, score.junk.map((e) => e.label)]).toEqual([
      3,
      1,
      2,
      ['Zorblat Quux'],
    ]);
  });
});

describe('name rules and intervals', () => {
  it('normalises names and matches keywords word by word as prefixes', () => {
    expect(normaliseName('The  Ōtani–Kikuzō ')).toBe('otani kikuzo');
    expect(keywordInName('kill', 'people killed')).toBe(true);
    expect(keywordInName('troops land', 'troops landed at port')).toBe(true);
    expect(keywordInName('land', 'island')).toBe(false);
  });

  it('gives the Wilson interval', () => {
    const w = wilson(8, 10);
    expect([w.p, +w.lo.toFixed(3), +w.hi.toFixed(3)]).toEqual([0.8, 0.49, 0.943]);
    expect(Number.isNaN(wilson(0, 0).p)).toBe(true);
  });
});

describe('bench/unseen.ts end to end', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'unseen-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'texts'));
  mkdirSync(path.join(dir, 'annotations'));
  writeFileSync(path.join(dir, 'texts/synthetic.txt'), TEXT);
  const annotation: Annotation = { text: 'texts/synthetic.txt', items: ITEMS, entities: NAMES };
  writeFileSync(path.join(dir, 'annotations/synthetic.json'), JSON.stringify(annotation));
  const source = {
    id: 'synthetic',
    title: 'Synthetic',
    publisher: 'this test',
    genre: 'test',
    subject: 'other',
    origin: { url: 'https://example.org/synthetic' },
    licence: 'CC0',
    excerpt: 'whole',
    retrieved: '2026-01-01',
    bytes: Buffer.byteLength(TEXT),
    sha256: createHash('sha256').update(TEXT).digest('hex'),
  };
  writeFileSync(path.join(dir, 'sources.json'), JSON.stringify({ sources: [source] }));
  const results = path.join(dir, 'unseen.md');
  const run = () =>
    execFileSync('npx', ['tsx', 'bench/unseen.ts', '--data', dir, '--results', results, '--seconds', '0.05', '--commit', 'test-commit'], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('scores the real extractor on the text and writes the same figures the scorer computes, keeping earlier runs', async () => {
    const out = run();
    const vocabulary = {
      entities: JSON.parse(readFileSync(path.join(ROOT, 'graph-data/entities.json'), 'utf8')) as Entity[],
      properties: JSON.parse(readFileSync(path.join(ROOT, 'graph-data/properties.json'), 'utf8')) as Property[],
    };
    const result = extractClaims(TEXT, { sourceId: 'unseen-synthetic', ...vocabulary });
    const expected = scoreText({
      text: TEXT,
      items: ITEMS,
      names: NAMES,
      claims: result.claims,
      proposedEntities: result.proposedEntities,
      vocabulary,
    });
    expect(out).toContain(`(${expected.valueFound}/3)`);
    expect(out).toContain(`(${expected.valueAndSubject}/3)`);
    expect(out).toContain(`(${expected.junkEntities}/${expected.proposedEntities})`);
    const report = readFileSync(results, 'utf8');
    expect(report).toContain(`| synthetic | 3 | ${expected.valueFound} (`);
    expect(report).toContain('Extractor and vocabulary at commit `test-commit`');
    // a folder other than bench/unseen is named in the title and in each run
    expect(report).toContain(`# Unseen-text benchmark on \`${dir}/\``);
    expect(report).toContain(`1 texts from \`${dir}/\``);
    run();
    const twice = readFileSync(results, 'utf8');
    expect(twice.match(/<!-- run:start -->/g)).toHaveLength(2);
    expect(twice.match(/^\| \d{4}-\d\d-\d\dT.* \| test-commit \|/gm)).toHaveLength(2);
  });
});
