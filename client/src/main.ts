// Boots the client: loads the graph, then mounts the renderer, the controls, the panels and the
// search, all driven by one store whose state is the URL.
import { Actions } from './actions.js';
import { api } from './api.js';
import { banner, hint, summarise } from './controls/banner.js';
import { legend } from './controls/legend.js';
import { toolbar } from './controls/toolbar.js';
import { installDebugHook } from './debug.js';
import { byId, h, replaceChildren } from './dom.js';
import { LayoutRunner } from './graph-view/layout.js';
import { preLayout, prepareGraph } from './graph-view/load.js';
import { GraphView } from './graph-view/renderer.js';
import { bindKeyboard } from './keyboard.js';
import { ConflictsList } from './panels/conflicts-list.js';
import { SidePanel } from './panels/side-panel.js';
import { SearchBox } from './search/search-box.js';
import { Store } from './state/store.js';
import { parseQuery } from './state/url.js';
import { errorBox } from './panels/widgets.js';

async function boot(): Promise<void> {
  const status = byId('status');
  status.textContent = 'Loading the graph…';
  const graph = prepareGraph(await api.graph());
  preLayout(graph);
  if (graph.order === 0) status.textContent = 'The graph is empty: no source has been loaded yet.';

  const store = new Store(parseQuery(location.search));
  const container = byId('graph');
  const view = new GraphView(graph, container, store);
  const layout = new LayoutRunner(graph);
  const actions = new Actions(store, graph, view, layout);
  const ctx = { store, graph, actions };

  const summary = summarise(graph);
  replaceChildren(byId('banner-slot'), banner(summary, actions));
  replaceChildren(byId('controls-slot'), toolbar(store, actions, layout, summary.conflicts), legend(store, actions, graph));
  byId('stage').append(hint(store));
  const list = new ConflictsList(ctx);
  replaceChildren(byId('list-slot'), list.el);
  const panel = new SidePanel(ctx);
  replaceChildren(byId('panel-slot'), panel.el);
  const search = new SearchBox(graph, (s) => {
    actions.selectNode(s.key);
  });
  replaceChildren(byId('search-slot'), search.el);
  bindKeyboard(actions, view, search, panel);
  document.body.classList.toggle('has-panel', store.state.panel !== null);
  store.subscribe((state) => {
    document.body.classList.toggle('has-panel', state.panel !== null);
    document.body.classList.toggle('has-list', state.list);
  });
  document.body.classList.toggle('has-list', store.state.list);

  window.addEventListener('popstate', () => store.update(parseQuery(location.search), 'none'));
  // A link with a selection but no camera: frame the selection.
  const first = store.state;
  if (!first.camera && (first.node || first.edge)) {
    const keys = first.node ? [first.node] : graph.hasEdge(first.edge!) ? graph.extremities(first.edge!) : [];
    void view.focusOn(keys.filter((k) => graph.hasNode(k)), 0);
  }
  installDebugHook(store, view, layout);
  if (graph.order > 0) status.textContent = '';
}

boot().catch((err: unknown) => {
  console.error(err);
  const status = document.getElementById('status');
  if (status) replaceChildren(status, errorBox(err, 'the graph'), h('p', {}, 'Is the server running? Try reloading the page.'));
});
