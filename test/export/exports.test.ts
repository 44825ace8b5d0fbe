// Every export read back with its format's own rules: CSV with csv-parse (RFC 4180), GEXF with
// graphology-gexf's parser, Web Annotation positions recounted in code points, QuickStatements
// line by line. On the bundled corpus where it says something, on small hand-made corpora where
// the bundled data has nothing to test (astral characters, Wikidata ids, formulas).
import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import type { GraphConstructor } from 'graphology-types';
import gexf from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../server/analysis/analyse.js';
import { anchorQuote } from '../../server/core/anchor.js';
import { buildReport } from '../../server/analysis/report.js';
import type { Claim, Corpus } from '../../server/core/model.js';
import { exportAnalysis } from '../../server/export/index.js';
import { neutraliseCell } from '../../server/export/csv.js';
import { CodePointIndex } from '../../server/export/web-annotation.js';
import { KIND_COLOR } from '../../server/export/palette.js';
import { KIND_COLOR as CLIENT_KIND_COLOR } from '../../client/src/graph-view/style.js';
import { loadStore } from '../../server/store/load.js';

let bundled: Analysis;
beforeAll(async () => {
  const { corpus } = await loadStore();
  bundled = analyse(corpus);
});

const rows = (csv: string): Record<string, string>[] =>
  parseCsv(csv, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];

describe('CSV', () => {
  it('claims: one row per claim, UTF-8 with a BOM and CRLF, quotes byte-identical to the source text', () => {
    const csv = exportAnalysis(bundled, { format: 'claims-csv' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const table = rows(csv);
    expect(table).toHaveLength(bundled.corpus.claims.length);
    for (const row of table) {
      const claim = bundled.index.claim.get(row.claim!)!;
      const text = bundled.corpus.texts.get(claim.source)!;
      // A quote that starts like a formula is neutralised with a leading apostrophe: undo it to compare.
      const quote = row.quote!.startsWith("'") && /^[=+\-@]/.test(row.quote!.slice(1)) ? row.quote!.slice(1) : row.quote!;
      expect(quote).toBe(text.slice(Number(row['quote start']), Number(row['quote end'])));
    }
    const japanese = table.find((r) => r.claim === 'wp-japanese-troops-deployed-total');
    expect(japanese?.['cited as']).toContain('[8]');
  });

  it('comparisons: every contradiction and agreement of the report, both sides and the reason', () => {
    const table = rows(exportAnalysis(bundled, { format: 'comparisons-csv' }));
    const report = buildReport(bundled);
    expect(table).toHaveLength(report.conflicts.length + report.agreements.length);
    const verdicts = table.map((r) => r.verdict);
    expect(verdicts.filter((v) => v === 'conflicts')).toHaveLength(report.conflicts.length);
    for (const row of table) {
      expect(row.reason!.length).toBeGreaterThan(0);
      expect(row['a quote']!.length).toBeGreaterThan(0);
      expect(row['b quote']!.length).toBeGreaterThan(0);
    }
  });

  it('neutralises cells a spreadsheet would run as formulas, and leaves plain numbers alone', () => {
    expect(neutraliseCell('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(neutraliseCell('+1+2')).toBe("'+1+2");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('-2+3')).toBe("'-2+3");
    expect(neutraliseCell('\t=1')).toBe("'\t=1");
    expect(neutraliseCell('-2.8')).toBe('-2.8');
    expect(neutraliseCell('over 72,000')).toBe('over 72,000');
  });

  it('a planted formula in a wording survives the round trip as text', () => {
    const { corpus } = hand('Troops: =1+1 soldiers, said the clerk.', [{ exact: '=1+1 soldiers', wording: '=1+1', amount: 2 }]);
    const table = rows(exportAnalysis(analyse(corpus), { format: 'claims-csv' }));
    expect(table[0]!.wording).toBe("'=1+1");
    expect(table[0]!.quote).toBe("'=1+1 soldiers");
  });
});

describe('GEXF', () => {
  it('parses back with graphology-gexf: same nodes and edges, kinds, colours, sizes and positions', () => {
    const text = exportAnalysis(bundled, { format: 'gexf' });
    expect(text).toContain('version="1.3"');
    const back = gexf.parse(Graph as unknown as GraphConstructor, text, { allowUndeclaredAttributes: false });
    expect(back.order).toBe(bundled.graph.order);
    expect(back.size).toBe(bundled.graph.size);
    bundled.graph.forEachNode((key, attributes) => {
      const read = back.getNodeAttributes(key);
      expect(read.kind).toBe(attributes.kind);
      expect(read.label).toBe(attributes.label);
      // Entities and citations in their kind's colour; sources and their claims in the source's colour.
      if (attributes.kind === 'entity' || attributes.kind === 'citation') expect(read.color).toBe(KIND_COLOR[attributes.kind]);
      if (attributes.kind === 'claim') expect(read.color).toBe(back.getNodeAttribute(`source:${String(attributes.source)}`, 'color'));
      expect(read.size).toBeGreaterThan(0);
      expect(read.x).toBeCloseTo(attributes.x, 3);
    });
    const sourceColours = back.filterNodes((_k, a) => a.kind === 'source').map((k) => back.getNodeAttribute(k, 'color'));
    expect(new Set(sourceColours).size).toBe(sourceColours.length);
    const kinds = new Map<string, number>();
    back.forEachEdge((_e, a) => kinds.set(String(a.kind), (kinds.get(String(a.kind)) ?? 0) + 1));
    expect(kinds.get('conflicts')).toBe(bundled.graph.filterEdges((_e, a) => a.kind === 'conflicts').length);
    // Parallel edges (a claim that both cites and is about the same node) survive as a multigraph.
    expect(back.multi || back.size === new Set(back.mapEdges((_e, _a, s, t) => `${s}>${t}`)).size).toBe(true);
  });

  it('a view exports only its part of the graph', () => {
    const text = exportAnalysis(bundled, { format: 'gexf', view: { kind: 'conflicts', limit: 40 } });
    const back = gexf.parse(Graph as unknown as GraphConstructor, text);
    expect(back.order).toBeLessThanOrEqual(40);
    expect(back.order).toBeGreaterThan(0);
  });

  it("uses the explorer's palette", () => {
    expect(KIND_COLOR).toEqual(CLIENT_KIND_COLOR);
  });
});

describe('Web Annotation', () => {
  it('converts UTF-16 offsets to code points', () => {
    const text = 'a😀b𝔘c';
    const index = new CodePointIndex(text);
    expect(index.toCodePoints(0)).toBe(0);
    expect(index.toCodePoints(1)).toBe(1);
    expect(index.toCodePoints(3)).toBe(2); // after the emoji (2 units, 1 code point)
    expect(index.toCodePoints(text.length)).toBe(Array.from(text).length);
  });

  it("positions in code points select the same quote as the store's UTF-16 offsets, past astral characters", () => {
    const text = 'Notes 😀😀 on 𝔘: the garrison numbered 4,000 men in 1919.';
    const { corpus } = hand(text, [{ exact: '4,000 men', wording: '4,000', amount: 4000 }]);
    const collection = JSON.parse(exportAnalysis(analyse(corpus), { format: 'annotations', base: 'http://example.test' }));
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const annotation = collection.first.items[0];
    const [quoteSelector, position] = annotation.target.selector;
    expect(quoteSelector.type).toBe('TextQuoteSelector');
    expect(position.type).toBe('TextPositionSelector');
    const points = Array.from(text);
    expect(points.slice(position.start, position.end).join('')).toBe('4,000 men');
    expect(quoteSelector.exact).toBe('4,000 men');
    expect(position.start).toBe(text.indexOf('4,000') - 3);
    expect(annotation.body[0].value).toContain('4,000');
  });

  it('covers every claim of the bundled corpus with both selectors', () => {
    const collection = JSON.parse(exportAnalysis(bundled, { format: 'annotations' }));
    expect(collection.total).toBe(bundled.corpus.claims.length);
    for (const item of collection.first.items) {
      expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    }
  });
});

describe('QuickStatements', () => {
  it('writes exact figures and dates with their qualifiers and reference, and a comment for what Wikidata cannot say', () => {
    const text = 'The garrison numbered 4,000 men in October 1919. Later it numbered over 5,000 men. It was founded on 3 May 1901.';
    const { corpus } = hand(text, [
      { exact: 'numbered 4,000 men in October 1919', wording: '4,000', amount: 4000, pointInTime: '1919-10' },
      { exact: 'numbered over 5,000 men', wording: 'over 5,000', amount: 5000, comparator: 'gt' },
    ]);
    corpus.claims.push({
      id: 'c-founded',
      source: 'doc',
      subject: 'garrison',
      property: 'founding-date',
      value: { type: 'date', date: { value: '1901-05-03', precision: 'day' } },
      wording: '3 May 1901',
      quote: anchorQuote(text, 'founded on 3 May 1901')!,
      citations: [],
      status: 'reviewed',
      version: 1,
    });
    corpus.entities[0]!.wikidata = 'Q100';
    corpus.properties[0]!.wikidata = 'P1114';
    corpus.properties[1]!.wikidata = 'P571';
    corpus.sources[0]!.wikidata = 'Q200';
    const lines = exportAnalysis(analyse(corpus), { format: 'quickstatements' }).trimEnd().split('\n');
    expect(lines[0]!.split('\t')).toEqual([
      'Q100',
      'P1114',
      '+4000',
      'P585',
      '+1919-10-00T00:00:00Z/10',
      'S248',
      'Q200',
      'S854',
      '"https://example.test/doc"',
      'S1683',
      'en:"numbered 4,000 men in October 1919"',
    ]);
    expect(lines[1]).toMatch(/^# c1: not exported, "over 5,000" is not an exact figure \(gt\)/);
    expect(lines[2]!.split('\t').slice(0, 3)).toEqual(['Q100', 'P571', '+1901-05-03T00:00:00Z/11']);
  });

  it('leaves out unreviewed claims and says how many reviewed ones have no mapping', () => {
    const { corpus } = hand('It numbered 4,000 men.', [{ exact: '4,000 men', wording: '4,000', amount: 4000 }]);
    corpus.claims[0]!.status = 'extracted';
    expect(exportAnalysis(analyse(corpus), { format: 'quickstatements' })).toBe('');
    corpus.claims[0]!.status = 'reviewed';
    expect(exportAnalysis(analyse(corpus), { format: 'quickstatements' })).toBe(
      '# 1 reviewed claim(s) left out: their subject or property has no Wikidata id\n',
    );
  });
});

interface HandClaim {
  exact: string;
  wording: string;
  amount: number;
  comparator?: 'exact' | 'gt';
  pointInTime?: string;
}

/** A one-source corpus with troop-strength claims quoted from `text`. */
function hand(text: string, claims: HandClaim[]): { corpus: Corpus } {
  const corpus: Corpus = {
    sources: [
      {
        id: 'doc',
        title: 'A document',
        publisher: 'Press',
        kind: 'book',
        url: 'https://example.test/doc',
        text: { file: 'doc.txt', sha256: '0'.repeat(64), length: text.length },
        references: [],
      },
    ],
    texts: new Map([['doc', text]]),
    entities: [{ id: 'garrison', type: 'armed-force', label: 'The garrison', aliases: [{ name: 'garrison' }] }],
    properties: [
      { id: 'troop-strength', label: 'troop strength', valueType: 'quantity', unit: 'soldiers', functional: true },
      { id: 'founding-date', label: 'founding date', valueType: 'date', functional: true },
    ],
    claims: claims.map((c, i): Claim => ({
      id: `c${i}`,
      source: 'doc',
      subject: 'garrison',
      property: 'troop-strength',
      value: { type: 'quantity', comparator: c.comparator ?? 'exact', amount: c.amount, unit: 'count' },
      wording: c.wording,
      ...(c.pointInTime ? { scope: { pointInTime: { value: c.pointInTime, precision: 'month' as const } } } : {}),
      quote: anchorQuote(text, c.exact)!,
      citations: [],
      status: 'reviewed',
      version: 1,
    })),
    judgements: [],
  };
  return { corpus };
}
