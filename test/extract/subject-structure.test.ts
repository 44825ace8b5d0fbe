// Subjects from the structure of the sentence and the page, on texts no vocabulary was written for.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../server/core/schema-types.js';
import { DefiniteReferences } from '../../server/extract/anaphora.js';
import { extractClaims } from '../../server/extract/index.js';
import { tokenize } from '../../server/extract/tokens.js';

const FRANCE: Entity = {
  id: 'france',
  type: 'state',
  label: 'France',
  status: 'reviewed',
  aliases: [
    { name: 'France', kind: 'label', sources: [] },
    { name: 'French', kind: 'short', sources: [] },
  ],
};

function read(text: string, entities: Entity[] = []) {
  return extractClaims(text, { sourceId: 'structure', entities, properties: [] }, { minConfidence: 0 });
}

const amountOf = (c: { value: { type: string; amount?: number } }) => (c.value.type === 'quantity' ? c.value.amount : undefined);

describe('subjects from clause structure', () => {
  it('takes the head of a noun phrase, not the nationality that qualifies it', () => {
    const r = read(
      'The explosion shook the town at dawn. The French munitions ship Mont-Blanc, carrying 2,300 tons of picric acid, collided with a steamer.',
      [FRANCE],
    );
    const tons = r.claims.find((c) => amountOf(c) === 2300);
    expect(tons?.subject).toBe('mont-blanc');
  });

  it('does not give a reported figure to whoever reports it', () => {
    const r = read(
      'The Silver Jubilee bridge carries 80,000 cars a day. The Oscar Faber report, published in 1997, concluded that by 2016 some 150,000 vehicles might cross the Silver Jubilee bridge each day.',
    );
    const vehicles = r.claims.find((c) => amountOf(c) === 150000);
    expect(vehicles?.subject).toBe('silver-jubilee');
  });

  it('reads a name that qualifies a common noun as a thing of that kind, never a person', () => {
    const r = read('The Silver Jubilee bridge has a capacity of 65,000 cars a day.');
    const bridge = r.proposedEntities.find((e) => e.id === 'silver-jubilee');
    expect(bridge?.type).toBe('other');
    expect(r.claims.find((c) => amountOf(c) === 65000)?.subject).toBe('silver-jubilee');
  });

  it('gives a name with its head word before "of" that head\'s kind, and proposes no label\'s first word', () => {
    const r = read(
      'Media contact: (202) 691-5902. Employment rose by 252,000 in September, the Bureau of Labor Statistics of the U.S. Department of Labor reported today.',
    );
    const kinds = Object.fromEntries(r.proposedEntities.map((e) => [e.id, e.type]));
    expect(kinds['bureau-of-labor-statistics']).toBe('organisation');
    expect(kinds['u-s-department-of-labor']).toBe('organisation');
    expect(kinds['media']).toBeUndefined();
  });

  it('strips a possessive and proposes no time zone', () => {
    const r = read(
      "The quake struck at 6 p.m. PDT on a Tuesday. The Safety Board's full report was issued and the Safety Board listed 49 passengers.",
    );
    const ids = r.proposedEntities.map((e) => e.id);
    expect(ids).toContain('safety-board');
    expect(ids.some((id) => id.endsWith('-s'))).toBe(false);
    expect(ids).not.toContain('pdt');
  });
});

describe('definite descriptions (anaphora.ts)', () => {
  it('reads "the bridge" as the bridge named before, for a figure whose sentence names someone else', () => {
    const text =
      'Mr. Brotherton asked about the Humber Bridge and its tolls. Mr. Brotherton said that the cost of the bridge would be nearer 90 million pounds.';
    const r = read(text);
    expect(r.claims.find((c) => amountOf(c) === 90000000)?.subject).toBe('humber-bridge');
  });

  it('refers only to names new to the graph, and not inside a compound ("the bridge tolls")', () => {
    const proposed: Entity = { id: 'humber-bridge', type: 'other', label: 'Humber Bridge', status: 'proposed', aliases: [] };
    const known: Entity = { ...proposed, id: 'tyne-bridge', label: 'Tyne Bridge', status: 'reviewed' };
    const mentionsOf = (text: string, entity: Entity) => {
      const at = text.indexOf(entity.label);
      return [{ start: at, end: at + entity.label.length, entities: [entity], confidence: 0.5, via: 'alias' as const }];
    };
    const text = 'The Humber Bridge opened in 1981. The bridge tolls rose, and the bridge carried more.';
    const found = new DefiniteReferences().read(text, tokenize(text), mentionsOf(text, proposed));
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['the bridge']);
    expect(found[0]!.start).toBe(text.lastIndexOf('the bridge'));
    const other = 'The Tyne Bridge opened in 1928, and the bridge carried more.';
    expect(new DefiniteReferences().read(other, tokenize(other), mentionsOf(other, known))).toEqual([]);
  });
});

describe('lists', () => {
  it("gives each item's figure to that item's name, not its neighbour's", () => {
    const r = read(
      'The flood destroyed many houses across the county: 1,200 houses in Leeds, 800 houses in Bradford, and 650 houses in Halifax.',
    );
    const subjectOf = (n: number) => r.claims.find((c) => amountOf(c) === n)?.subject;
    expect([subjectOf(1200), subjectOf(800), subjectOf(650)]).toEqual(['leeds', 'bradford', 'halifax']);
  });

  it('reads "Smith, 45, was elected" as a person and an appositive figure, not a list', () => {
    const r = read('Smith, 45, was elected mayor of the borough in 1901.');
    expect(r.proposedEntities.find((e) => e.id === 'smith')?.type).toBe('person');
    expect(r.claims.find((c) => amountOf(c) === 45)?.subject).toBe('smith');
  });

  it('keeps content lines of a list inside the prose as sources of names', () => {
    const text =
      'The mills of the valley employed many hands in the boom years of the trade.\n\n- Ashton Mill: 300 workers\n- Brook Mill, opened in 1851, 450 workers\n\nMost of them closed after the war.';
    const r = read(text);
    expect(r.claims.find((c) => amountOf(c) === 450)?.subject).toBe('brook-mill');
    expect(r.claims.find((c) => amountOf(c) === 300)?.subject).toBe('ashton-mill');
  });
});

describe('the document topic as the last resort', () => {
  it('takes a dateline in the opening as what a news report is about, over the headlines above it', () => {
    const text =
      'Newspaper Page Text\nVOL. XXV. Early Morning Fire in a Lodging House Kills Sleepers. ST. LOUIS, Mo.. Feb. 9.-An early morning fire which destroyed a large lodging house caused the death of eleven persons and injured eight others.';
    const r = read(text);
    const ids = r.proposedEntities.map((e) => e.id);
    expect(ids).not.toContain('newspaper-page-text');
    const deaths = r.claims.find((c) => amountOf(c) === 11);
    expect(deaths?.subject).toBe('st-louis');
  });
});
