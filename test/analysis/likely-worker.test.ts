// A write's likely values judged in the worker thread (likely-worker.ts) are the ones the event loop
// would judge: the same verdicts, sets and likely claims, and reanalysing in turns with them gives
// the analysis reanalyse() gives.
import { afterAll, describe, expect, it } from 'vitest';
import { analyse, reanalyse, reanalyseInTurns } from '../../server/analysis/analyse.js';
import { judgeGroups } from '../../server/analysis/likely.js';
import { judgeOffLoop, LikelyWorker, OFF_LOOP_CLAIMS } from '../../server/analysis/likely-worker.js';
import { LIKELY_PART } from '../../server/analysis/likely-messages.js';
import { groupKey } from '../../server/core/grouping.js';
import type { Claim, Source } from '../../server/core/schema-types.js';
import { generateCorpus } from '../../bench/lib/corpus.js';

const base = analyse(generateCorpus({ claims: 300, seed: 11 }));
// One paste of many figures of one subject: enough claims to be judged off the event loop.
const template = base.corpus.claims.find((c) => c.value.type === 'quantity' && !c.value.parts && !c.partOf)!;
const pasted: Source = { ...base.corpus.sources[0]!, id: 'pasted', title: 'Pasted', references: [] };
const figures: Claim[] = [];
for (let n = 0; n < OFF_LOOP_CLAIMS + 500; n++) {
  const value = template.value as Extract<Claim['value'], { type: 'quantity' }>;
  // A few figures stated again, so that sets have agreeing claims, likely values and close values; the
  // rest distinct, more than a message of alternatives holds.
  figures.push({
    ...template,
    id: `pasted-${n + 1}`,
    source: n % 7 === 0 ? template.source : 'pasted',
    value: { ...value, amount: n % 10 === 0 ? 1000 + (n % 50) : 1000 + n },
    status: 'extracted',
    citations: [],
  });
}
const corpus = {
  ...base.corpus,
  sources: [...base.corpus.sources, pasted],
  texts: new Map(base.corpus.texts).set('pasted', base.corpus.texts.get(base.corpus.sources[0]!.id) ?? ''),
  claims: [...base.corpus.claims, ...figures],
};
const changed = figures.map((after) => ({ after }));

const worker = new LikelyWorker();
afterAll(() => worker.close());

describe('likely values judged in the worker', () => {
  it('are the verdicts, sets and likely claims judged on the event loop', async () => {
    const whole = reanalyse(base, corpus, changed);
    const affected = new Set([groupKey(template)]);
    const trust = (s: string) => base.likely.trust.get(s)?.score;
    const here = judgeGroups(whole.groups, affected, whole.index, base.likely.reviewer, trust);
    const there = await worker.judge(whole.groups, affected, whole.index, base.likely);
    expect(here.byGroup.get(groupKey(template))?.[0]?.alternatives.length).toBeGreaterThan(LIKELY_PART);
    expect([...there.byGroup]).toEqual([...here.byGroup]);
    expect([...there.setOf]).toEqual([...here.setOf]);
    expect([...there.likelyClaims].sort()).toEqual([...here.likelyClaims].sort());
  });

  it('give the analysis reanalyse() gives, reanalysed in turns', async () => {
    const inTurns = await reanalyseInTurns(base, corpus, changed, ({ groups, affected, index }, likely) =>
      judgeOffLoop(groups, affected, index, likely),
    );
    const whole = reanalyse(base, corpus, changed);
    expect(inTurns.comparisons.map((c) => c.id)).toEqual(whole.comparisons.map((c) => c.id));
    expect([...inTurns.groups]).toEqual([...whole.groups]);
    expect([...inTurns.likely.byGroup]).toEqual([...whole.likely.byGroup]);
    expect([...inTurns.likely.setOf]).toEqual([...whole.likely.setOf]);
    expect([...inTurns.likely.likelyClaims].sort()).toEqual([...whole.likely.likelyClaims].sort());
  });
});
