// `npm run ingest` with the files people have: a PDF whose metadata fills the title, a Word file, a
// lying file name, all against a private copy of the store.
import { readFile, readdir, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyGraphData } from '../api/harness.js';
import { runCli } from '../helpers/run-cli.js';
import { makeDocx, makePdf } from './files.js';

let store: string;
let files: string;
beforeAll(async () => {
  store = await copyGraphData();
  files = await mkdtemp(path.join(tmpdir(), 'concordance-files-'));
});
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(store, { recursive: true, force: true });
  await rm(files, { recursive: true, force: true });
});

describe('npm run ingest with documents', () => {
  it('stores a PDF with its title from the document, its original kept and its pages recorded', async () => {
    const pdf = path.join(files, 'report.pdf');
    await writeFile(
      pdf,
      await makePdf([['Preface.'], ['By October 1918, Japanese troops in the Russian Far East', 'numbered over 72,000 soldiers.']], {
        title: 'Report on the Far East',
      }),
    );
    const run = runCli('ingest.ts', [pdf, '--publisher', 'Army archive'], store);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/read .*report\.pdf as PDF: .* characters on 2 pages/);
    const id = /stored source ([a-z0-9-]+)/.exec(run.stdout)![1]!;
    const source = JSON.parse(await readFile(path.join(store, 'sources', `${id}.json`), 'utf8'));
    expect(source.title).toBe('Report on the Far East');
    expect(source.original).toMatchObject({ file: `${id}.original.pdf`, mediaType: 'application/pdf', fileName: 'report.pdf' });
    expect((await readFile(path.join(store, 'sources', source.original.file))).equals(await readFile(pdf))).toBe(true);
    expect(runCli('validate.ts', [], store).status).toBe(0);
  });

  it('stores a Word file, and refuses a file whose name lies about its content, storing nothing', async () => {
    const docx = path.join(files, 'notes.docx');
    await writeFile(docx, await makeDocx({ paragraphs: ['Semenov had some 5,000 men in 1919.'], meta: { title: 'Notes' } }));
    const ok = runCli('ingest.ts', [docx, '--publisher', 'Private papers'], store);
    expect(ok.status, ok.stderr).toBe(0);
    const id = /stored source ([a-z0-9-]+)/.exec(ok.stdout)![1]!;
    const source = JSON.parse(await readFile(path.join(store, 'sources', `${id}.json`), 'utf8'));
    const text = await readFile(path.join(store, 'sources', `${id}.txt`), 'utf8');
    // Where each part of the derived text came from: its paragraphs, as Word had them.
    const paragraphs = source.segments.filter((s: { kind: string }) => s.kind === 'paragraph');
    expect(paragraphs.map((s: { start: number; end: number }) => text.slice(s.start, s.end))).toEqual([
      'Semenov had some 5,000 men in 1919.',
    ]);
    const before = await readdir(path.join(store, 'sources'));
    const liar = path.join(files, 'liar.pdf');
    await writeFile(liar, await readFile(docx));
    const refused = runCli('ingest.ts', [liar, '--title', 'T', '--publisher', 'P'], store);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/named liar\.pdf but its content is a Word \.docx/);
    expect(await readdir(path.join(store, 'sources'))).toEqual(before);
  });
});
