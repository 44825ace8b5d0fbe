// A footnote of a source: the reference as the source prints it, and the claims that cite it.
import { h } from '../dom.js';
import type { PanelContent, PanelContext } from './context.js';
import { claimButton, definition, section } from './widgets.js';

export async function citationPanel(ctx: PanelContext, key: string): Promise<PanelContent> {
  const { graph, actions } = ctx;
  const a = graph.getNodeAttributes(key);
  const sourceKey = `source:${String(a.source ?? '')}`;
  const citing: string[] = [];
  graph.forEachInEdge(key, (_e, attrs, from) => {
    if (attrs.kind === 'cites') citing.push(from);
  });
  const body = h(
    'div',
    { class: 'citation-panel' },
    h('blockquote', { class: 'reference-text' }, String(a.text ?? a.fullLabel)),
    definition([
      ['Work', typeof a.work === 'string' ? a.work : null],
      ['Pages', typeof a.pages === 'string' ? a.pages : null],
      ['Full record', recordView(a.record)],
      [
        'In',
        graph.hasNode(sourceKey)
          ? claimButton(graph.getNodeAttribute(sourceKey, 'fullLabel'), () => actions.selectNode(sourceKey), 'Read this source')
          : null,
      ],
    ]),
    section(
      `Cited by ${citing.length} claim${citing.length === 1 ? '' : 's'}`,
      citing.length === 0
        ? h('p', { class: 'muted' }, 'No recorded claim cites this footnote.')
        : h(
            'ul',
            { class: 'plain-list' },
            citing.map((c) =>
              h(
                'li',
                {},
                claimButton(graph.getNodeAttribute(c, 'fullLabel'), () => actions.selectNode(c)),
              ),
            ),
          ),
    ),
  );
  return { eyebrow: 'Footnote', title: `Footnote ${String(a.number ?? '')}`, body };
}

interface RecordAttrs {
  citation?: string;
  title?: string;
  doi?: string;
  url?: string;
}

/** The cited work as the reference manager recorded it, with its DOI or address as a link. */
function recordView(record: unknown): HTMLElement | null {
  if (!record || typeof record !== 'object') return null;
  const r = record as RecordAttrs;
  const link = r.doi ? `https://doi.org/${r.doi}` : r.url;
  // The printed citation often ends with the DOI already: then the link is the citation's own words.
  const shown = link && !(r.citation ?? '').includes(link) ? link : null;
  return h(
    'span',
    { class: 'reference-record' },
    r.citation ?? r.title ?? '',
    link ? ' ' : null,
    link
      ? h(
          'a',
          { class: 'record-link', href: link, attrs: { target: '_blank', rel: 'noopener noreferrer' } },
          shown ? (r.doi ? `doi:${r.doi}` : 'link') : 'open',
        )
      : null,
  );
}
