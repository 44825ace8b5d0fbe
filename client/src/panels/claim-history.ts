// A claim's history (GET /api/claims/:id/history) in its panel, newest first, with Revert on the
// newest change: POST /api/changes/:seq/revert restores the claim as it was before that change, as a
// new change (issue 13). Older changes cannot be reverted past a later one (the server says 409), so
// only the newest gets the button. Loaded after the panel is drawn: it never delays the panel.
import { ApiError, apiErrorOf, send, type Claim } from '../api.js';
import { notice } from '../actions.js';
import { button, h } from '../dom.js';
import type { PanelContext } from './context.js';
import { section } from './widgets.js';

interface Change {
  seq: number;
  at: string;
  who: string;
  action: string;
  reverts?: number;
  before?: Claim | null;
  after?: Claim | null;
  note?: string;
}

export function claimHistorySection(ctx: PanelContext, claimId: string): HTMLElement {
  const list = h('ol', { class: 'claim-history' }, h('li', { class: 'muted' }, 'Loading…'));
  void load(ctx, claimId, list);
  return section('History', list);
}

async function load(ctx: PanelContext, claimId: string, list: HTMLElement): Promise<void> {
  let changes: Change[];
  try {
    const res = await send(`/api/claims/${encodeURIComponent(claimId)}/history`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw await apiErrorOf(res);
    changes = ((await res.json()) as { items: Change[] }).items;
  } catch (err) {
    list.replaceChildren(h('li', { class: 'muted' }, `History not available: ${(err as Error).message}`));
    return;
  }
  if (changes.length === 0) {
    list.replaceChildren(h('li', { class: 'muted' }, 'Not changed since it was stored.'));
    return;
  }
  const newest = changes.at(-1)!;
  list.replaceChildren(
    ...[...changes]
      .reverse()
      .map((c) =>
        h(
          'li',
          {},
          `${describe(c)} by ${c.who}, ${new Date(c.at).toLocaleString()}`,
          c.note ? h('span', { class: 'muted' }, ` — ${c.note}`) : null,
          c === newest ? ' ' : null,
          c === newest ? revertButton(ctx, claimId, c) : null,
        ),
      ),
  );
}

function describe(c: Change): string {
  if (c.action === 'revert') return `#${c.seq} revert of #${c.reverts}`;
  if (c.action === 'edit' && c.before && c.after) return `#${c.seq} edit: ${c.before.wording} → ${c.after.wording}`;
  return `#${c.seq} ${c.action}`;
}

function revertButton(ctx: PanelContext, claimId: string, change: Change): HTMLButtonElement {
  const el = button(
    'Revert',
    async () => {
      if (!confirm(`Undo change #${change.seq} (${change.action})? The claim goes back to how it was before it, as a new change.`)) return;
      el.disabled = true;
      try {
        const res = await send(`/api/changes/${change.seq}/revert`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: '{}',
        });
        if (!res.ok) throw await apiErrorOf(res);
        notice(`Change #${change.seq} reverted.`);
        await ctx.actions.afterWrite();
        // Closed and reopened so the panel is drawn afresh from the server (the detail cache was cleared).
        ctx.actions.closePanel();
        if (change.before) ctx.actions.selectClaim(claimId, { panel: 'details', camera: false });
        else ctx.actions.clearSelection();
      } catch (err) {
        notice(err instanceof ApiError ? `Not reverted: ${err.message}` : 'Not reverted: the server could not be reached.');
        el.disabled = false;
      }
    },
    { class: 'secondary small claim-revert' },
  );
  return el;
}
