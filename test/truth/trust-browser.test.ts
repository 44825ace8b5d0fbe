// In Chromium: a historian marks a source as primary in the source panel, sees beforehand which likely
// values would move, saves, and finds a likely value moved in the entity panel.
import { describe, expect, it } from 'vitest';
import { openApp, screenshot } from '../browser/harness.js';
import { useBrowserSuite } from '../browser/suite.js';

// The bundled corpus (a copy): two sources that disagree on many statements.
const WP = 'wikipedia-japanese-intervention';
const suite = useBrowserSuite();

interface Move {
  subject: string;
  property: string;
  before: { wording: string; claim: string };
  after: { wording: string; claim: string };
  changed: boolean;
}
interface Likely {
  value: string;
  claims: string[];
  undecided?: boolean;
}
interface Group {
  property: { id: string };
  likelySets: Likely[];
}

const getJson = async <T>(path: string): Promise<T> => (await (await fetch(`${suite.app.base}${path}`)).json()) as T;

/** The likely value of the set `claimId` belongs to, as the entity view serves it. */
async function likelySetOf(claimId: string): Promise<{ subject: string; property: string; likely: Likely | undefined }> {
  const claim = await getJson<{ subject: string; property: string }>(`/api/claims/${claimId}`);
  const entity = await getJson<{ properties: Group[] }>(`/api/entities/${claim.subject}`);
  const group = entity.properties.find((g) => g.property.id === claim.property);
  return { ...claim, likely: group?.likelySets.find((s) => s.claims.includes(claimId)) };
}

describe('reviewer trust in the explorer', () => {
  it('marking a source primary shows the moves first, then saves and a likely value moves', async () => {
    const whatIf = await getJson<{ changed: number; moves: Move[] }>(`/api/sources/${WP}/what-if?trust=primary`);
    const changedMoves = whatIf.moves.filter((m) => m.changed);
    expect(changedMoves.length, 'marking the encyclopedia primary should change some likely value of the bundled corpus').toBeGreaterThan(
      0,
    );

    const page = await openApp(suite.context, `${suite.app.base}/?node=source:${WP}&panel=details`);
    const panel = page.locator(`.source-trust[data-source="${WP}"]`);
    await panel.locator('.trust-kind').waitFor();
    expect(await panel.locator('.trust-judgement').textContent()).toContain('No reviewer has judged this source');
    expect(await panel.locator('.copy-none, .copy-relations').count()).toBe(1);
    await panel.locator('.trust-kind').selectOption('primary');
    await panel.locator('.trust-preview-button').click();
    await panel.locator('.trust-move.changed').first().waitFor();
    // Every change the server predicts is listed, old value → new value, before anything is saved.
    expect(await panel.locator('.trust-move.changed').count()).toBe(changedMoves.length);
    for (const m of changedMoves) {
      const line = panel.locator('.trust-move.changed', { hasText: `${m.subject}, ${m.property}:` }).filter({ hasText: m.before.wording });
      expect(await line.locator('.trust-after').allTextContents()).toContain(m.after.wording);
    }
    expect(suite.app.repo.snapshot.analysis.corpus.trust ?? []).toEqual([]);
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'source-trust-preview');

    await panel.locator('.trust-save').click();
    await panel.locator('.trust-judgement', { hasText: 'marked it as a primary source' }).waitFor();
    expect(suite.app.repo.snapshot.analysis.corpus.trust).toMatchObject([{ source: WP, primary: true }]);

    // A moved value the evidence now decides (one barely ahead is shown as undecided, rightly).
    let watched: { move: Move; subject: string; property: string; likely: Likely } | undefined;
    for (const move of changedMoves) {
      const set = await likelySetOf(move.after.claim);
      expect(set.likely?.claims, `${move.subject} / ${move.property}: the server does not serve the predicted value`).toContain(
        move.after.claim,
      );
      if (!set.likely!.undecided && !watched) watched = { move, subject: set.subject, property: set.property, likely: set.likely! };
    }
    expect(watched, 'no moved value is decided after the judgement').toBeDefined();
    await page.goto(`${suite.app.base}/?node=entity:${watched!.subject}&panel=details`);
    const group = page.locator(`.property-group[data-property="${watched!.property}"]`);
    await group.waitFor({ timeout: 10_000 });
    const shown = await group.locator('.likely-value').allTextContents();
    expect(shown).toContain(watched!.likely.value);
    expect(await group.locator('.supports-likely', { hasText: watched!.move.after.wording }).count()).toBeGreaterThan(0);
    expect(await group.locator('.supports-likely', { hasText: watched!.move.before.wording }).count()).toBe(0);
    await group.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'source-trust-moved');
    await page.close();
  });
});
