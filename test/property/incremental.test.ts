// After any sequence of writes (ingest, accept, reject, restore, edit, delete a source), the analysis
// kept up to date write by write (reanalyse: touched groups re-compared, touched sets re-judged with
// the trust as it stood, the graph patched) and then settled (trust re-learned in full, as the
// store does in the background) equals analyse() run from scratch on the same corpus. The graph is
// patched in place when first read (live-graph.ts): read after every write, as the store does when it
// installs one, or only at the end, when it is built whole. After each write, before trust settles, its
// comparisons and groups equal those of a reconciliation of the whole corpus.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, settleTrust, type Analysis } from '../../server/analysis/analyse.js';
import { generateCorpus } from '../../bench/lib/corpus.js';
import { applyWrite, expectSameAnalysis, expectSameReconciliation, type Write } from '../analysis/incremental-helpers.js';

const index = fc.nat({ max: 10_000 });
const shift = fc.integer({ min: -40, max: 40 });
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('ingest' as const), copies: fc.array(index, { minLength: 1, maxLength: 6 }), shift }),
  fc.record({ kind: fc.constantFrom('accept' as const, 'reject' as const, 'restore' as const), claim: index }),
  fc.record({ kind: fc.constant('edit' as const), claim: index, shift, moveTo: fc.option(index, { nil: undefined }) }),
  fc.record({ kind: fc.constant('delete-source' as const), source: index }),
);

describe('incremental analysis', () => {
  it('equals a full analysis after random writes, once trust has settled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(write, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (seed, writes, settleBetween, served) => {
          let analysis: Analysis = analyse(generateCorpus({ claims: 160, seed }));
          const serve = () => {
            if (served) expect(analysis.graph.order).toBeGreaterThan(0);
          };
          serve();
          for (const w of writes) {
            analysis = applyWrite(analysis, w);
            // Before trust settles: what the write re-ran from its indexes (groups by group, comparisons
            // by group and by claim, parts by total) equals reconciliation of the whole corpus.
            expectSameReconciliation(analysis);
            serve();
            // Trust settling between some writes and not others: both orders of events happen in the store.
            if (settleBetween) analysis = settleTrust(analysis);
            serve();
          }
          expectSameAnalysis(settleTrust(analysis), analyse(analysis.corpus));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
