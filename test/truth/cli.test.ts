// `npm run truth` end to end, as a user runs it, on small CSV files in a temp dir.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { TruthInputError } from '../../server/truth/csv.js';
import { readClaimTable, readGold } from '../../server/truth/table.js';

const truth = (...args: string[]) => runCli('truth.ts', args);

let dir: string;
const file = (name: string): string => path.join(dir, name);

// Columns out of order, an extra column, quoted fields with a comma and a doubled quote.
const CLAIMS = `"SourceID","Extra","ObjectID","PropertyID","PropertyValue"
"ann","x","springfield, il","Population2000","111454"
"bob","x","springfield, il","Population2000","111454"
"eve","x","springfield, il","Population2000","99999999"
"ann","x","peoria","Population2000","112936"
"eve","x","peoria","Population2000","112963"
"bob","x","peoria","Population2000","112936"
"ann","x","o""fallon","Population2000","21910"
`;

const GOLD = `"ObjectID","PropertyID","PropertyValue"
"springfield, il","Population2000","111454"
"peoria","Population2000","112936"
"nowhere","Population2000","5"
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'truth-cli-'));
  await writeFile(file('claims.csv'), CLAIMS);
  await writeFile(file('gold.csv'), GOLD);
  await writeFile(file('no-source.csv'), '"ObjectID","PropertyID","PropertyValue"\n"a","b","1"\n');
  await writeFile(file('broken.csv'), '"ObjectID","PropertyID","PropertyValue","SourceID"\n"a","b","1,"s"\n');
  await writeFile(file('ragged.csv'), '"ObjectID","PropertyID","PropertyValue","SourceID"\n"a","b","1"\n');
  await writeFile(file('empty.csv'), '');
});

describe('npm run truth', () => {
  it('writes one value per item with its confidence, and prints accuracy beside vote, time and memory', async () => {
    const run = truth('--claims', file('claims.csv'), '--truth', file('gold.csv'), '--out', file('out.csv'));
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const out = (await readFile(file('out.csv'), 'utf8')).trim().split('\n');
    expect(out[0]).toBe('"ObjectID","PropertyID","PropertyValue","Confidence"');
    expect(out.slice(1)).toHaveLength(3);
    expect(out).toContainEqual(expect.stringMatching(/^"springfield, il","Population2000","111454","0\.\d{4}"$/));
    expect(out).toContainEqual(expect.stringMatching(/^"peoria","Population2000","112936","0\.\d{4}"$/));
    expect(out).toContainEqual(expect.stringMatching(/^"o""fallon","Population2000","21910","0\.\d{4}"$/));
    // The gold item missing from the claims counts as wrong: 2 of 3, not 2 of 2.
    expect(run.stdout).toMatch(
      /^truthfinder accuracy 0\.6667 \(2\/3, 1 gold items absent from the claims counted wrong, 95 % 0\.21-0\.94\)/m,
    );
    // Pasternack & Roth's protocol beside it: the contested items whose gold value some source states.
    expect(run.stdout).toMatch(/^truthfinder .*Pasternack & Roth\): 1\.0000 \(2\/2, /m);
    expect(run.stdout).toMatch(/^vote +accuracy 0\.6667 \(2\/3, 1 gold items absent/m);
    expect(run.stdout).toMatch(/converged true/);
    expect(run.stdout).toMatch(/total time \d+\.\d\d s, peak memory \d+ MiB \(RSS\)/);
    expect(run.stderr).toMatch(/truth: 7 claims, 3 items, 3 sources/);
  });

  it('runs any registered method by name (--method accu), still beside vote', async () => {
    const run = truth('--claims', file('claims.csv'), '--truth', file('gold.csv'), '--method', 'accu');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^accu +accuracy 0\.6667 \(2\/3, 1 gold items absent/m);
    expect(run.stdout).toMatch(/^vote +accuracy 0\.6667/m);
    expect(run.stderr).toMatch(/truth: accu: \d+ iteration\(s\), final delta .*, converged true/);
  });

  it('writes the CSV to stdout without --out and --truth, and runs the vote baseline alone', async () => {
    const run = truth('--claims', file('claims.csv'), '--method', 'vote');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('"ObjectID","PropertyID","PropertyValue","Confidence"');
    expect(run.stdout).toContain('"springfield, il","Population2000","111454","0.6667"');
  });

  // Each case is a process start (slow): the exit-code paths here, the remaining messages in-process below.
  it.concurrent.each([
    [['--claims', 'missing.csv'], /^truth: cannot read missing\.csv: ENOENT$/m],
    [['--claims', 'no-source.csv'], /^truth: .*no-source\.csv: missing column SourceID \(header: ObjectID, PropertyID, PropertyValue\)$/m],
    [['--claims', 'broken.csv'], /^truth: .*broken\.csv: malformed CSV: Invalid Closing Quote/m],
    [['--claims', 'claims.csv', '--metod', 'vote'], /^truth: Unknown option '--metod'/m],
  ])('bad input %j: one clear line on stderr, exit code 1', async (args, message) => {
    const run = truth(...args.map((a) => (a.endsWith('.csv') && a !== 'missing.csv' ? file(a) : a)));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('    at ');
  });
});

describe('input errors, in-process', () => {
  it.each([
    ['ragged.csv', /ragged\.csv: malformed CSV: Invalid Record Length: expect 4, got 3 on line 2$/],
    ['empty.csv', /empty\.csv: empty file, expected a header row with ObjectID, PropertyID, PropertyValue, SourceID$/],
    ['missing.csv', /^cannot read .*missing\.csv: ENOENT$/],
  ])('%s', async (name, message) => {
    const error = await readClaimTable(file(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruthInputError);
    expect((error as Error).message).toMatch(message);
  });

  it('a missing gold file', async () => {
    await expect(readGold(file('gold-missing.csv'))).rejects.toThrow(/^cannot read .*gold-missing\.csv: ENOENT$/);
  });
});
