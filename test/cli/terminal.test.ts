// Control characters in stored text never reach the terminal raw: every CLI prints through
// server/cli/terminal.ts, which shows them as \uXXXX escapes.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../server/core/anchor.js';
import { sha256 } from '../../server/core/integrity.js';
import type { Claim, Source } from '../../server/core/schema-types.js';
import { forTerminal, oneField } from '../../server/cli/terminal.js';
import { MINI_TEXT, miniStore } from '../helpers/mini-store.js';
import { runCli } from '../helpers/run-cli.js';

/** What a terminal acts on rather than shows (tab and line feed are layout). */
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Clears the screen, retitles the window, rings the bell. */
const PLANTED = '\u001b[2J\u001b]0;pwned\u0007';

describe('forTerminal', () => {
  it('escapes ESC, BEL, NUL, CR, DEL, C1 controls and bidi overrides, and keeps line feeds, tabs and ordinary text', () => {
    expect(forTerminal('a\u001b[2Jb\u0007c\u0000d\re\u007f\u009b\u202Ef')).toBe(
      'a\\u001B[2Jb\\u0007c\\u0000d\\u000De\\u007F\\u009B\\u202Ef',
    );
    expect(forTerminal('line one\n\tline two')).toBe('line one\n\tline two');
    const ordinary = 'Ōtani Kikuzō — “72,000” 🇯🇵 👨‍👩‍👧 e\u0301';
    expect(forTerminal(ordinary)).toBe(ordinary);
  });

  it('keeps JSON valid and equal: the escapes are JSON escapes', () => {
    const data = { title: `A\u009b\u202E${PLANTED}`, n: 1 };
    const printed = forTerminal(JSON.stringify(data, null, 2));
    expect(printed).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(printed)).toEqual(data);
  });

  it('writes a one-line field with its line feeds and tabs escaped too', () => {
    expect(oneField('Title\nfake line\t!')).toBe('Title\\nfake line\\t!');
  });
});

/** The mini store with `planted` inside the first claim's quote (and so in the source text). */
async function storeWithPlantedQuote(planted: string): Promise<string> {
  const root = await miniStore();
  const text = MINI_TEXT.replace('The garrison numbered 4,000', `The garrison${planted} numbered 4,000`);
  const sourceFile = path.join(root, 'sources', 'chronicle.json');
  const source = JSON.parse(await readFile(sourceFile, 'utf8')) as Source;
  source.text = { ...source.text, sha256: sha256(text), length: text.length };
  await writeFile(sourceFile, JSON.stringify(source));
  await writeFile(path.join(root, 'sources', 'chronicle.txt'), text);
  const claimsFile = path.join(root, 'claims', 'chronicle.json');
  const claims = JSON.parse(await readFile(claimsFile, 'utf8')) as Claim[];
  for (const c of claims) c.quote = anchorQuote(text, c.quote.exact.replace('The garrison numbered', `The garrison${planted} numbered`))!;
  await writeFile(claimsFile, JSON.stringify(claims));
  return root;
}

describe('CLI output with planted control characters', () => {
  it('npm run report prints a quote holding ESC and BEL escaped, as text and as JSON', async () => {
    const root = await storeWithPlantedQuote(PLANTED);
    const text = runCli('report.ts', [], root);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('The garrison\\u001B[2J\\u001B]0;pwned\\u0007 numbered 4,000 men');
    expect(text.stdout + text.stderr).not.toMatch(RAW_CONTROL);

    const json = runCli('report.ts', ['--json'], root);
    expect(json.status).toBe(0);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(json.stdout);
    const quotes = [...report.conflicts, ...report.agreements].flatMap((i: { a: Claim; b: Claim }) => [i.a.quote.exact, i.b.quote.exact]);
    expect(quotes).toContain(`The garrison${PLANTED} numbered 4,000 men in 1919.`);
  });

  it('a planted title never reaches the terminal raw (report, validate, ingest)', async () => {
    const root = await miniStore();
    const sourceFile = path.join(root, 'sources', 'chronicle.json');
    const source = JSON.parse(await readFile(sourceFile, 'utf8')) as Source;
    await writeFile(sourceFile, JSON.stringify({ ...source, title: `A chronicle${PLANTED}\u0000` }));
    for (const run of [runCli('report.ts', [], root), runCli('validate.ts', [], root)]) {
      expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
      expect(run.stdout + run.stderr).not.toBe('');
    }

    const file = path.join(await miniStore(), 'letter.txt');
    await writeFile(file, 'The garrison numbered 8,000 men in 1921.');
    const ingest = runCli('ingest.ts', [file, '--title', `Letter${PLANTED}`, '--publisher', 'Archive'], path.dirname(file));
    expect(ingest.stdout + ingest.stderr).not.toMatch(RAW_CONTROL);
    expect(ingest.stdout + ingest.stderr).toMatch(/title/);
  });
});
