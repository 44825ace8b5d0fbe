// The card's examples, found by the engine in the curated data, with the reasons a reader sees.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/analysis/analyse.js';
import { buildReport, type ReportItem } from '../../server/analysis/report.js';
import { loadStore } from '../../server/store/load.js';
import { runCli } from '../helpers/run-cli.js';

const { corpus } = await loadStore();
const report = buildReport(analyse(corpus));

const between = (items: ReportItem[], x: string, y: string) => items.find((i) => [i.a.id, i.b.id].sort().join() === [x, y].sort().join());

describe('the report on the bundled corpus', () => {
  it('finds 70,000 (total) vs over 72,000 by October 1918, with the reason', () => {
    const item = report.conflicts.find((i) => i.a.wording === 'over 72,000' && i.b.value.type === 'quantity' && i.b.value.amount === 70000);
    expect(item).toBeDefined();
    expect(item).toMatchObject({
      basis: 'bound',
      scope: 'between',
      a: { source: 'russia-beyond' },
      b: { source: 'wikipedia-japanese-intervention' },
    });
    expect(item!.reason).toBe(
      "70,000 (total) is below the lower bound of 'over 72,000' by October 1918 (−2.8 %): a total cannot be smaller than the count at one moment",
    );
  });

  it('finds up to 3,000 vs 1,399 + 1,717 = 3,116', () => {
    const item = report.conflicts.find(
      (i) => i.a.wording === 'up to 3,000' && i.b.value.type === 'quantity' && i.b.value.parts !== undefined,
    );
    expect(item!.reason).toBe("1,399 + 1,717 = 3,116 is above the upper bound of 'up to 3,000' (+3.9 %)");
  });

  it('marks the inside-one-source conflict some 5,000 vs 3,116', () => {
    const item = report.conflicts.find((i) => i.scope === 'within' && i.a.wording === 'some 5,000' && i.b.wording.startsWith('3,116'));
    expect(item!.reason).toBe("3,116 is below the lower bound of 'some 5,000' (−31 %)");
  });

  it('checks the Soviet casualty breakdown: 698 + 2,189 + 1,421 + 3,482 = 7,790, not 7,791', () => {
    const item = report.conflicts.find((i) => i.basis === 'arithmetic');
    expect(item).toMatchObject({ scope: 'within', subject: { id: 'red-army' } });
    expect(item!.parts).toHaveLength(4);
    expect(item!.reason).toBe('the parts do not add up: 698 + 2,189 + 1,421 + 3,482 = 7,790, not the stated total 7,791 (−1)');
  });

  it('agrees on October 25, 1922 vs October 25 1922', () => {
    const item = between(report.agreements, 'rb-withdrawal-vladivostok', 'wp-withdrawal-vladivostok');
    expect(item).toMatchObject({ basis: 'equal', reason: 'both give 25 October 1922' });
    expect([item!.a.wording, item!.b.wording].sort()).toEqual(['October 25 1922', 'October 25, 1922']);
  });

  it('agrees on "April 6" (1920) vs "April 1920" for the Far Eastern Republic', () => {
    const item = report.agreements.find(
      (i) =>
        i.property.id === 'founding-date' &&
        [i.a.id, i.b.id].includes('rb-fer-founding-date') &&
        i.reason === '6 April 1920 lies within April 1920',
    );
    expect(item).toBeDefined();
  });

  it('agrees that Japan supported Semyonov, spelled Semenov in Wikipedia', () => {
    const item = between(report.agreements, 'rb-japan-supported-semyonov', 'wp-japan-supported-semyonov');
    expect(item).toMatchObject({ basis: 'relation' });
    expect(item!.b.quote.exact + item!.a.quote.exact).toContain('Semenov');
  });

  it('carries the curated Kolchak conflict: supported vs strained relations', () => {
    const item = report.conflicts.find((i) => i.basis === 'curated' && [i.a.id, i.b.id].includes('rb-japan-strained-relations-kolchak'));
    expect(item).toMatchObject({ scope: 'between' });
  });

  it('traces the Wikipedia 70,000 to footnote [8], Humphreys 1996, p. 26', () => {
    const claim = corpus.claims.find((c) => c.quote.exact === 'The Japanese eventually deployed 70,000 troops')!;
    const item = report.conflicts.find((i) => i.b.id === claim.id || i.a.id === claim.id)!;
    const side = item.a.id === claim.id ? item.a : item.b;
    expect(side.citedAs).toEqual(['[8] Humphreys 1996, p.\u00a026.']);
  });

  it('npm run report -- --json prints both lists with full claims', () => {
    const run = runCli('report.ts', ['--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.conflicts.length).toBe(report.conflicts.length);
    expect(json.agreements.length).toBe(report.agreements.length);
    expect(json.conflicts[0]).toHaveProperty('a.quote.exact');
    expect(json.conflicts[0]).toHaveProperty('b.source');
  });
});
