// Client benchmark (npx tsx bench/client.ts [--sizes 5000,20000,50000] [--runs 3]): builds the
// client, generates synthetic graphs (test/browser/synthetic-graph.ts: graphology export JSON with x/y and the attributes the client
// reads; 2 edges per node, so 50k nodes carry 100k edges), serves each with the real /api/graph
// view code behind a tiny HTTP server, and opens it in headless Chromium (software WebGL) with the
// browser tests' launch flags. Measures time to first frame and hover / select → next frame, and
// profiles the slowest load. Writes bench/results/client.md, keeping its hand-written notes. Not
// part of npm test.
import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { clientBundle, launchBrowser, ROOT } from '../test/browser/harness.js';
import { serve, syntheticGraph } from '../test/browser/synthetic-graph.js';
import { machine, median } from './lib/measure.js';

interface Hook {
  __concordance: {
    readonly firstFrameAt: number | null;
    perf(): { marks: Record<string, number>; frames: number; lastFrameAt: number | null };
    counts(): { nodes: number; edges: number };
    layoutRunning(): boolean;
    viewportPosition(key: string): { x: number; y: number } | null;
    hovered(): string | null;
    state(): { node: string | null };
  };
}

interface Run {
  firstFrame: number;
  marks: Record<string, number>;
  drawn: { nodes: number; edges: number };
  hover: number;
  select: number;
}

/** Opens the app, waits for the first frame, stops the layout, then times hover and click → next frame. */
async function measure(page: Page, url: string): Promise<Run> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as Hook).__concordance?.firstFrameAt != null, null, { timeout: 120_000 });
  const boot = await page.evaluate(() => {
    const c = (window as unknown as Hook).__concordance;
    return { firstFrame: c.firstFrameAt!, marks: c.perf().marks, drawn: c.counts() };
  });
  const stop = page.getByRole('button', { name: 'Stop layout' });
  if (await stop.isVisible()) await stop.click();
  await page.waitForFunction(() => !(window as unknown as Hook).__concordance.layoutRunning());
  // A node near the middle of the screen: the hub of the biggest cluster on view.
  const target = await page.evaluate(() => {
    const c = (window as unknown as Hook).__concordance;
    const box = document.getElementById('graph')!.getBoundingClientRect();
    const keys = Object.keys((c as unknown as { positions(): Record<string, object> }).positions()).filter((k) => k.startsWith('entity:'));
    let best: { key: string; x: number; y: number; d: number } | null = null;
    for (const key of keys.slice(0, 4000)) {
      const p = c.viewportPosition(key);
      if (!p) continue;
      const d = Math.hypot(p.x - box.width / 2, p.y - box.height / 2);
      if (!best || d < best.d) best = { key, x: box.left + p.x, y: box.top + p.y, d };
    }
    return best;
  });
  if (!target) throw new Error('no node on screen');
  const timeTo = async (act: () => Promise<void>, done: string) => {
    await page.evaluate(() => {
      const w = window as unknown as { __t0: number };
      document.getElementById('graph')!.addEventListener(
        'mousemove',
        () => {
          w.__t0 = performance.now();
        },
        { capture: true, once: true },
      );
      document.getElementById('graph')!.addEventListener(
        'mousedown',
        () => {
          w.__t0 = performance.now();
        },
        { capture: true, once: true },
      );
    });
    await act();
    // NaN after 10 s: the pointer missed the node (reported as such, never a hang).
    return page.evaluate(`new Promise((resolve) => {
      const c = window.__concordance;
      const until = performance.now() + 10000;
      const check = () => (${done}) && c.perf().lastFrameAt > window.__t0 ? resolve(c.perf().lastFrameAt - window.__t0)
        : performance.now() > until ? resolve(NaN) : requestAnimationFrame(check);
      check();
    })`) as Promise<number>;
  };
  await page.mouse.move(target.x - 200, target.y - 200);
  await page.waitForTimeout(300);
  // Whatever node is under the pointer there (a claim may sit on top of its entity).
  const hover = await timeTo(() => page.mouse.move(target.x, target.y), 'c.hovered() !== null');
  const select = await timeTo(() => page.mouse.click(target.x, target.y), 'c.state().node !== null');
  return { ...boot, hover, select };
}

/** The client built without minification, so the profile names real functions. */
async function readableBundle(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'concordance-bench-client-'));
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(ROOT, 'client/vite.config.ts'),
      '--outDir',
      dir,
      '--emptyOutDir',
      '--minify',
      'false',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  return dir;
}

/** For each line of a built script, the source file it came from (line-level source map lookup). */
async function lineSources(script: string): Promise<string[]> {
  const map = JSON.parse(await readFile(`${script}.map`, 'utf8').catch(() => '{"sources":[],"mappings":""}')) as {
    sources: string[];
    mappings: string;
  };
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let src = 0;
  return map.mappings.split(';').map((line) => {
    let first: number | undefined;
    for (const seg of line.split(',').filter(Boolean)) {
      // Base64 VLQ: the second field of a segment is the change of source index.
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else [fields[fields.length], value, shift] = [value & 1 ? -(value >>> 1) : value >>> 1, 0, 0];
      }
      if (fields.length > 1) {
        src += fields[1]!;
        first ??= src;
      }
    }
    return first === undefined
      ? ''
      : (map.sources[first] ?? '').replace(/^.*node_modules\/([^/]+)\/.*$/, '$1').replace(/^.*client\/src\//, 'client/');
  });
}

/** Self time by function over one load of `url` until its first frame, from the DevTools CPU profiler. */
async function profile(page: Page, url: string, dist: string): Promise<{ name: string; ms: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as Hook).__concordance?.firstFrameAt != null, null, { timeout: 120_000 });
  const { profile: p } = await cdp.send('Profiler.stop');
  // The profiler starts just before navigation and its clock is not the page's: cut by elapsed time.
  const cut = p.startTime + (await page.evaluate(() => (window as unknown as Hook).__concordance.firstFrameAt!)) * 1000;
  const dt = new Map<number, number>();
  let t = p.startTime;
  p.samples?.forEach((id, i) => {
    t += p.timeDeltas?.[i] ?? 0;
    if (t <= cut) dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
  });
  const sources = new Map<string, string[]>();
  const self = new Map<string, number>();
  for (const node of p.nodes) {
    const f = node.callFrame;
    const file = f.url ? path.join(dist, new URL(f.url).pathname) : '';
    if (file && !sources.has(file)) sources.set(file, await lineSources(file));
    const origin = sources.get(file)?.[f.lineNumber] || '';
    const name = `${f.functionName || '(anonymous)'}${origin ? ` (${origin})` : ''}`;
    self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0));
  }
  return [...self]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 12);
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
/** Lets the GPU process tear a closed page's WebGL contexts down: the next page's contexts otherwise wait on it (seconds in createWebGLContext). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '5000,20000,50000' }, runs: { type: 'string', default: '3' } },
    strict: true,
  });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Math.max(1, Number(values.runs));
  const host = machine();
  const bundle = await clientBundle();
  const browser = await launchBrowser();
  const version = browser.context.browser()?.version() ?? (await (await browser.context.newPage()).evaluate(() => navigator.userAgent));
  const rows: string[] = [];
  let slowest: { url: string; base: string; label: string } | null = null;
  const servers: Server[] = [];
  try {
    for (const size of sizes) {
      const graph = syntheticGraph(size);
      const { base, bytes, server } = await serve(bundle.dir, graph);
      servers.push(server);
      const paths = size > 20_000 ? ['/', '/?full=1'] : ['/'];
      for (const p of paths) {
        const results: Run[] = [];
        for (let i = 0; i < runs; i++) {
          const page = await browser.context.newPage();
          results.push(await measure(page, `${base}${p}`));
          await page.close();
          await settle();
        }
        const m = (f: (r: Run) => number) => median(results.map(f));
        const mark = (name: string) => m((r) => r.marks[name] ?? NaN);
        const label = `${size.toLocaleString('en')} nodes / ${graph.size.toLocaleString('en')} edges${p === '/' ? '' : ', full=1'}`;
        rows.push(
          `| ${label} | ${results[0]!.drawn.nodes.toLocaleString('en')} / ${results[0]!.drawn.edges.toLocaleString('en')} | ${(bytes / 1e6).toFixed(1)} MB | **${ms(m((r) => r.firstFrame))}** | ${ms(mark('boot'))} | ${ms(mark('dataLoaded') - mark('boot'))} | ${ms(mark('graphReady') - mark('dataLoaded'))} | ${ms(mark('sigmaReady') - mark('graphReady'))} | ${ms(mark('firstFrame') - mark('sigmaReady'))} | ${ms(m((r) => r.hover))} | ${ms(m((r) => r.select))} |`,
        );
        console.log(rows.at(-1));
        slowest = { url: `${base}${p}`, base, label };
      }
    }
    const readable = await readableBundle();
    const profiled = await serve(readable, syntheticGraph(sizes.at(-1)!));
    servers.push(profiled.server);
    await settle();
    const page = await browser.context.newPage();
    const top = slowest ? await profile(page, slowest.url.replace(slowest.base, profiled.base), readable) : [];
    await page.close();
    await rm(readable, { recursive: true, force: true });
    const report = [
      '# Client benchmark',
      '',
      `Generated by \`npx tsx bench/client.ts\` on ${host.date}: ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB, ${host.platform}, Node ${host.node}, load ${host.load} at the start and ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end; Chromium ${version} headless, software WebGL (SwiftShader, \`--disable-gpu --enable-unsafe-swiftshader\`), viewport 1400×860. Median of ${runs} fresh page loads per row.`,
      '',
      "Synthetic graphs (seeded): 0.2 % sources, 6 % entities, 4 % citations, the rest claims clustered around skewed subjects; two edges per node (about, from, cites, then agrees / conflicts within subject-property groups). Served with the server's own view code (`server/analysis/views.ts`).",
      '',
      "*First frame* is `performance.now()` (ms from navigation start) at the first animation frame after sigma drew the graph (it draws in its constructor; the frame is composited in that animation frame). Its parts: *page + script* = until the client's code starts; *data* = `/api/graph` fetched and parsed (a conflicts view first, then the whole graph when it has ≤ 20,000 nodes); *graph* = graphology import and node preparation (plus the synchronous ForceAtlas2 pass, only ≤ 2,000 nodes); *sigma* = renderer set-up, reducers, indexation and the first draw; *render* = until that animation frame. *Hover* / *select* = pointer event → first frame showing it, with the layout stopped.",
      '',
      '| graph | drawn (nodes / edges) | JSON | first frame | page + script | data | graph | sigma | render | hover → frame | select → frame |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `Above ${(20_000).toLocaleString('en')} nodes the client opens on \`/api/graph?view=conflicts&limit=5000\` ("Showing N of M nodes (contradictions first)"); \`full=1\` in the address (the "Load all" button) draws everything.`,
      '',
      `## Profile: ${slowest?.label ?? '—'}, one load until its first frame (self time, DevTools CPU profiler, main thread, unminified build)`,
      '',
      '`(program)` is native work outside JavaScript functions, mostly parsing the JSON reply; `(idle)` is waiting (network, GPU process).',
      '',
      '| function | self time |',
      '|---|---|',
      ...top.map((t) => `| \`${t.name.replace(/\|/g, '\\|')}\` | ${ms(t.ms)} |`),
      '',
    ].join('\n');
    // Notes written by hand below the generated part ("## Notes …") are kept.
    const file = path.join(ROOT, 'bench/results/client.md');
    const previous = await readFile(file, 'utf8').catch(() => '');
    const notes = previous.indexOf('\n## Notes');
    await writeFile(file, notes >= 0 ? `${report.trimEnd()}\n${previous.slice(notes)}` : report);
    console.log(report);
  } finally {
    await browser.close();
    for (const s of servers) s.close();
    if (bundle.temporary) await rm(bundle.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
