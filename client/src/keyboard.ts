// Global keys: "/" focuses search; Esc closes the panel, then clears the selection, then closes the
// list; arrows walk the selected node's neighbours; Enter opens the selection's details.
import type { Actions } from './actions.js';
import { isArrow, neighbourInDirection } from './graph-view/neighbours.js';
import type { GraphView } from './graph-view/renderer.js';
import type { SearchBox } from './search/search-box.js';
import type { SidePanel } from './panels/side-panel.js';

export function bindKeyboard(actions: Actions, view: GraphView, search: SearchBox, panel: SidePanel): void {
  const { store, graph } = actions;
  let previous: string | null = null;
  document.addEventListener('keydown', (e) => {
    // A modal dialog (Add source) has the keyboard to itself.
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || document.querySelector('dialog[open]')) return;
    const target = e.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const onGraph = !target || target === document.body || view.container.contains(target);
    const state = store.state;
    if (e.key === '/' && !typing) {
      e.preventDefault();
      search.focus();
    } else if (e.key === 'Escape' && !typing) {
      if (state.panel) {
        actions.closePanel();
        view.container.focus({ preventScroll: true });
      } else if (state.node || state.edge) actions.clearSelection();
      else if (state.list) actions.setList(false);
      else return;
      e.preventDefault();
    } else if ((isArrow(e.key) || e.key === 'Enter') && onGraph && !state.node && !state.edge && target === view.container) {
      // Keyboard entry without a selection: start from the node nearest the middle of the view.
      const start = nearestToCentre(actions, view);
      if (!start) return;
      e.preventDefault();
      actions.selectNode(start, { panel: null, camera: false });
      announce(
        `${graph.getNodeAttribute(start, 'kind')}: ${graph.getNodeAttribute(start, 'fullLabel')}. Arrow keys move to its neighbours, Enter opens its details.`,
      );
    } else if (isArrow(e.key) && onGraph && state.node) {
      const next = neighbourInDirection(
        graph,
        view.sigma,
        state.node,
        e.key,
        (n) => !view.nodeReducer(n, graph.getNodeAttributes(n)).hidden,
        previous,
      );
      if (!next) return;
      e.preventDefault();
      previous = state.node;
      actions.selectNode(next, { panel: state.panel ? 'keep' : null });
      announce(`${graph.getNodeAttribute(next, 'kind')}: ${graph.getNodeAttribute(next, 'fullLabel')}`);
    } else if (e.key === 'Enter' && onGraph && (state.node || state.edge)) {
      e.preventDefault();
      if (state.panel) panel.focus();
      else store.update({ panel: 'details' });
    }
  });
}

/** The drawn, visible entity or source (else any node) nearest the centre of the graph's view. */
function nearestToCentre(actions: Actions, view: GraphView): string | null {
  const { width, height } = view.sigma.getDimensions();
  let best: { key: string; d: number } | null = null;
  actions.graph.forEachNode((key, attrs) => {
    const d = view.nodeReducer(key, attrs);
    if (d.hidden || d.dimmed) return;
    const p = view.sigma.graphToViewport({ x: attrs.x, y: attrs.y });
    const weight = attrs.kind === 'entity' || attrs.kind === 'source' ? 1 : 3;
    const dist = Math.hypot(p.x - width / 2, p.y - height / 2) * weight;
    if (!best || dist < best.d) best = { key, d: dist };
  });
  return (best as { key: string } | null)?.key ?? null;
}

/** Tells screen readers where the arrow keys went. */
export function announce(message: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}
