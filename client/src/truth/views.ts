// How the evidence is shown: a likely value with a confidence bar and the server's explanation, a
// source's trust, and a marker that cannot be missed when there is too little evidence to judge.
import { h } from '../dom.js';
import { percent, type Likely, type Trust } from './types.js';

/** A native <meter> (no inline style needed under the CSP) with the share in words beside it. */
export function meter(share: number, label: string): HTMLElement {
  return h('span', { class: 'meter-line' },
    h('meter', { class: 'share', attrs: { min: 0, max: 1, low: 0.5, high: 0.8, optimum: 1, value: share, 'aria-label': label } }),
    h('span', { class: 'share-text' }, percent(share)));
}

/**
 * The marker for thin evidence, saying how thin: the server's reason ("only 2 sources") when it
 * gives one, else a count the client knows: "Only 2 sources — treat as a hint, not a verdict."
 */
export function lowEvidenceNote(how: { reason?: string | null; count?: number; what?: string } = {}): HTMLElement {
  const what = how.what ?? 'source';
  const text = how.reason ? capitalise(how.reason)
    : how.count !== undefined && how.count > 0 ? `Only ${how.count} ${what}${how.count === 1 ? '' : 's'}` : 'Little evidence';
  return h('p', { class: 'low-evidence', role: 'note' }, h('strong', {}, '⚠ Low evidence. '), `${text} — treat as a hint, not a verdict.`);
}

/** "Most likely (total): 70,000 · 64 %", the explanation, and the low-evidence marker when it applies. */
export function likelyBlock(likely: Likely, options: { sources?: number } = {}): HTMLElement {
  const scope = likely.scope ? ` (${likely.scope})` : '';
  return h('div', { class: `likely${likely.lowEvidence || likely.undecided ? ' likely-low' : ''}`, attrs: { 'data-scope': likely.scope } },
    h('p', { class: 'likely-head' },
      h('span', { class: 'likely-label' }, likely.undecided ? `Undecided${scope}: ` : `Most likely${scope}: `),
      h('strong', { class: 'likely-value' }, likely.value), ' ',
      meter(likely.confidence, `Confidence in ${likely.value}`)),
    likely.undecided ? h('p', { class: 'low-evidence' }, h('strong', {}, 'The sources are split evenly: '), 'the evidence favours no value.') : null,
    likely.lowEvidence ? lowEvidenceNote({ reason: likely.lowEvidenceReason, count: options.sources }) : null,
    likely.explanation ? h('p', { class: 'likely-why muted' }, likely.explanation) : null);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A source's trust: score bar, agreements out of comparable claims, and the explanation. */
export function trustBlock(trust: Trust): HTMLElement {
  return h('div', { class: `trust${trust.lowEvidence ? ' trust-low' : ''}` },
    h('p', { class: 'trust-head' },
      h('span', { class: 'likely-label' }, 'Trust in this source: '),
      meter(trust.score, 'Trust in this source')),
    trust.comparable > 0 ? h('p', { class: 'trust-counts' }, `Agrees with other sources in ${trust.agreements} of ${trust.comparable} comparable claims.`) : null,
    trust.lowEvidence ? lowEvidenceNote({ count: trust.comparable, what: 'comparable claim' }) : null,
    trust.explanation ? h('p', { class: 'muted trust-why' }, trust.explanation) : null);
}

/** A small badge for tight places: "trust 62 %", dashed when the evidence is thin. */
export function trustBadge(trust: Trust): HTMLElement {
  return h('span', { class: `badge badge-trust${trust.lowEvidence ? ' badge-low' : ''}`, title: trust.explanation || 'Trust in this source' },
    `trust ${percent(trust.score)}${trust.lowEvidence ? ' ?' : ''}`);
}
