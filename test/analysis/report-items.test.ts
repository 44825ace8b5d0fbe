// The report's items after a write reuse the labelled items of the comparisons the write kept
// (server/analysis/report.ts reportItems): the list equals the one made afresh from the same corpus.
import { describe, expect, it } from 'vitest';
import { analyse, reanalyse } from '../../server/analysis/analyse.js';
import { reportItems } from '../../server/analysis/report.js';
import { generateCorpus } from '../../bench/lib/corpus.js';

describe('report items after a write', () => {
  it('equal the items made afresh, for an accepted claim and a claim moved to another subject', () => {
    const corpus = generateCorpus({ claims: 3000, seed: 4 });
    const a = analyse(corpus);
    for (const verdict of ['conflicts', 'agrees'] as const) reportItems(a, verdict);
    const i = corpus.claims.findIndex((c) => c.status === 'extracted');
    const j = corpus.claims.findIndex((c, k) => k > i + 50 && c.subject !== corpus.claims[i]!.subject);
    const accepted = { ...corpus.claims[i]!, status: 'reviewed' as const };
    const moved = { ...corpus.claims[j]!, subject: corpus.claims[i]!.subject };
    const claims = corpus.claims.slice();
    claims[i] = accepted;
    claims[j] = moved;
    const next = { ...corpus, claims };
    const b = reanalyse(a, next, [
      { before: corpus.claims[i]!, after: accepted },
      { before: corpus.claims[j]!, after: moved },
    ]);
    const fresh = analyse(next);
    for (const verdict of ['conflicts', 'agrees'] as const) {
      const items = reportItems(b, verdict);
      expect(items.length).toBeGreaterThan(10);
      expect(items).toEqual(reportItems(fresh, verdict));
    }
  });
});
