// A large imported table in Chromium (issue 15): the first 12,000 rows of the population benchmark
// (/work/shared/datasets/population, Wikipedia contributors' city populations) imported as
// `npm run truth:import` does, about 21,000 nodes, so the explorer opens on its entity overview.
// The first frame is readable (contributors' names, not "NNN: user in population_claims.csv"),
// counts are the whole graph's, a city clicked loads its claims, and a contradiction chosen in the
// list loads its pair. (The benchmark, bench/client-journeys.ts, uses the whole table.)
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../server/store/create.js';
import { readColumns } from '../../server/truth/csv.js';
import { CLAIM_COLUMNS } from '../../server/truth/table.js';
import { tableToCorpus, type TableRow } from '../../server/truth/table-corpus.js';
import { clientBundle, launchBrowser, screenshot, startApp, type PageHooks, type RunningApp } from './harness.js';

const TABLE = '/work/shared/datasets/population/population_claims.csv';
const ROWS = 12_000;
let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const cleanup: string[] = [];

beforeAll(async () => {
  if (!existsSync(TABLE)) throw new Error(`${TABLE} is missing: this test imports the population table`);
  const [bundle, dir] = await Promise.all([clientBundle(), mkdtemp(path.join(os.tmpdir(), 'concordance-imported-'))]);
  cleanup.push(dir, ...(bundle.temporary ? [bundle.dir] : []));
  const lines = (await readFile(TABLE, 'utf8')).split('\n');
  const part = path.join(dir, 'population_claims.csv');
  await writeFile(part, `${lines.slice(0, ROWS + 1).join('\n')}\n`);
  const rows = await readColumns(part, CLAIM_COLUMNS);
  const corpus = tableToCorpus(rows as unknown as TableRow[], { dataset: 'population_claims.csv', unit: 'people', objectType: 'place' });
  await createStore(corpus, path.join(dir, 'store'));
  app = await startApp(path.join(dir, 'store'), bundle.dir);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true })));
});

const hook = <T>(page: Page, fn: string) => page.evaluate(`window.__concordance.${fn}`) as Promise<T>;

/** Whether a node is drawn inside the graph's box (the camera framed it, not somewhere off the graph). */
async function onScreen(page: Page, key: string): Promise<boolean> {
  const p = await page.evaluate((k) => (window as unknown as PageHooks).__concordance.viewportPosition(k), key);
  const box = (await page.locator('#graph').boundingBox())!;
  return !!p && p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
}

describe('an imported table too large to draw whole', () => {
  it('opens on a readable overview with whole-graph counts; a city clicked loads its claims; a listed contradiction loads its pair', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.base);
    await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true, null, { timeout: 60_000 });
    const graph = app.repo.snapshot.analysis.graph;
    expect(graph.order).toBeGreaterThan(20_000);
    const extent = await hook<{ partial: boolean; total: { nodes: number } }>(page, 'extent()');
    expect(extent).toMatchObject({ partial: true, total: { nodes: graph.order } });
    const drawn = Object.keys(await hook<Record<string, unknown>>(page, 'positions()'));
    expect(drawn.length).toBeLessThanOrEqual(1500);
    expect(drawn.every((k) => /^(entity|source):/.test(k))).toBe(true);
    // Sources by their contributors' names: never the import's "NNN: name in file.csv".
    const labels = await page.evaluate(
      (keys) =>
        keys
          .filter((k) => k.startsWith('source:'))
          .map((k) => String((window as unknown as PageHooks).__concordance.nodeDisplay(k)!.label)),
      drawn,
    );
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.filter((l) => /population_claims\.csv|^\S*\d+: /.test(l))).toEqual([]);
    const conflicts = ((await (await fetch(`${app.base}/api/conflicts?limit=1`)).json()) as { count: number }).count;
    await expect
      .poll(() => page.locator('.banner .summary').textContent(), { timeout: 20_000 })
      .toContain(`${conflicts.toLocaleString('en')} contradictions`);
    await expect
      .poll(() => page.locator('.view-banner .view-count').textContent())
      .toMatch(new RegExp(`^Showing [\\d,]+ of ${graph.order.toLocaleString('en')} nodes · the [\\d,]+ most disputed of [\\d,]+ entities`));
    await screenshot(page, 'imported-overview');

    // The most disputed city, clicked where it is drawn: its claims come, around it.
    const city = drawn.find((k) => k.startsWith('entity:'))!;
    const claims = graph.inNeighbors(city).filter((k) => k.startsWith('claim:'));
    const at = await page.evaluate((k) => (window as unknown as PageHooks).__concordance.viewportPosition(k), city);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + at!.x, box.y + at!.y);
    await expect.poll(() => hook<{ node: string | null }>(page, 'state()').then((s) => s.node)).toBe(city);
    await expect
      .poll(
        () =>
          page.evaluate(
            (keys) => keys.filter((k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k) !== null).length,
            claims,
          ),
        { timeout: 20_000 },
      )
      .toBe(claims.length);
    // The camera moves to them in an animation: wait for it to arrive, however loaded the machine.
    for (const k of [city, ...claims.slice(0, 5)]) await expect.poll(() => onScreen(page, k), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'imported-city-opened');

    // A contradiction from the list whose claims are not drawn: loaded, selected, both quotes shown.
    await page.locator('.list-toggle').click();
    const row = page.locator('.conflicts-list .item-open').nth(3);
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await page.waitForURL(/edge=conflicts/, { timeout: 20_000 });
    await page.locator('.edge-panel .side-by-side').waitFor({ timeout: 20_000 });
    const edge = (await hook<{ edge: string }>(page, 'state()')).edge;
    for (const claim of graph.extremities(edge)) await expect.poll(() => onScreen(page, claim)).toBe(true);
    await screenshot(page, 'imported-pair');
    expect(await page.evaluate(() => (window as unknown as PageHooks).__pageErrors)).toEqual([]);
    await page.close();
  });
});
