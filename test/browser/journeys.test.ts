// Navigation and citations in Chromium on the bundled graph: zoom and fit buttons, keyboard entry
// to the graph with nothing selected, the view downloaded as a PNG, footnote markers linked to the
// reference list and back, references found by search, several words matched across fields.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, countForegroundPixels, openApp, screenshot, type PageHooks } from './harness.js';
import { useBrowserSuite } from './suite.js';

const WP = 'wikipedia-japanese-intervention';
const suite = useBrowserSuite();
const state = (page: Page) => page.evaluate(() => (window as unknown as PageHooks).__concordance.state());
const camera = (page: Page) => page.evaluate(() => (window as unknown as PageHooks).__concordance.camera());

describe('navigation', () => {
  it('zooms in and out with the buttons, fits the whole graph, and enters the graph from the keyboard', async () => {
    const page = await openApp(suite.context, suite.app.base);
    const start = (await camera(page)).ratio;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await camera(page)).ratio).toBeLessThan(start * 0.9);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(async () => (await camera(page)).ratio).toBeGreaterThan(start * 1.1);
    await page.getByRole('button', { name: 'Fit the whole graph in view' }).click();
    await expect.poll(async () => (await camera(page)).ratio).toBeCloseTo(1, 3);

    // Nothing selected: an arrow key on the focused graph selects the node nearest the middle.
    expect((await state(page)).node).toBeNull();
    await page.locator('#graph').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await state(page)).node).not.toBeNull();
    const first = (await state(page)).node!;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await state(page)).node).not.toBe(first);
    expect(await page.locator('#status').textContent()).not.toBe('');
    await page.close();
  });

  it('downloads the view as a PNG that shows the graph', async () => {
    const page = await openApp(suite.context, `${suite.app.base}/?lens=1`);
    await page.waitForTimeout(400);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the view as a PNG image' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^concordance-.*\.png$/);
    const png = await readFile((await download.path())!);
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, 'download.png'), png);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const { foreground, total } = await countForegroundPixels(suite.context, png);
    expect(foreground, 'the PNG is blank').toBeGreaterThan(total * 0.01);
    await page.close();
  });
});

describe('citations', () => {
  it('a footnote marker jumps to its reference entry, and the entry leads back to the marker', async () => {
    const page = await openApp(suite.context, `${suite.app.base}/?node=source:${WP}&panel=details`);
    const marker = page.locator('.source-text .marker-ref[data-ref="8"]').first();
    await marker.waitFor();
    const markerId = await marker.getAttribute('id');
    await marker.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`ref-${WP}-8`);
    expect(await page.locator(`#ref-${WP}-8`).textContent()).toContain('Humphreys');
    await screenshot(page, 'reference-jump');
    await page.locator(`#ref-${WP}-8 .ref-back`).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(markerId);
    // The reference list filters by words.
    await page.locator('.ref-filter').fill('Humphreys 1996');
    const shown = await page.locator('.references li:not([hidden])').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(await page.locator('.references li').count());
    await page.close();
  });

  it('search finds a reference by its author and opens it in its source; two words match across fields; the box empties', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await page.keyboard.press('/');
    await page.keyboard.type('Humphreys');
    const reference = page.locator('#search-list [role="option"].kind-reference').first();
    await reference.waitFor({ timeout: 8000 });
    expect(await reference.textContent()).toContain('Humphreys');
    await reference.click();
    await page.waitForURL(new RegExp(`node=source:${WP}`));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { timeout: 8000 })
      .toMatch(new RegExp(`^ref-${WP}-\\d+$`));
    expect(await page.locator('#search').inputValue()).toBe('');

    await page.keyboard.press('/');
    await page.keyboard.type('Vladivostok 1918');
    await page.locator('#search-list [role="option"]').first().waitFor({ timeout: 8000 });
    expect(await page.locator('#search-list .no-match').count()).toBe(0);
    await screenshot(page, 'search-two-words');
    await page.close();
  });
});

describe('a claim from selected text', () => {
  it('selecting words in the reader offers a claim; saved, it is stored with its quote and shown', async () => {
    const page = await openApp(suite.context, `${suite.app.base}/?node=source:${WP}&panel=details`);
    await page.locator('.source-text').waitFor();
    const text = suite.app.repo.snapshot.analysis.corpus.texts.get(WP)!;
    // Words no claim quotes yet, selected by their offsets in the text the reader shows.
    const words = 'Vladivostok';
    const quoted = suite.app.repo.snapshot.analysis.corpus.claims
      .filter((c) => c.source === WP)
      .map((c) => [c.quote.start, c.quote.end] as const);
    let start = text.indexOf(words);
    while (start >= 0 && quoted.some(([s, e]) => start < e && start + words.length > s)) start = text.indexOf(words, start + 1);
    expect(start, 'every "Vladivostok" is already quoted by a claim').toBeGreaterThanOrEqual(0);
    await page.evaluate(
      ([from, length]) => {
        const root = document.querySelector('.source-text')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent!.length;
          if (seen + len > from! && !range.startContainer.isSameNode(node) && range.collapsed && seen <= from!)
            range.setStart(node, from! - seen);
          if (seen + len >= from! + length!) {
            range.setEnd(node, from! + length! - seen);
            break;
          }
          seen += len;
        }
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      },
      [start, words.length],
    );
    const offer = page.locator('.make-claim');
    await offer.waitFor();
    expect(await offer.textContent()).toContain(words);
    // The value is read by the server's extraction readers, with the selection's place in the source.
    const reading = page.waitForResponse((r) => r.url().includes('/api/read-value?'));
    await offer.click();
    await page.locator('.new-claim').waitFor();
    const read = await reading;
    expect(read.status()).toBe(200);
    expect(new URL(read.url()).searchParams.get('at')).toBe(String(start));
    expect(((await read.json()) as { value: { type: string } }).value.type).toBe('text');
    expect(await page.locator('#new-claim-type').inputValue()).toBe('text');
    await page.locator('#new-claim-subject-search').fill('Vladivostok');
    await page.locator('.new-claim .pick').first().click();
    // A property whose values are text, as the guessed value is.
    const textProperty = suite.app.repo.snapshot.analysis.corpus.properties.find((p) => p.valueType === 'text' && p.id === 'position')!;
    await page.locator('#new-claim-property').selectOption(textProperty.id);
    await screenshot(page, 'new-claim-form');
    const before = suite.app.repo.snapshot.analysis.corpus.claims.length;
    await page.getByRole('button', { name: 'Save the claim' }).click();
    await page.waitForURL(/node=claim:/, { timeout: 15_000 }).catch(async (err: unknown) => {
      throw new Error(`not saved: ${await page.locator('.new-claim-problem').textContent()}`, { cause: err });
    });
    const created = suite.app.repo.snapshot.analysis.corpus.claims;
    expect(created.length).toBe(before + 1);
    const claim = created.find((c) => c.id === new URL(page.url()).searchParams.get('node')!.slice('claim:'.length))!;
    expect(claim).toMatchObject({ source: WP, quote: { exact: words, start, end: start + words.length } });
    await page.locator('.claim-panel').waitFor();
    await page.close();
  });
});

describe('the timeline lens', () => {
  it('draws the dated claims of the selected entity, one lane per source, conflicts as arcs; a bar opens its claim', async () => {
    // The entity with the most dated claims and at least one conflict among them, found from the API.
    const all = (await (await fetch(`${suite.app.base}/api/timeline`)).json()) as {
      entries: { claim: string; subject: { id: string }; source: { id: string } }[];
      conflicts: { a: string }[];
    };
    const subjectOf = new Map(all.entries.map((e) => [e.claim, e.subject.id]));
    const entity = subjectOf.get(all.conflicts[0]!.a)!;
    const mine = all.entries.filter((e) => e.subject.id === entity);
    const page = await openApp(suite.context, `${suite.app.base}/?node=entity:${entity}`);
    await page.getByRole('button', { name: 'Timeline' }).click();
    await page.waitForURL(/timeline=1/);
    const lens = page.locator('section.timeline');
    await lens.locator('.tl-claim').first().waitFor();
    const one = (await (await fetch(`${suite.app.base}/api/timeline?entity=${entity}`)).json()) as {
      entries: unknown[];
      conflicts: unknown[];
    };
    expect(await lens.locator('.tl-claim').count()).toBe(one.entries.length);
    expect(one.entries.length).toBeGreaterThanOrEqual(mine.length);
    expect(await lens.locator('.tl-source').count()).toBe(
      new Set((one.entries as { source: { id: string } }[]).map((e) => e.source.id)).size,
    );
    expect(await lens.locator('.tl-conflict').count()).toBe(one.conflicts.length);
    expect(one.conflicts.length).toBeGreaterThan(0);
    await screenshot(page, 'timeline');
    const bar = lens.locator('.tl-claim').first();
    const claim = await bar.getAttribute('data-claim');
    await bar.click();
    await page.waitForURL(new RegExp(`node=claim:${claim}`));
    await page.close();
  });
});
