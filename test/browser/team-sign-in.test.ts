// Team mode in Chromium (issue 13): the explorer opens on the sign-in form when the API answers 401,
// a signed-in reviewer sees the graph, the session cookie is HttpOnly and SameSite=Strict (no
// script can read it), and after a reload the client fetches the CSRF token itself so that adding
// a source through the dialog works — and is recorded under the signed-in name.
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
import { Repository } from '../../server/store/repository.js';
import { addUser, UserDirectory } from '../../server/store/users.js';
import { clientBundle, copyGraphData, launchBrowser } from './harness.js';

let base: string;
let server: Server;
let repo: Repository;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let password: string;
const cleanup: string[] = [];

beforeAll(async () => {
  const [bundle, data, usersDir] = await Promise.all([
    clientBundle(),
    copyGraphData(),
    mkdtemp(path.join(os.tmpdir(), 'concordance-team-')),
  ]);
  cleanup.push(data, usersDir, ...(bundle.temporary ? [bundle.dir] : []));
  const file = path.join(usersDir, 'users.json');
  ({ password } = await addUser(file, 'Rev Iewer', 'reviewer'));
  repo = await Repository.open(data);
  server = createApp(repo, { clientDir: bundle.dir, auth: { users: new UserDirectory(file) } }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true })));
});

const ready = () => (window as unknown as { __concordance?: { ready: boolean } }).__concordance?.ready === true;

describe('team mode in the explorer', () => {
  it("asks for a sign-in, refuses a wrong password with the server's reason, then shows the graph", async () => {
    const page = await browser.context.newPage();
    await page.goto(base);
    await page.locator('dialog.sign-in-dialog[open]').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-name');
    await page.fill('#sign-in-name', 'Rev Iewer');
    await page.fill('#sign-in-password', 'wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.sign-in-dialog [role=alert]').textContent()).toBe('wrong name or password');
    await page.fill('#sign-in-password', password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForFunction(ready, null, { timeout: 20_000 });
    expect(await page.locator('dialog.sign-in-dialog').count()).toBe(0);
    const cookie = (await browser.context.cookies(base)).find((c) => c.name === 'concordance_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('concordance_session');
    await page.close();
  });

  it('after a reload, adds a source through the dialog (CSRF token fetched by the client) under the signed-in name', async () => {
    const page = await browser.context.newPage();
    await page.goto(base);
    await page.waitForFunction(ready, null, { timeout: 20_000 });
    await page.getByRole('button', { name: '+ Add source' }).click();
    await page.locator('dialog.add-dialog[open]').waitFor();
    await page.fill('#add-title', 'Team note');
    await page.fill('#add-publisher', 'Desk');
    await page.fill('#add-text', 'The garrison had 2,500 men in the winter of 1919.');
    await page.getByRole('button', { name: 'Add source', exact: true }).click();
    await page.locator('.add-success').waitFor({ timeout: 20_000 });
    const stored = repo.snapshot.analysis.corpus.sources.find((s) => s.title === 'Team note');
    expect(stored).toBeDefined();
    const log = await readFile(path.join(repo.layout.root, 'changelog.jsonl'), 'utf8');
    const lines = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { who: string; source?: string });
    expect(lines.filter((l) => l.source === stored!.id).map((l) => l.who)).toContain('Rev Iewer');
    await page.close();
  });
});
