// While a large store's whole graph is still being built after start, every GET /api/graph answer
// says `X-Graph: building` (server/api/routes/graph.ts); the explorer shows a note in its legend and
// asks again now and then (client/src/graph-view/feed.ts) until an answer says `ready`, then the
// note goes. The real app serves the bundled store here; the header is set to `building` in the
// browser (page.route, as evidence.test.ts adds trust figures) until the test lets the real header
// through: a real large store (over 20,000 nodes) takes tens of seconds to generate, and its
// background build may end before the page has loaded, so the note could not be waited for reliably.
// That the real server sends the header as documented is test/api/openapi.test.ts's.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GRAPH_BUILDING_TEXT } from '../../client/src/controls/legend.js';
import { BUILD_POLL_MS } from '../../client/src/graph-view/feed.js';
import { screenshot, type PageHooks } from './harness.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite();

/** Opens the explorer with every /api/graph answer passed through `edit` (the header as the test says). */
async function openWith(url: string, header: () => string | null, seen: string[]): Promise<Page> {
  const page = await suite.context.newPage();
  await page.route(
    (u) => u.pathname === '/api/graph',
    async (route: Route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      // The body comes decoded: it is sent again as it is.
      delete headers['content-encoding'];
      delete headers['content-length'];
      const forced = header();
      if (forced) headers['x-graph'] = forced;
      seen.push(headers['x-graph'] ?? '(none)');
      await route.fulfill({ status: response.status(), headers, body: await response.body() });
    },
  );
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true, null, { timeout: 15_000 });
  return page;
}

const note = (page: Page) => page.locator('.legend .graph-building');

describe('the whole graph still being built', () => {
  it('shows a note while the server says building, and drops it once an answer says ready', async () => {
    let building = true;
    const seen: string[] = [];
    const page = await openWith(`${suite.app.base}/?overview=1`, () => (building ? 'building' : null), seen);
    await expect.poll(() => note(page).textContent()).toBe(GRAPH_BUILDING_TEXT);
    expect(await note(page).isVisible()).toBe(true);
    expect(await note(page).getAttribute('role')).toBe('status');
    const file = await screenshot(page, 'graph-building');
    expect(file).toMatch(/graph-building\.png$/);

    // Still building at the next check: the note stays, and the client asks again (not before ~5 s).
    const asked = seen.length;
    await expect.poll(() => seen.length, { timeout: BUILD_POLL_MS * 3, interval: 250 }).toBeGreaterThan(asked);
    expect(await note(page).textContent()).toBe(GRAPH_BUILDING_TEXT);

    // The server's own header from now on (the bundled store is small: `ready`): the note goes.
    building = false;
    await expect.poll(() => note(page).textContent(), { timeout: BUILD_POLL_MS * 5, interval: 250 }).toBe('');
    expect(await note(page).isVisible()).toBe(false);
    expect(seen.at(-1)).toBe('ready');
    await screenshot(page, 'graph-ready');
    expect(await page.evaluate(() => (window as unknown as PageHooks).__pageErrors)).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows no note when the server says ready', async () => {
    const seen: string[] = [];
    const page = await openWith(`${suite.app.base}/`, () => null, seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((h) => h === 'ready')).toBe(true);
    expect(await note(page).textContent()).toBe('');
    expect(await note(page).isVisible()).toBe(false);
    await page.close();
  });
});
