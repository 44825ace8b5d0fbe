import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/analysis/analyse.js';
import { isUndecided } from '../../server/analysis/likely.js';
import { emptyCorpus, type Corpus } from '../../server/core/model.js';
import type { Claim, Source } from '../../server/core/schema-types.js';
import { loadStore } from '../../server/store/load.js';
import { claim, properties, qty } from '../core/fixtures.js';

function corpusOf(claims: Claim[]): Corpus {
  const sources = [...new Set(claims.map((c) => c.source))].map((id): Source => ({
    id,
    title: id.toUpperCase(),
    publisher: 'p',
    kind: 'other',
    text: { file: `${id}.txt`, sha256: '0'.repeat(64), length: 1 },
    references: [],
  }));
  return {
    ...emptyCorpus(),
    sources,
    properties,
    entities: [{ id: 'japanese-force', type: 'armed-force', label: 'Force', aliases: [] }],
    claims,
  };
}

describe('likely values and source trust', () => {
  it('favours the value most sources support, and explains trust by agreements with other sources', () => {
    const claims: Claim[] = [];
    // Four subjects; sources a, b, c agree each time, d is off on three of them.
    ['x', 'y', 'z', 'w'].forEach((subject, i) => {
      for (const source of ['a', 'b', 'c']) claims.push(claim(qty('exact', 1000 + i), { id: `${source}-${subject}`, subject, source }));
      claims.push(claim(qty('exact', i < 3 ? 5000 + i : 1000 + i), { id: `d-${subject}`, subject, source: 'd' }));
    });
    const { likely, graph } = analyse(corpusOf(claims));
    const x = likely.byGroup.get('x|troop-strength')![0]!;
    expect(x.claimIds.sort()).toEqual(['a-x', 'b-x', 'c-x']);
    expect(x.lowEvidence).toBe(false);
    expect(isUndecided(x)).toBe(false);
    const [a, d] = [likely.trust.get('a')!, likely.trust.get('d')!];
    expect(a.score).toBeGreaterThan(d.score);
    expect(a).toMatchObject({ agreements: 9, comparable: 12, lowEvidence: false });
    expect(d.explanation).toMatch(
      /^D agrees with other sources on 3 of 12 compared statements \(9 in conflict\), against 3 other sources\. Trust 0\.\d\d \(truthfinder\)\.$/,
    );
    expect(graph.getNodeAttribute('claim:a-x', 'likely')).toBe(true);
    expect(graph.getNodeAttribute('claim:d-x', 'likely')).toBe(false);
    expect(graph.getNodeAttribute('source:a', 'trust')).toBeCloseTo(a.score, 9);
  });

  it("says how many of a source's figures nobody else states, and that they hold its score near 0.5", () => {
    const claims: Claim[] = [];
    // a and b agree on two subjects; a alone states six more.
    for (const subject of ['x', 'y'])
      for (const source of ['a', 'b']) claims.push(claim(qty('exact', 100), { id: `${source}-${subject}`, subject, source }));
    for (const subject of ['p', 'q', 'r', 's', 't', 'u']) claims.push(claim(qty('exact', 7), { id: `a-${subject}`, subject, source: 'a' }));
    const { likely } = analyse(corpusOf(claims));
    expect(likely.trust.get('a')!.explanation).toContain(
      '6 of its 8 figures are stated by no other source and count as no evidence either way (0.5), which holds its score near 0.5.',
    );
    expect(likely.trust.get('b')!.explanation).not.toContain('no other source');
  });

  it('splits a series over time into sets: one likely value per moment', () => {
    const at = (value: string) => ({ pointInTime: { value, precision: 'year' as const } });
    const claims = [
      claim(qty('exact', 10), { id: 'a1', source: 'a', scope: at('1918') }),
      claim(qty('exact', 10), { id: 'b1', source: 'b', scope: at('1918') }),
      claim(qty('exact', 90), { id: 'a2', source: 'a', scope: at('1920') }),
      claim(qty('exact', 90), { id: 'b2', source: 'b', scope: at('1920') }),
    ];
    const sets = analyse(corpusOf(claims)).likely.byGroup.get('japanese-force|troop-strength')!;
    expect(sets.map((s) => s.claimIds.sort())).toEqual(
      expect.arrayContaining([
        ['a1', 'b1'],
        ['a2', 'b2'],
      ]),
    );
  });

  it('says so when the bundled corpus has too little to learn from', async () => {
    const { likely } = analyse((await loadStore()).corpus);
    for (const trust of likely.trust.values()) {
      expect(trust.lowEvidence).toBe(true);
      expect(trust.explanation).toContain('with a single other source there is no majority to learn from');
    }
    expect(likely.convergence.converged).toBe(true);
    // One source against another decides nothing: 3,116 vs up to 3,000 vs some 5,000.
    expect(isUndecided(likely.byGroup.get('japanese-expeditionary-force|deaths')![0]!)).toBe(true);
  });
});
