// For a large graph shown in part (issue #7): how much of it is drawn, and the ways to see more —
// the neighbourhood of the selection, or everything at once.
import type { Actions } from '../actions.js';
import { button, h, replaceChildren } from '../dom.js';
import type { GraphFeed } from '../graph-view/feed.js';

export function viewBanner(actions: Actions, feed: GraphFeed): HTMLElement {
  const el = h('section', { class: 'view-banner', attrs: { 'aria-label': 'Part of the graph shown' } });
  const count = h('p', { class: 'view-count' });
  const hops = h(
    'select',
    { attrs: { 'aria-label': 'How far around the selection' } },
    [1, 2, 3].map((n) => h('option', { attrs: { value: n } }, `${n} step${n > 1 ? 's' : ''}`)),
  );
  const status = h('span', { class: 'muted view-status', role: 'status' });
  const expand = button(
    'Expand around selection',
    () => {
      expand.disabled = true;
      status.textContent = 'Loading…';
      actions
        .expandSelection(Number(hops.value))
        .then((added) => {
          status.textContent = added > 0 ? `${added.toLocaleString('en')} nodes added` : 'Nothing more around it';
        })
        .catch(() => {
          status.textContent = 'Could not load its neighbourhood';
        })
        .finally(sync);
    },
    { class: 'secondary small expand-selection' },
  );
  const everything = button('', () => actions.loadEverything(), {
    class: 'secondary small load-everything',
    title: 'Large graphs draw slowly: this may take a while',
  });

  function sync(): void {
    el.hidden = !feed.partial;
    if (!feed.partial) return;
    const total = feed.total.nodes;
    const info = feed.overview;
    const n = (x: number) => x.toLocaleString('en');
    replaceChildren(
      count,
      h('strong', {}, `Showing ${n(actions.graph.order)} of ${n(total)} nodes`),
      info?.entities && info.sources
        ? ` · the ${n(info.entities.shown)} most disputed of ${n(info.entities.total)} entities, with ${n(info.sources.shown)} of ${n(info.sources.total)} sources; select one to load its claims`
        : ' (contradictions first)',
    );
    expand.disabled = !actions.store.state.node;
    expand.title = actions.store.state.node ? 'Load what surrounds the selected node' : 'Select a node first';
    everything.textContent = `Load all ${total.toLocaleString('en')}`;
  }
  replaceChildren(el, count, h('p', { class: 'view-tools' }, expand, hops, everything), status);
  feed.onChange(sync);
  actions.store.subscribe(sync);
  sync();
  return el;
}
