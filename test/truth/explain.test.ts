import { describe, expect, it } from 'vitest';
import { discoverTruth } from '../../server/truth/discover.js';
import { explainItem } from '../../server/truth/explain.js';
import type { TruthResult } from '../../server/truth/types.js';
import { obs, reliableVersusLiar } from './fixtures.js';

const verdict = (r: TruthResult, name: string) => r.items.find((v) => v.item === name)!;

describe('explanations', () => {
  const result = discoverTruth([
    ...reliableVersusLiar(6),
    ...obs(['city', 'reliable', 742_884], ['city', 'witness-0', 742_880], ['city', 'liar', 1_850_230]),
  ]);

  it('say which sources back the chosen value, with their trust, and what the alternatives were', () => {
    const text = explainItem(verdict(result, 'contested'));
    expect(text).toMatch(
      /^chose 17 with confidence 0\.\d\d, stated by reliable \(trust 0\.\d\d\); alternatives: 42 with confidence 0\.\d\d, stated by liar \(trust 0\.\d\d\); LOW EVIDENCE: only 2 sources$/,
    );
  });

  it('mention close values that lent support', () => {
    const text = explainItem(verdict(result, 'city'));
    expect(text).toMatch(
      /^chose 74288[04] with .*; close to 74288[04] \(similarity 1\.00\); alternatives: 74288[04] with .*; 1850230 with confidence 0\.0\d, stated by liar/,
    );
  });

  it('say how a source earned its trust', () => {
    const reliable = result.sources.find((s) => s.source === 'reliable')!;
    expect(reliable).toMatchObject({ items: 8, shared: 8 });
    expect(reliable.explanation).toBe(
      `trust ${reliable.trust.toFixed(2)}: agrees with the chosen value on ${reliable.agreed} of 8 items (8 shared with other sources)`,
    );
    expect(reliable.agreed).toBeGreaterThanOrEqual(7);
  });

  it('admit when a source overlaps too little with others to learn its trust', () => {
    const lonely = discoverTruth(obs(['a', 'solo', 1], ['b', 'solo', 2], ['b', 'other', 3])).sources.find((s) => s.source === 'solo')!;
    expect(lonely.explanation).toMatch(
      /agrees with the chosen value on \d of 2 items \(1 shared with other sources\); too little overlap with other sources to learn its trust/,
    );
  });

  it('flag items whose sources overlap too little, even when there are many of them', () => {
    const crowd = obs(...Array.from({ length: 6 }, (_, i): [string, string, number] => ['crowd', `s${i}`, i < 4 ? 10 : 99]));
    const item = verdict(discoverTruth(crowd), 'crowd');
    expect(item.lowEvidence).toBe(true);
    expect(item.lowEvidenceReason).toBe('the sources overlap too little to learn trust: 0 of 6 share at least 3 items with other sources');
  });

  it('let adapters name values their own way', () => {
    const text = explainItem(verdict(result, 'contested'), { label: (v) => `<${String(v.value)}>` });
    expect(text).toMatch(/^chose <17> .*alternatives: <42> /);
  });
});
