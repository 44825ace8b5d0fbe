// Issue 12, point 1, in a real Chromium: a hostile page on a second origin (another loopback port)
// tries to write to the explorer's server the ways that need no CORS preflight — an auto-submitted
// <form enctype="text/plain">, a url-encoded form, a fetch with mode: 'no-cors' — and a
// DNS-rebinding page reaches the server under a foreign name. Each is refused and the store is
// byte-identical afterwards; the explorer's own page still writes.
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page, type Response as PwResponse } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/temp-store.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite();
const PLANTED = 'Japan sent 123,456 soldiers to Siberia in 1918.';

/** The attacker's site: every page is built for the app at `target` (http://127.0.0.1:<port>). */
function hostilePages(target: string): Record<string, string> {
  const action = `${target}/api/sources?title=Planted&publisher=Evil`;
  const page = (body: string) => `<!doctype html><html><head><title>cute cats</title></head><body>${body}</body></html>`;
  return {
    '/form-text': page(
      `<form method="POST" action="${action}" enctype="text/plain"><input name="text" value="${PLANTED}"></form><script>document.forms[0].submit()</script>`,
    ),
    '/form-urlencoded': page(
      `<form method="POST" action="${target}/api/sources"><input name="title" value="Planted"><input name="publisher" value="Evil"><input name="text" value="${PLANTED}"></form><script>document.forms[0].submit()</script>`,
    ),
    '/no-cors': page(`<script>
      fetch(${JSON.stringify(action)}, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: ${JSON.stringify(PLANTED)} })
        .then(() => { document.title = 'sent'; }, () => { document.title = 'failed'; });
    </script>`),
  };
}

async function serveHostile(pages: Record<string, string>): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not here');
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as AddressInfo).port, server };
}

let hostile: { port: number; server: Server };
beforeAll(async () => {
  hostile = await serveHostile(hostilePages(suite.app.base));
}, 90_000);
afterAll(async () => {
  hostile?.server.closeAllConnections();
  await new Promise<void>((resolve) => (hostile ? hostile.server.close(() => resolve()) : resolve()));
});

const isSourcesPost = (r: PwResponse) => r.url().startsWith(`${suite.app.base}/api/sources`) && r.request().method() === 'POST';

/**
 * The status the server gave the page's no-cors POST to /api/sources, and the Origin it was sent
 * with, read from Chromium's network domain: the response is withheld from the page (and from
 * Playwright's response event) by the Cross-Origin-Resource-Policy header, but it did arrive.
 */
async function watchNoCorsPost(page: Page): Promise<{ seen: Promise<{ status: number; origin: string | undefined }> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // Chromium sends the three events in no fixed order: keep each by request id until all are in.
  // The listeners are in place before this returns, so the page can be opened only after.
  const seen = new Promise<{ status: number; origin: string | undefined }>((resolve, reject) => {
    // Generous: on a loaded 2-core machine the hostile page can take long to load and post.
    const timer = setTimeout(() => reject(new Error('no POST /api/sources within 45 s')), 45_000);
    const posts = new Set<string>();
    const origins = new Map<string, string | undefined>();
    const statuses = new Map<string, number>();
    const settle = (id: string) => {
      if (!posts.has(id) || !statuses.has(id) || !origins.has(id)) return;
      clearTimeout(timer);
      resolve({ status: statuses.get(id)!, origin: origins.get(id) });
    };
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.method === 'POST' && e.request.url.startsWith(`${suite.app.base}/api/sources`)) posts.add(e.requestId);
      settle(e.requestId);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      const headers = e.headers as Record<string, string>;
      origins.set(e.requestId, headers.Origin ?? headers.origin);
      settle(e.requestId);
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      statuses.set(e.requestId, e.statusCode);
      settle(e.requestId);
    });
  });
  return { seen };
}

describe('a hostile page on another origin', () => {
  // localhost:<port> is another site than 127.0.0.1 (cross-site); 127.0.0.1:<other port> is the same site, another origin.
  const origins = (path: string) =>
    [
      [`localhost`, `http://localhost:${hostile.port}${path}`],
      [`127.0.0.1`, `http://127.0.0.1:${hostile.port}${path}`],
    ] as const;

  it.each(['/form-text', '/form-urlencoded', '/no-cors'])(
    '%s: the write is refused from either hostile origin and the store is unchanged',
    async (path) => {
      const root = suite.app.repo.layout.root;
      for (const [name, url] of origins(path)) {
        const before = await fingerprint(root);
        const sources = suite.app.repo.snapshot.analysis.corpus.sources.length;
        const page = await suite.context.newPage();
        if (path === '/no-cors') {
          const post = await watchNoCorsPost(page);
          await page.goto(url);
          const seen = await post.seen;
          expect(seen.status, `${path} from ${name}`).toBe(403);
          expect(seen.origin).toBe(`http://${name}:${hostile.port}`);
        } else {
          // A form navigates to the answer: the refusal is what the user sees.
          const answered = page.waitForResponse(isSourcesPost, { timeout: 15_000 });
          await page.goto(url);
          const response = await answered;
          expect(response.status(), `${path} from ${name}`).toBe(403);
          expect(response.request().headers()['origin']).toBe(`http://${name}:${hostile.port}`);
          const body = JSON.parse((await response.body()).toString('utf8'));
          expect(body.error).toMatch(/cross-site write refused/);
          expect(body.details[0].at).toMatch(/^\/headers\/(origin|sec-fetch-site)$/);
        }
        await page.close();
        expect(suite.app.repo.snapshot.analysis.corpus.sources.length).toBe(sources);
        expect(await fingerprint(root), `${path} from ${name} changed the store`).toEqual(before);
      }
    },
    60_000,
  );

  it("the explorer's own page still writes (same origin, JSON)", async () => {
    const page = await suite.context.newPage();
    await page.goto(suite.app.base);
    const reply = await page.evaluate(async () => {
      const res = await fetch('/api/sources', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Own page', publisher: 'Me', text: 'The garrison had 2,000 men.' }),
      });
      return res.status;
    });
    expect(reply).toBe(201);
    await page.close();
  });
});

describe('DNS rebinding: the server reached under a foreign name', () => {
  it('refuses a foreign Host with 421, for reads and writes (plain node:http, no browser)', async () => {
    const before = await fingerprint(suite.app.repo.layout.root);
    const { port } = new URL(suite.app.base);
    const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
      new Promise<{ status: number; json: { error: string } }>((resolve, reject) => {
        request({ host: '127.0.0.1', port, method, path, headers: { host: `evil.example:${port}`, ...headers } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        })
          .on('error', reject)
          .end(body);
      });
    const read = await send('GET', '/api/sources', {});
    expect(read.status).toBe(421);
    expect(read.json.error).toMatch(/does not answer to the host "evil.example/);
    const write = await send(
      'POST',
      '/api/sources',
      { 'content-type': 'application/json' },
      JSON.stringify({ title: 'Rebound', publisher: 'Evil', text: PLANTED }),
    );
    expect(write.status).toBe(421);
    expect(await fingerprint(suite.app.repo.layout.root)).toEqual(before);
  });

  it('in Chromium, a page whose name resolves to the server (after rebinding) gets 421 for the app, the API and its writes', async () => {
    const { port } = new URL(suite.app.base);
    // The attacker's name now resolves to the loopback address the server listens on.
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--host-resolver-rules=MAP evil.example 127.0.0.1',
      ],
    });
    try {
      const before = await fingerprint(suite.app.repo.layout.root);
      const page = await browser.newPage();
      const shell = await page.goto(`http://evil.example:${port}/`);
      expect(shell!.status()).toBe(421);
      // The rebound page is same-origin with itself: without the Host check, this script could read and write everything.
      const attempts = await page.evaluate(async (text) => {
        const read = await fetch('/api/sources');
        const write = await fetch('/api/sources', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: 'Rebound', publisher: 'Evil', text }),
        });
        return { read: read.status, write: write.status, error: ((await read.json()) as { error: string }).error };
      }, PLANTED);
      expect(attempts).toMatchObject({ read: 421, write: 421 });
      expect(attempts.error).toMatch(/evil\.example/);
      expect(await fingerprint(suite.app.repo.layout.root)).toEqual(before);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
