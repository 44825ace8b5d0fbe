// The list of every contradiction (GET /api/conflicts): both values in their sources' words and the
// reason. Choosing one selects the pair and frames it on the graph.
import { api, type ReportClaim, type ReportItem } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';
import { sourceName, type PanelContext } from './context.js';
import { likelyField, percent, type Likely } from '../truth/types.js';
import { errorBox, loading, scopeBadge } from './widgets.js';

type ScopeFilter = 'all' | 'between' | 'within';

export class ConflictsList {
  readonly el: HTMLElement;
  private readonly listEl = h('ol', { class: 'conflict-items' });
  private readonly countEl = h('p', { class: 'muted count' });
  private items: ReportItem[] | null = null;
  private scope: ScopeFilter = 'all';
  private loaded = false;

  constructor(private readonly ctx: PanelContext) {
    const filter = h('select', { attrs: { 'aria-label': 'Which contradictions' }, on: { change: (e) => {
      this.scope = (e.target as HTMLSelectElement).value as ScopeFilter;
      this.renderItems();
    } } },
    h('option', { attrs: { value: 'all' } }, 'All contradictions'),
    h('option', { attrs: { value: 'between' } }, 'Between sources'),
    h('option', { attrs: { value: 'within' } }, 'Within one source'));
    this.el = h('aside', { id: 'conflicts-list', class: 'conflicts-list', role: 'complementary', hidden: true, attrs: { 'aria-labelledby': 'conflicts-title' } },
      h('header', { class: 'panel-head' },
        h('div', {}, h('p', { class: 'eyebrow' }, 'Contradictions'), h('h2', { id: 'conflicts-title', tabIndex: -1 }, 'Where the sources disagree')),
        button('×', () => ctx.actions.setList(false), { class: 'close', title: 'Close the list', attrs: { 'aria-label': 'Close the list of contradictions' } })),
      h('div', { class: 'panel-body' }, h('div', { class: 'list-tools' }, filter, this.countEl), this.listEl));
    ctx.store.subscribe((state, prev) => {
      this.sync(state.list);
      if (state.list && !prev.list) this.el.querySelector<HTMLElement>('#conflicts-title')?.focus({ preventScroll: true });
      if (state.edge !== prev.edge || state.node !== prev.node) this.markCurrent();
    });
    this.sync(ctx.store.state.list);
  }

  private sync(open: boolean): void {
    this.el.hidden = !open;
    if (open && !this.loaded) void this.load();
  }

  private async load(): Promise<void> {
    this.loaded = true;
    replaceChildren(this.listEl, h('li', {}, loading('contradictions')));
    try {
      this.items = (await api.conflicts()).items;
      this.renderItems();
    } catch (err) {
      this.loaded = false;
      replaceChildren(this.listEl, h('li', {}, errorBox(err, 'the contradictions')));
    }
  }

  private renderItems(): void {
    if (!this.items) return;
    const shown = this.items.filter((i) => this.scope === 'all' || i.scope === this.scope);
    this.countEl.textContent = `${shown.length} of ${this.items.length}`;
    if (shown.length === 0) {
      replaceChildren(this.listEl, h('li', { class: 'muted' }, this.items.length === 0 ? 'No two claims contradict each other.' : 'None of this kind.'));
      return;
    }
    replaceChildren(this.listEl, shown.map((item) => this.itemEl(item)));
    this.markCurrent();
  }

  private itemEl(item: ReportItem): HTMLElement {
    const likely = likelyField(item);
    const side = likely ? favouredSide(item, likely) : null;
    const open = button(
      [h('span', { class: 'item-subject' }, `${item.subject.label} · ${item.property.label}`),
        h('span', { class: 'item-values' },
          this.valueOf(item.a, undefined, side === 'a'),
          h('span', { class: 'vs', attrs: { 'aria-label': 'versus' } }, ' vs '),
          this.valueOf(item.b, item.parts, side === 'b'))],
      () => this.ctx.actions.openComparison(item),
      { class: 'item-open', attrs: { 'data-comparison': item.id } });
    return h('li', { class: 'conflict-item' }, open,
      h('p', { class: 'reason' }, item.reason),
      likely ? evidenceLine(likely, side) : null,
      h('p', { class: 'item-meta' }, scopeBadge(item.scope)));
  }

  /** Marks the item whose pair is selected. */
  private markCurrent(): void {
    const { edge } = this.ctx.store.state;
    const current = edge && this.ctx.graph.hasEdge(edge) ? this.ctx.graph.getEdgeAttribute(edge, 'comparison') : undefined;
    for (const el of this.listEl.querySelectorAll<HTMLElement>('.item-open')) {
      const on = current !== undefined && el.dataset.comparison === current;
      el.classList.toggle('current', on);
      if (on) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    }
  }

  private valueOf(claim: ReportClaim, parts: readonly ReportClaim[] | undefined, favoured: boolean): HTMLElement {
    const wording = parts && parts.length > 0 ? parts.map((p) => p.wording).join(' + ') : claim.wording;
    return h('span', { class: `item-value${favoured ? ' favoured' : ''}` }, h('strong', {}, wording),
      favoured ? h('span', { class: 'badge badge-likely small' }, '✓ evidence favours') : null,
      h('span', { class: 'item-source', title: claim.sourceTitle }, sourceName(this.ctx, { id: claim.source, title: claim.sourceTitle })));
  }
}

/** Which side of a conflict the group's most likely value stands on, if either. */
export function favouredSide(item: Pick<ReportItem, 'a' | 'b' | 'parts'>, likely: Likely): 'a' | 'b' | null {
  if (likely.undecided) return null;
  const supports = new Set(likely.claims);
  if (supports.has(item.a.id)) return 'a';
  if (supports.has(item.b.id) || (item.parts ?? []).some((p) => supports.has(p.id))) return 'b';
  return null;
}

function evidenceLine(likely: Likely, side: 'a' | 'b' | null): HTMLElement {
  const what = likely.undecided ? 'The evidence favours neither side: the sources are split evenly.'
    : side ? `The evidence favours ${likely.value} (${percent(likely.confidence)}).`
      : `The evidence favours neither side: most likely ${likely.value} (${percent(likely.confidence)}).`;
  return h('p', { class: `evidence${likely.lowEvidence ? ' evidence-low' : ''}`, title: likely.explanation || undefined },
    what, likely.lowEvidence ? h('strong', { class: 'low-evidence-inline' }, ' Low evidence — a hint, not a verdict.') : null);
}
