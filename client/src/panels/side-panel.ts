// The right-hand panel: shows the details of the selection (entity, claim, source, citation, edge)
// or the source reader, following the store. Focus moves into it when it opens.
import { idOf } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';
import { kindOfKey, type ViewState } from '../state/types.js';
import { claimPanel } from './claim-panel.js';
import type { PanelContent, PanelContext } from './context.js';
import { citationPanel } from './citation-panel.js';
import { edgePanel } from './edge-panel.js';
import { entityPanel } from './entity-panel.js';
import { reviewPanel } from '../review/review-panel.js';
import { sourceReader } from './source-reader.js';
import { errorBox, loading } from './widgets.js';

export class SidePanel {
  readonly el: HTMLElement;
  private readonly eyebrow = h('p', { class: 'eyebrow' });
  private readonly heading = h('h2', { id: 'panel-title', tabIndex: -1 });
  private readonly body = h('div', { class: 'panel-body' });
  private shown = '';
  private token = 0;
  private dispose: (() => void) | undefined;

  constructor(private readonly ctx: PanelContext) {
    this.el = h(
      'aside',
      { class: 'side-panel', role: 'complementary', hidden: true, attrs: { 'aria-labelledby': 'panel-title' } },
      h(
        'header',
        { class: 'panel-head' },
        h('div', {}, this.eyebrow, this.heading),
        button('×', () => ctx.actions.closePanel(), { class: 'close', title: 'Close panel (Esc)', attrs: { 'aria-label': 'Close panel' } }),
      ),
      this.body,
    );
    ctx.store.subscribe((state) => void this.render(state, true));
    void this.render(ctx.store.state, false);
  }

  focus(): void {
    if (!this.el.hidden) this.heading.focus();
  }

  private async render(state: ViewState, moveFocus: boolean): Promise<void> {
    const target = state.panel ? `${state.panel}|${state.node ?? ''}|${state.edge ?? ''}` : '';
    if (target === this.shown) return;
    const wasOpen = this.shown !== '';
    const active = document.activeElement;
    // Take focus when the panel opens, or when the change came from inside it; not while the user
    // walks the graph with the arrow keys (focus on the canvas) and the panel only follows.
    const takeFocus = moveFocus && (!wasOpen || this.el.contains(active) || active === document.body || active === null);
    this.shown = target;
    const token = ++this.token;
    this.dispose?.();
    this.dispose = undefined;
    if (!target) {
      this.el.hidden = true;
      replaceChildren(this.body);
      return;
    }
    this.el.hidden = false;
    this.eyebrow.textContent = '';
    this.heading.textContent = 'Loading…';
    replaceChildren(this.body, loading('details'));
    let content: PanelContent;
    try {
      content = await this.contentFor(state);
    } catch (err) {
      if (token !== this.token) return;
      this.heading.textContent = 'Not available';
      replaceChildren(this.body, errorBox(err, 'these details'));
      return;
    }
    if (token !== this.token) {
      content.dispose?.();
      return;
    }
    this.dispose = content.dispose;
    this.eyebrow.textContent = content.eyebrow;
    this.heading.textContent = content.title;
    replaceChildren(this.body, content.body);
    this.body.scrollTop = 0;
    if (content.focusTarget) content.focusTarget.scrollIntoView({ block: 'center' });
    if (takeFocus) (content.focusTarget ?? this.heading).focus({ preventScroll: true });
  }

  private contentFor(state: ViewState): Promise<PanelContent> {
    const { graph } = this.ctx;
    if (state.edge) return edgePanel(this.ctx, state.edge);
    const node = state.node;
    const kind = node ? kindOfKey(node) : undefined;
    // A source's text and queue come from the API: its node need not be drawn (a large graph shown
    // in part, or a source added a moment ago).
    if (node && kind === 'source') {
      return state.panel === 'review' ? reviewPanel(this.ctx, idOf(node)) : sourceReader(this.ctx, idOf(node), null);
    }
    if (!node || !graph.hasNode(node)) return Promise.reject(new Error('That item is not in the graph.'));
    if (state.panel !== 'details') {
      const sourceId = String(graph.getNodeAttribute(node, 'source') ?? '');
      if (state.panel === 'review') return reviewPanel(this.ctx, sourceId);
      return sourceReader(this.ctx, sourceId, kind === 'claim' ? idOf(node) : null);
    }
    if (kind === 'claim') return claimPanel(this.ctx, idOf(node));
    if (kind === 'entity') return entityPanel(this.ctx, idOf(node));
    return citationPanel(this.ctx, node);
  }
}
