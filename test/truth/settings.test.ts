import { describe, expect, it } from 'vitest';
import { discoverTruth } from '../../server/truth/discover.js';
import { DEFAULT_SETTINGS, resolveSettings, validateSettings } from '../../server/truth/settings.js';
import { obs } from './fixtures.js';

describe('settings', () => {
  it('defaults are valid and frozen', () => {
    expect(() => validateSettings(structuredClone(DEFAULT_SETTINGS))).not.toThrow();
    expect(Object.isFrozen(DEFAULT_SETTINGS.truthfinder)).toBe(true);
  });

  it('overrides merge onto the defaults, section by section', () => {
    const s = resolveSettings({ truthfinder: { dampening: 3 } });
    expect(s.truthfinder.dampening).toBe(3);
    expect(s.truthfinder.priorTrust).toBe(DEFAULT_SETTINGS.truthfinder.priorTrust);
    expect(s.similarity).toEqual(DEFAULT_SETTINGS.similarity);
  });

  it.each([
    [{ truthfinder: { dampening: -1 } }, 'truth: settings.truthfinder.dampening must be a number > 0, got -1'],
    [{ truthfinder: { maxIterations: 2.5 } }, 'truth: settings.truthfinder.maxIterations must be an integer >= 1 and <= 1000000, got 2.5'],
    [{ truthfinder: { step: 0 } }, 'truth: settings.truthfinder.step must be a number > 0 and <= 1, got 0'],
    [{ similarity: { relativeScale: Number.NaN } }, 'truth: settings.similarity.relativeScale must be a number > 0, got null'],
    [{ truthfinder: { dampnig: 1 } }, 'truth: unknown setting settings.truthfinder.dampnig'],
    [{ votes: {} }, 'truth: unknown settings section "votes" (known: similarity, truthfinder, accu, evidence)'],
    [{ evidence: 3 }, 'truth: settings.evidence must be an object'],
    [{ truthfinder: { leaveOneOut: 1 } }, 'truth: settings.truthfinder.leaveOneOut must be true or false, got 1'],
  ])('rejects %j with a clear prefixed error', (overrides, message) => {
    expect(() => resolveSettings(overrides as never)).toThrow(message);
  });

  it('are checked by discoverTruth before any work is done', () => {
    expect(() => discoverTruth(obs(['a', 's', 1]), { settings: { truthfinder: { priorTrust: 1 } } })).toThrow(
      /^truth: settings\.truthfinder\.priorTrust/,
    );
  });

  it('an unknown method is refused', () => {
    expect(() => discoverTruth(obs(['a', 's', 1]), { method: 'crh' as never })).toThrow(
      'truth: unknown method "crh" (known: truthfinder, accu, accucopy, vote)',
    );
  });
});
