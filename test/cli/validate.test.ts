import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniStore } from '../helpers/mini-store.js';
import { runCli } from '../helpers/run-cli.js';

describe('npm run validate', () => {
  it('passes a valid store', async () => {
    const run = runCli('validate.ts', [], await miniStore());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('graph-data is valid: 1 sources, 2 entities, 2 properties, 2 claims, 0 judgements');
  });

  it('prints every problem with file and record id and exits 1', async () => {
    const root = await miniStore();
    const claimsFile = path.join(root, 'claims', 'chronicle.json');
    const claims = JSON.parse(await readFile(claimsFile, 'utf8'));
    claims[0].quote.exact = 'The garrison numbered 5,000 men in 1919.';
    claims[1].subject = 'nobody';
    claims[1].citations = [{ kind: 'reference', ref: 9 }];
    await writeFile(claimsFile, JSON.stringify(claims));
    await writeFile(path.join(root, 'entities.json'), '[{"id": "Bad Id", "type": "person", "label": "x", "aliases": []}]');
    const run = runCli('validate.ts', [], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('claims/chronicle.json, record chronicle-1, at /quote: quote: text at 0-40 is');
    expect(run.stderr).toContain('claims/chronicle.json, record chronicle-2, at /subject: unknown subject entity nobody');
    expect(run.stderr).toContain(
      'claims/chronicle.json, record chronicle-2, at /citations/0/ref: citation [9] is not in the reference list of chronicle',
    );
    expect(run.stderr).toContain('entities.json, record Bad Id, at /0/id: must match pattern');
  });

  it('detects a source text changed after curation', async () => {
    const root = await miniStore();
    await writeFile(path.join(root, 'sources', 'chronicle.txt'), 'something else entirely');
    const run = runCli('validate.ts', [], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/sources\/chronicle\.json, record chronicle, at \/text\/sha256: text changed: sha256 is [0-9a-f]{64}/);
  });

  it('rejects malformed JSON with the file named', async () => {
    const root = await miniStore();
    await writeFile(path.join(root, 'properties.json'), '[{"id": ');
    const run = runCli('validate.ts', [], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('properties.json: unreadable JSON');
  });
});

describe('npm run report', () => {
  it('refuses an unknown argument with usage and exit 2', () => {
    const run = runCli('report.ts', ['--jsno']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run report [-- --json]');
  });

  it("reports the mini store's conflict in text and JSON", async () => {
    const root = await miniStore();
    const text = runCli('report.ts', [], root);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('CONTRADICTIONS (1)');
    expect(text.stdout).toContain('WITHIN ONE SOURCE (A chronicle)');
    expect(text.stdout).toContain("why: 4,000 is below the lower bound of 'some 6,000 men' (−26 %)");
    const json = JSON.parse(runCli('report.ts', ['--json'], root).stdout);
    expect(json.agreements).toEqual([]);
    expect(json.conflicts[0]).toMatchObject({
      verdict: 'conflicts',
      scope: 'within',
      a: { id: 'chronicle-1', quote: { start: 0 }, citedAs: ['[1] Smith 1990, p. 4.'] },
      b: { id: 'chronicle-2', citedAs: ['citation needed'] },
    });
  });
});
