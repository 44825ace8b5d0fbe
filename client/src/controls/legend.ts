// The legend is also the filter: each node kind is a toggle button (hidden through the reducers,
// the graph is untouched). Below, what edge colours and the red ring mean. On top, while the server is
// still building its whole graph, a note saying so.
import type { Actions } from '../actions.js';
import { button, h } from '../dom.js';
import type { GraphFeed } from '../graph-view/feed.js';
import type { AppGraph } from '../graph-view/load.js';
import { sourceStyles } from '../graph-view/source-registry.js';
import { KIND_HINT, KIND_LABEL } from '../graph-view/style.js';
import type { Store } from '../state/store.js';
import { NODE_KINDS, type NodeKind } from '../state/types.js';

/** Shown while the server is still building its whole graph (GraphFeed.building). */
export const GRAPH_BUILDING_TEXT = 'Whole graph still being built — showing the overview and local views; full views will follow';

export function legend(store: Store, actions: Actions, graph: AppGraph, feed: GraphFeed): HTMLElement {
  const buildingNote = h('p', { class: 'legend-note graph-building', role: 'status' });
  const syncBuilding = (building: boolean) => {
    // Emptied rather than hidden, so that a screen reader hears it come and go (an empty note takes no room).
    buildingNote.textContent = building ? GRAPH_BUILDING_TEXT : '';
  };
  feed.onBuilding(syncBuilding);
  syncBuilding(feed.building);
  const countEls = new Map(NODE_KINDS.map((kind) => [kind, h('span', { class: 'kind-count' })]));
  const trustNote = h(
    'li',
    { class: 'trust-note', hidden: true },
    h('span', { class: 'size-sample', attrs: { 'aria-hidden': 'true' } }),
    'larger source: more trusted',
  );
  const sourcesEl = h('div', { class: 'legend-sources' });
  const count = () => {
    drawSources(sourcesEl, actions);
    const counts = new Map<NodeKind, number>();
    let rated = false;
    graph.forEachNode((_k, a) => {
      counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
      if (a.kind === 'source' && typeof a.trust === 'number') rated = true;
    });
    for (const [kind, el] of countEls) el.textContent = (counts.get(kind) ?? 0).toLocaleString('en');
    // Sources are sized by trust only when the server rates them.
    trustNote.hidden = !rated;
  };
  feed.onChange(count);
  count();
  const buttons = NODE_KINDS.map((kind) =>
    button(
      [
        h('span', { class: `swatch dot-${kind}`, attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'kind-name' }, KIND_LABEL[kind]),
        countEls.get(kind)!,
      ],
      () => actions.toggleKind(kind),
      { class: 'legend-kind', title: `${KIND_LABEL[kind]}: ${KIND_HINT[kind]}. Click to hide or show.`, attrs: { 'data-kind': kind } },
    ),
  );
  const sync = () => {
    const hidden = store.state.hidden;
    buttons.forEach((b, i) => {
      const shown = !hidden.includes(NODE_KINDS[i]!);
      b.setAttribute('aria-pressed', String(shown));
      b.classList.toggle('off', !shown);
    });
  };
  store.subscribe(sync);
  sync();
  return h(
    'section',
    { class: 'legend', attrs: { 'aria-label': 'Legend and filter' } },
    buildingNote,
    h('h2', { class: 'mini-title' }, 'Show'),
    h('div', { class: 'legend-kinds' }, buttons),
    sourcesEl,
    h(
      'ul',
      { class: 'legend-edges' },
      h('li', {}, h('span', { class: 'line line-conflicts', attrs: { 'aria-hidden': 'true' } }), 'conflicts'),
      h('li', {}, h('span', { class: 'line line-agrees', attrs: { 'aria-hidden': 'true' } }), 'agrees'),
      h('li', {}, h('span', { class: 'line line-structure', attrs: { 'aria-hidden': 'true' } }), 'about / from / cites'),
      h('li', {}, h('span', { class: 'ring-sample', attrs: { 'aria-hidden': 'true' } }), 'claim in conflict'),
      trustNote,
    ),
  );
}

/** Up to this many sources are listed by name with their colour; more are summarised in a line. */
const LISTED_SOURCES = 8;

/** Who says what: each source's colour and abbreviation, as its claims wear them on the graph. */
function drawSources(el: HTMLElement, actions: Actions): void {
  const styles = sourceStyles().all();
  el.replaceChildren();
  if (styles.length === 0) return;
  el.append(h('h2', { class: 'mini-title' }, 'Claims by source'));
  if (styles.length > LISTED_SOURCES) {
    el.append(
      h(
        'p',
        { class: 'legend-note' },
        `${styles.length.toLocaleString('en')} sources drawn, each in its own colour; hover a claim to see its source.`,
      ),
    );
    return;
  }
  el.append(
    h(
      'ul',
      { class: 'legend-source-list' },
      styles.map(([id, style]) => {
        const dot = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
        dot.style.background = style.colour;
        return h(
          'li',
          {},
          button(
            [dot, h('strong', { class: 'abbr' }, style.abbreviation), h('span', { class: 'source-name' }, style.name)],
            () => actions.selectNode(`source:${id}`),
            { class: 'legend-source', title: `${style.title} — select this source`, attrs: { 'data-source': id } },
          ),
        );
      }),
    ),
  );
}
