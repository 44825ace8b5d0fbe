// The first thing a visitor reads: what is in the graph, and the way in to the contradictions.
import type { Actions } from '../actions.js';
import { button, h, replaceChildren } from '../dom.js';
import type { GraphFeed } from '../graph-view/feed.js';
import type { AppGraph } from '../graph-view/load.js';

export interface Summary {
  claims: number;
  sources: number;
  entities: number;
  conflicts: number;
  agreements: number;
}

export function summarise(graph: AppGraph): Summary {
  const s: Summary = { claims: 0, sources: 0, entities: 0, conflicts: 0, agreements: 0 };
  graph.forEachNode((_k, a) => {
    if (a.kind === 'claim') s.claims++;
    else if (a.kind === 'source') s.sources++;
    else if (a.kind === 'entity') s.entities++;
  });
  const conflicts = new Set<string>();
  const agreements = new Set<string>();
  graph.forEachEdge((key, a) => {
    if (a.kind === 'conflicts') conflicts.add(String(a.comparison ?? key));
    if (a.kind === 'agrees') agreements.add(String(a.comparison ?? key));
  });
  s.conflicts = conflicts.size;
  s.agreements = agreements.size;
  return s;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The summary, redrawn whenever the data changes (a write, an expansion). */
export function banner(actions: Actions, feed: GraphFeed): HTMLElement {
  const el = h('div', { class: 'banner' });
  const draw = () => replaceChildren(el, ...bannerContent(summarise(actions.graph), actions));
  feed.onChange(draw);
  draw();
  return el;
}

function bannerContent(summary: Summary, actions: Actions): HTMLElement[] {
  return [
    h('p', { class: 'summary' },
      h('span', {}, plural(summary.claims, 'claim')), ' from ', h('span', {}, plural(summary.sources, 'source')),
      ' · ', h('span', { class: summary.conflicts ? 'hot' : '' }, plural(summary.conflicts, 'contradiction')),
      ' · ', h('span', {}, plural(summary.agreements, 'agreement'))),
    ...(summary.conflicts > 0 ? [button('Show contradictions', () => actions.showContradictions(), { class: 'primary show-contradictions' })] : []),
  ];
}

/** A one-line how-to at the foot of the graph, gone once the user has picked something. */
export function hint(store: { state: { node: string | null; edge: string | null }; subscribe(l: () => void): unknown }): HTMLElement {
  const el = h('p', { class: 'hint' },
    'Click a dot to see what the sources say about it · ',
    h('kbd', {}, '/'), ' search · ', h('kbd', {}, '←'), h('kbd', {}, '→'), ' walk its links · ', h('kbd', {}, 'Esc'), ' close');
  const sync = () => {
    if (store.state.node || store.state.edge) el.hidden = true;
  };
  store.subscribe(sync);
  sync();
  return el;
}
