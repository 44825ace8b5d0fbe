// The first thing a visitor reads: what is in the graph (the whole graph's numbers, even when only
// part of it is drawn), and the way in to the contradictions.
import type { Actions } from '../actions.js';
import { button, h, replaceChildren } from '../dom.js';
import type { Summary, Totals } from '../graph-view/totals.js';

export { summarise, type Summary } from '../graph-view/totals.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The summary, redrawn whenever the numbers change (a write, a first answer from the API). */
export function banner(actions: Actions, totals: Totals): HTMLElement {
  const el = h('div', { class: 'banner' });
  totals.onChange((summary) => replaceChildren(el, ...bannerContent(summary, actions)));
  return el;
}

function bannerContent(summary: Summary, actions: Actions): HTMLElement[] {
  return [
    h(
      'p',
      { class: 'summary' },
      h('span', {}, plural(summary.claims, 'claim')),
      ' from ',
      h('span', {}, plural(summary.sources, 'source')),
      ' · ',
      h('span', { class: summary.conflicts ? 'hot' : '' }, plural(summary.conflicts, 'contradiction')),
      summary.pending
        ? h(
            'span',
            { class: 'pending', title: 'Contradictions that rest on at least one claim nobody has reviewed yet' },
            ` (${summary.pending.toLocaleString('en')} unreviewed)`,
          )
        : null,
      ' · ',
      h('span', {}, plural(summary.agreements, 'agreement')),
    ),
    ...(summary.conflicts > 0
      ? [button('Show contradictions', () => actions.showContradictions(), { class: 'primary show-contradictions' })]
      : []),
  ];
}

/** A one-line how-to at the foot of the graph, gone once the user has picked something. */
export function hint(store: { state: { node: string | null; edge: string | null }; subscribe(l: () => void): unknown }): HTMLElement {
  const el = h(
    'p',
    { class: 'hint' },
    'Click a dot to see what the sources say about it · ',
    h('kbd', {}, '/'),
    ' search · ',
    h('kbd', {}, '←'),
    h('kbd', {}, '→'),
    ' walk its links · ',
    h('kbd', {}, 'Esc'),
    ' close',
  );
  const sync = () => {
    if (store.state.node || store.state.edge) el.hidden = true;
  };
  store.subscribe(sync);
  sync();
  return el;
}
