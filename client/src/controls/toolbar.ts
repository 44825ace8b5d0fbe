// View controls: the contradictions lens, the list of contradictions, and the ForceAtlas2 layout.
import type { Actions } from '../actions.js';
import { button, h } from '../dom.js';
import { exportMenu } from './export-menu.js';
import type { LayoutRunner } from '../graph-view/layout.js';
import type { Totals } from '../graph-view/totals.js';
import type { Store } from '../state/store.js';

export function toolbar(store: Store, actions: Actions, layout: LayoutRunner, totals: Totals): HTMLElement {
  const lens = button('Contradictions lens', () => actions.setLens(!store.state.lens), {
    class: 'toggle lens-toggle',
    title: 'Grey out everything that is not part of a contradiction',
    attrs: { 'aria-pressed': 'false' },
  });
  const list = button('', () => actions.setList(!store.state.list), {
    class: 'toggle list-toggle',
    attrs: { 'aria-pressed': 'false', 'aria-controls': 'conflicts-list' },
  });
  totals.onChange((summary) => {
    list.textContent = `List of contradictions (${summary.conflicts.toLocaleString('en')})`;
  });
  const timeline = button('Timeline', () => store.update({ timeline: !store.state.timeline }), {
    class: 'toggle timeline-toggle',
    title: 'Dated claims of the selected entity on a time axis, one lane per source',
    attrs: { 'aria-pressed': 'false' },
  });
  const run = button('Run layout', () => layout.toggle(), {
    class: 'toggle layout-toggle',
    title: 'Untangle the graph with ForceAtlas2 (stops by itself after a few seconds)',
    attrs: { 'aria-pressed': 'false' },
  });
  const sync = () => {
    lens.setAttribute('aria-pressed', String(store.state.lens));
    list.setAttribute('aria-pressed', String(store.state.list));
    timeline.setAttribute('aria-pressed', String(store.state.timeline));
  };
  store.subscribe(sync);
  sync();
  layout.onChange((running) => {
    run.textContent = running ? 'Stop layout' : 'Run layout';
    run.setAttribute('aria-pressed', String(running));
  });
  return h('section', { class: 'toolbar', attrs: { 'aria-label': 'View' } }, lens, list, timeline, run, exportMenu(store));
}
