import { describe, expect, it } from 'vitest';
import { countedNounAfter } from '../../server/extract/counted.js';
import { findNumbers, readComparator } from '../../server/extract/numbers.js';
import { buildPropertyIndex, rankProperties, sentenceWords } from '../../server/extract/properties.js';
import { tokenize } from '../../server/extract/tokens.js';
import { siberia } from './fixtures.js';

const index = buildPropertyIndex(siberia.properties);

/** The best quantity property for the first figure of a sentence, as the extractor asks for it. */
function figureProperty(s: string): string | undefined {
  const tokens = tokenize(s);
  const n = findNumbers(s).find((x) => !x.yearLike)!;
  const wording = readComparator(s, n); // the value's words: "up to 3,000"
  const from = tokens.findIndex((t) => t.end > wording.start);
  let to = from;
  while (to < tokens.length && tokens[to]!.start < wording.end) to++;
  const noun = countedNounAfter(s, n.end, index.countWords);
  const nounAt = noun
    ? tokens.findIndex((t) => t.start === noun.start + noun.phrase.length - noun.noun.length || t.end === noun.end)
    : undefined;
  return rankProperties(index.quantity, { words: sentenceWords(tokens), from, to, noun: noun?.noun, nounAt })[0]?.entry.property.id;
}

function dateProperty(s: string, role: 'start' | 'end'): string | undefined {
  const tokens = tokenize(s);
  const at = tokens.findIndex((t) => /^\d{4}$/.test(t.text) || /^(January|April|November)$/.test(t.text));
  const roleWords = role === 'start' ? ['from', 'since', 'began'] : ['until', 'to', 'ended'];
  return rankProperties(index.date, { words: sentenceWords(tokens), from: at, to: tokens.length, roleWords })[0]?.entry.property.id;
}

describe('property cues', () => {
  it('lets the predicate before a figure outweigh the noun after it', () => {
    expect(figureProperty('the Imperial Army lost up to 3,000 soldiers and officers')).toBe('deaths');
    expect(figureProperty('Japanese troops numbered over 72,000 soldiers')).toBe('troop-strength');
  });

  it('uses the counted noun when no verb says more', () => {
    expect(figureProperty('the Japanese saved more than 900 orphans')).toBe('children-rescued');
    expect(figureProperty('in excess of ¥900 million was spent on expenses')).toBe('cost');
  });

  it('breaks ties between shared cues by the property label, and prefers longer cues', () => {
    expect(figureProperty('1,399 killed')).toBe('killed-in-action');
    expect(figureProperty('1,717 died of disease')).toBe('died-of-disease');
  });

  it('has no property for a figure no cue speaks of', () => {
    expect(figureProperty('he wrote 300 letters')).toBeUndefined();
  });

  it('completes a cue with the role of a range end: "existed from … to" states "existed until"', () => {
    expect(dateProperty('The republic existed from April 1920 to November 1922', 'end')).toBe('dissolution-date');
    expect(dateProperty('The war lasted from 1918 to 1922', 'start')).toBe('start-date');
  });

  it('derives count words from the vocabulary, not from code', () => {
    expect(index.countWords.has('orphans')).toBe(true);
    expect(buildPropertyIndex([]).countWords.size).toBe(0);
  });
});
