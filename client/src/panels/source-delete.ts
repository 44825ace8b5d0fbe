// "Delete this source" in the source reader: DELETE /api/sources/:id with the ETag of the source as
// it is now, after the user confirms. The deletion is logged with everything it removed, so it can
// be undone with POST /api/changes/:seq/revert (the confirmation says so).
import { ApiError, apiErrorOf, send } from '../api.js';
import { notice } from '../actions.js';
import { button } from '../dom.js';
import type { PanelContext } from './context.js';

export function deleteSourceButton(ctx: PanelContext, sourceId: string, title: string, claims: number): HTMLButtonElement {
  const el = button(
    'Delete this source',
    async () => {
      const what = `“${title}” and its ${claims} claim${claims === 1 ? '' : 's'}`;
      if (!confirm(`Delete ${what}? Their comparisons go too. The deletion is logged and can be reverted.`)) return;
      el.disabled = true;
      try {
        const deleted = await deleteSource(sourceId);
        notice(`Deleted ${what} (change ${deleted.change}; revert it with POST /api/changes/${deleted.change}/revert).`);
        ctx.actions.clearSelection();
        await ctx.actions.afterWrite();
      } catch (err) {
        notice(err instanceof ApiError ? `Not deleted: ${err.message}` : 'Not deleted: the server could not be reached.');
        el.disabled = false;
      }
    },
    { class: 'secondary small danger source-delete' },
  );
  return el;
}

/** The ETag is read fresh, so the deletion is of the source as it is now, not as the panel drew it. */
async function deleteSource(id: string): Promise<{ change: number }> {
  const path = `/api/sources/${encodeURIComponent(id)}`;
  const current = await send(path, { method: 'HEAD' });
  if (!current.ok) throw await apiErrorOf(current);
  const res = await send(path, {
    method: 'DELETE',
    headers: { 'If-Match': current.headers.get('ETag') ?? '', Accept: 'application/json' },
  });
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as { change: number };
}
