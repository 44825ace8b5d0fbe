// Client benchmark (npx tsx bench/client.ts [--sizes 5000,20000,50000] [--runs 3]): builds the
// client, generates synthetic graphs (graphology export JSON with x/y and the attributes the client
// reads; 2 edges per node, so 50k nodes carry 100k edges), serves each with the real /api/graph
// view code behind a tiny HTTP server, and opens it in headless Chromium (software WebGL) with the
// browser tests' launch flags. Measures time to first frame and hover / select → next frame, and
// profiles the slowest load. Writes bench/results/client.md. Not part of npm test.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MultiDirectedGraph } from 'graphology';
import type { Page } from 'playwright-core';
import { viewGraph, type ViewSpec } from '../server/core/views.js';
import type { ConcordanceGraph } from '../server/core/graph.js';
import { clientBundle, launchBrowser, ROOT } from '../test/browser/harness.js';
import { machine, median } from './lib/measure.js';
import { createRng } from './lib/prng.js';

const PROPERTIES = ['troop-strength', 'deaths', 'start-date', 'end-date', 'commanded-by', 'location', 'casualties', 'founded'];

/** A graph shaped like Concordance's: sources, entities, claims (about / from / cites) and comparisons. */
export function syntheticGraph(order: number, seed = 1): ConcordanceGraph {
  const rng = createRng(seed);
  const g: ConcordanceGraph = new MultiDirectedGraph();
  const sources = Math.max(2, Math.round(order / 500));
  const entities = Math.round(order * 0.06);
  const citations = Math.round(order * 0.04);
  const claims = order - sources - entities - citations;
  const ring = (i: number, n: number, r: number) => ({ x: r * Math.cos((2 * Math.PI * i) / n), y: r * Math.sin((2 * Math.PI * i) / n) });
  const spread = Math.sqrt(order) * 4;
  for (let s = 0; s < sources; s++) {
    g.addNode(`source:s${s}`, { kind: 'source', label: `Source ${s}`, ...ring(s, sources, spread * 1.15), sourceId: `s${s}`, publisher: `Publisher ${s}`, trust: rng.next(), trustLowEvidence: rng.chance(0.3) });
  }
  for (let c = 0; c < citations; c++) {
    const s = c % sources;
    const at = ring(s, sources, spread * 1.25);
    g.addNode(`citation:s${s}:${c}`, { kind: 'citation', label: `[${c}] Reference ${c}`, x: at.x + rng.next() * 20, y: at.y + rng.next() * 20, source: `s${s}`, number: c, text: `Reference ${c}` });
  }
  const entityAt: { x: number; y: number }[] = [];
  for (let e = 0; e < entities; e++) {
    // Entities on a disc (uniform by area), claims clustered around their subject: a laid-out look.
    const r = spread * Math.sqrt(rng.next());
    const a = rng.next() * 2 * Math.PI;
    entityAt.push({ x: r * Math.cos(a), y: r * Math.sin(a) });
    g.addNode(`entity:e${e}`, { kind: 'entity', label: `Entity ${e}`, ...entityAt[e]!, entityId: `e${e}`, entityType: 'person', aliases: [`Entity ${e}`] });
  }
  const bySubject = new Map<string, string[]>();
  for (let c = 0; c < claims; c++) {
    // A skewed choice of subject: a few hubs, many entities with a handful of claims.
    const e = Math.floor(entities * rng.next() ** 2);
    const s = rng.int(0, sources - 1);
    const property = PROPERTIES[rng.int(0, PROPERTIES.length - 1)]!;
    const key = `claim:c${c}`;
    const at = entityAt[e]!;
    g.addNode(key, {
      kind: 'claim', label: `Entity ${e} · ${property}: ${c}`, x: at.x + (rng.next() - 0.5) * 30, y: at.y + (rng.next() - 0.5) * 30,
      claimId: `c${c}`, source: `s${s}`, subject: `e${e}`, property, propertyLabel: property.replace(/-/g, ' '), valueText: String(1000 + c),
      status: rng.chance(0.1) ? 'extracted' : 'reviewed', conflicts: 0, agreements: 0, likely: rng.chance(0.5),
    });
    g.addDirectedEdgeWithKey(`about:c${c}`, key, `entity:e${e}`, { kind: 'about' });
    g.addDirectedEdgeWithKey(`from:c${c}`, key, `source:s${s}`, { kind: 'from' });
    const group = `${e}|${property}`;
    bySubject.set(group, [...(bySubject.get(group) ?? []), key]);
  }
  for (let c = 0; c < claims && g.size < order * 1.9; c += 10) {
    const cite = `citation:s${String(g.getNodeAttribute(`claim:c${c}`, 'source')).slice(1)}:${rng.int(0, citations - 1)}`;
    if (g.hasNode(cite)) g.addDirectedEdgeWithKey(`cites:c${c}`, `claim:c${c}`, cite, { kind: 'cites' });
  }
  // Comparisons within (subject, property) groups until there are two edges per node.
  let n = 0;
  for (const members of bySubject.values()) {
    for (let i = 1; i < members.length && g.size < order * 2; i++) {
      const [a, b] = [members[0]!, members[i]!];
      const verdict = rng.chance(0.4) ? 'conflicts' : 'agrees';
      g.addDirectedEdgeWithKey(`${verdict}:x${n}`, a, b, { kind: verdict, comparison: `x${n++}`, reason: 'synthetic', scope: 'between', basis: 'value' });
      for (const k of [a, b]) g.updateNodeAttribute(k, verdict === 'conflicts' ? 'conflicts' : 'agreements', (v) => Number(v) + 1);
    }
  }
  return g;
}

/** The built client plus /api/graph (whole, or the server's own views of it); any other /api path 404s. */
export async function serve(dist: string, graph: ConcordanceGraph): Promise<{ base: string; bytes: number; server: Server }> {
  const whole = JSON.stringify(graph.export());
  const index = await readFile(path.join(dist, 'index.html'));
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/api/graph') {
        const view = url.searchParams.get('view');
        const limit = Number(url.searchParams.get('limit') ?? 5000);
        const id = url.searchParams.get('id') ?? '';
        const spec: ViewSpec | null = view === 'conflicts' ? { kind: 'conflicts', limit } : view === 'neighbourhood' ? { kind: 'neighbourhood', node: id, hops: Number(url.searchParams.get('hops') ?? 1), limit } : null;
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(spec ? JSON.stringify(viewGraph(graph, spec).export()) : whole);
      } else if (url.pathname.startsWith('/api/')) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not in the benchmark server","details":null}');
      } else if (url.pathname.startsWith('/assets/')) {
        const file = path.join(dist, path.normalize(url.pathname));
        const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
        res.writeHead(200, { 'Content-Type': type }).end(await readFile(file).catch(() => ''));
      } else res.writeHead(200, { 'Content-Type': 'text/html' }).end(index);
    })();
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bytes: Buffer.byteLength(whole), server };
}

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
  const log = (what: string) => process.env.BENCH_VERBOSE && console.log(`  ${url}: ${what}`);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as Hook).__concordance?.firstFrameAt != null, null, { timeout: 120_000 });
  const boot = await page.evaluate(() => {
    const c = (window as unknown as Hook).__concordance;
    return { firstFrame: c.firstFrameAt!, marks: c.perf().marks, drawn: c.counts() };
  });
  log(`first frame at ${Math.round(boot.firstFrame)} ms`);
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
  log(`layout stopped; target ${target.key} at ${Math.round(target.x)},${Math.round(target.y)}`);
  const timeTo = async (act: () => Promise<void>, done: string) => {
    await page.evaluate(() => {
      const w = window as unknown as { __t0: number };
      document.getElementById('graph')!.addEventListener('mousemove', () => { w.__t0 = performance.now(); }, { capture: true, once: true });
      document.getElementById('graph')!.addEventListener('mousedown', () => { w.__t0 = performance.now(); }, { capture: true, once: true });
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
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(ROOT, 'client/vite.config.ts'), '--outDir', dir, '--emptyOutDir', '--minify', 'false', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
  return dir;
}

/** Self time by function over one load of `url`, from the DevTools CPU profiler (top entries). */
async function profile(page: Page, url: string): Promise<{ name: string; ms: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as Hook).__concordance?.firstFrameAt != null, null, { timeout: 120_000 });
  const { profile: p } = await cdp.send('Profiler.stop');
  // Only the samples up to the first frame (the profiler starts just before navigation; its clock
  // is not the page's, so the cut is by elapsed time): what the user waits for.
  const firstFrame = await page.evaluate(() => (window as unknown as Hook).__concordance.firstFrameAt!);
  const cut = p.startTime + firstFrame * 1000;
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  let t = p.startTime;
  p.samples?.forEach((id, i) => {
    t += p.timeDeltas?.[i] ?? 0;
    if (t <= cut) dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
  });
  for (const node of p.nodes) {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0));
  }
  return [...self].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, 12);
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '5000,20000,50000' }, runs: { type: 'string', default: '3' } }, strict: true });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Math.max(1, Number(values.runs));
  const host = machine();
  const bundle = await clientBundle();
  const browser = await launchBrowser();
  const version = browser.context.browser()?.version() ?? (await (await browser.context.newPage()).evaluate(() => navigator.userAgent));
  const rows: string[] = [];
  let slowest: { url: string; base: string; server: Server; label: string } | null = null;
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
          // Let the GPU process tear the page's WebGL contexts down: creating the next page's
          // contexts otherwise waits on it (seen as seconds in createWebGLContext).
          await new Promise((resolve) => setTimeout(resolve, 1500));
        }
        const m = (f: (r: Run) => number) => median(results.map(f));
        const mark = (name: string) => m((r) => r.marks[name] ?? NaN);
        const label = `${size.toLocaleString('en')} nodes / ${graph.size.toLocaleString('en')} edges${p === '/' ? '' : ', full=1'}`;
        rows.push(`| ${label} | ${results[0]!.drawn.nodes.toLocaleString('en')} / ${results[0]!.drawn.edges.toLocaleString('en')} | ${(bytes / 1e6).toFixed(1)} MB | **${ms(m((r) => r.firstFrame))}** | ${ms(mark('dataLoaded'))} | ${ms(mark('graphReady') - mark('dataLoaded'))} | ${ms(mark('sigmaReady') - mark('graphReady'))} | ${ms(mark('firstFrame') - mark('sigmaReady'))} | ${ms(m((r) => r.hover))} | ${ms(m((r) => r.select))} |`);
        console.log(rows.at(-1));
        slowest = { url: `${base}${p}`, base, server, label };
      }
    }
    const readable = await readableBundle();
    const graph = syntheticGraph(sizes.at(-1)!);
    const profiled = await serve(readable, graph);
    servers.push(profiled.server);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const page = await browser.context.newPage();
    const top = slowest ? await profile(page, slowest.url.replace(slowest.base, profiled.base)) : [];
    await page.close();
    await rm(readable, { recursive: true, force: true });
    const report = [
      '# Client benchmark',
      '',
      `Generated by \`npx tsx bench/client.ts\` on ${host.date}: ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB, ${host.platform}, Node ${host.node}, load ${host.load}; Chromium ${version} headless, software WebGL (SwiftShader, \`--disable-gpu --enable-unsafe-swiftshader\`), viewport 1400×860. Median of ${runs} fresh page loads per row.`,
      '',
      'Synthetic graphs (seeded): 0.2 % sources, 6 % entities, 4 % citations, the rest claims clustered around skewed subjects; two edges per node (about, from, cites, then agrees / conflicts within subject-property groups). Served with the server\'s own view code (`server/core/views.ts`).',
      '',
      '*First frame* is `performance.now()` at sigma\'s first `afterRender`, i.e. from navigation start. Its parts: *data* = page, script and `/api/graph` fetched and parsed; *graph* = graphology import and node preparation (plus the synchronous ForceAtlas2 pass, only ≤ 2,000 nodes); *sigma* = renderer set-up and indexation; *render* = until the first frame is on screen. *Hover* / *select* = pointer event → first frame showing it, with the layout stopped.',
      '',
      '| graph | drawn (nodes / edges) | JSON | first frame | data | graph | sigma | render | hover → frame | select → frame |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `Above ${(20_000).toLocaleString('en')} nodes the client opens on \`/api/graph?view=conflicts&limit=5000\` ("Showing N of M nodes (contradictions first)"); \`full=1\` in the address (the "Load all" button) draws everything.`,
      '',
      `## Profile: ${slowest?.label ?? '—'}, one load (self time, DevTools CPU profiler, main thread)`,
      '',
      '| function | self time |',
      '|---|---|',
      ...top.map((t) => `| \`${t.name.replace(/\|/g, '\\|')}\` | ${ms(t.ms)} |`),
      '',
    ].join('\n');
    await writeFile(path.join(ROOT, 'bench/results/client.md'), report);
    console.log(report);
  } finally {
    await browser.close();
    for (const s of servers) s.close();
    if (bundle.temporary) await rm(bundle.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
