import { describe, expect, it } from 'vitest';
import { fold } from '../../server/common/fold.js';
import { matchRank } from '../../server/api/views/search.js';

describe('fold: the form search compares names in', () => {
  it.each([
    ['Ōtani Kikuzō', 'otani kikuzo'],
    ['Katō Kanji', 'kato kanji'],
    ['SEMYONOV', 'semyonov'],
    ['Krasnoshchyokov', 'krasnoshchyokov'],
    ['Ungern-Sternberg', 'ungern sternberg'],
    ['“Supreme Ruler of Russia”,', 'supreme ruler of russia'],
    ['Russia’s', 'russias'],
    ['70,000', '70000'],
    ['1.000.000', '1000000'],
    ['in 1918 120 men', 'in 1918 120 men'],
    ['1918–1922, p. 26', '1918 1922 p 26'],
    ['Humphreys 1996, p.\u00a026.', 'humphreys 1996 p 26'],
    ['Łódź Øresund Straße æther', 'lodz oresund strasse aether'],
    ['ｆｕｌｌ－ｗｉｄｔｈ', 'full width'],
    ['  many   spaces\n', 'many spaces'],
    ['シベリア出兵', 'シヘリア出兵'],
  ])('%j → %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('folds punctuation-only text to nothing', () => {
    expect(fold(' -- !? ')).toBe('');
  });

  it('is idempotent', () => {
    for (const s of ['Ōtani Kikuzō', 'O’Brien, p. 3', 'Straße']) expect(fold(fold(s))).toBe(fold(s));
  });
});

describe('matchRank', () => {
  it('ranks exact, then prefix, then word start, then substring', () => {
    expect(matchRank('semenov', 'semenov')).toBe('exact');
    expect(matchRank('otani kikuzo', 'otani')).toBe('prefix');
    expect(matchRank('ataman semenov', 'semenov')).toBe('word');
    expect(matchRank('hiroharu kato', 'haru')).toBe('substring');
    expect(matchRank('kolchak', 'semenov')).toBeUndefined();
  });

  it('never matches an empty query', () => {
    expect(matchRank('anything', '')).toBeUndefined();
  });
});
