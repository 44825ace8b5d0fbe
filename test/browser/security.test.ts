// The client under the served Content-Security-Policy: the ForceAtlas2 worker runs (blob: worker)
// with no violation reported, and a hostile source (markup in its text, title, references, entity,
// property, claims and a judgement's reason) executes nothing anywhere it is shown.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertWebGL, openApp, screenshot, type PageHooks } from './harness.js';
import { useBrowserSuite } from './suite.js';
import { addHostileSource, HOSTILE } from './hostile-source.js';

const suite = useBrowserSuite(addHostileSource);

/** Runs `fn(window)` in the page (the function's source is sent, so it must use nothing from here). */
const evalHooks = <T>(page: Page, fn: (w: PageHooks) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window)`) as Promise<T>;

describe('security in the browser', () => {
  it('ForceAtlas2 moves nodes in its worker under the served CSP, and stops by itself', async () => {
    const page = await suite.context.newPage();
    const response = await page.goto(suite.app.base);
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true);
    await assertWebGL(page);
    const before = await evalHooks(page, (w) => w.__concordance.positions());
    await page.getByRole('button', { name: 'Run layout' }).click();
    expect(await evalHooks(page, (w) => w.__concordance.layoutRunning())).toBe(true);
    await page.waitForTimeout(1200);
    const after = await evalHooks(page, (w) => w.__concordance.positions());
    const moved = Object.keys(before).filter((k) => Math.hypot(before[k]!.x - after[k]!.x, before[k]!.y - after[k]!.y) > 1e-6);
    expect(moved.length, 'no node moved: the layout worker never ran').toBeGreaterThan(Object.keys(before).length / 2);
    // The time budget stops it; the positions it reached stay.
    await page.waitForFunction(() => !(window as unknown as PageHooks).__concordance.layoutRunning(), null, { timeout: 8000 });
    expect(await page.getByRole('button', { name: 'Run layout' }).getAttribute('aria-pressed')).toBe('false');
    const settled = await evalHooks(page, (w) => w.__concordance.positions());
    await page.waitForTimeout(300);
    expect(await evalHooks(page, (w) => w.__concordance.positions())).toEqual(settled);
    await screenshot(page, 'after-layout');
    expect(await evalHooks(page, (w) => w.__cspViolations)).toEqual([]);
    expect(await evalHooks(page, (w) => w.__pageErrors)).toEqual([]);
    await page.close();
  });

  it('a source full of markup executes nothing in the reader, the panels, the list, the search or the labels', async () => {
    const pwned = (page: Page) => evalHooks(page, (w) => w.__pwned);
    // The reader, with every span and marker.
    const page = await openApp(suite.context, `${suite.app.base}/?node=source:${HOSTILE.source}&panel=details`);
    const text = page.locator('.source-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await text.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('#panel-title').textContent()).toContain('<img src=x');
    await screenshot(page, 'hostile-reader');
    // The claim panel (wording, quote in context, reference text) and the edge panel (judgement reason).
    await page.locator(`.source-text [data-claim="${HOSTILE.claimImg}"]`).first().click();
    await page.locator('.citation-chain').waitFor();
    expect(await page.locator('.citation-chain').textContent()).toContain('<img src=x onerror="window.__pwned=1"> Reference');
    await page.getByRole('button', { name: 'Show this pair on the graph' }).first().click();
    await page.locator('.reason.big').waitFor();
    expect(await page.locator('.reason.big').textContent()).toContain('because <script>');
    // The entity panel, reached through search by its hostile alias.
    await page.keyboard.press('/');
    await page.keyboard.type('Mallory');
    const option = page.locator(`#search-list [role="option"][data-key="entity:${HOSTILE.entity}"]`);
    await option.waitFor();
    expect(await option.textContent()).toContain('<img src=x');
    await option.click();
    await page.locator('.entity-panel').waitFor();
    expect(await page.locator('.entity-panel').textContent()).toContain('<script>window.__pwned=1</script> described');
    // The conflicts list shows the hostile judgement's reason.
    await page.getByRole('button', { name: /List of contradictions/ }).click();
    await page.locator('.conflict-item').first().waitFor();
    // Curated judgements have no gap: ordered by entity, the hostile one is among the first rows drawn.
    await page.locator('.sort-select').selectOption('entity');
    await expect.poll(() => page.locator('.conflicts-list').textContent()).toContain('because <script>');
    // Labels are drawn on canvas; hover one to draw its hover label too.
    await page.waitForTimeout(500);
    await screenshot(page, 'hostile-panels');

    expect(await pwned(page)).toBeUndefined();
    const injected = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      scripts: [...document.scripts].filter((s) => !s.src).length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    expect(injected).toEqual({ imgs: 0, scripts: 0, handlers: 0 });
    expect(await evalHooks(page, (w) => w.__cspViolations)).toEqual([]);
    await page.close();
  });
});
