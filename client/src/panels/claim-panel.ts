// A claim: its value in the source's words, the quote in context, the citation chain down to the
// reference text (or a visible "citation needed" / "no citation given"), and every claim it agrees
// or conflicts with, with the reason.
import { api, type CitationStep, type ClaimTrace, type TraceComparison } from '../api.js';
import { button, h } from '../dom.js';
import { claimHistorySection } from './claim-history.js';
import { sourceName, type PanelContent, type PanelContext } from './context.js';
import {
  citationWarning,
  claimButton,
  countsLine,
  definition,
  externalLink,
  plainQuote,
  quoteInLine,
  scopeBadge,
  section,
  verdictBadge,
} from './widgets.js';

export async function claimPanel(ctx: PanelContext, claimId: string): Promise<PanelContent> {
  const trace = await api.trace(claimId);
  const { claim } = trace;
  const verdicts = { conflicts: 0, agrees: 0 };
  for (const c of trace.comparisons) verdicts[c.verdict]++;
  const body = h(
    'div',
    { class: 'claim-panel' },
    h(
      'p',
      { class: 'claim-value' },
      h('span', { class: 'value' }, claim.wording),
      claim.scope?.wording ? h('span', { class: 'scope' }, ` — ${claim.scope.wording}`) : null,
    ),
    countsLine(verdicts),
    // The graph marks a claim that supports its group's most likely value (when the server rates them).
    ctx.graph.hasNode(`claim:${claimId}`) && ctx.graph.getNodeAttribute(`claim:${claimId}`, 'likely') === true
      ? h(
          'p',
          { class: 'evidence' },
          h('span', { class: 'badge badge-likely' }, '✓ likely'),
          ' Supports the most likely value of this property (see its entity for why).',
        )
      : null,
    definition([
      ['About', claimButton(claim.subjectLabel, () => ctx.actions.selectNode(`entity:${claim.subject}`), 'Open this entity')],
      ['Property', claim.propertyLabel],
      [
        'Source',
        h('span', {}, trace.source.title, trace.source.publisher ? h('span', { class: 'muted' }, ` · ${trace.source.publisher}`) : null),
      ],
      [
        'Status',
        claim.status === 'reviewed'
          ? 'reviewed by a person'
          : claim.status === 'extracted'
            ? h(
                'span',
                {},
                'extracted automatically, not yet reviewed · ',
                button('Review', () => ctx.actions.openReview(claim.source), { class: 'linkish' }),
              )
            : claim.status,
      ],
    ]),
    section(
      'Quote',
      quoteWithContext(trace),
      h(
        'p',
        { class: 'actions-row' },
        button('Read in the source', () => ctx.actions.openReader(`claim:${claimId}`), { class: 'secondary' }),
        trace.source.url ? externalLink(trace.source.url, 'Original page ↗') : null,
      ),
    ),
    citationSection(trace),
    comparisonsSection(ctx, trace.comparisons),
    claim.note ? section('Note', h('p', {}, claim.note)) : null,
    claimHistorySection(ctx, claimId),
  );
  return { eyebrow: 'Claim', title: `${claim.subjectLabel} · ${claim.propertyLabel}`, body };
}

function quoteWithContext(trace: ClaimTrace): HTMLElement {
  const { before, after, start } = trace.quote.context;
  return quoteInLine(before, trace.quote.exact, after, { start: start === 0, end: after.length === 0 });
}

function citationSection(trace: ClaimTrace): HTMLElement {
  const steps = trace.citations.map(citationStep);
  return section('Citation', citationWarning(trace.status), steps.length > 0 ? h('ol', { class: 'citation-chain' }, steps) : null);
}

function citationStep(step: CitationStep): HTMLElement {
  const marker = step.marker
    ? h(
        'code',
        {
          class: 'marker',
          title: step.marker.found === 'located' ? 'Marker found closing the quoted sentence' : 'Marker recorded with the claim',
        },
        step.marker.exact,
      )
    : null;
  if (step.kind === 'citation-needed') {
    return h(
      'li',
      { class: 'chain-needed' },
      marker ?? h('code', { class: 'marker' }, '[citation needed]'),
      ' → ',
      h('strong', {}, 'citation needed'),
    );
  }
  if (!step.reference) return h('li', {}, marker, ' → ', h('em', {}, "reference missing from the source's list"));
  return h(
    'li',
    {},
    marker ?? h('code', { class: 'marker' }, `[${step.reference.number}]`),
    ' → ',
    h('span', { class: 'reference' }, h('span', { class: 'ref-number' }, `${step.reference.number}. `), step.reference.text),
  );
}

function comparisonsSection(ctx: PanelContext, comparisons: readonly TraceComparison[]): HTMLElement {
  if (comparisons.length === 0) {
    return section(
      'Other sources',
      h('p', { class: 'muted' }, 'No other claim states this property of this subject in a comparable scope.'),
    );
  }
  const sorted = [...comparisons].sort((x, y) => (x.verdict === y.verdict ? 0 : x.verdict === 'conflicts' ? -1 : 1));
  return section(
    'Agrees or conflicts with',
    h(
      'ul',
      { class: 'comparisons' },
      sorted.map((cmp) =>
        h(
          'li',
          { class: `comparison comparison-${cmp.verdict}` },
          h('p', { class: 'comparison-head' }, verdictBadge(cmp.verdict), ' ', scopeBadge(cmp.scope)),
          cmp.others.map((o) =>
            h(
              'div',
              { class: 'other-claim' },
              claimButton(o.wording, () => ctx.actions.selectClaim(o.claim)),
              h('span', { class: 'muted', title: o.source.title }, ` — ${sourceName(ctx, o.source)}`),
              plainQuote(o.quote.exact),
            ),
          ),
          h('p', { class: 'reason' }, h('strong', {}, 'Why: '), cmp.reason),
          button(
            'Show this pair on the graph',
            () => void ctx.actions.showPair(cmp.id, cmp.verdict, [cmp.a, cmp.b, ...(cmp.parts ?? [])]),
            { class: 'secondary small' },
          ),
        ),
      ),
    ),
  );
}
