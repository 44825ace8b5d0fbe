// Copy relations as the source panel serves them: on a corpus where one source repeats another's
// figures, mistakes included, the copier's relations name the original by its title, in a sentence a
// historian can read ("Shares 9 of its 10 disputed values with …: likely copied"), and honest sources
// get none.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/analysis/analyse.js';
import { copyRelations } from '../../server/analysis/source-trust.js';
import { emptyCorpus, type Corpus } from '../../server/core/model.js';
import type { Claim, Source } from '../../server/core/schema-types.js';

const SOURCES = ['gazette', 'digest', 'almanac', 'ledger', 'diary'];
const ITEMS = 30;

/** The gazette errs on every third town; the digest repeats the gazette; three others err on their own, rarely. */
function corpus(): Corpus {
  const c = emptyCorpus();
  c.properties = [{ id: 'population', label: 'population', valueType: 'quantity', unit: 'people', functional: true, cues: [] }];
  for (let i = 0; i < ITEMS; i++) c.entities.push({ id: `town-${i}`, type: 'place', label: `Town ${i}`, aliases: [] });
  for (const id of SOURCES) {
    const text = `The ${id}.`;
    const source: Source = {
      id,
      title: `The ${id[0]!.toUpperCase()}${id.slice(1)}`,
      publisher: id,
      kind: 'book',
      text: { file: `${id}.txt`, sha256: '0'.repeat(64), length: text.length },
      references: [],
    };
    c.sources.push(source);
    c.texts.set(id, text);
  }
  const say = (source: string, i: number, amount: number): Claim => ({
    id: `${source}-${i}`,
    source,
    subject: `town-${i}`,
    property: 'population',
    value: { type: 'quantity', comparator: 'exact', amount, unit: 'people' },
    wording: String(amount),
    quote: { exact: 'The', start: 0, end: 3 },
    citations: [],
    status: 'reviewed',
    version: 1,
  });
  for (let i = 0; i < ITEMS; i++) {
    const truth = 10_000 + 1_000 * i;
    const gazette = i % 3 === 0 ? truth * 2 : truth;
    c.claims.push(say('gazette', i, gazette), say('digest', i, gazette));
    c.claims.push(
      say('almanac', i, i % 7 === 1 ? truth * 3 : truth),
      say('ledger', i, i % 7 === 2 ? truth * 5 : truth),
      say('diary', i, i % 7 === 3 ? truth * 7 : truth),
    );
  }
  return c;
}

describe('copy relations of a source', () => {
  const analysis = analyse(corpus());

  it('name the source copied from, with what they share, in words', () => {
    const [relation, ...rest] = copyRelations(analysis, 'digest');
    expect(rest).toEqual([]);
    expect(relation).toMatchObject({ source: { id: 'gazette', title: 'The Gazette' } });
    expect(relation!.probability).toBeGreaterThanOrEqual(0.5);
    expect(relation!.sameOnDisputed).toBe(relation!.disputed);
    expect(relation!.sameFalse).toBeGreaterThan(0);
    expect(relation!.summary).toBe(
      `Shares ${relation!.sameOnDisputed} of its ${relation!.disputed} disputed values with The Gazette (${relation!.sameFalse} of them judged false): likely copied (probability ${relation!.probability.toFixed(2)}).`,
    );
    expect(copyRelations(analysis, 'gazette').map((r) => r.source.id)).toEqual(['digest']);
  });

  it('are empty for sources that err on their own', () => {
    for (const id of ['almanac', 'ledger', 'diary']) expect(copyRelations(analysis, id)).toEqual([]);
  });
});
