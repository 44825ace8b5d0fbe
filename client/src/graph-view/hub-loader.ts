// In a large graph's overview, entities and sources stand alone: selecting one (a click, the
// keyboard, a search, a link) loads its claims around it and frames them, so a click on the
// overview never leaves the user with nothing new to read.
import { notice, type Actions } from '../actions.js';

export function loadHubsOnSelect(actions: Actions): void {
  const { store, feed, graph, view } = actions;
  const load = async (key: string | null) => {
    if (!key || !feed.partial || !/^(entity|source):/.test(key) || feed.hasHub(key) || !graph.hasNode(key)) return;
    notice('Loading its claims…');
    try {
      await feed.loadHub(key);
      notice('');
    } catch {
      notice('Its claims could not be loaded (is the server running?).');
      return;
    }
    // Still the selection: frame it with what came.
    if (store.state.node === key && graph.hasNode(key)) await view.focusOn([key, ...graph.inNeighbors(key)]);
  };
  store.subscribe((state, previous) => {
    if (state.node !== previous.node) void load(state.node);
  });
  void load(store.state.node);
}
