// Records from a reference manager: BibTeX, RIS and CSL-JSON read with citation-js, put on the
// references they belong to, and saved with a new source so that a footnote resolves to the work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRecords, parseBibliography, recordOf } from '../../server/formats/bibliography.js';
import { DocumentRefused } from '../../server/formats/types.js';
import { copyGraphData, expectError, startApi, type RunningApi } from '../api/harness.js';

const BIBTEX = `@book{humphreys1996,
  author = {Humphreys, Leonard A.},
  title = {The Way of the Heavenly Sword: The Japanese Army in the 1920's},
  publisher = {Stanford University Press}, address = {Stanford}, year = {1996}, isbn = {0-8047-2375-3}
}
@article{dunscomb2006, author = {Dunscomb, Paul E.}, title = {A Great Disobedience Against the People},
  journal = {The Journal of Japanese Studies}, year = {2006}, volume = {32}, number = {1}, pages = {53--81}, doi = {10.1353/jjs.2006.0002}}`;

const RIS = `TY  - BOOK
AU  - Humphreys, Leonard A.
TI  - The Way of the Heavenly Sword
PY  - 1996
PB  - Stanford University Press
ER  - 
`;

const CSL = JSON.stringify([
  {
    id: 'x',
    type: 'report',
    title: 'Report on the Far East',
    author: [{ family: 'Officer', given: 'D.' }],
    issued: { 'date-parts': [[1919, 5]] },
    publisher: 'War Office',
  },
]);

describe('reading reference-manager exports', () => {
  it('reads BibTeX, RIS and CSL-JSON into the same record shape, with a printed citation', () => {
    const [book, article] = parseBibliography(BIBTEX).map(recordOf);
    expect(book).toMatchObject({
      type: 'book',
      authors: ['Humphreys, Leonard A.'],
      year: '1996',
      publisher: 'Stanford University Press',
      place: 'Stanford',
      isbn: '0-8047-2375-3',
    });
    expect(book!.citation).toMatch(/^Humphreys, L\. A\. \(1996\)\. The Way of the Heavenly Sword/);
    expect(article).toMatchObject({
      type: 'article-journal',
      container: 'The Journal of Japanese Studies',
      volume: '32',
      issue: '1',
      pages: '53-81',
      doi: '10.1353/jjs.2006.0002',
    });
    expect(parseBibliography(RIS).map(recordOf)[0]).toMatchObject({ type: 'book', authors: ['Humphreys, Leonard A.'], year: '1996' });
    expect(parseBibliography(CSL).map(recordOf)[0]).toMatchObject({ type: 'report', year: '1919', publisher: 'War Office' });
  });

  it('refuses what is not a bibliography, naming it', () => {
    expect(() => parseBibliography('just some words', 'reference list')).toThrow(DocumentRefused);
    expect(() => parseBibliography('[{"broken": ', 'record')).toThrow(/the record is not CSL-JSON, BibTeX or RIS/);
  });

  it('puts each record on every reference that cites it (surname and year), and lists the rest', () => {
    const records = parseBibliography(BIBTEX).map(recordOf);
    const { references, unmatched } = attachRecords(
      [
        { number: 8, text: 'Humphreys 1996, p. 26.' },
        { number: 9, text: 'Humphreys (1996), p. 30.' },
        { number: 10, text: 'Humphreys 2004, p. 1.' },
        { number: 11, text: 'Kennan 1958.' },
      ],
      records,
    );
    expect(references[0]!.record?.title).toMatch(/Heavenly Sword/);
    expect(references[1]!.record?.title).toMatch(/Heavenly Sword/);
    expect(references[2]!.record).toBeUndefined();
    expect(references[3]!.record).toBeUndefined();
    expect(unmatched).toEqual([expect.stringMatching(/^Dunscomb/)]);
  });

  it('gives a source with no reference list of its own the records as its list', () => {
    const { references } = attachRecords([], parseBibliography(BIBTEX).map(recordOf));
    expect(references.map((r) => r.number)).toEqual([1, 2]);
    expect(references[0]!.text).toMatch(/^Humphreys, L\. A\. \(1996\)/);
  });
});

describe('POST /api/sources with a bibliography', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi(await copyGraphData());
  });
  afterAll(() => api?.close());

  it("saves the source's record and its references' records, so a trace reaches the work", async () => {
    const text =
      'By October 1918, Japanese troops in the Russian Far East numbered over 72,000 soldiers.[1] The intervention ended in 1922.[2]\n\nReferences\n\n  1. Humphreys 1996, p. 26.\n  2. Kennan 1958, p. 3.\n';
    const reply = await api.send('POST', '/api/sources', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Notes on the Far East', publisher: 'Desk', text, bibliography: { record: CSL, references: BIBTEX } }),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.source.record).toMatchObject({ type: 'report', title: 'Report on the Far East' });
    expect(reply.body.source.references[0].record).toMatchObject({ authors: ['Humphreys, Leonard A.'], year: '1996' });
    expect(reply.body.source.references.map((r: { number: number; text: string }) => `${r.number} ${r.text}`)).toEqual([
      '1 Humphreys 1996, p. 26.',
      '2 Kennan 1958, p. 3.',
    ]);
    expect(reply.body.source.references[1].record).toBeUndefined();
    expect(reply.body.warnings.join(' ')).toMatch(/1 bibliography entry matches no reference of the text: Dunscomb/);
    const claim = reply.body.claims.find((c: { citations: { ref?: number }[] }) => c.citations.some((x) => x.ref === 1));
    const trace = await api.get(`/api/claims/${claim.id}/trace`);
    expect(trace.body.citations[0].reference.record.title).toMatch(/Heavenly Sword/);
  });

  it('refuses an unreadable bibliography with a 400 naming the field, storing nothing', async () => {
    const before = (await api.get('/api/sources')).body.count;
    const reply = await api.send('POST', '/api/sources', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'T',
        publisher: 'P',
        text: 'Some text with 5,000 men in 1919.',
        bibliography: { references: 'not a bibliography' },
      }),
    });
    expectError(reply, 400, '/bibliography/references');
    expect((await api.get('/api/sources')).body.count).toBe(before);
  });
});
