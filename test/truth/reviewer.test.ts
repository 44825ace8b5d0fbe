// Trust a reviewer sets: a primary source outweighs unknown ones; a derivative source stops doubling its
// original's vote; whatIfTrusted shows which likely values move; bad judgements are refused clearly.
import { describe, expect, it } from 'vitest';
import { buildFactGraph } from '../../server/truth/graph.js';
import { applicableJudgements, compileReviewerTrust, PRIMARY_STRENGTH } from '../../server/truth/reviewer.js';
import { whatIfTrusted } from '../../server/truth/what-if.js';
import { resolveSettings } from '../../server/truth/settings.js';
import { obs } from './fixtures.js';

// One archive against two unknown sources; elsewhere nobody overlaps, so nothing can be learned.
const contested = obs(['troops', 'archive', 70000], ['troops', 'paper-1', 72000], ['troops', 'paper-2', 72000]);

describe('reviewer trust', () => {
  it('truthfinder: marking the archive primary makes its figure the likely one, and says so', () => {
    const moves = whatIfTrusted(contested, [{ source: 'archive', primary: true }]);
    expect(moves).toEqual([
      expect.objectContaining({
        item: 'troops',
        changed: true,
        before: expect.objectContaining({ value: 72000 }),
        after: expect.objectContaining({ value: 70000 }),
      }),
    ]);
  });
  it('accu: a primary source alone does not outvote two agreeing ones, but its figure gains ground', () => {
    // Accu's prior already credits unknown sources with 0.8: two of them agreeing outweigh one at 0.9.
    const [move] = whatIfTrusted(contested, [{ source: 'archive', primary: true }], { method: 'accu' });
    expect(move).toMatchObject({ item: 'troops', changed: false, before: { value: 72000 }, after: { value: 72000 } });
    expect(move!.after.confidence).toBeLessThan(move!.before.confidence - 0.01);
  });
  for (const method of ['truthfinder', 'accu'] as const) {
    it(`${method}: a derivative of the archive no longer doubles its vote`, () => {
      const data = obs(
        ['troops', 'archive', 70000],
        ['troops', 'digest', 70000],
        ['troops', 'paper', 72000],
        ['troops', 'memoir', 72000],
        ['troops', 'reprint', 70000],
      );
      const moves = whatIfTrusted(
        data,
        [
          { source: 'digest', derivativeOf: 'archive' },
          { source: 'reprint', derivativeOf: 'archive' },
        ],
        { method },
      );
      expect(moves[0]).toMatchObject({ item: 'troops', changed: true, before: { value: 70000 }, after: { value: 72000 } });
    });
  }
  it('nothing moves without judgements', () => {
    expect(whatIfTrusted(contested, [])).toEqual([]);
  });
  it('refuses unknown sources and contradictory judgements with the reason', () => {
    const graph = buildFactGraph(contested, resolveSettings().similarity);
    expect(() => compileReviewerTrust(graph, [{ source: 'nobody', primary: true }])).toThrow(
      /reviewer judgement 0 \("nobody"\): no such source/,
    );
    expect(() => compileReviewerTrust(graph, [{ source: 'archive', derivativeOf: 'elsewhere' }])).toThrow(/derivativeOf names no source/);
    expect(() => compileReviewerTrust(graph, [{ source: 'archive', primary: true, derivativeOf: 'paper-1' }])).toThrow(
      /both primary and derivative/,
    );
    expect(() => compileReviewerTrust(graph, [{ source: 'archive', derivativeOf: 'archive' }])).toThrow(/derivative of itself/);
  });
  it('from judgements already in force: only what the new set changes moves, and undoing one moves it back', () => {
    const primary = [{ source: 'archive', primary: true as const }];
    expect(whatIfTrusted(contested, primary, { current: primary })).toEqual([]);
    const undo = whatIfTrusted(contested, [], { current: primary });
    expect(undo).toEqual([
      expect.objectContaining({
        item: 'troops',
        changed: true,
        before: expect.objectContaining({ value: 70000 }),
        after: expect.objectContaining({ value: 72000 }),
      }),
    ]);
    // The observation index points back at the input that states the value (adapters show its wording).
    expect(contested[undo[0]!.before.observation]!.value).toBe(70000);
    expect(contested[undo[0]!.after.observation]!.value).toBe(72000);
  });
  it('a primary mark weighs as many pseudo-items as the source states facts, at least PRIMARY_STRENGTH', () => {
    const many = obs(...Array.from({ length: 25 }, (_, i) => [`item-${i}`, 'archive', i] as [string, string, number]), [
      'item-0',
      'paper',
      1,
    ]);
    const graph = buildFactGraph(many, resolveSettings().similarity);
    const priors = compileReviewerTrust(graph, [
      { source: 'archive', primary: true },
      { source: 'paper', primary: true },
    ]);
    expect(priors.priorStrength[graph.sources.indexOf('archive')]).toBe(25);
    expect(priors.priorStrength[graph.sources.indexOf('paper')]).toBe(PRIMARY_STRENGTH);
  });
  it('leaves out judgements naming a source these observations do not have', () => {
    const present = new Set(['archive', 'paper-1']);
    expect(
      applicableJudgements(present, [
        { source: 'archive', primary: true },
        { source: 'gone', primary: true },
        { source: 'paper-1', derivativeOf: 'gone' },
        { source: 'paper-1', derivativeOf: 'archive' },
      ]),
    ).toEqual([
      { source: 'archive', primary: true },
      { source: 'paper-1', derivativeOf: 'archive' },
    ]);
  });
});
