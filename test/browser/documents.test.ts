// A PDF chosen in the Add source dialog, in Chromium against the real app: the server reads it, the
// dialog shows what was derived and fills the metadata, and saving keeps the original beside the text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../formats/files.js';
import { openApp, screenshot } from './harness.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite();

describe('adding a PDF', () => {
  it('reads the file on the server, shows its pages and metadata, and saves it with the original kept', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await page.getByRole('button', { name: '+ Add source' }).click();
    await page.locator('dialog.add-dialog[open]').waitFor();
    const pdf = await makePdf([['Foreword.'], ['The Japanese Expeditionary Force had 70,000 troops in 1919.']], {
      title: 'Notes on the expedition',
      author: 'E. Archivist',
    });
    await page.setInputFiles('#add-file', { name: 'expedition notes.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect
      .poll(() => page.locator('#add-file-note').textContent(), { timeout: 30_000 })
      .toMatch(/expedition notes\.pdf: PDF, 2 pages/);
    expect(await page.inputValue('#add-title')).toBe('Notes on the expedition');
    expect(await page.inputValue('#add-author')).toBe('E. Archivist');
    expect(await page.inputValue('#add-text')).toContain('70,000 troops in 1919.');
    expect(await page.locator('#add-text').evaluate((el) => (el as HTMLTextAreaElement).readOnly)).toBe(true);
    await screenshot(page, 'add-pdf');
    await page.fill('#add-publisher', 'Browser test');
    await page.getByRole('button', { name: 'Add source', exact: true }).click();
    await page.locator('.add-success').waitFor({ timeout: 30_000 });
    const sources = (await (await fetch(`${suite.app.base}/api/sources`)).json()) as { items: { id: string; title: string }[] };
    const saved = sources.items.find((s) => s.title === 'Notes on the expedition')!;
    const stored = JSON.parse(await readFile(path.join(suite.app.repo.layout.root, 'sources', `${saved.id}.json`), 'utf8'));
    expect(stored.original).toMatchObject({ mediaType: 'application/pdf', fileName: 'expedition notes.pdf', size: pdf.length });
    expect((await readFile(path.join(suite.app.repo.layout.root, 'sources', stored.original.file))).equals(pdf)).toBe(true);
  });

  it('says why a file is refused (its name lies about its content), and keeps the text box free', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await page.getByRole('button', { name: '+ Add source' }).click();
    await page.locator('dialog.add-dialog[open]').waitFor();
    await page.setInputFiles('#add-file', {
      name: 'lies.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html><body>not a pdf</body></html>'),
    });
    await expect
      .poll(() => page.locator('#add-file-note').textContent(), { timeout: 30_000 })
      .toMatch(/lies\.pdf was not read: .*but its content is a web page/);
    expect(await page.locator('#add-text').evaluate((el) => (el as HTMLTextAreaElement).readOnly)).toBe(false);
  });
});

describe('the download menu', () => {
  it("offers every export of the whole graph, and of a selected entity's part, as links that download", async () => {
    const page = await openApp(suite.context, suite.app.base);
    await page.getByText('Download…').click();
    const links = page.locator('.export-list a');
    await expect.poll(() => links.count()).toBe(5);
    const hrefs = await links.evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.endsWith('/api/export?format=gexf'))).toBe(true);
    const csv = await fetch(
      new URL(
        hrefs.find((h) => h?.includes('comparisons-csv'))!,
        suite.app.base,
      ),
    );
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
    expect((await csv.text()).split('\r\n').length).toBeGreaterThan(20);
    await screenshot(page, 'download-menu');
    // With an entity selected, each format also comes for its part of the graph.
    await page.goto(`${suite.app.base}/?node=entity:semyonov`);
    await page.getByText('Download…').click();
    await expect.poll(() => page.locator('.export-list a.export-part').count()).toBe(5);
    const part = await page.locator('.export-list a.export-part').first().getAttribute('href');
    expect(part).toContain('view=entity&id=semyonov');
    expect((await fetch(new URL(part!, suite.app.base))).status).toBe(200);
  });
});

describe('a footnote with its full record', () => {
  it('shows the work a reference manager recorded, with its DOI as a link', async () => {
    const text =
      'The Japanese Expeditionary Force had 70,000 troops in 1919.[1] The force left in 1922.[2]\n\nReferences\n\n  1. Dunscomb 2006, p. 60.\n  2. Kennan 1958, p. 3.\n';
    const bib =
      '@article{d, author={Dunscomb, Paul E.}, title={A Great Disobedience Against the People}, journal={The Journal of Japanese Studies}, year={2006}, volume={32}, pages={53--81}, doi={10.1353/jjs.2006.0002}}';
    const saved = await fetch(`${suite.app.base}/api/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Footnoted notes', publisher: 'Desk', text, bibliography: { references: bib } }),
    });
    expect(saved.status).toBe(201);
    const { source } = (await saved.json()) as { source: { id: string } };
    const page = await openApp(suite.context, `${suite.app.base}/?node=citation:${source.id}:1&panel=details`);
    const record = page.locator('.reference-record');
    await expect.poll(() => record.textContent(), { timeout: 20_000 }).toMatch(/^Dunscomb, P\. E\. \(2006\)\. A Great Disobedience/);
    expect(await record.locator('a').getAttribute('href')).toBe('https://doi.org/10.1353/jjs.2006.0002');
    await screenshot(page, 'footnote-record');
  });
});
