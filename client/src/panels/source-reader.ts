// The source reader: the full text, every claim's quote highlighted and clickable (opens the claim),
// conflicts and unsupported statements marked, footnote markers linked to the reference list.
// The text is split at span boundaries and every piece goes in as a text node: never as markup.
import { api, type SourceDetail } from '../api.js';
import { button, h } from '../dom.js';
import { toQuery } from '../state/url.js';
import type { PanelContent, PanelContext } from './context.js';
import { trustField } from '../truth/types.js';
import { trustBlock } from '../truth/views.js';
import { definition, externalLink, section } from './widgets.js';

type Span = SourceDetail['spans'][number];
type Marker = SourceDetail['markers'][number];

export async function sourceReader(ctx: PanelContext, sourceId: string, activeClaim: string | null): Promise<PanelContent> {
  const source = await api.source(sourceId);
  const refText = new Map(source.references.map((r) => [r.number, r.text]));
  const text = h('div', { class: 'source-text', attrs: { lang: source.language ?? null } });
  let focusTarget: HTMLElement | null = null;

  for (const seg of segments(source.text, source.spans, source.markers)) {
    const piece = source.text.slice(seg.start, seg.end);
    const content = seg.marker ? markerEl(seg.marker, piece, refText) : document.createTextNode(piece);
    if (seg.spans.length === 0) {
      text.append(content);
      continue;
    }
    const span = [...seg.spans].sort((x, y) => (x.claim === activeClaim ? -1 : y.claim === activeClaim ? 1 : (x.end - x.start) - (y.end - y.start)))[0]!;
    // A link, not a button: it stays inline in the running text, is reachable by Tab, and its
    // address is the claim's own view (open in a new tab, copy).
    const el = h('a', {
      class: spanClasses(seg.spans, span, activeClaim, seg.end === span.end),
      title: spanTitle(ctx, seg.spans),
      href: toQuery({ ...ctx.store.state, node: `claim:${span.claim}`, edge: null, panel: 'details' }) || '/',
      attrs: { 'data-claim': span.claim },
      on: {
        click: (e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          ctx.actions.selectClaim(span.claim, { panel: 'details' });
        },
      },
    }, content);
    if (span.claim === activeClaim && !focusTarget) focusTarget = el;
    text.append(el);
  }

  const conflicts = source.spans.filter((s) => s.verdicts.conflicts > 0).length;
  const needed = source.spans.filter((s) => s.citationNeeded).length;
  const extracted = source.spans.filter((s) => s.status === 'extracted').length;
  const trust = trustField(source);
  const body = h('div', { class: 'reader' },
    definition([
      ['Publisher', source.publisher],
      ['Author', source.author],
      ['Published', source.published],
      ['Kind', source.kind.replace(/-/g, ' ')],
      ['Original', source.url ? externalLink(source.url, source.url) : null],
      ['Note', source.note],
    ]),
    trust ? trustBlock(trust) : null,
    extracted > 0
      ? h('p', { class: 'actions-row review-call' },
        button(`Review ${extracted} extracted claim${extracted === 1 ? '' : 's'}`, () => ctx.actions.openReview(sourceId), { class: 'primary-blue review-open' }),
        h('span', { class: 'muted' }, 'found automatically, not yet checked by a person'))
      : null,
    h('p', { class: 'reader-legend' },
      `${source.spans.length} claim${source.spans.length === 1 ? '' : 's'} highlighted: `,
      h('span', { class: 'span-claim sample' }, 'claim'), ' ',
      h('span', { class: 'span-claim span-conflict sample' }, `in conflict (${conflicts})`), ' ',
      h('span', { class: 'span-claim span-needed sample' }, `citation needed (${needed})`), ' · click a highlight to open its claim.'),
    activeClaim ? h('p', { class: 'actions-row' }, button('Back to the claim', () => ctx.actions.selectClaim(activeClaim, { camera: false }), { class: 'secondary small' })) : null,
    text,
    source.references.length > 0
      ? section('References', h('ol', { class: 'references' }, source.references.map((r) => h('li', { attrs: { value: r.number }, id: `ref-${sourceId}-${r.number}` }, r.text))))
      : section('References', h('p', { class: 'muted' }, 'This source has no reference list: none of its statements is cited.')),
  );
  return { eyebrow: 'Source text', title: source.title, body, focusTarget };
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

function markerEl(marker: Marker, piece: string, refs: ReadonlyMap<number, string>): HTMLElement {
  if (marker.kind === 'citation-needed') return h('span', { class: 'marker-needed', title: 'The source flags this statement: citation needed' }, piece);
  const ref = marker.ref === null ? undefined : refs.get(marker.ref);
  return h('span', { class: 'marker-ref', title: ref ? `[${marker.ref}] ${ref}` : 'Footnote' }, piece);
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
  return all.map((s) => {
    const key = `claim:${s.claim}`;
    const label = ctx.graph.hasNode(key) ? ctx.graph.getNodeAttribute(key, 'fullLabel') : s.claim;
    const notes = [
      s.verdicts.conflicts ? `conflicts with ${s.verdicts.conflicts}` : '',
      s.verdicts.agrees ? `agrees with ${s.verdicts.agrees}` : '',
      s.citationNeeded ? 'citation needed' : '',
    ].filter(Boolean).join(', ');
    return notes ? `${label} (${notes})` : label;
  }).join('\n');
}
