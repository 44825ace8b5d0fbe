// A write re-judges only the sets it touched, with source trust as it stood, marks the analysis as
// updating, and patches a copy of the graph; settling trust afterwards gives analyse()'s result.
import { describe, expect, it } from 'vitest';
import { analyse, reanalyse, settleTrust } from '../../server/analysis/analyse.js';
import { TRUST_UPDATING } from '../../server/analysis/graph-patch.js';
import { groupKey } from '../../server/core/grouping.js';
import { loadStore } from '../../server/store/load.js';
import { patchClaim } from '../../server/store/mutations.js';
import { Repository } from '../../server/store/repository.js';
import { listSources } from '../../server/api/views/sources.js';
import { generateCorpus } from '../../bench/lib/corpus.js';
import { miniStore } from '../helpers/mini-store.js';
import { applyWrite, expectSameAnalysis, graphContent } from './incremental-helpers.js';

describe('a write re-judges the sets it touched', () => {
  const base = analyse(generateCorpus({ claims: 400, seed: 7 }));
  const edited = base.corpus.claims.find(
    (c) => c.value.type === 'quantity' && !c.value.parts && (base.groups.get(groupKey(c))?.length ?? 0) >= 3,
  )!;
  const at = base.corpus.claims.indexOf(edited);
  const next = applyWrite(base, { kind: 'edit', claim: at, shift: 30 });

  it('keeps every other group verdict as it was and scores the touched one with the trust before the write', () => {
    const touched = groupKey(edited);
    expect(next.trust).toBe('updating');
    expect(next.likely.trust).toBe(base.likely.trust);
    for (const [group, verdicts] of base.likely.byGroup) if (group !== touched) expect(next.likely.byGroup.get(group)).toBe(verdicts);
    const rejudged = next.likely.byGroup.get(touched)!;
    expect(rejudged).not.toBe(base.likely.byGroup.get(touched));
    for (const verdict of rejudged) for (const s of verdict.sources) expect(s.trust).toBe(base.likely.trust.get(s.source)!.score);
  });

  it('patches a copy of the graph, marked as updating, leaving the served one untouched', () => {
    const served = JSON.stringify(base.graph.export());
    expect(next.graph).not.toBe(base.graph);
    expect(next.graph.getAttribute('trust')).toBe(TRUST_UPDATING);
    expect(next.graph.getNodeAttribute(`claim:${edited.id}`, 'valueText')).not.toBe(edited.wording);
    expect(JSON.stringify(base.graph.export())).toBe(served);
    expect(base.graph.getAttribute('trust')).toBeUndefined();
  });

  it('settles to what a full analysis gives, the trust mark gone', () => {
    const settled = settleTrust(next);
    expect(settled.graph.hasAttribute('trust')).toBe(false);
    expectSameAnalysis(settled, analyse(next.corpus));
    // Before settling, comparisons, groups and the graph's structure already match the full analysis.
    const full = graphContent(analyse(next.corpus).graph);
    const patched = graphContent(next.graph);
    expect(Object.keys(patched.edges).sort()).toEqual(Object.keys(full.edges).sort());
    expect(Object.keys(patched.nodes).sort()).toEqual(Object.keys(full.nodes).sort());
  });

  it('places new claims where a full build places them', () => {
    const ingested = applyWrite(base, { kind: 'ingest', copies: [3, 30, 300], shift: 5 });
    const full = analyse(ingested.corpus).graph;
    for (const key of ingested.graph.nodes())
      expect([key, ingested.graph.getNodeAttribute(key, 'x'), ingested.graph.getNodeAttribute(key, 'y')]).toEqual([
        key,
        full.getNodeAttribute(key, 'x'),
        full.getNodeAttribute(key, 'y'),
      ]);
  });
});

describe('entities and sources changed by a write', () => {
  it('relabels, rejects and adds entities, adds and removes sources, as a full build would', () => {
    const base = analyse(generateCorpus({ claims: 300, seed: 11 }));
    const [renamed, rejected] = base.corpus.entities.filter((e) => base.corpus.claims.some((c) => c.subject === e.id));
    const entities = base.corpus.entities.map((e) =>
      e === renamed ? { ...e, label: `${e.label} (renamed)` } : e === rejected ? { ...e, status: 'rejected' as const } : e,
    );
    entities.push({ ...renamed!, id: 'brand-new', label: 'Brand new', status: 'proposed' });
    let next = reanalyse(base, { ...base.corpus, entities }, []);
    expectSameAnalysis(settleTrust(next), analyse(next.corpus));
    next = applyWrite(applyWrite(next, { kind: 'ingest', copies: [1, 2], shift: 0 }), { kind: 'delete-source', source: 3 });
    expectSameAnalysis(settleTrust(next), analyse(next.corpus));
  });
});

describe('the store re-learns trust in the background', () => {
  it('serves the write at once marked updating, then installs the settled analysis', async () => {
    const root = await miniStore();
    const repo = await Repository.open(root);
    const revision = repo.snapshot.revision;
    await patchClaim(repo, 'chronicle-2', 1, { action: 'accept' }, { who: 'tester' });
    expect(repo.snapshot.analysis.trust).toBe('updating');
    expect(JSON.parse(repo.snapshot.graphJson).attributes.trust).toBe(TRUST_UPDATING);
    const trusted = () => listSources(repo.snapshot.analysis).filter((s) => s.trust);
    expect(trusted().length).toBeGreaterThan(0);
    expect(trusted().every((s) => s.trust!.updating)).toBe(true);
    await repo.trustRefresh.settled();
    expect(trusted().every((s) => !s.trust!.updating)).toBe(true);
    expect(repo.snapshot.revision).toBe(revision + 2);
    expect(repo.snapshot.analysis.trust).toBe('settled');
    expect(JSON.parse(repo.snapshot.graphJson).attributes.trust).toBeUndefined();
    const { corpus } = await loadStore(root);
    expectSameAnalysis(repo.snapshot.analysis, analyse({ ...corpus, orphaned: repo.snapshot.analysis.corpus.orphaned }));
  });
});
