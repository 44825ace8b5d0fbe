// The contradictions, for triage: read from GET /api/conflicts a page at a time (a large graph has
// thousands), largest disagreement first by default, identical pairs folded with a count, filtered
// by what they are about, scope, review status and a tolerance. Choosing one selects the pair and
// frames it on the graph, loading it first when it is not drawn.
import { api, type ComparisonList } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';
import type { PanelContext } from './context.js';
import { conflictRow, ROW_HEIGHT, type ListItem } from './conflict-row.js';
import { ConflictFilters, filterQuery } from './conflict-filters.js';
import { VirtualList } from './virtual-list.js';
import { errorBox } from './widgets.js';

export { favouredSide } from './conflict-row.js';

const PAGE_SIZE = 100;

export class ConflictsList {
  readonly el: HTMLElement;
  private readonly countEl = h('p', { class: 'muted count', attrs: { 'aria-live': 'polite' } });
  private readonly errorEl = h('div', { class: 'list-error' });
  private readonly filters: ConflictFilters;
  private readonly list: VirtualList<ListItem>;
  private started = false;
  /** Comparisons in the whole graph, before any filter (the first reply without filters says). */
  private everything: number | null = null;

  constructor(private readonly ctx: PanelContext) {
    this.filters = new ConflictFilters(ctx, () => void this.reload());
    this.list = new VirtualList<ListItem>({
      rowHeight: ROW_HEIGHT,
      pageSize: PAGE_SIZE,
      fetchPage: (offset, limit) => api.conflictsPage(filterQuery(this.filters.value, offset, limit)),
      renderRow: (item) => conflictRow(item, (i) => void this.open(i), this.isCurrent(item)),
      placeholder: () => h('div', { class: 'conflict-item placeholder' }, h('p', { class: 'loading' }, 'Loading…')),
      empty: () =>
        h(
          'p',
          { class: 'vlist-empty muted' },
          this.everything === 0 ? 'No two claims contradict each other.' : 'No contradiction matches these filters.',
        ),
      onCount: (count) => this.showCount(count),
      onError: (err) => replaceChildren(this.errorEl, errorBox(err, 'the contradictions')),
    });
    this.el = h(
      'aside',
      {
        id: 'conflicts-list',
        class: 'conflicts-list',
        role: 'complementary',
        hidden: true,
        attrs: { 'aria-labelledby': 'conflicts-title' },
      },
      h(
        'header',
        { class: 'panel-head' },
        h(
          'div',
          {},
          h('p', { class: 'eyebrow' }, 'Contradictions'),
          h('h2', { id: 'conflicts-title', tabIndex: -1 }, 'Where the sources disagree'),
        ),
        button('×', () => ctx.actions.setList(false), {
          class: 'close',
          title: 'Close the list',
          attrs: { 'aria-label': 'Close the list of contradictions' },
        }),
      ),
      h('div', { class: 'list-body' }, this.filters.el, h('div', { class: 'list-status' }, this.countEl), this.errorEl, this.list.el),
    );
    ctx.store.subscribe((state, prev) => {
      this.sync(state.list);
      if (state.list && !prev.list) this.el.querySelector<HTMLElement>('#conflicts-title')?.focus({ preventScroll: true });
      if (state.edge !== prev.edge || state.node !== prev.node) this.list.redraw();
    });
    // A write changes the contradictions: the pages held are stale. (Loading more of a large graph
    // changes nothing in them: reloading then sent the list back to its top after every choice.)
    ctx.actions.feed.onChange(({ write }) => {
      if (this.started && write) void this.reload();
    });
    this.sync(ctx.store.state.list);
  }

  /**
   * Asks for the list's first page and the whole count before the list is opened (the page is idle
   * after its first frame): the server triages the contradictions once, and opening is then instant.
   */
  prefetch(): void {
    void api.conflictsPage(filterQuery(this.filters.value, 0, PAGE_SIZE)).catch(() => undefined);
    void api.conflictsPage('?limit=1').catch(() => undefined);
  }

  /** How many rows the list holds now (for tests and the benchmark). */
  get count(): number {
    return this.list.count;
  }

  private sync(open: boolean): void {
    this.el.hidden = !open;
    if (open && !this.started) {
      this.started = true;
      void this.reload();
    }
  }

  private async reload(): Promise<void> {
    replaceChildren(this.errorEl);
    this.countEl.textContent = 'Loading contradictions…';
    await this.list.reset();
  }

  private showCount(rows: number): void {
    const filtered = this.filters.active;
    if (!filtered && this.everything === null) void this.countAll();
    const total = this.everything;
    const rowsText = `${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'}`;
    this.countEl.textContent =
      total === null
        ? rowsText
        : filtered
          ? `${rowsText} match, of ${total.toLocaleString('en')} contradictions`
          : `${total.toLocaleString('en')} contradictions in ${rowsText} (identical pairs folded)`;
  }

  /** The whole graph's count of contradictions, unfolded: what the banner says too. */
  private async countAll(): Promise<void> {
    const all: ComparisonList = await api.conflictsPage('?limit=1');
    this.everything = all.count;
    this.showCount(this.list.count);
  }

  private isCurrent(item: ListItem): boolean {
    const { edge } = this.ctx.store.state;
    if (!edge || !this.ctx.graph.hasEdge(edge)) return false;
    const current = this.ctx.graph.getEdgeAttribute(edge, 'comparison');
    return current !== undefined && (item.id === current || (item.same ?? []).includes(String(current)));
  }

  private async open(item: ListItem): Promise<void> {
    this.countEl.textContent = 'Finding the pair on the graph…';
    const shown = await this.ctx.actions.openComparison(item);
    this.showCount(this.list.count);
    if (!shown)
      replaceChildren(
        this.errorEl,
        h(
          'p',
          { class: 'warn warn-none', role: 'alert' },
          'This pair could not be drawn: its claims are no longer in the graph. Reload to see the current list.',
        ),
      );
  }
}
