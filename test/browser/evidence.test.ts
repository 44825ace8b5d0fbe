// "Which value is right" (issue #5) in the browser. Against the real server when it sends the
// truth fields; and against the contract itself (responses extended in flight with page.route), so
// the client's rendering of likely values, low evidence, favoured sides and trust is proven
// whether or not the server has them yet.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, type PageHooks } from './harness.js';
import { useBrowserSuite } from './suite.js';

const JEF = 'japanese-expeditionary-force';
const WP = 'wikipedia-japanese-intervention';

const suite = useBrowserSuite();

type Json = Record<string, unknown>;
interface Group {
  property: { id: string };
  bySource: { values: { claim: string }[] }[];
  likely?: unknown;
}

/** Fulfils a request with the server's own JSON passed through `edit`. */
async function extend(route: Route, edit: (body: Json) => Json): Promise<void> {
  const response = await route.fetch();
  await route.fulfill({ response, json: edit((await response.json()) as Json) });
}

async function entityGroup(page: Page, property: string) {
  const group = page.locator(`.property-group[data-property="${property}"]`);
  await group.waitFor({ timeout: 8000 });
  return group;
}

describe('which value is right', () => {
  it('the server’s likely troop strength of the Japanese Expeditionary Force shows with its low-evidence marker', async () => {
    const entity = (await (await fetch(`${suite.app.base}/api/entities/${JEF}`)).json()) as { properties: Group[] };
    const group = entity.properties.find((g) => g.property.id === 'troop-strength');
    // The server sends the truth fields: if they disappear this fails rather than skipping.
    expect(group, 'the entity view has no troop-strength group').toBeDefined();
    expect(group, 'the troop-strength group has no likely value field').toHaveProperty('likely');
    const likely = group!.likely as { value: string; lowEvidence: boolean } | null;
    expect(likely, 'the server has no likely value for troop strength').not.toBeNull();
    expect(likely!.lowEvidence, 'two sources should be low evidence').toBe(true);
    const page = await openApp(suite.context, `${suite.app.base}/?node=entity:${JEF}&panel=details`);
    const el = await entityGroup(page, 'troop-strength');
    expect(await el.locator('.likely-value').first().textContent()).toBe(likely!.value);
    expect(await el.locator('.low-evidence').first().textContent()).toContain('treat as a hint, not a verdict');
    await el.locator('h4').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'evidence-server');
    await page.close();
  });

  it('to the contract: likely value with confidence and low evidence, the favoured side of a conflict, trust on sources', async () => {
    const page = await suite.context.newPage();
    // Whatever the server says (or not), these shapes are what the client must render.
    await page.route(`**/api/entities/${JEF}`, (route) =>
      extend(route, (body) => ({
        ...body,
        // The contract's `likely` only: no per-scope sets (an extension the client also reads).
        properties: (body.properties as Group[]).map((g) =>
          g.property.id === 'troop-strength'
            ? {
                ...g,
                likelySets: undefined,
                likely: {
                  value: '70,000',
                  claims: ['wp-japanese-strength-total-infobox'],
                  confidence: 0.64,
                  lowEvidence: true,
                  explanation: 'Two sources give comparable figures; the encyclopedia agrees more often elsewhere.',
                },
              }
            : { ...g, likelySets: undefined, likely: null },
        ),
      })),
    );
    // The list asks for pages (?sort=gap&offset=…): every reply of the path is extended.
    await page.route(
      (url) => url.pathname === '/api/conflicts',
      (route) =>
        extend(route, (body) => ({
          ...body,
          items: (body.items as { b: { id: string } }[]).map((item, i) => ({
            ...item,
            likely:
              i === 1
                ? {
                    value: 'a tie',
                    claims: [item.b.id],
                    confidence: 0.5,
                    lowEvidence: false,
                    undecided: true,
                    explanation: 'Split evenly.',
                  }
                : {
                    value: 'the second value',
                    claims: [item.b.id],
                    confidence: 0.8,
                    lowEvidence: false,
                    explanation: 'More sources agree with it.',
                  },
          })),
        })),
    );
    await page.route(`**/api/sources/${WP}`, (route) =>
      extend(route, (body) => ({
        ...body,
        trust: {
          score: 0.72,
          lowEvidence: true,
          explanation: 'Agrees with the other source on 5 of 7 comparable claims.',
          agreements: 5,
          comparable: 7,
        },
      })),
    );
    await page.route('**/api/graph', (route) =>
      extend(route, (body) => ({
        ...body,
        nodes: (body.nodes as { key: string; attributes: Json }[]).map((n) =>
          n.key === `source:${WP}` ? { ...n, attributes: { ...n.attributes, trust: 0.72, trustLowEvidence: true } } : n,
        ),
      })),
    );
    await page.goto(`${suite.app.base}/?node=entity:${JEF}&panel=details`);
    await page.waitForFunction(() => (window as unknown as PageHooks).__concordance?.ready === true);

    const group = await entityGroup(page, 'troop-strength');
    expect(await group.locator('.likely-value').textContent()).toBe('70,000');
    expect(await group.locator('meter').getAttribute('value')).toBe('0.64');
    expect(await group.locator('.share-text').textContent()).toBe('64 %');
    const sources = suite.app.repo.snapshot.analysis.corpus.claims.filter((c) => c.subject === JEF && c.property === 'troop-strength');
    const n = new Set(sources.map((c) => c.source)).size;
    expect(await group.locator('.low-evidence').textContent()).toContain(`Only ${n} sources — treat as a hint, not a verdict`);
    // Who states the likely value, by the source's name: the server's explanation names claims by id.
    expect(await group.locator('.likely-why').textContent()).toMatch(/^Stated by Wikipedia/);
    expect(await group.locator('.supports-likely .badge-likely').count()).toBe(1);
    // A property the server has no verdict for shows none.
    expect(await page.locator('.property-group:not([data-property="troop-strength"]) .likely').count()).toBe(0);
    await group.locator('h4').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'evidence-entity');

    await page.getByRole('button', { name: /List of contradictions/ }).click();
    const first = page.locator('.conflict-item').first();
    await first.waitFor();
    expect(await first.locator('.item-value').nth(1).getAttribute('class')).toContain('favoured');
    expect(await first.locator('.evidence').textContent()).toContain('The evidence favours the second value (80 %)');
    // An undecided verdict favours no side, whatever claims it lists.
    const second = page.locator('.conflict-item').nth(1);
    expect(await second.locator('.item-value.favoured').count()).toBe(0);
    // Two claims of one source are not "sources split evenly".
    const within = (await second.getAttribute('class'))!.includes('within');
    expect(await second.locator('.evidence').textContent()).toContain(
      within ? 'favours neither statement: one source says both' : 'favours neither side: the sources are split evenly',
    );
    await screenshot(page, 'evidence-conflicts');

    const legendNote = page.locator('.legend .trust-note');
    expect(await legendNote.isVisible()).toBe(true);
    const sizes = await page.evaluate(() => {
      const c = (window as unknown as PageHooks).__concordance;
      return Object.keys(c.positions())
        .filter((k) => k.startsWith('source:'))
        .map((k) => [k, Number(c.nodeDisplay(k)!.size)] as const);
    });
    // Both sources are hubs (same capped size by degree): the rated one is drawn larger by its trust.
    const size = new Map(sizes);
    expect(size.get(`source:${WP}`)!).toBeGreaterThan(size.get('source:russia-beyond')! * 1.1);

    await page.goto(`${suite.app.base}/?node=source:${WP}&panel=details`);
    const trust = page.locator('.reader .trust');
    await trust.waitFor();
    expect(await trust.textContent()).toContain('Agrees with other sources in 5 of 7 comparable claims');
    expect(await trust.locator('.low-evidence').textContent()).toContain('Only 7 comparable claims');
    expect(await trust.textContent()).toContain('Agrees with the other source on 5 of 7');
    expect(await trust.locator('.low-evidence').count()).toBe(1);
    await screenshot(page, 'evidence-reader');
    expect(await page.evaluate(() => (window as unknown as PageHooks).__pageErrors)).toEqual([]);
    await page.close();
  });
});
