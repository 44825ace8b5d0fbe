// "Trust and copying" in the source reader: which sources this one probably copies from or with
// (copy detection on shared disputed values), what a reviewer said of it, and a control to mark it
// as a primary source or as derivative of another. The consequence is shown before anything is
// saved: GET /api/sources/:id/what-if lists every likely value that would move. Saving is a PUT with
// the judgement's ETag; the change is logged and can be reverted like any other.
import type { CopyRelation, LikelyMove } from '../../../server/analysis/source-trust.js';
import { api, ApiError, apiErrorOf, send } from '../api.js';
import { notice } from '../actions.js';
import { button, h, replaceChildren } from '../dom.js';
import { sourceName, type PanelContext } from './context.js';
import { section } from './widgets.js';

interface TrustView {
  source: { id: string; title: string };
  judgement: { primary: boolean; derivativeOf: { id: string; title: string } | null; note: string | null; version: number } | null;
  copies: CopyRelation[];
}

interface WhatIf {
  changed: number;
  moves: LikelyMove[];
}

type Choice = { trust: 'primary' } | { trust: 'derivative'; of: string } | { trust: 'none' };

const path = (id: string) => `/api/sources/${encodeURIComponent(id)}`;

async function getJson<T>(url: string): Promise<{ body: T; etag: string }> {
  const res = await send(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw await apiErrorOf(res);
  return { body: (await res.json()) as T, etag: res.headers.get('ETag') ?? '"0"' };
}

/** The section, filled once the trust view has arrived (the rest of the reader does not wait for it). */
export function sourceTrustSection(ctx: PanelContext, sourceId: string): HTMLElement {
  const body = h(
    'div',
    { class: 'source-trust', attrs: { 'data-source': sourceId } },
    h('p', { class: 'muted' }, 'Loading trust and copy relations… (copy detection runs over the whole store: a while on a large one)'),
  );
  void fill(ctx, sourceId, body);
  return section('Trust and copying', body);
}

async function fill(ctx: PanelContext, sourceId: string, body: HTMLElement): Promise<void> {
  try {
    const [{ body: view, etag }, sources] = await Promise.all([getJson<TrustView>(`${path(sourceId)}/trust`), api.sources()]);
    const others = sources.items.filter((s) => s.id !== sourceId);
    const name = (s: { id: string; title: string }) => sourceName(ctx, s);
    replaceChildren(
      body,
      h('p', { class: 'trust-judgement' }, judgementText(view, name)),
      copiesList(view.copies),
      controls(ctx, sourceId, view, etag, others, name, () => void fill(ctx, sourceId, body)),
    );
  } catch (err) {
    replaceChildren(
      body,
      h('p', { class: 'muted' }, err instanceof ApiError ? `Trust could not be loaded: ${err.message}` : 'Trust could not be loaded.'),
    );
  }
}

function judgementText(view: TrustView, name: (s: { id: string; title: string }) => string): string {
  const j = view.judgement;
  if (!j) return 'No reviewer has judged this source: its trust is learned from how its figures agree with the others.';
  const note = j.note ? ` (“${j.note}”)` : '';
  return j.primary
    ? `A reviewer marked it as a primary source${note}: its trust starts high.`
    : `A reviewer marked it as derivative of ${name(j.derivativeOf!)}${note}: where both state a figure, its word counts for little.`;
}

function copiesList(copies: readonly CopyRelation[]): HTMLElement {
  if (copies.length === 0)
    return h('p', { class: 'muted copy-none' }, 'No copying detected: it shares no pattern of disputed values with another source.');
  return h('ul', { class: 'copy-relations' }, ...copies.map((c) => h('li', { attrs: { 'data-source': c.source.id } }, c.summary)));
}

function controls(
  ctx: PanelContext,
  sourceId: string,
  view: TrustView,
  etag: string,
  others: readonly { id: string; title: string }[],
  name: (s: { id: string; title: string }) => string,
  reload: () => void,
): HTMLElement {
  const kind = h(
    'select',
    { class: 'trust-kind', attrs: { 'aria-label': 'Mark this source as' } },
    h('option', { attrs: { value: 'primary' } }, 'a primary source'),
    others.length > 0 ? h('option', { attrs: { value: 'derivative' } }, 'derivative of…') : null,
  );
  const of = h(
    'select',
    { class: 'trust-of', attrs: { 'aria-label': 'The source it copies from' }, hidden: true },
    ...others.map((s) => h('option', { attrs: { value: s.id } }, name(s))),
  );
  kind.addEventListener('change', () => {
    of.hidden = kind.value !== 'derivative';
    preview.replaceChildren();
    save.hidden = true;
  });
  of.addEventListener('change', () => {
    preview.replaceChildren();
    save.hidden = true;
  });
  const preview = h('div', { class: 'trust-preview', attrs: { 'aria-live': 'polite' } });
  const choice = (): Choice => (kind.value === 'derivative' ? { trust: 'derivative', of: of.value } : { trust: 'primary' });

  const save = button(
    'Save this judgement',
    async () => {
      save.disabled = true;
      const c = choice();
      const payload = c.trust === 'derivative' ? { derivativeOf: c.of } : { primary: true };
      await write(ctx, `${path(sourceId)}/trust`, 'PUT', etag, payload, 'Saved', reload);
      save.disabled = false;
    },
    { class: 'primary-blue small trust-save' },
  );
  save.hidden = true;

  // The server works the answer out in a background thread (truth discovery over the whole store,
  // seconds on a large one): the request waits for it, and the panel says so meanwhile.
  const show = button(
    'Preview what changes',
    async () => {
      const c = choice();
      const query = c.trust === 'derivative' ? `trust=derivative&of=${encodeURIComponent(c.of)}` : `trust=${c.trust}`;
      show.disabled = true;
      save.hidden = true;
      replaceChildren(
        preview,
        h(
          'p',
          { class: 'muted trust-computing' },
          'Working out how every likely value would move… (on a large store this takes a while; the rest of the explorer keeps working)',
        ),
      );
      try {
        const { body } = await getJson<WhatIf>(`${path(sourceId)}/what-if?${query}`);
        replaceChildren(preview, movesList(ctx, body));
        save.hidden = false;
      } catch (err) {
        replaceChildren(preview, h('p', { class: 'muted' }, err instanceof ApiError ? err.message : 'The server could not be reached.'));
      } finally {
        show.disabled = false;
      }
    },
    { class: 'secondary small trust-preview-button' },
  );

  const remove = view.judgement
    ? button(
        'Remove the judgement',
        () => write(ctx, `${path(sourceId)}/trust`, 'DELETE', etag, undefined, 'Removed the judgement', reload),
        { class: 'secondary small trust-remove' },
      )
    : null;
  return h(
    'div',
    { class: 'trust-controls' },
    h('p', { class: 'actions-row' }, h('label', {}, 'Mark as ', kind), ' ', of, ' ', show, ' ', remove),
    preview,
    h('p', { class: 'actions-row' }, save),
  );
}

function movesList(ctx: PanelContext, whatIf: WhatIf): HTMLElement {
  const from = (side: LikelyMove['before']) => sourceName(ctx, { id: side.sourceId, title: side.source });
  if (whatIf.moves.length === 0) return h('p', { class: 'muted trust-no-move' }, 'No likely value would move.');
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return h(
    'div',
    {},
    h(
      'p',
      {},
      whatIf.changed === 0
        ? 'No likely value would change; confidence would move on these:'
        : `${whatIf.changed} likely value${whatIf.changed === 1 ? '' : 's'} would change:`,
    ),
    h(
      'ul',
      { class: 'trust-moves' },
      ...whatIf.moves.map((m) =>
        h(
          'li',
          { class: m.changed ? 'trust-move changed' : 'trust-move' },
          h('strong', {}, `${m.subject}, ${m.property}: `),
          m.changed
            ? [
                `${m.before.wording} (${from(m.before)}, ${pct(m.before.confidence)}) → `,
                h('span', { class: 'trust-after' }, m.after.wording),
                ` (${from(m.after)}, ${pct(m.after.confidence)})`,
              ]
            : `${m.after.wording}, confidence ${pct(m.before.confidence)} → ${pct(m.after.confidence)}`,
        ),
      ),
    ),
  );
}

async function write(
  ctx: PanelContext,
  url: string,
  method: 'PUT' | 'DELETE',
  etag: string,
  payload: unknown,
  done: string,
  reload: () => void,
): Promise<void> {
  try {
    const res = await send(url, {
      method,
      headers: { 'If-Match': etag, Accept: 'application/json', ...(payload ? { 'Content-Type': 'application/json' } : {}) },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
    if (!res.ok) throw await apiErrorOf(res);
    const { change } = (await res.json()) as { change: number };
    notice(`${done} (change ${change}; it can be reverted).`);
    await ctx.actions.afterWrite();
    reload();
  } catch (err) {
    notice(err instanceof ApiError ? `Not saved: ${err.message}` : 'Not saved: the server could not be reached.');
  }
}
