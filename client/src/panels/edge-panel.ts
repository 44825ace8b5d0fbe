// An edge explained: for agrees / conflicts, both claims side by side with the reason; for the
// structural edges, what the link means in words.
import { api, idOf, type ClaimTrace } from '../api.js';
import { button, h } from '../dom.js';
import { basisInWords } from './basis.js';
import { sourceName, type PanelContent, type PanelContext } from './context.js';
import { citationWarning, claimButton, definition, plainQuote, scopeBadge, section, verdictBadge } from './widgets.js';

const STRUCTURAL: Record<string, string> = {
  about: 'is about',
  object: 'names as its value',
  from: 'is stated in',
  cites: 'cites the footnote',
};

export async function edgePanel(ctx: PanelContext, edge: string): Promise<PanelContent> {
  const { graph, actions } = ctx;
  if (!graph.hasEdge(edge)) throw new Error('That link is not in the graph.');
  const attrs = graph.getEdgeAttributes(edge);
  const [s, t] = graph.extremities(edge);
  const name = (k: string) => claimButton(graph.getNodeAttribute(k, 'fullLabel'), () => actions.selectNode(k), 'Open');
  if (attrs.kind !== 'agrees' && attrs.kind !== 'conflicts') {
    const body = h(
      'div',
      { class: 'edge-panel' },
      h('p', { class: 'lede' }, name(s), ` ${STRUCTURAL[attrs.kind] ?? attrs.kind} `, name(t), '.'),
    );
    return {
      eyebrow: 'Link',
      title: `${graph.getNodeAttribute(s, 'kind')} ${STRUCTURAL[attrs.kind] ?? attrs.kind} ${graph.getNodeAttribute(t, 'kind')}`,
      body,
    };
  }
  const [a, b] = await Promise.all([api.trace(idOf(s)), api.trace(idOf(t))]);
  const conflict = attrs.kind === 'conflicts';
  const body = h(
    'div',
    { class: 'edge-panel' },
    h('p', { class: 'comparison-head' }, verdictBadge(attrs.kind), ' ', scopeBadge(String(attrs.scope ?? 'between'))),
    h('p', { class: 'reason big' }, h('strong', {}, conflict ? 'Why they conflict: ' : 'Why they agree: '), String(attrs.reason ?? '')),
    attrs.basis ? definition([['In short', basisInWords(String(attrs.basis), attrs.kind)]]) : null,
    h('div', { class: 'side-by-side' }, side(ctx, a), side(ctx, b)),
  );
  return { eyebrow: conflict ? 'Contradiction' : 'Agreement', title: `${a.claim.subjectLabel} · ${a.claim.propertyLabel}`, body };
}

function side(ctx: PanelContext, trace: ClaimTrace): HTMLElement {
  return section(
    sourceName(ctx, trace.source),
    h('p', { class: 'muted small-print' }, trace.source.title),
    h(
      'p',
      { class: 'claim-value' },
      h('span', { class: 'value' }, trace.claim.wording),
      trace.claim.scope?.wording ? h('span', { class: 'scope' }, ` — ${trace.claim.scope.wording}`) : null,
    ),
    plainQuote(trace.quote.exact),
    citationWarning(trace.status),
    trace.status === 'cited'
      ? h(
          'p',
          { class: 'muted' },
          'Cites ',
          trace.citations
            .map((c) => (c.reference ? `[${c.reference.number}] ${c.reference.text}` : ''))
            .filter(Boolean)
            .join('; '),
        )
      : null,
    button('Open claim', () => ctx.actions.selectClaim(trace.claim.id), { class: 'secondary small' }),
  );
}
