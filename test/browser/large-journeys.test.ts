// A large graph behind the real app (a generated store of 19,000 claims: about 21,000 nodes, so the
// explorer draws it in part): every count is the whole graph's, the list of thousands of
// contradictions is read a page at a time and scrolls to its end, and choosing a contradiction
// whose claims are not drawn loads them and selects the pair.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/lib/corpus.js';
import { writeCorpusFiles } from '../../server/store/create.js';
import { clientBundle, launchBrowser, screenshot, startApp, type PageHooks, type RunningApp } from './harness.js';

const CLAIMS = 19_000;
let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const cleanup: string[] = [];

beforeAll(async () => {
  const [bundle, dir] = await Promise.all([clientBundle(), mkdtemp(path.join(os.tmpdir(), 'concordance-large-'))]);
  cleanup.push(dir, ...(bundle.temporary ? [bundle.dir] : []));
  await writeCorpusFiles(generateCorpus({ claims: CLAIMS, seed: 3 }), dir);
  app = await startApp(dir, bundle.dir);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true })));
});

interface Item {
  id: string;
  verdict: string;
  a: { id: string };
  b: { id: string };
  parts?: { id: string }[];
  same?: string[];
}
const getJson = async <T>(p: string): Promise<T> => (await (await fetch(`${app.base}${p}`)).json()) as T;

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true, null, { timeout: 90_000 });
  return page;
}

describe('a large graph drawn in part', () => {
  it('counts the whole graph everywhere, pages the list to its end, and draws an undrawn pair when chosen', async () => {
    const page = await open(app.base);
    const extent = await page.evaluate(() => (window as unknown as PageHooks).__concordance.extent());
    expect(extent.partial).toBe(true);
    const conflicts = (await getJson<{ count: number }>('/api/conflicts?limit=1')).count;
    const agreements = (await getJson<{ count: number }>('/api/agreements?limit=1')).count;
    const total = (n: number) => n.toLocaleString('en');
    // Banner and toolbar: the whole graph's numbers; beside them, how much of it is drawn.
    await expect
      .poll(() => page.locator('.banner .summary').textContent(), { timeout: 20_000 })
      .toContain(`${total(conflicts)} contradictions`);
    expect(await page.locator('.banner .summary').textContent()).toContain(`${total(agreements)} agreements`);
    // Claims the graph holds: every one not rejected (the generator rejects a few, as reviewers do).
    const live = app.repo.snapshot.analysis.corpus.claims.filter((c) => c.status !== 'rejected').length;
    expect(await page.locator('.banner .summary').textContent()).toContain(`${total(live)} claims`);
    expect(await page.locator('.list-toggle').textContent()).toBe(`List of contradictions (${total(conflicts)})`);
    expect(await page.locator('.view-banner .view-count').textContent()).toMatch(
      new RegExp(`^Showing [\\d,]+ of ${total(extent.total.nodes)} nodes`),
    );

    await page.locator('.list-toggle').click();
    await expect
      .poll(() => page.locator('.conflicts-list .count').textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^${total(conflicts)} contradictions in [\\d,]+ rows`));
    const rows = Number(/in ([\d,]+) rows/.exec((await page.locator('.conflicts-list .count').textContent())!)![1]!.replace(/,/g, ''));
    expect(rows).toBeGreaterThan(1000);
    // Only the rows in view exist; scrolled to the very end, the last row is read and drawn.
    expect(await page.locator('.conflicts-list .conflict-item').count()).toBeLessThan(40);
    await page.locator('.conflicts-list .vlist').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.locator(`.conflicts-list .vlist-row[data-index="${rows - 1}"] .item-open`).waitFor({ timeout: 20_000 });
    await screenshot(page, 'large-list-end');

    // A contradiction whose first claim is not drawn: chosen in the list, it is loaded and selected.
    let target: { item: Item; index: number } | null = null;
    for (let offset = 0; offset < rows && !target; offset += 500) {
      const { items } = await getJson<{ items: Item[] }>(`/api/conflicts?sort=gap&group=identical&offset=${offset}&limit=500`);
      for (const [i, item] of items.entries()) {
        const drawn = await page.evaluate(
          (k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k) !== null,
          `claim:${item.a.id}`,
        );
        if (!drawn) {
          target = { item, index: offset + i };
          break;
        }
      }
    }
    expect(target, 'every contradiction is drawn: the graph is not shown in part').not.toBeNull();
    const { item, index } = target!;
    await page.locator('.conflicts-list .vlist').evaluate((el, top) => {
      el.scrollTop = top;
    }, index * 190);
    const row = page.locator(`.conflicts-list .item-open[data-comparison="${item.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await page.waitForURL(/edge=conflicts/, { timeout: 30_000 });
    const state = await page.evaluate(() => (window as unknown as PageHooks).__concordance.state());
    const edgeComparison = state.edge!.slice(state.edge!.indexOf(':') + 1);
    expect([item.id, ...(item.same ?? [])]).toContain(edgeComparison);
    for (const claim of [item.a.id, item.b.id]) {
      expect(await page.evaluate((k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k) !== null, `claim:${claim}`)).toBe(
        true,
      );
    }
    await page.locator('.edge-panel .side-by-side').waitFor({ timeout: 20_000 });
    await screenshot(page, 'large-undrawn-pair');
    expect(await page.evaluate(() => (window as unknown as PageHooks).__pageErrors)).toEqual([]);
    await page.close();
  });
});
