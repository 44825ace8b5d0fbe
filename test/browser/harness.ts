// Browser-test harness: the built client served by the real app (real helmet CSP) over a temp copy
// of graph-data/, driven by playwright-core in Debian's Chromium. One browser per test file.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../server/api/app.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { Repository } from '../../server/store/repository.js';
import type { DebugHook } from '../../client/src/debug.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CLIENT = path.join(ROOT, 'client');
const CHROMIUM = '/usr/bin/chromium';

/** Newest modification time of any file under `dir` (recursively), skipping `skip` folders. */
async function newest(dir: string, skip: readonly string[] = []): Promise<number> {
  let max = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? await newest(full, skip) : (await stat(full)).mtimeMs);
  }
  return max;
}

/** What the client bundle is built from: its sources, the server code it imports, the locked dependencies. */
const BUNDLE_INPUTS = [CLIENT, path.join(ROOT, 'server/common'), path.join(ROOT, 'package-lock.json')];

/** Every file under `entry` (or `entry` itself), skipping `skip` folders, sorted. */
async function filesUnder(entry: string, skip: readonly string[]): Promise<string[]> {
  if (!(await stat(entry)).isDirectory()) return [entry];
  const out: string[] = [];
  for (const child of await readdir(entry, { withFileTypes: true })) {
    if (skip.includes(child.name)) continue;
    out.push(...(await filesUnder(path.join(entry, child.name), skip)));
  }
  return out.sort();
}

/** A hash of the bundle's inputs: the same sources give the same built bundle. */
async function bundleKey(): Promise<string> {
  const hash = createHash('sha1');
  for (const input of BUNDLE_INPUTS)
    for (const file of await filesUnder(input, ['dist', 'node_modules'])) {
      hash
        .update(path.relative(ROOT, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    }
  return hash.digest('hex').slice(0, 16);
}

/** Folder of built bundles, one per bundleKey(), shared by every test file (and worktree) on this machine. */
const BUNDLE_CACHE = path.join(os.tmpdir(), 'concordance-test-client');

/**
 * The client bundle to serve: client/dist when it is newer than every client source file, else the
 * bundle built from these very sources, once per machine: the first test file to ask builds it
 * (others wait on its lock) into BUNDLE_CACHE. Each browser file used to build its own, ten seconds
 * and more each on two busy cores, a dozen times per run.
 */
export async function clientBundle(): Promise<{ dir: string; temporary: boolean }> {
  const dist = path.join(CLIENT, 'dist');
  const built = await stat(path.join(dist, 'index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > 0 && built > (await newest(CLIENT, ['dist', 'node_modules']))) return { dir: dist, temporary: false };
  const dir = path.join(BUNDLE_CACHE, await bundleKey());
  await mkdir(BUNDLE_CACHE, { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(path.join(dir, 'index.html'))) return { dir, temporary: false };
    if (await takeLock(lock)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    if (!existsSync(path.join(dir, 'index.html'))) {
      // Built aside and renamed into place: a reader never sees half a bundle.
      const staging = await mkdtemp(`${dir}.building-`);
      buildClient(staging);
      await rm(dir, { recursive: true, force: true });
      await rename(staging, dir);
    }
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
  return { dir, temporary: false };
}

/** Takes the build lock (a folder holding the builder's pid); a lock whose process is gone is taken over. */
async function takeLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    await writeFile(path.join(lock, 'pid'), String(process.pid));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''));
  const since = await stat(lock).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  );
  // No pid yet: the owner is between mkdir and writeFile, unless that was long ago.
  if ((owner > 0 && !alive(owner)) || (!owner && since > 30_000)) await rm(lock, { recursive: true, force: true });
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function buildClient(outDir: string): void {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(CLIENT, 'vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
}

/** A private copy of graph-data/: tests never touch the store people are curating. */
export async function copyGraphData(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'concordance-browser-'));
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

export interface RunningApp {
  base: string;
  repo: Repository;
  close(): Promise<void>;
}

export async function startApp(dataDir: string, clientDir: string): Promise<RunningApp> {
  const repo = await Repository.open(dataDir);
  const server: Server = createApp(repo, { clientDir }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    repo,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'concordance-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Every page records CSP violations and uncaught errors where the tests can read them.
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[]; __pageErrors: string[] };
    w.__cspViolations = [];
    w.__pageErrors = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.addEventListener('error', (e) => w.__pageErrors.push(String(e.message)));
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `url` and waits until the app has drawn the graph (its debug hook is installed). */
export async function openApp(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __concordance?: { ready: boolean } }).__concordance?.ready === true, null, {
    timeout: 15_000,
  });
  return page;
}

/** Fails loudly when this Chromium has no WebGL: sigma cannot draw anything without it. */
export async function assertWebGL(page: Page): Promise<void> {
  const gl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    return ctx ? (ctx instanceof WebGL2RenderingContext ? 'webgl2' : 'webgl') : null;
  });
  if (!gl)
    throw new Error(
      'WebGL is not available in this Chromium (needs --enable-unsafe-swiftshader and no --disable-software-rasterizer): sigma cannot render.',
    );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Pixels of a PNG that differ from its most common colour (the background), decoded by the
 * browser itself on a blank page (no CSP there, no PNG decoder needed in Node).
 */
export async function countForegroundPixels(context: BrowserContext, png: Buffer): Promise<{ foreground: number; total: number }> {
  const page = await context.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const freq = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        freq.set(key, (freq.get(key) ?? 0) + 1);
      }
      const background = [...freq.entries()].sort((a, b) => b[1] - a[1])[0]![1];
      const total = data.length / 4;
      return { foreground: total - background, total };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

export interface PageHooks {
  /** The client's read-only debug hook, typed by the client itself so the two cannot drift. */
  __concordance: DebugHook;
  __cspViolations: string[];
  __pageErrors: string[];
  __pwned?: unknown;
}

/** One test file's world: the built client, a private copy of graph-data, the real app and a browser. */
export interface BrowserSuite {
  app: RunningApp;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts a BrowserSuite; `prepareData` may change the copied graph-data before the app opens it. */
export async function startBrowserSuite(prepareData?: (dataDir: string) => Promise<void>): Promise<BrowserSuite> {
  const [bundle, data] = await Promise.all([clientBundle(), copyGraphData()]);
  const cleanup = [data, ...(bundle.temporary ? [bundle.dir] : [])];
  if (prepareData) await prepareData(data);
  const app = await startApp(data, bundle.dir);
  const browser = await launchBrowser();
  return {
    app,
    context: browser.context,
    async close() {
      await browser.close();
      await app.close();
      await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
