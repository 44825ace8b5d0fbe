import { describe, expect, it } from 'vitest';
import type { Entity, Property } from '../../server/core/schema-types.js';
import { extractClaims } from '../../server/extract/index.js';

const entity = (id: string, type: Entity['type'], label: string): Entity => ({
  id,
  type,
  label,
  status: 'reviewed',
  aliases: [{ name: label, kind: 'label', sources: [] }],
});
const entities = [entity('united-kingdom', 'state', 'United Kingdom'), entity('otani-kikuzo', 'person', 'Otani Kikuzo')];
const properties: Property[] = [];
const subjects = (text: string) => {
  const r = extractClaims(text, { sourceId: 'initials', entities, properties }, { minConfidence: 0 });
  return Object.fromEntries(r.claims.map((c) => [c.wording, c.subject]));
};

describe('initials of known names and long document titles', () => {
  const text = [
    'Statistical Bulletin - Office for National Statistics',
    '',
    'The population of the UK was estimated to be 63.7 million in mid-2012, up from the estimated 63.3 million in mid-2011.',
    'This represents a growth of 419,900 in the year to 30 June 2012.',
  ].join('\n');

  it("reads a state's initials in capitals as its mention, and gives the prose's figures to it over a long title", () => {
    const s = subjects(text);
    expect(s['63.7 million']).toBe('united-kingdom');
    // Another clause of the same sentence, then a sentence naming nothing: the UK still, not the bulletin.
    expect(s['estimated 63.3 million'] ?? s['63.3 million']).toBe('united-kingdom');
    expect(s['419,900']).toBe('united-kingdom');
  });

  it("takes no person's initials and no capitals in a shouted line for a name", () => {
    const r = extractClaims('OK, 500 men were sent.\nTHE UK SENT 500 MEN', { sourceId: 'x', entities, properties }, { minConfidence: 0 });
    expect(r.claims.map((c) => c.subject)).not.toContain('otani-kikuzo');
    expect(r.claims.map((c) => c.subject)).not.toContain('united-kingdom');
  });
});
