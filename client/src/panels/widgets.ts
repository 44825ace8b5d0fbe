// Small pieces the panels share: verdict badges, quotes in context, claim links, loading and errors.
// Every string goes in as text.
import { ApiError } from '../api.js';
import { button, h, type Child } from '../dom.js';

export type Verdict = 'agrees' | 'conflicts';

export function verdictBadge(verdict: string): HTMLElement {
  const v = verdict === 'conflicts' ? 'conflicts' : verdict === 'agrees' ? 'agrees' : 'other';
  const text = v === 'conflicts' ? 'conflicts' : v === 'agrees' ? 'agrees' : verdict;
  return h('span', { class: `badge badge-${v}` }, v === 'conflicts' ? '✕ ' : v === 'agrees' ? '✓ ' : '', text);
}

export function scopeBadge(scope: string): HTMLElement {
  return h(
    'span',
    {
      class: 'badge badge-scope',
      title: scope === 'within' ? 'Both claims come from the same source' : 'The claims come from different sources',
    },
    scope === 'within' ? 'within one source' : 'between sources',
  );
}

export function countsLine(verdicts: { agrees: number; conflicts: number }): HTMLElement | null {
  if (!verdicts.agrees && !verdicts.conflicts) return null;
  return h(
    'p',
    { class: 'counts' },
    verdicts.conflicts
      ? h('span', { class: 'badge badge-conflicts' }, `${verdicts.conflicts} conflict${verdicts.conflicts > 1 ? 's' : ''}`)
      : null,
    verdicts.agrees ? h('span', { class: 'badge badge-agrees' }, `${verdicts.agrees} agreement${verdicts.agrees > 1 ? 's' : ''}`) : null,
  );
}

/** "…text before [quote] text after…" with the quote marked. */
export function quoteInContext(
  before: string,
  exact: string,
  after: string,
  options: { clipped?: { start: boolean; end: boolean } } = {},
): HTMLElement {
  const clip = options.clipped ?? { start: true, end: true };
  return h(
    'blockquote',
    { class: 'quote-context' },
    clip.start ? '…' : '',
    before,
    h('mark', { class: 'quote' }, exact),
    after,
    clip.end ? '…' : '',
  );
}

/**
 * The quote inside its line of text: context is cut at line breaks, so an infobox row stays one
 * row. `whole` says whether `before` / `after` already reach the start / end of the text.
 */
export function quoteInLine(before: string, exact: string, after: string, whole: { start: boolean; end: boolean }): HTMLElement {
  const lineStart = before.lastIndexOf('\n');
  const lineEnd = after.indexOf('\n');
  return quoteInContext(lineStart >= 0 ? before.slice(lineStart + 1) : before, exact, lineEnd >= 0 ? after.slice(0, lineEnd) : after, {
    clipped: { start: lineStart < 0 && !whole.start, end: lineEnd < 0 && !whole.end },
  });
}

/** A quote at [start, end) of `text`, in up to `chars` characters of its line either side. */
export function quoteInText(text: string, start: number, end: number, chars = 200): HTMLElement {
  const from = Math.max(0, start - chars);
  const to = Math.min(text.length, end + chars);
  return quoteInLine(text.slice(from, start), text.slice(start, end), text.slice(end, to), { start: from === 0, end: to === text.length });
}

export function plainQuote(exact: string): HTMLElement {
  return h('blockquote', { class: 'quote-plain' }, '“', exact, '”');
}

/** A button that looks like a link and opens a claim. */
export function claimButton(label: Child, onOpen: () => void, title = 'Open this claim'): HTMLButtonElement {
  return button(label, onOpen, { class: 'linkish', title });
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...children);
}

export function definition(rows: readonly [string, Child][]): HTMLElement {
  const dl = h('dl', { class: 'facts' });
  for (const [term, value] of rows) {
    if (value === null || value === undefined || value === '') continue;
    dl.append(h('dt', {}, term), h('dd', {}, value));
  }
  return dl;
}

export function externalLink(url: string, label: string): HTMLElement {
  return h('a', { href: url, attrs: { target: '_blank', rel: 'noopener noreferrer' } }, label);
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);
}

export function errorBox(err: unknown, what: string): HTMLElement {
  const message = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  const status = err instanceof ApiError && err.status ? ` (HTTP ${err.status})` : '';
  return h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, `Could not load ${what}${status}.`), ' ', message);
}

/** "citation needed" / "no citation given" in words a reader notices. */
export function citationWarning(status: string): HTMLElement | null {
  if (status === 'citation needed') {
    return h(
      'p',
      { class: 'warn warn-needed' },
      h('strong', {}, 'Citation needed. '),
      'The source itself flags this statement as unsupported.',
    );
  }
  if (status === 'no citation given') {
    return h(
      'p',
      { class: 'warn warn-none' },
      h('strong', {}, 'No citation given. '),
      'The source gives no footnote or reference for this statement.',
    );
  }
  return null;
}
