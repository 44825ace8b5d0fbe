// The entity overview (issue 15), the first view of a graph too large to draw whole, opened here on
// the bundled graph with overview=1 so that the test stays quick: entities and sources only, linked
// by the contradictions between them, counted against the whole graph; the same positions after a
// reload (seeded on the server, no layout in the browser); a click on an entity loads its claims
// around it; a contradiction chosen in the list loads the pair; the timeline of an entity.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, type PageHooks } from './harness.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite();
const ENTITY = 'entity:japanese-expeditionary-force';

async function nodesOf(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => (window as unknown as PageHooks).__concordance.positions());
}

/** Whether a node is drawn inside the graph's box (the camera framed it, not somewhere off the graph). */
async function onScreen(page: Page, key: string): Promise<boolean> {
  const p = await page.evaluate((k) => (window as unknown as PageHooks).__concordance.viewportPosition(k), key);
  const box = (await page.locator('#graph').boundingBox())!;
  return !!p && p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
}

describe('the entity overview', () => {
  it('shows entities and sources linked by their contradictions, in the same places after a reload', async () => {
    const page = await openApp(suite.context, `${suite.app.base}/?overview=1`);
    const graph = suite.app.repo.snapshot.analysis.graph;
    const entities = graph.filterNodes((_k, a) => a.kind === 'entity').length;
    const sources = graph.filterNodes((_k, a) => a.kind === 'source').length;
    const positions = await nodesOf(page);
    const keys = Object.keys(positions);
    expect(keys.length).toBe(entities + sources);
    expect(keys.every((k) => k.startsWith('entity:') || k.startsWith('source:'))).toBe(true);
    expect((await page.evaluate(() => (window as unknown as PageHooks).__concordance.extent())).partial).toBe(true);
    // Whole-graph figures beside what is drawn.
    await expect
      .poll(() => page.locator('.view-banner .view-count').textContent())
      .toBe(
        `Showing ${keys.length} of ${graph.order} nodes · the ${entities} most disputed of ${entities} entities, with ${sources} of ${sources} sources; select one to load its claims`,
      );
    const claims = suite.app.repo.snapshot.analysis.corpus.claims.filter((c) => c.status !== 'rejected').length;
    await expect.poll(() => page.locator('.banner .summary').textContent()).toContain(`${claims} claims from ${sources} sources`);
    // The links carry the contradictions between each source and entity, as weights.
    const links = await page.evaluate((k) => {
      const c = (window as unknown as PageHooks).__concordance;
      return Object.keys(c.positions()).length > 0 ? c.edgeDisplay(`disputes:wikipedia-japanese-intervention:${k.slice(7)}`) : null;
    }, ENTITY);
    expect(links).not.toBeNull();
    expect(Number(links!.size)).toBeGreaterThan(1);
    expect(await page.evaluate(() => (window as unknown as PageHooks).__concordance.layoutRunning())).toBe(false);
    await screenshot(page, 'overview-bundled');

    // Reloaded: every node where it was (the server placed them; nothing ran in the browser).
    await page.reload();
    await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true);
    expect(await nodesOf(page)).toEqual(positions);
    expect(await page.evaluate(() => (window as unknown as PageHooks).__pageErrors)).toEqual([]);
    await page.close();
  });

  it('loads the claims of an entity clicked on the overview, around it', async () => {
    const page = await openApp(suite.context, `${suite.app.base}/?overview=1`);
    const claimsOf = suite.app.repo.snapshot.analysis.graph.inNeighbors(ENTITY).filter((k) => k.startsWith('claim:'));
    expect(claimsOf.length).toBeGreaterThan(3);
    expect(await page.evaluate(() => (window as unknown as PageHooks).__concordance.counts().nodes)).toBeLessThan(200);
    // A real click where the entity is drawn.
    const at = await page.evaluate((k) => (window as unknown as PageHooks).__concordance.viewportPosition(k), ENTITY);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + at!.x, box.y + at!.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as PageHooks).__concordance.state().node)).toBe(ENTITY);
    await expect
      .poll(
        () =>
          page.evaluate(
            (keys) => keys.filter((k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k) !== null).length,
            claimsOf,
          ),
        { timeout: 15_000 },
      )
      .toBe(claimsOf.length);
    // Around it: every claim nearer to its entity than the overview's typical spacing.
    const positions = await nodesOf(page);
    const centre = positions[ENTITY]!;
    for (const k of claimsOf) expect(Math.hypot(positions[k]!.x - centre.x, positions[k]!.y - centre.y)).toBeLessThan(25);
    // The camera moves to them in an animation: wait for it to arrive, however loaded the machine.
    for (const k of [ENTITY, ...claimsOf.slice(0, 5)]) await expect.poll(() => onScreen(page, k), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'overview-entity-opened');
    expect(await page.evaluate(() => (window as unknown as PageHooks).__pageErrors)).toEqual([]);
    await page.close();
  });

  it('loads a contradiction chosen in the list, and draws the timeline of an entity', async () => {
    const page = await openApp(suite.context, `${suite.app.base}/?overview=1`);
    await page.locator('.list-toggle').click();
    const first = page.locator('.conflicts-list .item-open').first();
    await first.waitFor({ timeout: 15_000 });
    const comparison = await first.getAttribute('data-comparison');
    const claimCount = Object.keys(await nodesOf(page)).filter((k) => k.startsWith('claim:')).length;
    expect(claimCount).toBe(0);
    await first.click();
    await page.waitForURL(/edge=/, { timeout: 15_000 });
    const state = await page.evaluate(() => (window as unknown as PageHooks).__concordance.state());
    expect(state.edge).toContain(comparison!);
    await page.locator('.edge-panel .side-by-side').waitFor({ timeout: 15_000 });
    // Framed: both claims drawn inside the graph's box (a camera framing raw positions lost them).
    for (const claim of suite.app.repo.snapshot.analysis.graph.extremities(state.edge!))
      await expect.poll(() => onScreen(page, claim)).toBe(true);
    await screenshot(page, 'overview-pair-loaded');
    await page.locator('.conflicts-list .close').click();

    await page.goto(`${suite.app.base}/?overview=1&node=${ENTITY}&timeline=1`);
    await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true);
    await page.locator('section.timeline .tl-claim').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('section.timeline .tl-claim').count()).toBeGreaterThan(1);
    await screenshot(page, 'overview-timeline');
    expect(await page.evaluate(() => (window as unknown as PageHooks).__pageErrors)).toEqual([]);
    await page.close();
  });
});
