// Triage of contradictions on the bundled graph, in Chromium: largest difference first, identical
// pairs folded with a count, filters (tolerance, an entity picked by name, review status), plain
// words for every basis, and no internal id anywhere on screen.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, type PageHooks } from './harness.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite();

const countText = (page: Page) => page.locator('.conflicts-list .count').textContent();
const rowCount = (text: string | null) => Number(/([\d,]+) rows?/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? NaN);

/** Every claim and comparison id of the store: none may be read on screen. */
function internalIds(): string[] {
  const { corpus, comparisons } = suite.app.repo.snapshot.analysis;
  // Ids that are plain words ("japan") would match ordinary text: only the hyphenated ones are ids for sure.
  return [...corpus.claims.map((c) => c.id), ...comparisons.map((c) => c.id)].filter((id) => id.includes('-'));
}

async function openList(page: Page): Promise<void> {
  await page.getByRole('button', { name: /List of contradictions/ }).click();
  await page.locator('.conflicts-list .conflict-item .item-open').first().waitFor();
}

describe('triage of contradictions', () => {
  it('lists the largest difference first, folds identical pairs, and filters by tolerance', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await openList(page);
    const gaps = await page.locator('.conflicts-list .conflict-item .badge-gap').allTextContents();
    const percents = gaps.filter((g) => g.includes('%')).map((g) => parseFloat(g));
    expect(percents.length).toBeGreaterThan(2);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    // Two different 70,000 claims against one "over 72,000" read the same: one row, counted.
    const alike = page.locator('.conflicts-list .conflict-item', { has: page.locator('.badge-alike') });
    expect(await alike.count()).toBeGreaterThan(0);
    expect(await alike.first().locator('.badge-alike').textContent()).toMatch(/^×\d+ alike$/);
    // Every basis in words, not the engine's code.
    const bases = await page.locator('.conflicts-list .basis').allTextContents();
    expect(bases.length).toBeGreaterThan(0);
    for (const b of bases) expect(b.split(' ').length, b).toBeGreaterThan(3);
    await screenshot(page, 'triage-list');

    const before = rowCount(await countText(page));
    await page.locator('.tolerance-filter').selectOption('5');
    await expect.poll(async () => rowCount(await countText(page))).toBeLessThan(before);
    const kept = (await page.locator('.conflicts-list .badge-gap').allTextContents())
      .filter((g) => g.includes('%'))
      .map((g) => parseFloat(g));
    for (const p of kept) expect(p).toBeGreaterThanOrEqual(5);
    expect(await countText(page)).toMatch(/rows? match, of \d+ contradictions/);
    await page.close();
  });

  it('filters by an entity picked by name, and by review status', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await openList(page);
    await page.locator('.about-input').fill('Kolchak');
    const option = page.locator('.about-options .about-option', { hasText: 'Alexander Kolchak' }).first();
    await option.waitFor();
    await option.click();
    expect(await page.locator('.about-chip').textContent()).toContain('Alexander Kolchak');
    // As many rows as the API has contradictions involving him (as subject, or as the value of a relation).
    const kolchak = (await (await fetch(`${suite.app.base}/api/search?q=Alexander%20Kolchak`)).json()) as {
      entities: { id: string; label: string }[];
    };
    const id = kolchak.entities.find((e) => e.label === 'Alexander Kolchak')!.id;
    const about = (await (await fetch(`${suite.app.base}/api/conflicts?entity=${id}&group=identical&limit=1`)).json()) as { count: number };
    expect(about.count).toBeGreaterThan(0);
    await expect.poll(async () => rowCount(await countText(page))).toBe(about.count);
    expect(await page.locator('.conflicts-list .item-subject', { hasText: 'Alexander Kolchak' }).count()).toBeGreaterThan(0);
    await page.locator('.chip-clear').click();

    const unreviewed = (await (await fetch(`${suite.app.base}/api/conflicts?status=extracted&group=identical&limit=1`)).json()) as {
      count: number;
    };
    await page.locator('.status-filter').selectOption('extracted');
    if (unreviewed.count === 0) await page.locator('.vlist-empty', { hasText: 'No contradiction matches these filters.' }).waitFor();
    else await expect.poll(async () => rowCount(await countText(page))).toBe(unreviewed.count);
    await page.close();
  });

  it('shows no internal id: list, the pair it opens, and the entity with its likely value', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await openList(page);
    const ids = internalIds();
    const leaked = (text: string) => ids.filter((id) => text.includes(id));
    expect(leaked((await page.locator('.conflicts-list').textContent())!)).toEqual([]);
    // Two claims of one source contradicting each other are not "sources split evenly".
    for (const within of await page.locator('.conflicts-list .conflict-item.within .evidence').allTextContents()) {
      expect(within).not.toContain('sources are split');
    }
    await page.locator('.conflicts-list .item-open').first().click();
    await page.waitForURL(/edge=conflicts/);
    await page.locator('.edge-panel .side-by-side').waitFor();
    expect(leaked((await page.locator('aside.side-panel').textContent())!)).toEqual([]);
    expect(await page.locator('.edge-panel .facts').textContent()).toMatch(/In short.{10,}/);
    await screenshot(page, 'triage-pair');

    await page.goto(`${suite.app.base}/?node=entity:japanese-expeditionary-force&panel=details`);
    await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true);
    await page.locator('.property-group').first().waitFor();
    expect(leaked((await page.locator('aside.side-panel').textContent())!)).toEqual([]);
    // An undecided set headlines no value.
    for (const head of await page.locator('.likely-head', { hasText: 'Undecided' }).all()) {
      expect(await head.locator('.likely-value').count()).toBe(0);
    }
    await page.close();
  });
});
