// A large graph (issue #7), from the synthetic generator the client benchmark uses, behind the server's own
// view code: it opens on its entity overview ("Showing N of M nodes · the … most disputed"), draws the first frame from the
// server's positions, loads a linked node that is not drawn yet, grows around the selection, and
// loads everything on request.
import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, syntheticGraph } from './synthetic-graph.js';
import type { ConcordanceGraph } from '../../server/analysis/graph.js';
import { clientBundle, launchBrowser, screenshot, type PageHooks } from './harness.js';

const ORDER = 24_000;
let graph: ConcordanceGraph;
let base: string;
let server: Server;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
const cleanup: string[] = [];

beforeAll(async () => {
  const bundle = await clientBundle();
  if (bundle.temporary) cleanup.push(bundle.dir);
  graph = syntheticGraph(ORDER);
  ({ base, server } = await serve(bundle.dir, graph));
  browser = await launchBrowser();
  context = browser.context;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

const hook = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as PageHooks).__concordance;
    return { counts: c.counts(), extent: c.extent(), perf: c.perf(), state: c.state(), layout: c.layoutRunning() };
  });

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true, null, { timeout: 60_000 });
  return page;
}

describe('a large graph', () => {
  it('opens on its entity overview, loads a linked node, grows around the selection, and loads everything on request', async () => {
    const conflicted = graph.filterNodes((_k, a) => a.kind === 'claim' && Number(a.conflicts) > 0);
    const quiet = graph.filterNodes(
      (k, a) => a.kind === 'claim' && !graph.someEdge(k, (_e, e) => e.kind === 'agrees' || e.kind === 'conflicts'),
    );
    expect(conflicted.length).toBeGreaterThan(0);
    const outside = quiet[0]!;
    const page = await open(`${base}/?node=${outside}`);
    let h = await hook(page);
    expect(h.extent).toEqual({ partial: true, total: { nodes: ORDER, edges: graph.size } });
    // The first frame is drawn from the server's positions, and a part of a large graph keeps them:
    // no layout runs unless asked for (it kept the page busy for seconds and moved the picture).
    expect(h.perf.marks.firstFrame).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect((await hook(page)).perf.marks.layoutStarted).toBeUndefined();
    const banner = page.locator('.view-banner');
    await expect
      .poll(() => banner.locator('.view-count').textContent())
      .toMatch(
        /^Showing [\d,]+ of 24,000 nodes · the [\d,]+ most disputed of [\d,]+ entities, with [\d,]+ of [\d,]+ sources; select one to load its claims$/,
      );
    // The linked claim is not a contradiction: it was loaded with its neighbourhood, and selected.
    await page.waitForFunction((k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k) !== null, outside);
    h = await hook(page);
    expect(h.state.node).toBe(outside);
    const before = h.counts.nodes;
    expect(before).toBeLessThanOrEqual(5000 + 50);

    // Two steps around the selection.
    await banner.locator('select').selectOption('2');
    await banner.getByRole('button', { name: 'Expand around selection' }).click();
    await expect.poll(() => banner.locator('.view-status').textContent(), { timeout: 20_000 }).toMatch(/nodes added|Nothing more/);
    h = await hook(page);
    const subject = `entity:${String(graph.getNodeAttribute(outside, 'subject'))}`;
    const twoSteps = new Set([outside, ...graph.neighbors(outside), ...graph.neighbors(subject)]);
    expect(h.counts.nodes).toBeGreaterThan(before);
    const drawn = await page.evaluate(
      (keys) => keys.filter((k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k) !== null).length,
      [...twoSteps].slice(0, 500),
    );
    expect(drawn).toBe(Math.min(500, twoSteps.size));
    expect(await banner.locator('.view-count').textContent()).toContain(`Showing ${h.counts.nodes.toLocaleString('en')} of`);
    await screenshot(page, 'big-graph-partial');

    await banner.getByRole('button', { name: /Load all 24,000/ }).click();
    await page.waitForURL(/full=1/);
    await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true, null, { timeout: 60_000 });
    h = await hook(page);
    expect(h.counts).toEqual({ nodes: ORDER, edges: graph.size });
    expect(h.extent.partial).toBe(false);
    // The selection survives the reload and is framed afresh (the old part's camera meant nothing here).
    expect(h.state.node).toBe(outside);
    await expect
      .poll(async () => {
        const p = await page.evaluate((k) => (window as unknown as PageHooks).__concordance.viewportPosition(k), outside);
        const box = (await page.locator('#graph').boundingBox())!;
        return !!p && p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height;
      })
      .toBe(true);
    expect(await banner.isVisible()).toBe(false);
    await screenshot(page, 'big-graph-full');
    expect(await page.evaluate(() => (window as unknown as PageHooks).__pageErrors)).toEqual([]);
    await page.close();
  });
});
