// Copy detection (accucopy): an original and three stores that copy it, beside six honest, independent
// sources as accurate as the original. Where the original errs, its copies carry its mistake: vote
// follows them now and then, and plain Accu, which sees the four always agreeing, learns to trust them
// and follows them more. Copy detection should see the shared false values, count the copies about
// once, converge, and say who copies whom.
import { describe, expect, it } from 'vitest';
import { discoverTruth } from '../../server/truth/discover.js';
import type { Observation, TruthResult } from '../../server/truth/types.js';

const HONEST = ['honest-a', 'honest-b', 'honest-c', 'honest-d', 'honest-e', 'honest-f'];

function copiers(items: number): Observation[] {
  let state = 4242;
  const next = (m: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % m;
  };
  const out: Observation[] = [];
  for (let i = 0; i < items; i++) {
    const truth = `true-${i}`;
    // Six honest sources err 30 % of the time, each with its own mistake.
    for (const s of HONEST) out.push({ item: `i${i}`, source: s, value: next(10) < 3 ? `${s}-typo-${i}` : truth });
    // The original errs as often; its three copiers repeat whatever it says.
    const original = next(10) < 3 ? `original-typo-${i}` : truth;
    for (const s of ['original', 'copy-1', 'copy-2', 'copy-3']) out.push({ item: `i${i}`, source: s, value: original });
  }
  return out;
}

const right = (r: TruthResult): number => r.items.filter((v) => v.chosen.value === `true-${v.item.slice(1)}`).length;

describe('accucopy', () => {
  const data = copiers(120);
  const vote = discoverTruth(data, { method: 'vote' });
  const accu = discoverTruth(data, { method: 'accu' });
  const copy = discoverTruth(data, { method: 'accucopy' });

  it('converges, with the rounds of re-judging reported', () => {
    expect(copy.convergence.converged).toBe(true);
    expect(copy.convergence.rounds).toBeGreaterThanOrEqual(1);
  });

  it('beats vote and plain Accu, which follow the copied mistakes', () => {
    expect(right(vote)).toBeLessThan(110);
    expect(right(accu)).toBeLessThan(right(vote));
    expect(right(copy)).toBeGreaterThanOrEqual(118);
  });

  it('names the copiers in the trust explanation, and not the honest sources', () => {
    const copy1 = copy.sources.find((s) => s.source === 'copy-1')!;
    expect(copy1.copies?.map((c) => c.source).sort()).toEqual(['copy-2', 'copy-3', 'original']);
    expect(copy1.explanation).toMatch(
      /shares \d+ of its \d+ disputed values with (copy-2|copy-3|original) \(\d+ of them likely false\): likely copied/,
    );
    for (const s of HONEST) expect(copy.sources.find((t) => t.source === s)!.copies).toBeUndefined();
  });

  it('without copy detection nobody is reported as copying', () => {
    expect(accu.sources.every((s) => s.copies === undefined)).toBe(true);
  });
});
