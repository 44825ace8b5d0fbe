// The timeline lens: the dated claims of the selected entity (of the selected claim's subject; of
// the whole graph when nothing is selected) on one time axis, one lane per source in its colour,
// each claim a bar over the days it speaks of, conflicts drawn as red arcs between them. Clicking a
// claim selects it. Drawn as SVG elements (attributes only: nothing the CSP would refuse).
import { api } from '../api.js';
import type { Actions } from '../actions.js';
import { button, h, replaceChildren } from '../dom.js';
import { sourceStyleOf } from '../graph-view/source-registry.js';
import { errorBox, loading } from '../panels/widgets.js';
import type { Timeline } from '../../../server/api/views/timeline.js';

type Entry = Timeline['entries'][number];

const NS = 'http://www.w3.org/2000/svg';
const LANE = 34;
/** Extra height of each further row of a lane. */
const ROW = 18;
const LEFT = 150;
const TOP = 22;
const MAX_ENTRIES = 1000;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/** The entity the lens is about: the selected entity, or the selected claim's subject. */
export function timelineEntity(actions: Actions): { id: string; label: string } | null {
  const { node } = actions.store.state;
  if (!node || !actions.graph.hasNode(node)) return null;
  const a = actions.graph.getNodeAttributes(node);
  if (a.kind === 'entity') return { id: node.slice('entity:'.length), label: a.fullLabel };
  if (a.kind === 'claim' && typeof a.subject === 'string') {
    const key = `entity:${a.subject}`;
    return { id: a.subject, label: actions.graph.hasNode(key) ? actions.graph.getNodeAttribute(key, 'fullLabel') : a.subject };
  }
  return null;
}

export class TimelineLens {
  readonly el: HTMLElement;
  private readonly title = h('h2', { class: 'timeline-title' });
  private readonly body = h('div', { class: 'timeline-body' });
  private shown = '';
  private data: Timeline | null = null;

  constructor(private readonly actions: Actions) {
    this.el = h(
      'section',
      { class: 'timeline', hidden: true, attrs: { 'aria-label': 'Timeline of dated claims' } },
      h(
        'header',
        { class: 'timeline-head' },
        this.title,
        button('×', () => actions.store.update({ timeline: false }), {
          class: 'close',
          title: 'Close the timeline',
          attrs: { 'aria-label': 'Close the timeline' },
        }),
      ),
      this.body,
    );
    actions.store.subscribe(() => void this.sync());
    // Only a write changes the dated claims; loading more of a large graph does not.
    actions.feed.onChange(({ write }) => {
      if (!write) return;
      this.shown = '';
      void this.sync();
    });
    new ResizeObserver(() => {
      if (this.data && !this.el.hidden) this.draw(this.data);
    }).observe(this.el);
    void this.sync();
  }

  private async sync(): Promise<void> {
    const open = this.actions.store.state.timeline;
    document.body.classList.toggle('has-timeline', open);
    this.el.hidden = !open;
    if (!open) return;
    const entity = timelineEntity(this.actions);
    const query = `?limit=${MAX_ENTRIES}${entity ? `&entity=${encodeURIComponent(entity.id)}` : ''}`;
    if (query === this.shown) return;
    this.shown = query;
    this.title.textContent = entity ? `Timeline · ${entity.label}` : 'Timeline · every dated claim';
    replaceChildren(this.body, loading('the dated claims'));
    try {
      const data = await api.timeline(query);
      if (this.shown !== query) return;
      this.data = data;
      this.draw(data);
    } catch (err) {
      replaceChildren(this.body, errorBox(err, 'the timeline'));
    }
  }

  private draw(data: Timeline): void {
    if (data.entries.length === 0) {
      replaceChildren(
        this.body,
        h(
          'p',
          { class: 'muted' },
          'No claim here speaks of a date. Select an entity with dated claims (a start date, a count “by October 1918”).',
        ),
      );
      return;
    }
    const sources = [...new Map(data.entries.map((e) => [e.source.id, e.source])).values()].sort((a, b) =>
      sourceStyleOf(a.id, { title: a.title }).name.localeCompare(sourceStyleOf(b.id, { title: b.title }).name),
    );
    const width = Math.max(400, this.body.clientWidth - 8);
    const lo = Math.min(...data.entries.map((e) => e.from));
    const hi = Math.max(...data.entries.map((e) => e.to + 1));
    const pad = Math.max(15, (hi - lo) * 0.04);
    const x = (day: number) => LEFT + ((day - (lo - pad)) / (hi - lo + 2 * pad)) * (width - LEFT - 12);
    // Within a source's lane, claims whose bars would overlap go on rows of their own.
    const rowOf = new Map<string, number>();
    const rows = new Map<string, number>();
    for (const s of sources) {
      const ends: number[] = [];
      for (const e of data.entries.filter((en) => en.source.id === s.id)) {
        const x0 = x(e.from);
        let r = ends.findIndex((end) => end + 3 < x0);
        if (r < 0) r = ends.push(0) - 1;
        ends[r] = Math.max(x(e.to + 1), x0 + 6);
        rowOf.set(e.claim, r);
      }
      rows.set(s.id, Math.max(1, ends.length));
    }
    const laneTop = new Map<string, number>();
    let y0 = TOP;
    for (const s of sources) {
      laneTop.set(s.id, y0);
      y0 += LANE + (rows.get(s.id)! - 1) * ROW;
    }
    const height = y0 + 8;
    const root = svg('svg', {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': `${data.entries.length} dated claims on a time axis`,
    });
    for (const t of ticks(lo - pad, hi + pad)) {
      root.append(
        svg('line', { x1: x(t.day), x2: x(t.day), y1: TOP - 6, y2: height, class: 'tl-tick' }),
        svg('text', { x: x(t.day) + 3, y: TOP - 9, class: 'tl-tick-label' }, t.label),
      );
    }
    sources.forEach((s, i) => {
      const style = sourceStyleOf(s.id, { title: s.title });
      const y = laneTop.get(s.id)!;
      const h = LANE + (rows.get(s.id)! - 1) * ROW;
      root.append(
        svg('rect', { x: 0, y, width, height: h, class: i % 2 ? 'tl-lane odd' : 'tl-lane' }),
        svg('circle', { cx: 10, cy: y + LANE / 2, r: 5, fill: style.colour }),
        svg(
          'text',
          { x: 20, y: y + LANE / 2 + 4, class: 'tl-source' },
          truncate(`${style.abbreviation} · ${style.name}`, 20),
          svg('title', {}, s.title),
        ),
      );
    });
    const at = new Map<string, { cx: number; cy: number }>();
    const arcs = svg('g', { class: 'tl-conflicts' });
    root.append(arcs);
    for (const e of data.entries) {
      const y = laneTop.get(e.source.id)! + LANE / 2 + 4 + rowOf.get(e.claim)! * ROW;
      const x0 = x(e.from);
      const x1 = Math.max(x(e.to + 1), x0 + 6);
      at.set(e.claim, { cx: (x0 + x1) / 2, cy: y });
      const colour = sourceStyleOf(e.source.id, { title: e.source.title }).colour;
      const item = svg(
        'g',
        { class: 'tl-claim', tabindex: 0, role: 'button', 'data-claim': e.claim, 'aria-label': describe(e) },
        svg('rect', {
          x: x0,
          y: y - 6,
          width: x1 - x0,
          height: 12,
          rx: 3,
          fill: colour,
          'fill-opacity': e.dated === 'value' ? 0.9 : 0.45,
          stroke: colour,
        }),
        svg('title', {}, describe(e)),
      );
      const open = () => this.actions.selectClaim(e.claim, { panel: 'details' });
      item.addEventListener('click', open);
      item.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          open();
        }
      });
      root.append(item);
    }
    for (const c of data.conflicts) {
      const a = at.get(c.a);
      const b = at.get(c.b);
      if (!a || !b) continue;
      const lift = a.cy === b.cy ? 14 : 0;
      const path = `M ${a.cx} ${a.cy} Q ${(a.cx + b.cx) / 2} ${Math.min(a.cy, b.cy) - lift - Math.abs(a.cy - b.cy) / 4} ${b.cx} ${b.cy}`;
      arcs.append(svg('path', { d: path, class: 'tl-conflict' }, svg('title', {}, c.reason)));
    }
    // Labels of the claims, above their bars, where there is room.
    const taken: [number, number, number][] = [];
    for (const e of data.entries) {
      const p = at.get(e.claim)!;
      if (rowOf.get(e.claim)! > 0) continue;
      const text = truncate(e.wording, 28);
      const w = text.length * 6.2;
      const box: [number, number, number] = [p.cx - w / 2, p.cx + w / 2, p.cy];
      if (taken.some(([l, r, y]) => y === box[2] && l < box[1] + 4 && box[0] < r + 4)) continue;
      taken.push(box);
      root.append(svg('text', { x: p.cx, y: p.cy - 8, class: 'tl-label', 'text-anchor': 'middle' }, text));
    }
    const note = data.truncated
      ? h(
          'p',
          { class: 'muted small-print' },
          `The first ${data.entries.length.toLocaleString('en')} of ${data.count.toLocaleString('en')} dated claims.`,
        )
      : null;
    replaceChildren(
      this.body,
      root,
      note,
      h(
        'p',
        { class: 'muted small-print tl-legend' },
        'Solid: the claim states a date · pale: a figure dated by its scope (“by October 1918”) · red arcs: conflicts.',
      ),
    );
  }
}

function describe(e: Entry): string {
  return `${e.subject.label} · ${e.property.label}: ${e.wording}${e.scopeWording ? ` (${e.scopeWording})` : ''} — ${e.when} — ${e.source.title}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Year ticks (every 1, 2, 5, 10… years to keep about 8), or month ticks for a span under two years. */
function ticks(from: number, to: number): { day: number; label: string }[] {
  const start = new Date(from * 86_400_000);
  const end = new Date(to * 86_400_000);
  const years = end.getUTCFullYear() - start.getUTCFullYear();
  const out: { day: number; label: string }[] = [];
  if (years < 2) {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const step = years < 1 ? 1 : 3;
    for (
      let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
      d < end;
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1))
    ) {
      out.push({ day: d.getTime() / 86_400_000, label: `${months[d.getUTCMonth()]} ${d.getUTCFullYear()}` });
    }
    return out;
  }
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => years / s <= 8) ?? 1000;
  for (let y = Math.ceil((start.getUTCFullYear() + 1) / step) * step; y <= end.getUTCFullYear(); y += step)
    out.push({ day: Date.UTC(y, 0, 1) / 86_400_000, label: String(y) });
  return out;
}
