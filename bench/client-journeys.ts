// Client journeys on a large graph behind the real app (npx tsx bench/client-journeys.ts [--claims
// 19000] [--runs 3]): a generated store (bench/lib/corpus.ts) big enough to be drawn in part, opened
// in headless Chromium (software WebGL) with the browser tests' flags. Times, from the user's action
// to the DOM showing its result (Node-side clock, so each includes a few ms of Playwright
// round trip): first frame; the contradiction list opened (first row) and scrolled to its last row;
// an undrawn pair chosen until selected and drawn; the timeline of up to 1,000 dated claims drawn.
// Appends its table to bench/results/client.md. Not part of npm test.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { clientBundle, launchBrowser, ROOT, screenshot, startApp } from '../test/browser/harness.js';
import { writeCorpusFiles } from '../server/store/create.js';
import { traceAction } from './client-profile.js';
import { generateCorpus } from './lib/corpus.js';
import { machine, median } from './lib/measure.js';

interface Hook {
  __concordance: {
    ready: boolean;
    firstFrameAt: number | null;
    nodeDisplay(k: string): unknown;
    state(): { edge: string | null };
    counts(): { nodes: number };
  };
}
const ROW_HEIGHT = 190;

async function timed(action: () => Promise<unknown>, until: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await action();
  await until();
  return performance.now() - t;
}

/** Time to first byte (≈ the server's time) and to the last byte of each /api request of a page load. */
function recordRequests(page: Page): Map<string, { ttfb: number; total: number }> {
  const seen = new Map<string, { ttfb: number; total: number }>();
  page.on('requestfinished', (req) => {
    const url = new URL(req.url());
    if (!url.pathname.startsWith('/api/')) return;
    const t = req.timing();
    seen.set(url.pathname + url.search, {
      ttfb: Math.round(t.responseStart - t.requestStart),
      total: Math.round(t.responseEnd - t.requestStart),
    });
  });
  return seen;
}

async function run(page: Page, base: string, profile: boolean): Promise<Record<string, number>> {
  const requests = recordRequests(page);
  await page.goto(base);
  await page.waitForFunction(() => (window as unknown as Hook).__concordance?.ready === true, null, { timeout: 120_000 });
  const firstFrame = await page.evaluate(() => (window as unknown as Hook).__concordance.firstFrameAt!);
  const marks = await page.evaluate(
    () => (window as unknown as { __concordance: { perf(): { marks: Record<string, number> } } }).__concordance.perf().marks,
  );
  const first = [...requests].find(([p]) => p.startsWith('/api/graph'))?.[1] ?? { ttfb: NaN, total: NaN };
  // Where the first frame's time went: page and script, the first view's request (server time to
  // its first byte, then the rest), graphology, sigma's set-up and first draw, the frame itself.
  const phases = {
    pageScript: marks.boot!,
    serverFirstView: first.ttfb,
    data: marks.dataLoaded! - marks.boot!,
    graph: marks.graphReady! - marks.dataLoaded!,
    sigma: marks.sigmaReady! - marks.graphReady!,
    render: marks.firstFrame! - marks.sigmaReady!,
  };
  console.error('first frame phases', JSON.stringify(phases), 'requests', JSON.stringify([...requests]));
  await screenshot(page, 'journey-first-frame');
  const openList = () =>
    timed(
      () => page.locator('.list-toggle').click(),
      () => page.locator('.conflicts-list .item-open').first().waitFor({ timeout: 60_000 }),
    );
  let list = NaN;
  if (profile)
    console.error(
      'list trace (main thread)',
      JSON.stringify(
        await traceAction(page, async () => {
          list = await openList();
        }),
      ),
    );
  else list = await openList();
  const rows = Number(
    /in ([\d,]+) rows/.exec((await page.locator('.conflicts-list .count').textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0,
  );
  const scroll = await timed(
    () =>
      page.locator('.conflicts-list .vlist').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      }),
    () => page.locator(`.conflicts-list .vlist-row[data-index="${rows - 1}"] .item-open`).waitFor({ timeout: 60_000 }),
  );
  // The first row (largest difference first) whose first claim is not drawn.
  const { items } = (await (await fetch(`${base}/api/conflicts?sort=gap&group=identical&limit=500`)).json()) as {
    items: { id: string; a: { id: string } }[];
  };
  let index = -1;
  for (const [i, item] of items.entries()) {
    if (!(await page.evaluate((k) => (window as unknown as Hook).__concordance.nodeDisplay(k) !== null, `claim:${item.a.id}`))) {
      index = i;
      break;
    }
  }
  let undrawn = NaN;
  if (index >= 0) {
    await page.locator('.conflicts-list .vlist').evaluate((el, top) => {
      el.scrollTop = top;
    }, index * ROW_HEIGHT);
    const row = page.locator(`.conflicts-list .item-open[data-comparison="${items[index]!.id}"]`);
    await row.waitFor();
    const choose = () =>
      timed(
        () => row.click(),
        () =>
          page.waitForFunction(
            (k) => {
              const c = (window as unknown as Hook).__concordance;
              return c.state().edge !== null && c.nodeDisplay(k) !== null;
            },
            `claim:${items[index]!.a.id}`,
            { timeout: 60_000 },
          ),
      );
    if (profile)
      console.error(
        'undrawn pair trace (main thread)',
        JSON.stringify(
          await traceAction(page, async () => {
            undrawn = await choose();
          }),
        ),
      );
    else undrawn = await choose();
    await screenshot(page, 'journey-undrawn-pair');
  }
  await page.locator('.conflicts-list .close').click();
  // A store without dated claims (the population table states none) has no timeline to time.
  const dated = ((await (await fetch(`${base}/api/timeline?limit=1`)).json()) as { count: number }).count;
  if (dated === 0) return { firstFrame, ...phases, list, rows, scroll, undrawn, timeline: NaN, bars: 0 };
  await page.goto(`${base}/?timeline=1`);
  await page.waitForFunction(() => (window as unknown as Hook).__concordance?.ready === true, null, { timeout: 120_000 });
  await page
    .locator('section.timeline .tl-claim')
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(() => undefined);
  // The timeline again, from its button, with the page settled.
  await page.locator('.timeline-toggle').click();
  const timeline = await timed(
    () => page.locator('.timeline-toggle').click(),
    () => page.waitForFunction(() => document.querySelectorAll('section.timeline .tl-claim').length > 0, null, { timeout: 60_000 }),
  );
  const bars = await page.locator('section.timeline .tl-claim').count();
  return { firstFrame, ...phases, list, rows, scroll, undrawn, timeline, bars };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      claims: { type: 'string', default: '19000' },
      runs: { type: 'string', default: '3' },
      store: { type: 'string' },
      label: { type: 'string' },
      profile: { type: 'boolean', default: false },
    },
    strict: true,
  });
  // --store: an existing store (e.g. the population table imported by npm run truth:import), opened as it is.
  const dir = values.store ?? (await mkdtemp(path.join(os.tmpdir(), 'concordance-journeys-')));
  const bundle = await clientBundle();
  if (!values.store) await writeCorpusFiles(generateCorpus({ claims: Number(values.claims), seed: 3 }), dir);
  const opening = performance.now();
  const app = await startApp(dir, bundle.dir);
  console.error(`store opened in ${Math.round(performance.now() - opening)} ms`);
  const browser = await launchBrowser();
  const loadBefore = os.loadavg()[0]!;
  const results: Record<string, number>[] = [];
  try {
    for (let i = 0; i < Number(values.runs); i++) {
      const page = await browser.context.newPage();
      results.push(await run(page, app.base, values.profile === true));
      await page.close();
      console.error(JSON.stringify(results.at(-1)));
    }
  } finally {
    await browser.close();
    await app.close();
    if (!values.store) await rm(dir, { recursive: true, force: true });
    if (bundle.temporary) await rm(bundle.dir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg()[0]!;
  const m = (k: string) => Math.round(median(results.map((r) => r[k]!)));
  const label = values.label ?? (values.store ? path.basename(values.store) : `${values.claims} generated claims`);
  const heading = `## Journeys: ${label}`;
  const section = [
    '',
    `${heading} (bench/client-journeys.ts, ${new Date().toISOString().slice(0, 10)})`,
    '',
    `${label} behind the real app (drawn in part), ${results.length} runs, median; ${JSON.stringify(machine())}; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}.`,
    'Each time runs from the action to the DOM showing its result, on the Node side (a few ms of Playwright round trip included).',
    '',
    '| journey | median ms | target |',
    '| --- | --- | --- |',
    `| first frame (entity overview) | ${m('firstFrame')} | < 1,000 |`,
    `| … of which page + script / first view (server ${m('serverFirstView')}) / graph / sigma / frame | ${m('pageScript')} / ${m('data')} / ${m('graph')} / ${m('sigma')} / ${m('render')} | |`,
    `| list of ${m('rows').toLocaleString('en')} rows opened (first row shown) | ${m('list')} | < 1,000 |`,
    `| list scrolled to its last row | ${m('scroll')} | < 1,000 |`,
    `| undrawn pair chosen → loaded, selected, drawn | ${m('undrawn')} | < 1,000 |`,
    `| timeline of ${m('bars').toLocaleString('en')} dated claims drawn | ${m('timeline')} | < 1,000 |`,
    '',
    `Runs: ${results.map((r) => JSON.stringify(r)).join('; ')}`,
    '',
  ].join('\n');
  const file = path.join(ROOT, 'bench/results/client.md');
  const previous = await readFile(file, 'utf8').catch(() => '');
  // This store's section is replaced; the others (and the hand-written notes) stay.
  const start = previous.indexOf(`\n${heading} (`);
  const end = start < 0 ? -1 : previous.indexOf('\n## ', start + 1);
  const kept = start < 0 ? previous.trimEnd() : `${previous.slice(0, start).trimEnd()}${end < 0 ? '' : `\n${previous.slice(end)}`}`;
  await writeFile(file, `${kept.trimEnd()}\n${section}`);
  console.log(section);
}

await main();
