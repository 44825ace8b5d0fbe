import { describe, expect, it } from 'vitest';
import { buildEntityIndex, findMentions, phoneticKeys } from '../../server/extract/entities.js';
import { ProposalCollector, nameSpans } from '../../server/extract/proposals.js';
import { foldName, tokenize } from '../../server/extract/tokens.js';
import { entity, siberia } from './fixtures.js';

const index = buildEntityIndex(siberia.entities);
const mentions = (text: string, countWords?: Set<string>) =>
  findMentions(index, text, tokenize(text), countWords).map((m) => ({
    text: text.slice(m.start, m.end),
    ids: m.entities.map((e) => e.id),
    via: m.via,
  }));

describe('alias folding', () => {
  it('folds accents, case, apostrophes and romanisation variants', () => {
    expect(foldName('Semyonov')).toBe('semenov');
    expect(foldName('Semenov')).toBe('semenov');
    expect(foldName('Semenoff')).toBe('semenov');
    expect(foldName('Ōtani Kikuzō')).toBe(foldName('Otani Kikuzo'));
    expect(foldName('Katō')).toBe(foldName('Kato'));
    expect(foldName('Koltchak')).toBe(foldName('Kolchak'));
    expect(foldName("Kato's squadron")).toBe(foldName('Kato’s squadron'));
  });

  it('matches an alias through any of those spellings', () => {
    expect(mentions('Ataman Semenoff rode out.')).toEqual([{ text: 'Ataman Semenoff', ids: ['semyonov'], via: 'alias' }]);
    expect(mentions('Then Semenov came.')).toEqual([{ text: 'Semenov', ids: ['semyonov'], via: 'alias' }]);
    expect(mentions('General Kikuzō Ōtani commanded.')).toEqual([{ text: 'Kikuzō Ōtani', ids: ['otani-kikuzo'], via: 'alias' }]);
    expect(mentions('Admiral Kato arrived.')).toEqual([{ text: 'Kato', ids: ['kato-kanji'], via: 'alias' }]);
  });

  it('prefers the longest alias and respects capitals', () => {
    expect(mentions('The Japanese Siberian Intervention began.')).toEqual([
      { text: 'Japanese Siberian Intervention', ids: ['japanese-intervention-in-siberia'], via: 'alias' },
    ]);
    expect(mentions('the fer was small')).toEqual([]); // "FER" is an acronym, "fer" is not
  });

  it('offers phonetic candidates (Daitch–Mokotoff) for spellings no alias lists', () => {
    expect(phoneticKeys('Semyonov')).toEqual(phoneticKeys('Semenoff'));
    expect(mentions('Then Semionoff came.')).toEqual([{ text: 'Semionoff', ids: ['semyonov'], via: 'alias' }]); // folded to semenov
    expect(mentions('Then Simenov came.')).toEqual([{ text: 'Simenov', ids: ['semyonov'], via: 'phonetic' }]);
    expect(mentions('Then Smith came.')).toEqual([]);
  });

  it('reads a demonym before a counted noun as the force its aliases name', () => {
    expect(mentions('Japanese casualties were high.', new Set(['casualties']))).toEqual([
      { text: 'Japanese casualties', ids: ['japanese-expeditionary-force'], via: 'alias' },
    ]);
    expect(mentions('Japanese casualties were high.')).toEqual([]);
  });
});

describe('proposals', () => {
  const propose = (text: string, known = siberia.entities) => {
    const idx = buildEntityIndex(known);
    const tokens = tokenize(text);
    const found = findMentions(idx, text, tokens);
    const covered = tokens.map((t) => found.some((m) => m.via === 'alias' && m.start <= t.start && t.end <= m.end));
    const collector = new ProposalCollector(
      'src',
      known.map((e) => e.id),
    );
    for (const span of nameSpans(text, tokens, covered)) collector.add(span);
    return collector.results(0);
  };

  it('proposes people, places and organisations with a type and a confidence', () => {
    const { entities, confidence } = propose(
      'General Ivan Kalmykov met Rozanov in Harbin. The Chinese Eastern Railway and Lake Khanka were near.',
    );
    const byLabel = Object.fromEntries(entities.map((e) => [e.label, e]));
    expect(byLabel['Ivan Kalmykov']).toMatchObject({ type: 'person', status: 'proposed', id: 'ivan-kalmykov' });
    expect(byLabel['Harbin']).toMatchObject({ type: 'place' });
    expect(byLabel['Chinese Eastern Railway']).toMatchObject({ type: 'organisation' });
    expect(byLabel['Lake Khanka']).toMatchObject({ type: 'place' });
    for (const e of entities) expect(confidence[e.id]).toBeGreaterThan(0);
    expect(entities.find((e) => e.label === 'The')).toBeUndefined();
  });

  it('does not propose known entities, and merges spellings of one person', () => {
    const { entities } = propose('General Pyotr Vologodsky spoke. Later General Pyotr Vologodskii spoke. Semyonov listened.');
    expect(entities.map((e) => e.label)).toEqual(['Pyotr Vologodsky']);
    expect(entities[0]!.aliases.map((a) => a.name)).toEqual(['Pyotr Vologodsky', 'Pyotr Vologodskii']);
  });

  it('gives fresh ids that never collide with existing ones', () => {
    const { entities } = propose('General Ivan Kalmykov came.', [entity('ivan-kalmykov', 'place', 'Somewhere Else')]);
    expect(entities[0]!.id).toBe('ivan-kalmykov-2');
  });
});
