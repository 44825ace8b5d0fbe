// Person lists: parsing the formats stores and sources write, comparing person by person, canonical output.
import { describe, expect, it } from 'vitest';
import {
  comparePersonLists,
  comparePersonValues,
  formatPersons,
  parsePersons,
  personKey,
  repairText,
  samePerson,
} from '../../server/core/persons.js';
import { reconcile } from '../../server/core/reconcile.js';
import type { PersonsValue, Property, Value } from '../../server/core/schema-types.js';
import { claim } from './fixtures.js';

const keys = (text: string, known?: string[]): string[] => parsePersons(text, known ? { knownWords: new Set(known) } : {}).map(personKey);

describe('parsePersons', () => {
  it('reads "Last, First" and "First Last" as the same person', () => {
    expect(keys('Knuth, Donald E.')).toEqual(['knuth|d']);
    expect(keys('Donald E. Knuth')).toEqual(['knuth|d']);
    expect(keys('D. E. Knuth')).toEqual(['knuth|d']);
  });
  it('splits on ;, /, & and "and", and on commas between whole names or Last, First pairs', () => {
    expect(keys('Russell, Stuart J.; Norvig, Peter')).toEqual(['russell|s', 'norvig|p']);
    expect(keys('Kouti, Sakari/ Seitsonen, Mika')).toEqual(['kouti|s', 'seitsonen|m']);
    expect(keys('Ellis , Margaret And Stroustrup , Bjarne')).toEqual(['ellis|m', 'stroustrup|b']);
    expect(keys('Jim Melton, Alan R. Simon')).toEqual(['melton|j', 'simon|a']);
    expect(keys('Tan, Pang-Ning, Steinbach, Michael, Kumar, Vipin')).toEqual(['tan|p', 'steinbach|m', 'kumar|v']);
    expect(keys('Riordan, Rebecca M.')).toEqual(['riordan|r']);
  });
  it('drops boilerplate, roles, titles and placeholders', () => {
    expect(keys('By (author) Knuth, Donald')).toEqual(['knuth|d']);
    expect(keys('Donahoo, S. (Author) Donahoo, Michael J. (Author) Calvert, Kenneth L. (Author)')).toEqual([
      'donahoo|s',
      'donahoo|m',
      'calvert|k',
    ]);
    expect(keys('Dean, C. Neville (Edt)/ Hinchey, Michael')).toEqual(['dean|c', 'hinchey|m']);
    expect(keys('Not Available')).toEqual([]);
    expect(keys('')).toEqual([]);
    expect(keys('Dr. Hornick, Mark et al')).toEqual(['hornick|m']);
    expect(keys('Certification Press; Dennis Suhanovs')).toEqual(['suhanovs|d']);
  });
  it('separates names run together, by case or by words known from elsewhere', () => {
    expect(keys('Meadors, ToddSchmidt, Cheryl A.')).toEqual(['meadors|t', 'schmidt|c']);
    expect(keys('Hornick, Mark F. Marcade, Erik Venkayala, Sunil')).toEqual(['hornick|m', 'marcade|e', 'venkayala|s']);
    expect(keys('McCarthy, Linda')).toEqual(['mccarthy|l']);
    expect(keys('CARD, STUARTMACKINLAY, JOCK', ['card', 'stuart', 'mackinlay', 'jock'])).toEqual(['card|s', 'mackinlay|j']);
    expect(keys('CARD, STUARTMACKINLAY, JOCK')).not.toEqual(['card|s', 'mackinlay|j']);
  });
  it('repairs entities and UTF-8 read as Latin-1, and keeps one entry per person', () => {
    expect(repairText('Marcad&eacute;')).toBe('Marcadé');
    expect(repairText('Marcad&Atilde;&copy;')).toBe('Marcadé');
    expect(keys('Hoos, Holger; St&uuml;tzle, Thomas')).toEqual(['hoos|h', 'stutzle|t']);
    expect(keys("Timothy J O'Leary, Linda I O'Leary, Timothy O'Leary")).toEqual(['oleary|t', 'oleary|l']);
    expect(keys('Cheryl A. Schmidt, Todd Meadors, Meadors')).toEqual(['schmidt|c', 'meadors|t']);
  });
  it('keeps particles with the surname', () => {
    expect(parsePersons('Wil van der Aalst')).toEqual([{ surname: 'van der Aalst', given: ['Wil'] }]);
  });
});

describe('comparing lists person by person', () => {
  const full = parsePersons('Hoos, Holger H.; Stützle, Thomas');
  it('matches surname and first initial, a missing initial matching any', () => {
    expect(samePerson({ surname: 'Knuth', given: ['D.'] }, { surname: 'KNUTH', given: ['Donald', 'E.'] })).toBe(true);
    expect(samePerson({ surname: 'Knuth', given: [] }, { surname: 'Knuth', given: ['Donald'] })).toBe(true);
    expect(samePerson({ surname: 'Knuth', given: ['A.'] }, { surname: 'Knuth', given: ['Donald'] })).toBe(false);
  });
  it('a first-author-only list supports the full list partly and does not contradict it', () => {
    const c = comparePersonLists(parsePersons('Holger Hoos'), full);
    expect(c.relation).toBe('subset');
    expect(c.support).toBe(0.5);
    expect(c.reason).toContain('missing Stützle, Thomas');
  });
  it('equal lists in another order and format are equal; an extra or different author is not', () => {
    expect(comparePersonLists(parsePersons('Thomas Stutzle & H. Hoos'), full)).toMatchObject({ relation: 'equal', support: 1 });
    expect(comparePersonLists(full, parsePersons('Hoos, Holger'))).toMatchObject({ relation: 'superset', support: 0 });
    expect(comparePersonLists(parsePersons('Hoos, H.; Smith, J.'), full)).toMatchObject({ relation: 'overlap', support: 0 });
    expect(comparePersonLists(parsePersons('Smith, J.'), full)).toMatchObject({ relation: 'disjoint', support: 0 });
  });
  it('writes one canonical form', () => {
    expect(formatPersons(parsePersons('KNUTH, DONALD E / wil van der aalst'))).toBe('Knuth, Donald E.; van der Aalst, Wil');
  });
});

describe('person-list claims in reconciliation (the compare.ts hook)', () => {
  const commanders: Property = { id: 'commanded-by', label: 'commanded by', valueType: 'persons', functional: true };
  const persons = (...names: [string, string[]?][]): Value => ({
    type: 'persons',
    persons: names.map(([surname, given]) => ({ surname, ...(given ? { given } : {}) })),
  });
  const verdict = (a: Value, b: Value) => {
    const base = { subject: 'force', property: 'commanded-by' };
    const { comparisons } = reconcile({
      claims: [claim(a, { ...base, source: 's1' }), claim(b, { ...base, source: 's2' })],
      properties: [commanders],
    });
    return comparisons[0];
  };
  it('"General Kikuzo Otani and Yui Mitsue" agrees with "Ōtani, K.; Yui, M."', () => {
    expect(verdict(persons(['Otani', ['Kikuzo']], ['Yui', ['Mitsue']]), persons(['Ōtani', ['K.']], ['Yui', ['M.']]))).toMatchObject({
      verdict: 'agrees',
      basis: 'equal',
    });
  });
  it('a first-named-only list agrees partly; a different second person conflicts unless the list says it is partial', () => {
    const r = verdict(persons(['Otani', ['Kikuzo']]), persons(['Otani', ['Kikuzo']], ['Yui', ['Mitsue']]));
    expect(r).toMatchObject({ verdict: 'agrees', basis: 'compatible' });
    expect(r!.reason).toContain('missing Yui, Mitsue');
    expect(verdict(persons(['Otani'], ['Graves']), persons(['Otani'], ['Yui']))).toMatchObject({ verdict: 'conflicts', basis: 'disjoint' });
    const partial = (v: Value): Value => ({ ...(v as PersonsValue), partial: true });
    expect(verdict(partial(persons(['Otani'], ['Graves'])), partial(persons(['Otani'], ['Yui'])))).toMatchObject({
      verdict: 'agrees',
      basis: 'compatible',
    });
  });
  it('comparePersonValues says which list lacks whom', () => {
    expect(
      comparePersonValues({ type: 'persons', persons: [{ surname: 'Yui' }] }, { type: 'persons', persons: [{ surname: 'Semyonov' }] }),
    ).toMatchObject({ verdict: 'conflicts', reason: 'no person in common (Yui against Semyonov)' });
  });
});
