// One candidate of the review queue: its quote highlighted in its line of the source, then what the
// extractor read there — subject, property, value, wording, scope — and how sure it was.
import { h } from '../dom.js';
import { definition, quoteInText } from '../panels/widgets.js';
import { meter } from '../truth/views.js';
import type { Candidate } from './queue.js';
import { describeValue } from './value-fields.js';

const STATUS_TEXT: Record<string, string> = { extracted: 'to review', reviewed: 'accepted', rejected: 'rejected' };

/** The status of a candidate in a word, on a badge: "to review", "accepted", "edited", "rejected". */
export function statusBadge(c: Pick<Candidate, 'status' | 'decision'>): HTMLElement {
  const word = c.status === 'reviewed' && c.decision === 'edited' ? 'edited' : (STATUS_TEXT[c.status] ?? c.status);
  return h('span', { class: `badge badge-status status-${c.status}`, attrs: { 'data-status': c.status } }, word);
}

export function candidateCard(c: Candidate, text: string, entityLabel: (id: string) => string): HTMLElement {
  const claim = c.claim;
  return h(
    'article',
    { class: `candidate status-${c.status}`, attrs: { 'data-claim': c.id, 'aria-label': 'Candidate claim' } },
    h(
      'p',
      { class: 'candidate-head' },
      statusBadge(c),
      claim ? h('span', { class: 'muted' }, ` ${claim.subjectLabel} · ${claim.propertyLabel}`) : null,
    ),
    quoteInText(text, c.start, c.end),
    claim
      ? [
          h(
            'p',
            { class: 'claim-value' },
            h('span', { class: 'value' }, claim.wording),
            claim.scope?.wording ? h('span', { class: 'scope' }, ` — ${claim.scope.wording}`) : null,
          ),
          definition([
            ['About', claim.subjectLabel],
            ['Property', claim.propertyLabel],
            ['Value', describeValue(claim.value, entityLabel)],
            ['Scope', claim.scope?.wording ?? null],
            ['Confidence', typeof claim.confidence === 'number' ? meter(claim.confidence, 'Extractor confidence') : 'not given'],
            ['Citation', claim.citedAs.join('; ')],
            ['Extractor', claim.note ?? null],
          ]),
        ]
      : h('p', { class: 'loading' }, 'Loading the claim…'),
  );
}
