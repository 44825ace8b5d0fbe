// Boots the client: loads the graph (whole, or its contradictions first when it is large), draws
// the first frame from the positions it came with, then mounts the controls, the panels, the
// search and the "Add source" dialog, all driven by one store whose state is the URL.
import { Actions } from './actions.js';
import { AddSourceDialog } from './add-source/dialog.js';
import { banner, hint } from './controls/banner.js';
import { legend } from './controls/legend.js';
import { navigation } from './controls/navigation.js';
import { TimelineLens } from './timeline/lens.js';
import { toolbar } from './controls/toolbar.js';
import { viewBanner } from './controls/view-banner.js';
import { installDebugHook } from './debug.js';
import { button, byId, h, replaceChildren } from './dom.js';
import { GraphFeed, loadInitial } from './graph-view/feed.js';
import { loadHubsOnSelect } from './graph-view/hub-loader.js';
import { LayoutRunner } from './graph-view/layout.js';
import { preLayout, prepareGraph } from './graph-view/load.js';
import { whoSaysWhatLayout } from './graph-view/petals.js';
import { Totals } from './graph-view/totals.js';
import { GraphView } from './graph-view/renderer.js';
import { bindKeyboard } from './keyboard.js';
import { ConflictsList } from './panels/conflicts-list.js';
import { SidePanel } from './panels/side-panel.js';
import { errorBox } from './panels/widgets.js';
import { mark } from './perf.js';
import { SearchBox } from './search/search-box.js';
import { Store } from './state/store.js';
import { parseQuery } from './state/url.js';

const AUTO_LAYOUT_MAX_NODES = 20_000;

async function boot(): Promise<void> {
  mark('boot');
  const status = byId('status');
  status.textContent = 'Loading the graph…';
  const store = new Store(parseQuery(location.search));
  const pieces = await loadInitial(store.state.full, store.state.overview);
  mark('dataLoaded');
  const graph = prepareGraph(GraphFeed.initialData(pieces), pieces.has(''));
  // Small graphs get a deterministic synchronous layout; large ones (a part of them: the overview
  // and what the user opens) are drawn where the server placed them, the same on every visit.
  const laidOut = pieces.has('') && preLayout(graph);
  // Small graphs: each entity's claims around it, by property and source; sources on an outer ring.
  if (laidOut) whoSaysWhatLayout(graph);
  mark('graphReady');
  if (graph.order === 0) status.textContent = 'The graph is empty: no source has been loaded yet.';

  const feed = new GraphFeed(graph, pieces);
  const view = new GraphView(graph, byId('graph'), store);
  mark('sigmaReady');
  const layout = new LayoutRunner(graph, laidOut ? 4000 : 8000);
  const actions = new Actions(store, graph, view, layout, feed);
  const ctx = { store, graph, actions };
  feed.onChange(() => view.dataChanged());

  const totals = new Totals(graph, feed);
  replaceChildren(byId('banner-slot'), banner(actions, totals));
  replaceChildren(
    byId('controls-slot'),
    h('div', { class: 'controls-top' }, toolbar(store, actions, layout, totals), viewBanner(actions, feed)),
    legend(store, actions, graph, feed),
  );
  byId('stage').append(hint(store), navigation(view), new TimelineLens(actions).el);
  const list = new ConflictsList(ctx);
  replaceChildren(byId('list-slot'), list.el);
  const panel = new SidePanel(ctx);
  replaceChildren(byId('panel-slot'), panel.el);
  const search = new SearchBox(
    graph,
    (s) => {
      if (s.reference !== undefined) actions.openReference(s.key, s.reference);
      else void actions.reveal(s.key);
    },
    (key) => graph.hasNode(key) || feed.partial || key.startsWith('source:'),
  );
  replaceChildren(byId('search-slot'), search.el);
  mountAddSource(actions, panel);
  bindKeyboard(actions, view, search, panel);
  const syncBody = () => {
    document.body.classList.toggle('has-panel', store.state.panel !== null);
    document.body.classList.toggle('has-list', store.state.list);
  };
  store.subscribe(syncBody);
  syncBody();

  window.addEventListener('popstate', () => store.update(parseQuery(location.search), 'none'));
  void frameFirstSelection(actions);
  loadHubsOnSelect(actions);
  installDebugHook(store, view, layout, feed);
  if (graph.order > 0) status.textContent = '';
  // Once the first frame is up: the contradictions list's first page, so that opening it is instant.
  requestAnimationFrame(() => setTimeout(() => list.prefetch(), 0));
  // Without the synchronous pass, ForceAtlas2 (Barnes-Hut above 2,000 nodes) untangles the graph in
  // its worker once the first frame is up, within its time budget. Above AUTO_LAYOUT_MAX_NODES each
  // of its steps redraws so many items that the page would stutter for seconds: the user starts it.
  // A part of a large graph keeps the server's positions: running the layout on every visit kept
  // the page busy for seconds (the list, a click) and moved the picture on every reload.
  if (!laidOut && !feed.partial && graph.order > 1 && graph.order <= AUTO_LAYOUT_MAX_NODES)
    requestAnimationFrame(() => requestAnimationFrame(() => layout.start()));
}

/** A link with a selection but no camera: load the selection if it is not drawn yet, then frame it. */
async function frameFirstSelection(actions: Actions): Promise<void> {
  const { graph, store, view, feed } = actions;
  const first = store.state;
  if (first.node && !graph.hasNode(first.node)) await feed.ensure(first.node);
  if (first.camera || !(first.node || first.edge)) return;
  const keys = first.node ? [first.node] : graph.hasEdge(first.edge!) ? graph.extremities(first.edge!) : [];
  await view.focusOn(
    keys.filter((k) => graph.hasNode(k)),
    0,
  );
}

function mountAddSource(actions: Actions, panel: SidePanel): void {
  const dialog = new AddSourceDialog({
    async added(summary) {
      // The source is stored whatever happens here: a failed refresh only leaves the graph behind.
      await actions.afterWrite().catch((err: unknown) => console.error('graph refresh failed', err));
      await actions.feed.ensure(`source:${summary.source.id}`);
      actions.openReview(summary.source.id);
    },
    openSource: (id) =>
      void actions.reveal(`source:${id}`).then((shown) => {
        if (!shown) actions.store.update({ node: `source:${id}`, edge: null, panel: 'details' });
      }),
    titleOf: (id) => (actions.graph.hasNode(`source:${id}`) ? actions.graph.getNodeAttribute(`source:${id}`, 'fullLabel') : null),
    focusPanel: () => panel.focus(),
  });
  document.body.append(dialog.el);
  replaceChildren(
    byId('actions-slot'),
    button('+ Add source', () => dialog.open(), { class: 'secondary add-source', attrs: { 'aria-haspopup': 'dialog' } }),
  );
}

boot().catch((err: unknown) => {
  console.error(err);
  const status = document.getElementById('status');
  if (status) replaceChildren(status, errorBox(err, 'the graph'), h('p', {}, 'Is the server running? Try reloading the page.'));
});
