// Adding a source and reviewing its candidates in a real browser, against the real app and the real
// extractor over a copy of graph-data/: the dialog's progress bar and refusals (409, 400), then the
// review queue with the keyboard — accept, reject, edit, and a stale write answered 412.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, type PageHooks } from './harness.js';
import { useBrowserSuite } from './suite.js';

const suite = useBrowserSuite();

const GARRISON = 'The garrison numbered over 5,000 soldiers in 1919.';
/** Sentences the extractor reads as claims about known entities (five candidates). */
const FIGURES = [
  'The Japanese Expeditionary Force had 70,000 troops in 1919.',
  'By 1920 the Japanese force numbered 25,000 men.',
  'The Czechoslovak Legion had 50,000 soldiers in 1918.',
  'The American Expeditionary Force Siberia numbered 7,950 soldiers in 1918.',
  'The last Japanese troops left Vladivostok in October 1922.',
];

const hooks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as PageHooks;
    return {
      state: w.__concordance.state(),
      camera: w.__concordance.camera(),
      counts: w.__concordance.counts(),
      errors: w.__pageErrors,
      csp: w.__cspViolations,
    };
  });

async function getClaim(id: string): Promise<{ status: string; version: number; value: { amount?: number } }> {
  const res = await fetch(`${suite.app.base}/api/claims/${id}`);
  return (await res.json()) as { status: string; version: number; value: { amount?: number } };
}

async function openDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: '+ Add source' }).click();
  await page.locator('dialog.add-dialog[open]').waitFor();
}

describe('adding a source and reviewing it', () => {
  it('the dialog streams progress to 100 %, then the review queue opens with the extracted candidates', async () => {
    const page = await openApp(suite.context, suite.app.base);
    await openDialog(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-title');
    await page.fill('#add-publisher', 'Browser test');
    await page.selectOption('#add-kind', 'book');
    // The text read from a chosen .txt file; its name becomes the title when none was typed.
    const text = [GARRISON, ...FIGURES.slice(0, 3)].join('\n');
    await page.setInputFiles('#add-file', { name: 'Garrison notes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect.poll(() => page.inputValue('#add-text')).toBe(text);
    expect(await page.inputValue('#add-title')).toBe('Garrison notes');
    // Every value the bar takes, with the words beside it at that moment.
    await page.locator('.upload-bar').evaluate((bar) => {
      const w = window as unknown as { __steps: { value: number; label: string }[] };
      w.__steps = [];
      new MutationObserver(() => {
        if (bar.hasAttribute('value'))
          w.__steps.push({
            value: (bar as HTMLProgressElement).value,
            label: document.querySelector('.progress-label')?.textContent ?? '',
          });
      }).observe(bar, { attributes: true, attributeFilter: ['value'] });
    });
    await page.getByRole('button', { name: 'Add source', exact: true }).click();
    await page.locator('.add-success').waitFor({ timeout: 20_000 });
    expect(await page.locator('.upload-bar').evaluate((el) => (el as HTMLProgressElement).value)).toBe(1);
    expect(await page.locator('.progress-label').textContent()).toBe('Done: 100 %');
    // A real bar: it never goes back, passes through the server's write and the redraw with their
    // own words, and is full only at the end (it used to jump to 100 % once the text was read).
    const steps = await page.evaluate(() => (window as unknown as { __steps: { value: number; label: string }[] }).__steps);
    const values = steps.map((s) => s.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.filter((v) => v >= 1)).toEqual([1]);
    expect(values.at(-1)).toBe(1);
    expect(steps.some((s) => s.value >= 0.8 && s.value < 0.9 && /Storing the source and comparing/.test(s.label))).toBe(true);
    expect(steps.some((s) => s.value >= 0.9 && s.value < 1 && /Drawing the new claims/.test(s.label))).toBe(true);
    const stored = suite.app.repo.snapshot.analysis.corpus.sources.find((s) => s.title === 'Garrison notes');
    expect(stored, 'the source was not stored').toBeDefined();
    expect(stored!.kind).toBe('book');
    const candidates = suite.app.repo.snapshot.analysis.corpus.claims.filter((c) => c.source === stored!.id && c.status === 'extracted');
    expect(candidates.length).toBeGreaterThan(0);
    expect(await page.locator('.add-success').textContent()).toContain(`${candidates.length} candidate claim`);
    await screenshot(page, 'add-source-done');

    await page.locator('.start-review').click();
    await page.waitForURL(new RegExp(`node=source:${stored!.id}&panel=review`));
    await page.locator('.candidate .claim-value').waitFor();
    expect(await page.locator('.review-counter').textContent()).toContain(`0 of ${candidates.length} reviewed`);
    expect(await page.locator('.queue-item').count()).toBe(candidates.length);
    expect(await page.locator('.candidate mark.quote').textContent()).toBe(
      candidates.sort((a, b) => a.quote.start - b.quote.start)[0]!.quote.exact,
    );
    // The new source is drawn: the graph was refreshed in place.
    expect((await hooks(page)).counts.nodes).toBe(suite.app.repo.snapshot.analysis.graph.order);
    await screenshot(page, 'review-queue');
    expect((await hooks(page)).errors).toEqual([]);
    await page.close();
  });

  it('a duplicate text names the existing source with a link; a 400 lists each refused field', async () => {
    const page = await openApp(suite.context, suite.app.base);
    const [existing] = suite.app.repo.snapshot.analysis.corpus.sources;
    await openDialog(page);
    await page.fill('#add-title', 'Copy');
    await page.fill('#add-publisher', 'Browser test');
    await page.fill('#add-text', suite.app.repo.snapshot.analysis.corpus.texts.get(existing!.id)!);
    await page.getByRole('button', { name: 'Add source', exact: true }).click();
    const error = page.locator('.add-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('already in the graph');
    expect(await error.locator('a.existing-source').textContent()).toContain(existing!.title);
    await screenshot(page, 'add-source-409');

    await page.fill('#add-title', '');
    await page.fill('#add-url', 'not a url');
    await page.fill('#add-text', 'A text that was never stored before.');
    await page.getByRole('button', { name: 'Add source', exact: true }).click();
    await page.locator('.add-error .problems').waitFor();
    const fields = await page.locator('.add-error .problems li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-field')));
    expect(new Set(fields)).toEqual(new Set(['title', 'url']));
    expect(await page.locator('#add-title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#add-url').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#add-url-error').textContent()).toContain('uri');
    await screenshot(page, 'add-source-400');

    // The 409's link opens the existing source.
    await page.fill('#add-text', suite.app.repo.snapshot.analysis.corpus.texts.get(existing!.id)!);
    await page.fill('#add-title', 'Copy');
    await page.fill('#add-url', '');
    await page.getByRole('button', { name: 'Add source', exact: true }).click();
    await page.locator('a.existing-source').click();
    await page.waitForURL(new RegExp(`node=source:${existing!.id}`));
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await page.close();
  });

  it('keyboard review: a accepts, r rejects, e edits, and a stale write shows the 412 and retries on the current record', async () => {
    const res = await fetch(`${suite.app.base}/api/sources`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Queue by keyboard', publisher: 'Browser test', text: FIGURES.join('\n') }),
    });
    expect(res.status).toBe(201);
    const { source, claims } = (await res.json()) as { source: { id: string }; claims: { id: string; quote: { start: number } }[] };
    const ids = claims.sort((a, b) => a.quote.start - b.quote.start).map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    // The queue is reachable from the source's reader.
    const page = await openApp(suite.context, `${suite.app.base}/?node=source:${source.id}&panel=details`);
    await page.getByRole('button', { name: `Review ${ids.length} extracted claims` }).click();
    await page.waitForURL(new RegExp(`node=source:${source.id}&panel=review`));
    await page.locator('.candidate .claim-value').waitFor();
    const camera = (await hooks(page)).camera;
    const badge = (id: string) => page.locator(`.queue-item[data-claim="${id}"] .badge-status`);

    // No name yet: `a` asks for it instead of writing anonymously, and is not lost: once the name
    // is saved, the acceptance it asked for is made.
    await page.keyboard.press('a');
    await page.locator('#reviewer-name').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reviewer-name');
    expect(await page.locator('#reviewer-name').inputValue()).toBe('');
    await page.keyboard.type('Test Reviewer');
    await page.keyboard.press('Enter');
    await page.locator('.reviewer').waitFor();
    await expect.poll(() => badge(ids[0]!).getAttribute('data-status')).toBe('reviewed');
    await page.locator('.candidate').focus();
    expect(await badge(ids[0]!).textContent()).toBe('accepted');
    expect((await getClaim(ids[0]!)).status).toBe('reviewed');
    const history = (await (await fetch(`${suite.app.base}/api/claims/${ids[0]}/history`)).json()) as {
      items: { who: string; action: string }[];
    };
    expect(history.items.at(-1)).toMatchObject({ who: 'Test Reviewer', action: 'accept' });
    await expect.poll(() => page.locator('.review-counter').textContent()).toContain(`1 of ${ids.length} reviewed`);

    // The queue moved on to the next candidate: reject it. Its node leaves the graph, the camera stays.
    await page.keyboard.press('r');
    await expect.poll(() => badge(ids[1]!).getAttribute('data-status')).toBe('rejected');
    expect((await getClaim(ids[1]!)).status).toBe('rejected');
    await expect
      .poll(async () => page.evaluate((k) => (window as unknown as PageHooks).__concordance.nodeDisplay(k), `claim:${ids[1]}`))
      .toBeNull();
    expect((await hooks(page)).camera).toEqual(camera);

    // j / k walk; then edit the third candidate's amount.
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('.queue-items li.current .queue-item').getAttribute('data-claim')).toBe(ids[1]);
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.queue-items li.current .queue-item').getAttribute('data-claim')).toBe(ids[2]);
    await page.keyboard.press('e');
    await page.locator('#edit-amount').waitFor();
    await page.fill('#edit-amount', '51000');
    await page.fill('#edit-wording', '51,000');
    await screenshot(page, 'review-edit');
    await page.keyboard.press('Enter');
    await expect.poll(() => badge(ids[2]!).textContent()).toBe('edited');
    expect(await getClaim(ids[2]!)).toMatchObject({ status: 'reviewed', value: { amount: 51000 } });

    // Someone else accepts the fourth candidate first; our `a` then meets a 412.
    const current = page.locator('.queue-items li.current .queue-item');
    await expect.poll(() => current.getAttribute('data-claim')).toBe(ids[3]);
    const other = await fetch(`${suite.app.base}/api/claims/${ids[3]}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"1"', 'X-Reviewer': 'Someone Else' },
      body: JSON.stringify({ action: 'edit', wording: 'about 8,000' }),
    });
    expect(other.status).toBe(200);
    await page.keyboard.press('a');
    const stale = page.locator('.stale-box');
    await stale.waitFor();
    expect(await stale.textContent()).toContain('Someone else changed this claim');
    expect(await stale.textContent()).toContain('about 8,000');
    await screenshot(page, 'review-412');
    await stale.getByRole('button', { name: /Apply my acceptance/ }).click();
    await expect.poll(async () => (await getClaim(ids[3]!)).version).toBe(3);
    expect(await page.locator('.stale-box').count()).toBe(0);

    // Rejected claims can be seen again (re-opened queue: the rejection is on the server) and accepted after all.
    await page.goto(`${suite.app.base}/?node=source:${source.id}&panel=review`);
    await page.locator('#review-show-rejected').check();
    const again = page.locator(`.queue-item[data-claim="${ids[1]}"]`);
    await again.waitFor();
    expect(await again.locator('.badge-status').getAttribute('data-status')).toBe('rejected');
    await again.click();
    await page.locator('.candidate').focus();
    await page.keyboard.press('a');
    await expect.poll(async () => (await getClaim(ids[1]!)).status).toBe('reviewed');
    await screenshot(page, 'review-rejected-again');
    const { errors, csp } = await hooks(page);
    expect(errors).toEqual([]);
    expect(csp).toEqual([]);
    await page.close();
  });
});
