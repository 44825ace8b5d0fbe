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
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the view as a PNG image' }).click()]);
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
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { timeout: 8000 }).toMatch(new RegExp(`^ref-${WP}-\\d+$`));
    expect(await page.locator('#search').inputValue()).toBe('');

    await page.keyboard.press('/');
    await page.keyboard.type('Vladivostok 1918');
    await page.locator('#search-list [role="option"]').first().waitFor({ timeout: 8000 });
    expect(await page.locator('#search-list .no-match').count()).toBe(0);
    await screenshot(page, 'search-two-words');
    await page.close();
  });
});
