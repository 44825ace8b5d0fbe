// Person-list values in truth discovery: set observations with partial support, the table's register
// (surnames alone, names turned round, names cut short), and the books benchmark's dev gold.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverTruth } from '../../server/truth/discover.js';
import { runMethod, score } from '../../server/truth/evaluate.js';
import { buildFactGraph } from '../../server/truth/graph.js';
import { resolvePersonLists } from '../../server/truth/person-values.js';
import { resolveSettings } from '../../server/truth/settings.js';
import { setSupport } from '../../server/truth/similarity.js';
import { readClaimTable, readGold, valueTypeOf } from '../../server/truth/table.js';
import type { Observation } from '../../server/truth/types.js';

describe('set values', () => {
  it('a subset supports the set containing it by its share, and nothing else', () => {
    expect(setSupport(['hoos|h'], ['hoos|h', 'stutzle|t'])).toBe(0.5);
    expect(setSupport(['hoos|h', 'stutzle|t'], ['hoos|h'])).toBe(0);
    expect(setSupport(['hoos|h', 'smith|j'], ['hoos|h', 'stutzle|t'])).toBe(0);
    expect(setSupport(['a', 'b'], ['a', 'b'])).toBe(1);
  });

  it('the same members in another wording are one fact', () => {
    const graph = buildFactGraph(
      [
        { item: 'b', source: 's1', value: 'Knuth, Donald', members: ['knuth|d'] },
        { item: 'b', source: 's2', value: 'D. Knuth', members: ['knuth|d'] },
      ],
      resolveSettings().similarity,
    );
    expect(graph.factValue).toHaveLength(1);
  });

  it('stores that list only first authors lose trust where full lists win, and then stop outvoting them', () => {
    const data: Observation[] = [];
    const add = (item: string, sources: string[], value: string, members: string[]): void => {
      for (const source of sources) data.push({ item, source, value, members });
    };
    // Six two-author books: three stores give both authors, two the first only.
    for (let i = 0; i < 6; i++) {
      add(`pair${i}`, ['full-1', 'full-2', 'full-3'], `A${i}; B${i}`, [`a${i}|x`, `b${i}|y`]);
      add(`pair${i}`, ['first-1', 'first-2'], `A${i}`, [`a${i}|x`]);
    }
    // The contested book: two full lists against three first-author-only ones.
    add('sls', ['full-1', 'full-2'], 'Hoos; Stützle', ['hoos|h', 'stutzle|t']);
    add('sls', ['first-1', 'first-2', 'full-3'], 'Hoos', ['hoos|h']);
    const chosen = (method: 'vote' | 'truthfinder' | 'accu' | 'accucopy'): string | number =>
      discoverTruth(data, { method }).items.find((v) => v.item === 'sls')!.chosen.value;
    expect(chosen('vote')).toBe('Hoos');
    expect(chosen('truthfinder')).toBe('Hoos; Stützle');
    expect(chosen('accu')).toBe('Hoos; Stützle');
  });

  it('refuses malformed members', () => {
    expect(() => buildFactGraph([{ item: 'b', source: 's', value: 'x', members: [] }], resolveSettings().similarity)).toThrow(
      /members must be a non-empty array/,
    );
  });
});

describe('resolvePersonLists: a register built from the table', () => {
  const resolve = (...rows: [string, string][]) => resolvePersonLists(rows.map(([item, text]) => ({ item, text })));
  it('gives a surname alone the initial other values give it, and prints the fullest form', () => {
    const [a, b] = resolve(['x', 'SUHANOVS'], ['x', 'Suhanovs, Dennis']);
    expect(a).toEqual({ members: ['suhanovs|d'], canonical: 'Suhanovs, Dennis' });
    expect(b!.members).toEqual(a!.members);
  });
  it('turns round "Surname Given" written without a comma, and completes names cut short', () => {
    const out = resolve(
      ['x', 'Pistoia Marco, Koved Larry'],
      ['x', 'Pistoia, Marco; Koved, Larry'],
      ['x', 'Marco Pistoia; Larry Koved'],
      ['y', 'Hornick, Mark F./ Marcade, Erik/ Venkaya'],
      ['y', 'Hornick, Mark; Marcade, Erik; Venkayala, Sunil'],
    );
    expect(out[0]!.members).toEqual(out[1]!.members);
    expect(out[3]!.members).toEqual(['hornick|m', 'marcade|e', 'venkayala|s']);
  });
  it('leaves out values naming no one', () => {
    expect(resolve(['x', 'Not Available'], ['x', ''])).toEqual([undefined, undefined]);
  });
  it('reads the value type from the property name', () => {
    expect(valueTypeOf('authors')).toBe('persons');
    expect(valueTypeOf('Population2006')).toBe('number');
  });
});

describe('books dev gold (50 items): the product default against vote', async () => {
  const DATA = path.resolve(import.meta.dirname, '../..', '../shared/datasets/books');
  const table = await readClaimTable(path.join(DATA, 'books_claims.csv'));
  const gold = await readGold(path.join(DATA, 'books_truth_dev.csv'));
  const settings = resolveSettings();
  const graph = buildFactGraph(table.observations, settings.similarity);
  it('reads the authors column as person lists and beats vote and the published AccuSim figure (0.89)', () => {
    expect(table.valueTypes.get('authors')).toBe('persons');
    const copy = score(graph, table.texts, runMethod(graph, table.texts, 'accucopy', settings), gold, 'persons');
    const vote = score(graph, table.texts, runMethod(graph, table.texts, 'vote', settings), gold, 'persons');
    expect(copy.output.convergence.converged).toBe(true);
    expect(copy.accuracy.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(copy.accuracy.correct).toBeGreaterThan(vote.accuracy.correct);
  });
});
