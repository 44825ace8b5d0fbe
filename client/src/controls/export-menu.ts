// "Download…": every export of the graph (GET /api/export) as a plain link, for the whole graph and,
// when an entity or a source is selected, for its part of it. Spreadsheets, Gephi, annotation tools
// and Wikidata each get the file they read.
import { h } from '../dom.js';
import type { Store } from '../state/store.js';

const FORMATS: readonly [format: string, label: string][] = [
  ['comparisons-csv', 'Contradictions and agreements (CSV)'],
  ['claims-csv', 'Claims with quotes and citations (CSV)'],
  ['gexf', 'Graph for Gephi (GEXF)'],
  ['annotations', 'Quotes as Web Annotations (JSON-LD)'],
  ['quickstatements', 'Reviewed claims for Wikidata (QuickStatements)'],
];

/** The view a selection stands for: an entity's or a source's part of the graph. */
function viewOf(node: string | null): { view: 'entity' | 'source'; id: string; what: string } | null {
  const match = node ? /^(entity|source):(.+)$/.exec(node) : null;
  return match
    ? { view: match[1] as 'entity' | 'source', id: match[2]!, what: match[1] === 'entity' ? 'this entity' : 'this source' }
    : null;
}

export function exportMenu(store: Store): HTMLElement {
  const list = h('ul', { class: 'export-list' });
  const render = () => {
    const view = viewOf(store.state.node);
    const items: HTMLElement[] = [];
    for (const [format, label] of FORMATS) {
      const whole = h('a', { href: `/api/export?format=${format}`, attrs: { download: '' } }, label);
      const part = view
        ? h(
            'a',
            {
              class: 'export-part',
              href: `/api/export?format=${format}&view=${view.view}&id=${encodeURIComponent(view.id)}`,
              attrs: { download: '' },
            },
            ` (${view.what} only)`,
          )
        : null;
      items.push(h('li', {}, whole, part));
    }
    list.replaceChildren(...items);
  };
  store.subscribe(render);
  render();
  return h('details', { class: 'export-menu' }, h('summary', { class: 'toggle' }, 'Download…'), list);
}
