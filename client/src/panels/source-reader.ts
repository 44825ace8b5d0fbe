// The source reader: the full text, every claim's quote highlighted and clickable (opens the claim),
// conflicts and unsupported statements marked, footnote markers linked to the reference list.
// The text is split at span boundaries and every piece goes in as a text node: never as markup.
import { api, type SourceDetail } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';
import { toQuery } from '../state/url.js';
import type { PanelContent, PanelContext } from './context.js';
import { trustField } from '../truth/types.js';
import { trustBlock } from '../truth/views.js';
import { deleteSourceButton } from './source-delete.js';
import { sourceTrustSection } from './source-trust.js';
import { newClaimForm } from './new-claim.js';
import { definition, externalLink, section } from './widgets.js';

type Span = SourceDetail['spans'][number];
type Marker = SourceDetail['markers'][number];

export async function sourceReader(ctx: PanelContext, sourceId: string, activeClaim: string | null): Promise<PanelContent> {
  const source = await api.source(sourceId);
  const refText = new Map(source.references.map((r) => [r.number, r.text]));
  const text = h('div', { class: 'source-text', attrs: { lang: source.language ?? null } });
  let focusTarget: HTMLElement | null = null;
  const footnotes = new Footnotes(sourceId);

  for (const seg of segments(source.text, source.spans, source.markers)) {
    const piece = source.text.slice(seg.start, seg.end);
    // A footnote marker is a link of its own (to its reference), never inside a claim's link.
    if (seg.marker) {
      text.append(footnotes.marker(seg.marker, piece, refText));
      continue;
    }
    const content = document.createTextNode(piece);
    if (seg.spans.length === 0) {
      text.append(content);
      continue;
    }
    const span = [...seg.spans].sort((x, y) =>
      x.claim === activeClaim ? -1 : y.claim === activeClaim ? 1 : x.end - x.start - (y.end - y.start),
    )[0]!;
    // A link, not a button: it stays inline in the running text, is reachable by Tab, and its
    // address is the claim's own view (open in a new tab, copy).
    const el = h(
      'a',
      {
        class: spanClasses(seg.spans, span, activeClaim, seg.end === span.end),
        title: spanTitle(ctx, seg.spans),
        href: toQuery({ ...ctx.store.state, node: `claim:${span.claim}`, edge: null, panel: 'details' }) || '/',
        attrs: { 'data-claim': span.claim },
        on: {
          click: (e) => {
            if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            // A drag that selected words is a selection (to make a claim of), not a click on the claim.
            if (document.getSelection()?.isCollapsed === false) return;
            ctx.actions.selectClaim(span.claim, { panel: 'details' });
          },
        },
      },
      content,
    );
    if (span.claim === activeClaim && !focusTarget) focusTarget = el;
    text.append(el);
  }

  const selectionSlot = h('div', { class: 'selection-slot', attrs: { 'aria-live': 'polite' } });
  offerClaimFromSelection(ctx, source, text, selectionSlot);

  const conflicts = source.spans.filter((s) => s.verdicts.conflicts > 0).length;
  const needed = source.spans.filter((s) => s.citationNeeded).length;
  const extracted = source.spans.filter((s) => s.status === 'extracted').length;
  const trust = trustField(source);
  const body = h(
    'div',
    { class: 'reader' },
    definition([
      ['Publisher', source.publisher],
      ['Author', source.author],
      ['Published', source.published],
      ['Kind', source.kind.replace(/-/g, ' ')],
      ['Original', source.url ? externalLink(source.url, source.url) : null],
      ['Note', source.note],
    ]),
    trust ? trustBlock(trust) : null,
    sourceTrustSection(ctx, sourceId),
    extracted > 0
      ? h(
          'p',
          { class: 'actions-row review-call' },
          button(`Review ${extracted} extracted claim${extracted === 1 ? '' : 's'}`, () => ctx.actions.openReview(sourceId), {
            class: 'primary-blue review-open',
          }),
          h('span', { class: 'muted' }, 'found automatically, not yet checked by a person'),
        )
      : null,
    h(
      'p',
      { class: 'reader-legend' },
      `${source.spans.length} claim${source.spans.length === 1 ? '' : 's'} highlighted: `,
      h('span', { class: 'span-claim sample' }, 'claim'),
      ' ',
      h('span', { class: 'span-claim span-conflict sample' }, `in conflict (${conflicts})`),
      ' ',
      h('span', { class: 'span-claim span-needed sample' }, `citation needed (${needed})`),
      ' · click a highlight to open its claim.',
    ),
    h(
      'p',
      { class: 'actions-row' },
      activeClaim
        ? button('Back to the claim', () => ctx.actions.selectClaim(activeClaim, { camera: false }), { class: 'secondary small' })
        : null,
      deleteSourceButton(ctx, sourceId, source.title, source.spans.length),
    ),
    h('p', { class: 'muted small-print' }, 'Select words in the text to make a claim of them.'),
    selectionSlot,
    text,
    source.references.length > 0
      ? section('References', footnotes.list(source.references))
      : section('References', h('p', { class: 'muted' }, 'This source has no reference list: none of its statements is cited.')),
  );
  return { eyebrow: 'Source text', title: source.title, body, focusTarget };
}

/**
 * Selecting words of the text offers to make a claim of them. The text element holds the source's
 * text exactly (every piece in order), so the selection's offset is the length of what precedes it.
 */
function offerClaimFromSelection(ctx: PanelContext, source: SourceDetail, text: HTMLElement, slot: HTMLElement): void {
  const check = () => {
    if (slot.querySelector('form')) return;
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return replaceChildren(slot);
    const range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return replaceChildren(slot);
    const exact = range.toString();
    if (!exact.trim() || exact.length > 5000) return replaceChildren(slot);
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    if (source.text.slice(start, start + exact.length) !== exact) return replaceChildren(slot);
    const near = nearestClaim(ctx, source.spans, start);
    replaceChildren(
      slot,
      button(
        `Make a claim of “${exact.length > 60 ? `${exact.slice(0, 59).trim()}…` : exact}”`,
        () => {
          const form = newClaimForm(ctx, source.id, { exact, start }, near, () => replaceChildren(slot));
          replaceChildren(slot, form);
          form.querySelector<HTMLElement>('select, input')?.focus();
        },
        { class: 'primary-blue small make-claim' },
      ),
    );
  };
  text.addEventListener('mouseup', () => setTimeout(check, 0));
  text.addEventListener('keyup', (e) => {
    if (e.shiftKey || e.key.startsWith('Arrow')) check();
  });
}

/** Subject and property of the last claim starting before an offset (a sensible default for a new one). */
function nearestClaim(
  ctx: PanelContext,
  spans: readonly Span[],
  offset: number,
): { subject?: { id: string; label: string }; property?: string } {
  const before = spans.filter((s) => s.start <= offset && s.status !== 'rejected').at(-1);
  if (!before || !ctx.graph.hasNode(`claim:${before.claim}`)) return before ? { property: before.property } : {};
  const subject = String(ctx.graph.getNodeAttribute(`claim:${before.claim}`, 'subject') ?? '');
  const key = `entity:${subject}`;
  return {
    property: before.property,
    ...(subject && ctx.graph.hasNode(key) ? { subject: { id: subject, label: ctx.graph.getNodeAttribute(key, 'fullLabel') } } : {}),
  };
}

interface Segment {
  start: number;
  end: number;
  spans: Span[];
  marker: Marker | null;
}

/** Cuts the text at every span and marker boundary; each piece knows what covers it. */
export function segments(text: string, spans: readonly Span[], markers: readonly Marker[]): Segment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const marks = markers.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  for (const m of marks) cuts.add(m.start).add(m.end);
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    out.push({
      start,
      end,
      spans: valid.filter((s) => s.start <= start && s.end >= end),
      marker: marks.find((m) => m.start <= start && m.end >= end) ?? null,
    });
  }
  return out;
}

/**
 * Footnote markers and the reference list, linked both ways: a marker jumps to its reference entry,
 * and each entry has a way back to every marker that cites it. The list can be filtered by words.
 */
class Footnotes {
  private readonly uses = new Map<number, string[]>();

  constructor(private readonly sourceId: string) {}

  marker(marker: Marker, piece: string, refs: ReadonlyMap<number, string>): HTMLElement {
    if (marker.kind === 'citation-needed' || marker.ref === null)
      return h('span', { class: 'marker-needed', title: 'The source flags this statement: citation needed' }, piece);
    const n = marker.ref;
    const list = this.uses.get(n) ?? [];
    const id = `mark-${this.sourceId}-${n}-${list.length + 1}`;
    list.push(id);
    this.uses.set(n, list);
    const ref = refs.get(n);
    return h(
      'a',
      {
        class: 'marker-ref',
        id,
        href: `#${this.refId(n)}`,
        title: ref ? `[${n}] ${ref}` : 'Footnote',
        attrs: { 'data-ref': n, 'aria-label': ref ? `Footnote ${n}: ${ref}` : `Footnote ${n}` },
        on: { click: (e) => jump(e, this.refId(n)) },
      },
      piece,
    );
  }

  list(references: SourceDetail['references']): HTMLElement {
    const items = references.map((r) => {
      const back = (this.uses.get(r.number) ?? []).map((id, i, all) =>
        h(
          'a',
          {
            class: 'ref-back',
            href: `#${id}`,
            title: 'Back to where the text cites it',
            attrs: { 'aria-label': `Back to citation ${i + 1} of ${all.length} of reference ${r.number}` },
            on: { click: (e) => jump(e, id) },
          },
          all.length > 1 ? `↩${i + 1}` : '↩',
        ),
      );
      return h(
        'li',
        { attrs: { value: r.number, 'data-text': r.text.toLowerCase() }, id: this.refId(r.number), tabIndex: -1 },
        r.text,
        back.length ? ' ' : null,
        back,
      );
    });
    const ol = h('ol', { class: 'references' }, items);
    const count = h('span', { class: 'muted ref-count' });
    const filter = h('input', {
      type: 'search',
      class: 'ref-filter',
      attrs: { placeholder: 'Find in the references…', 'aria-label': 'Find in the references', maxlength: 200 },
      on: {
        input: () => {
          const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
          let shown = 0;
          for (const li of items) {
            li.hidden = !words.every((w) => li.dataset.text!.includes(w));
            if (!li.hidden) shown++;
          }
          count.textContent = words.length ? `${shown} of ${items.length}` : '';
        },
      },
    });
    return h('div', { class: 'reference-block' }, h('p', { class: 'ref-tools' }, filter, ' ', count), ol);
  }

  private refId(n: number): string {
    return `ref-${this.sourceId}-${n}`;
  }
}

/** Scrolls to an element of the reader and gives it focus, briefly marked; the URL keeps the view state. */
function jump(e: MouseEvent, id: string): void {
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  const target = document.getElementById(id);
  if (!target) return;
  if (target.hidden) target.hidden = false;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  target.classList.add('jumped');
  setTimeout(() => target.classList.remove('jumped'), 1600);
}

function spanClasses(all: readonly Span[], chosen: Span, active: string | null, last: boolean): string {
  const c = ['span-claim'];
  if (all.some((s) => s.verdicts.conflicts > 0)) c.push('span-conflict');
  else if (all.some((s) => s.verdicts.agrees > 0)) c.push('span-agrees');
  if (all.some((s) => s.citationNeeded)) c.push('span-needed');
  if (chosen.status === 'extracted') c.push('span-extracted');
  if (all.length > 1) c.push('span-overlap');
  if (active && all.some((s) => s.claim === active)) c.push('span-active');
  if (last && chosen.citationNeeded) c.push('span-last');
  return c.join(' ');
}

function spanTitle(ctx: PanelContext, all: readonly Span[]): string {
  return all
    .map((s) => {
      const key = `claim:${s.claim}`;
      const label = ctx.graph.hasNode(key) ? ctx.graph.getNodeAttribute(key, 'fullLabel') : s.claim;
      const notes = [
        s.verdicts.conflicts ? `conflicts with ${s.verdicts.conflicts}` : '',
        s.verdicts.agrees ? `agrees with ${s.verdicts.agrees}` : '',
        s.citationNeeded ? 'citation needed' : '',
      ]
        .filter(Boolean)
        .join(', ');
      return notes ? `${label} (${notes})` : label;
    })
    .join('\n');
}
