// The client in a real browser, against the real app over a copy of the curated graph-data/:
// drawing, search by alias, the claim trace, the contradictions lens, and links that reproduce views.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertWebGL, countForegroundPixels, openApp, screenshot, type PageHooks } from './harness.js';
import { useBrowserSuite } from './suite.js';

const WP = 'wikipedia-japanese-intervention';

const suite = useBrowserSuite();

const hooks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as PageHooks;
    return { state: w.__concordance.state(), camera: w.__concordance.camera(), csp: w.__cspViolations, errors: w.__pageErrors };
  });

/** The claim quoting "The Japanese eventually deployed 70,000 troops", found by its quote, not its id. */
function deployedClaimId(): string {
  const claim = suite.app.repo.snapshot.analysis.corpus.claims.find(
    (c) => c.source === WP && c.quote.exact.includes('eventually deployed 70,000'),
  );
  expect(
    claim,
    'no Wikipedia claim quotes "The Japanese eventually deployed 70,000 troops" (curated claims not landed yet?)',
  ).toBeDefined();
  return claim!.id;
}

describe('Concordance in the browser', () => {
  it('draws the graph: WebGL is there and the canvas is not blank', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await assertWebGL(page);
    await page.waitForTimeout(300);
    const png = await page.locator('#graph').screenshot();
    await screenshot(page, 'overview');
    const { foreground, total } = await countForegroundPixels(suite.context, png);
    // Nodes, edges and labels: far more than stray anti-aliasing, far less than a filled canvas.
    expect(foreground, 'the graph canvas looks blank').toBeGreaterThan(total * 0.01);
    expect(foreground).toBeLessThan(total * 0.9);
    const counts = await page.evaluate(() => (window as unknown as PageHooks).__concordance.counts());
    expect(counts.nodes).toBeGreaterThan(0);
    expect(await page.locator('.banner .summary').textContent()).toMatch(/claims? from \d+ sources? · \d+ contradictions?/);
    expect((await hooks(page)).errors).toEqual([]);
    await page.close();
  });

  it('typing "Semenov" suggests Semyonov; choosing it selects the entity (URL and panel)', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('Semenov');
    const option = page.locator('#search-list [role="option"][data-key="entity:semyonov"]');
    await option.waitFor({ timeout: 5000 });
    expect(await option.textContent()).toContain('Semyonov');
    await option.click();
    await page.waitForURL(/node=entity:semyonov/);
    expect((await hooks(page)).state.node).toBe('entity:semyonov');
    const panel = page.locator('aside.side-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('role')).toBe('complementary');
    await expect.poll(() => page.locator('#panel-title').textContent()).toMatch(/Semyonov/);
    await panel.locator('.property-group, .relations').first().waitFor({ state: 'visible' });
    // Focus moved into the opened panel.
    expect(await page.evaluate(() => document.querySelector('aside.side-panel')!.contains(document.activeElement))).toBe(true);
    await screenshot(page, 'search-semyonov');
    await page.close();
  });

  it('the Wikipedia 70,000-troops claim opens from the source reader with its quote and its reference (Humphreys)', async () => {
    const id = deployedClaimId();
    const page = await openApp(suite.context, `${suite.app.base}/?node=source:${WP}&panel=details`);
    const span = page.locator(`.source-text [data-claim="${id}"]`).first();
    await span.waitFor({ timeout: 5000 });
    await span.click();
    await page.waitForURL(new RegExp(`node=claim:${id}`));
    const panel = page.locator('aside.side-panel');
    await panel.locator('mark.quote').waitFor();
    expect(await panel.locator('mark.quote').textContent()).toMatch(/The Japanese eventually deployed 70,000 troops/);
    const chain = await panel.locator('.citation-chain').textContent();
    expect(chain).toContain('Humphreys');
    expect(chain).toContain('[8]');
    await screenshot(page, 'claim-70000');
    await page.close();
  });

  it('the contradictions lens greys every node that is not on a conflicts edge, and lists the conflicts', async () => {
    const page = await openApp(suite.context, suite.app.base);
    const before = await page.evaluate(() => (window as unknown as PageHooks).__concordance.visibleNodeKeys().length);
    await page.getByRole('button', { name: 'Show contradictions' }).click();
    await page.waitForURL(/lens=1/);
    const result = await page.evaluate(() => {
      const c = (window as unknown as PageHooks).__concordance;
      const visible = c.visibleNodeKeys();
      return { visible, sample: visible.map((k) => c.nodeDisplay(k)), all: Object.keys(c.positions()) };
    });
    const conflicts = suite.app.repo.snapshot.analysis.graph.filterEdges((_e, a) => a.kind === 'conflicts');
    expect(conflicts.length, 'no conflicts in the data (curated claims not landed yet?)').toBeGreaterThan(0);
    const onConflict = new Set(conflicts.flatMap((e) => suite.app.repo.snapshot.analysis.graph.extremities(e)));
    expect(new Set(result.visible)).toEqual(onConflict);
    expect(result.visible.length).toBeLessThan(before);
    const greyed = await page.evaluate(
      (keys) => keys.map((k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k)),
      result.all.filter((k) => !onConflict.has(k)).slice(0, 20),
    );
    for (const d of greyed) expect(d).toMatchObject({ dimmed: true });
    const items = page.locator('.conflicts-list .conflict-item');
    const comparisons = new Set(conflicts.map((e) => suite.app.repo.snapshot.analysis.graph.getEdgeAttribute(e, 'comparison')));
    // The list counts every contradiction of the graph (identical pairs are folded into one row).
    await expect
      .poll(() => page.locator('.conflicts-list .count').textContent())
      .toMatch(new RegExp(`^${comparisons.size} contradictions in \\d+ rows`));
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    expect((await items.first().locator('.reason').textContent())?.trim()).not.toBe('');
    await screenshot(page, 'lens');
    // The legend is the filter: hiding a kind hides its nodes through the reducer, in the URL too.
    const someClaim = result.all.find((k) => k.startsWith('claim:'))!;
    await page.locator('.legend-kind[data-kind="claim"]').click();
    await page.waitForURL(/hide=claim/);
    expect(await page.evaluate((k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k), someClaim)).toMatchObject({
      hidden: true,
    });
    expect(await page.locator('.legend-kind[data-kind="claim"]').getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('keyboard: arrows walk to a neighbour, Enter opens its details with focus inside, Esc closes then clears', async () => {
    const page = await openApp(suite.context, `${suite.app.base}/?node=entity:semyonov`);
    expect((await hooks(page)).state).toMatchObject({ node: 'entity:semyonov', panel: null });
    await page.locator('#graph').focus();
    const neighbours = suite.app.repo.snapshot.analysis.graph.neighbors('entity:semyonov');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await hooks(page)).state.node).not.toBe('entity:semyonov');
    const walked = (await hooks(page)).state.node!;
    expect(neighbours).toContain(walked);
    await page.keyboard.press('Enter');
    await page.waitForURL(/panel=details/);
    await expect.poll(() => page.evaluate(() => document.querySelector('aside.side-panel')!.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.search.includes('panel='));
    expect((await hooks(page)).state).toMatchObject({ node: walked, panel: null });
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.search.includes('node='));
    await page.close();
  });

  it('a copied link restores selection, lens and camera; back and forward walk the history', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await page.getByRole('button', { name: 'Show contradictions' }).click();
    await page.locator('.conflicts-list .item-open').first().click();
    await page.waitForURL(/edge=conflicts/);
    const graph = page.locator('#graph');
    const box = (await graph.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForURL(/cam=/);
    // The URL takes the camera 250 ms after it comes to rest, and the list click's framing animation
    // may still be running under load: wait until the camera rests and the link holds it (read at
    // one moment in the page, so no frame can move the camera between the two readings).
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const hook = (window as unknown as PageHooks).__concordance;
            if (hook.cameraMoving()) return false;
            const live = hook.camera();
            const [x, y, ratio] = (new URL(location.href).searchParams.get('cam') ?? '').split(',').map(Number);
            return Math.abs(x! - live.x) < 1e-4 && Math.abs(y! - live.y) < 1e-4 && Math.abs(ratio! - live.ratio) < 1e-4;
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
    const original = await hooks(page);
    const link = page.url();
    const title = await page.locator('#panel-title').textContent();

    const copy = await openApp(suite.context, link);
    // The copy frames the linked pair once it has loaded it and then settles on the link's camera:
    // wait for the camera to come to rest there (a later framing that overrode it would never match).
    const near = (a: number, b: number) => Math.abs(a - b) < 5e-4;
    await expect
      .poll(
        async () => {
          const { camera } = await hooks(copy);
          return near(camera.x, original.camera.x) && near(camera.y, original.camera.y) && near(camera.ratio, original.camera.ratio);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const restored = await hooks(copy);
    expect(restored.state).toEqual(original.state);
    await expect.poll(() => copy.locator('#panel-title').textContent()).toBe(title);
    expect(await copy.getByRole('button', { name: 'Contradictions lens' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(copy, 'restored-link');

    // History: pick an entity (push), close the panel with Esc (push), then walk back and forth.
    await copy.keyboard.press('/');
    await copy.keyboard.type('Semenov');
    await copy.locator('#search-list [role="option"][data-key="entity:semyonov"]').click();
    await copy.waitForURL(/node=entity:semyonov/);
    await copy.locator('#graph').focus();
    await copy.keyboard.press('Escape');
    await copy.waitForURL((u) => !u.search.includes('panel='));
    expect((await hooks(copy)).state).toMatchObject({ node: 'entity:semyonov', panel: null });
    await copy.goBack();
    await copy.waitForURL(/panel=details/);
    expect((await hooks(copy)).state).toMatchObject({ node: 'entity:semyonov', panel: 'details' });
    await copy.goBack();
    await copy.waitForURL(/edge=conflicts/);
    expect((await hooks(copy)).state).toMatchObject({ edge: original.state.edge, lens: true, list: true });
    await expect.poll(() => copy.locator('#panel-title').textContent()).toBe(title);
    await copy.goForward();
    await copy.waitForURL(/node=entity:semyonov/);
    expect((await hooks(copy)).state.node).toBe('entity:semyonov');
    expect((await hooks(copy)).errors).toEqual([]);
    await copy.close();
    await page.close();
  });
});
