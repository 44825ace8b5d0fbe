// `npm run truth:import`: a claims table becomes a graph-data folder the server opens, on real files
// in a temp dir; bad input exits 1 and leaves nothing behind.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { selectorProblem } from '../../server/core/anchor.js';
import { createStore } from '../../server/store/create.js';
import { Repository, StoreProblemError } from '../../server/store/repository.js';
import { tableToCorpus } from '../../server/truth/table-corpus.js';

const importTable = (...args: string[]) => runCli('truth-import.ts', args);

// Columns out of order, an extra column, a comma and a doubled quote inside fields.
const CLAIMS = `"SourceID","Extra","ObjectID","PropertyID","PropertyValue"
"ann","x","springfield, il","Population2000","111454"
"bob","x","springfield, il","Population2000","111454"
"eve","x","springfield, il","Population2000","99999999"
"ann","x","peoria","Population2000","112936"
"Eve","x","peoria","Population2000","112963"
"ann","x","o""fallon","Population2000","21910"
`;

let dir: string;
const file = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'truth-import-'));
  await writeFile(file('claims.csv'), CLAIMS);
  await writeFile(file('no-source.csv'), '"ObjectID","PropertyID","PropertyValue"\n"a","b","1"\n');
  await writeFile(file('blank-object.csv'), '"ObjectID","PropertyID","PropertyValue","SourceID"\n"a","b","1","s"\n" ","b","2","t"\n');
});

describe('npm run truth:import', () => {
  it('writes a store the server opens: a source per SourceID, an entity per ObjectID, a claim per row, quotes exact', async () => {
    const target = file('store');
    const run = importTable('--claims', file('claims.csv'), '--graph-data', target, '--unit', 'people', '--object-type', 'place');
    expect(run.stderr).toMatch(/4 sources, 3 entities, 1 properties, 6 claims/);
    expect(run.stderr).toMatch(/checking the new store/);
    expect(run.status).toBe(0);

    const repo = await Repository.open(target);
    const { corpus, comparisons } = repo.snapshot.analysis;
    // "eve" and "Eve" are different contributors whose ids would collide: the second gets a suffix.
    expect(corpus.sources.map((s) => s.id).sort()).toEqual(['ann', 'bob', 'eve', 'eve-2']);
    expect(corpus.sources.find((s) => s.id === 'eve-2')).toMatchObject({ title: 'Eve in claims.csv', publisher: 'Eve', kind: 'dataset' });
    expect(corpus.entities.map((e) => [e.id, e.label, e.type])).toContainEqual(['o-fallon', 'o"fallon', 'place']);
    expect(corpus.claims).toHaveLength(6);
    for (const claim of corpus.claims) {
      expect(selectorProblem(corpus.texts.get(claim.source)!, claim.quote)).toBeUndefined();
    }
    const ann = await readFile(path.join(target, 'sources', 'ann.txt'), 'utf8');
    expect(ann).toBe(
      '"ObjectID","PropertyID","PropertyValue"\n"springfield, il","Population2000","111454"\n"peoria","Population2000","112936"\n"o""fallon","Population2000","21910"\n',
    );
    const fallon = corpus.claims.find((c) => c.subject === 'o-fallon')!;
    expect(fallon.value).toEqual({ type: 'quantity', comparator: 'exact', amount: 21910, unit: 'people' });
    expect(fallon.quote.exact).toBe('21910');

    // Reconciled like any corpus: the two equal Springfield figures agree, the vandalised one conflicts.
    const verdict = (a: string, b: string) => comparisons.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a))?.verdict;
    expect(verdict('row-1', 'row-2')).toBe('agrees');
    expect(verdict('row-1', 'row-3')).toBe('conflicts');
    expect(run.stderr).toMatch(/explore it: CONCORDANCE_DATA=/);
  });

  it('refuses a folder that is not empty and leaves it as it was', async () => {
    const target = file('occupied');
    await mkdir(target);
    await writeFile(path.join(target, 'keep.txt'), 'mine');
    const run = importTable('--claims', file('claims.csv'), '--graph-data', target);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is not empty/);
    expect(await readdir(target)).toEqual(['keep.txt']);
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('exits 1 with the reason on bad input and leaves no folder, partial or not', async () => {
    const before = await readdir(dir);
    const missing = importTable('--claims', file('no-source.csv'), '--graph-data', file('a'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/missing column SourceID/);
    const blank = importTable('--claims', file('blank-object.csv'), '--graph-data', file('b'));
    expect(blank.status).toBe(1);
    expect(blank.stderr).toMatch(/row 2: empty ObjectID/);
    const type = importTable('--claims', file('claims.csv'), '--graph-data', file('c'), '--object-type', 'planet');
    expect(type.status).toBe(1);
    expect(type.stderr).toMatch(/unknown --object-type "planet" \(known: person, state/);
    const usage = importTable('--claims', file('claims.csv'));
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/--graph-data are required/);
    expect(await readdir(dir)).toEqual(before);
  });
});

describe('tableToCorpus', () => {
  it('keeps a property with any non-numeric value as text, quoting each value exactly', () => {
    const corpus = tableToCorpus([
      ['rome', 'Mayor', 'Gualtieri', 'a'],
      ['rome', 'Mayor', '2021', 'b'],
      ['rome', 'Founded', '-753', 'a'],
    ]);
    expect(corpus.properties.map((p) => [p.id, p.valueType])).toEqual([
      ['mayor', 'text'],
      ['founded', 'quantity'],
    ]);
    expect(corpus.claims.map((c) => c.value)).toEqual([
      { type: 'text', text: 'Gualtieri' },
      { type: 'quantity', comparator: 'exact', amount: -753, unit: 'units' },
      { type: 'text', text: '2021' },
    ]);
    for (const claim of corpus.claims) expect(selectorProblem(corpus.texts.get(claim.source)!, claim.quote)).toBeUndefined();
  });
});

describe('createStore', () => {
  it('checks the written folder the way the server opens it and, on a problem, leaves neither the store nor a partial folder', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'create-store-'));
    const corpus = tableToCorpus([
      ['rome', 'Founded', '-753', 'a'],
      ['rome', 'Founded', '-752', 'b'],
    ]);
    corpus.claims[1]!.quote = { ...corpus.claims[1]!.quote, exact: 'not in the text' };
    await expect(createStore(corpus, path.join(parent, 'store'))).rejects.toThrow(StoreProblemError);
    expect(await readdir(parent)).toEqual([]);
  });
});
