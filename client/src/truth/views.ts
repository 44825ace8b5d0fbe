// How the evidence is shown: a likely value with a confidence bar and the server's explanation, a
// source's trust, and a marker that cannot be missed when there is too little evidence to judge.
import { h } from '../dom.js';
import { percent, type Likely, type Trust } from './types.js';

/** A native <meter> (no inline style needed under the CSP) with the share in words beside it. */
export function meter(share: number, label: string): HTMLElement {
  return h(
    'span',
    { class: 'meter-line' },
    h('meter', { class: 'share', attrs: { min: 0, max: 1, low: 0.5, high: 0.8, optimum: 1, value: share, 'aria-label': label } }),
    h('span', { class: 'share-text' }, percent(share)),
  );
}

/**
 * The marker for thin evidence, saying how thin: the server's reason ("only 2 sources") when it
 * gives one, else a count the client knows: "Only 2 sources — treat as a hint, not a verdict."
 */
export function lowEvidenceNote(how: { reason?: string | null; count?: number; what?: string } = {}): HTMLElement {
  const what = how.what ?? 'source';
  const text = how.reason
    ? capitalise(how.reason)
    : how.count !== undefined && how.count > 0
      ? `Only ${how.count} ${what}${how.count === 1 ? '' : 's'}`
      : 'Little evidence';
  return h('p', { class: 'low-evidence', role: 'note' }, h('strong', {}, '⚠ Low evidence. '), `${text} — treat as a hint, not a verdict.`);
}

/**
 * "Most likely (total): 70,000 · 64 %", who states it, and the low-evidence marker when it applies.
 * An undecided set headlines no value. The server's explanation names claims and sources by id, so
 * the reasons are told here from the structured fields instead, with the sources' names.
 */
export function likelyBlock(
  likely: Likely,
  options: { sources?: number; sourceOfClaim?: (claimId: string) => string | undefined } = {},
): HTMLElement {
  const scope = likely.scope ? ` (${likely.scope})` : '';
  const head = likely.undecided
    ? h(
        'p',
        { class: 'likely-head' },
        h('span', { class: 'likely-label' }, `Undecided${scope}: `),
        h('span', { class: 'likely-none' }, 'the evidence favours no value.'),
      )
    : h(
        'p',
        { class: 'likely-head' },
        h('span', { class: 'likely-label' }, `Most likely${scope}: `),
        h('strong', { class: 'likely-value' }, likely.value),
        ' ',
        meter(likely.confidence, `Confidence in ${likely.value}`),
      );
  const who = statedBy(likely.claims, options.sourceOfClaim);
  return h(
    'div',
    { class: `likely${likely.lowEvidence || likely.undecided ? ' likely-low' : ''}`, attrs: { 'data-scope': likely.scope } },
    head,
    likely.undecided
      ? h('p', { class: 'low-evidence' }, h('strong', {}, 'Evenly split: '), 'as many sources, as trusted, back each value.')
      : null,
    likely.lowEvidence ? lowEvidenceNote({ reason: likely.lowEvidenceReason, count: options.sources }) : null,
    !likely.undecided && who ? h('p', { class: 'likely-why muted' }, who) : null,
  );
}

/** "Stated by Wikipedia (2 claims) and Russia Beyond." from the claims backing a value. */
function statedBy(claims: readonly string[], sourceOf: ((id: string) => string | undefined) | undefined): string | null {
  if (!sourceOf || claims.length === 0) return null;
  const counts = new Map<string, number>();
  for (const id of claims) {
    const name = sourceOf(id);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  const names = [...counts].map(([name, n]) => (n > 1 ? `${name} (${n} claims)` : name));
  return `Stated by ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A source's trust: score bar, agreements out of comparable claims, and the explanation. */
export function trustBlock(trust: Trust): HTMLElement {
  return h(
    'div',
    { class: `trust${trust.lowEvidence ? ' trust-low' : ''}` },
    h(
      'p',
      { class: 'trust-head' },
      h('span', { class: 'likely-label' }, 'Trust in this source: '),
      meter(trust.score, 'Trust in this source'),
    ),
    trust.comparable > 0
      ? h('p', { class: 'trust-counts' }, `Agrees with other sources in ${trust.agreements} of ${trust.comparable} comparable claims.`)
      : null,
    trust.lowEvidence ? lowEvidenceNote({ count: trust.comparable, what: 'comparable claim' }) : null,
    trust.explanation ? h('p', { class: 'muted trust-why' }, trust.explanation) : null,
  );
}
