// One row of the contradictions list: what is disputed, both values with their sources' colours,
// how far apart they are, the reason and its basis in plain words, how many pairs read the same,
// and which side the evidence favours. A fixed height, so that the list can be virtualised.
import type { ReportClaim, ReportItem } from '../api.js';
import { button, h } from '../dom.js';
import { sourceStyleOf } from '../graph-view/source-registry.js';
import { likelyField, percent, type Likely } from '../truth/types.js';
import { basisInWords, gapInWords } from './basis.js';
import { scopeBadge } from './widgets.js';

export type ListItem = ReportItem & { same?: string[] };

export const ROW_HEIGHT = 190;

export function conflictRow(item: ListItem, open: (item: ListItem) => void, current: boolean): HTMLElement {
  const likely = likelyField(item);
  const side = likely ? favouredSide(item, likely) : null;
  const gap = gapInWords(item.gap);
  const alike = item.same?.length ?? 1;
  const basis = basisInWords(item.basis, item.verdict);
  const openButton = button(
    [
      h(
        'span',
        { class: 'item-head', title: `${item.subject.label} · ${item.property.label}` },
        h('span', { class: 'item-subject' }, `${item.subject.label} · ${item.property.label}`),
      ),
      h(
        'span',
        { class: 'item-values' },
        valueLine(item.a, undefined, side === 'a', byTitle(item)),
        h('span', { class: 'vs', attrs: { 'aria-label': 'versus' } }, 'vs'),
        valueLine(item.b, item.parts, side === 'b', byTitle(item)),
      ),
    ],
    () => open(item),
    {
      class: `item-open${current ? ' current' : ''}`,
      attrs: { 'data-comparison': item.id, ...(current ? { 'aria-current': 'true' } : {}) },
    },
  );
  return h(
    'div',
    { class: `conflict-item${item.scope === 'within' ? ' within' : ''}` },
    openButton,
    h('p', { class: 'reason', title: item.reason }, item.reason),
    h(
      'p',
      { class: 'item-meta' },
      gap ? h('span', { class: 'badge badge-gap', title: 'How far apart the two values are' }, gap) : null,
      scopeBadge(item.scope),
      alike > 1
        ? h(
            'span',
            {
              class: 'badge badge-alike',
              title: `${alike} pairs of claims read exactly like this one (the same wordings from the same sources)`,
            },
            `×${alike} alike`,
          )
        : null,
      basis ? h('span', { class: 'basis', title: `Why this is a contradiction: ${basis}` }, basis) : null,
    ),
    likely ? evidenceLine(likely, side, item.scope) : h('p', { class: 'evidence evidence-none' }, ''),
  );
}

/** Two different sources of one publisher are told apart by their titles. */
function byTitle(item: ListItem): boolean {
  const name = (c: ReportClaim) => sourceStyleOf(c.source, { title: c.sourceTitle }).name;
  return item.a.source !== item.b.source && name(item.a) === name(item.b);
}

function valueLine(claim: ReportClaim, parts: readonly ReportClaim[] | undefined, favoured: boolean, titled: boolean): HTMLElement {
  const wording = parts && parts.length > 0 ? parts.map((p) => p.wording).join(' + ') : claim.wording;
  const style = sourceStyleOf(claim.source, { title: claim.sourceTitle });
  const swatch = h('span', { class: 'source-dot', attrs: { 'aria-hidden': 'true' } });
  swatch.style.background = style.colour;
  return h(
    'span',
    {
      class: `item-value${favoured ? ' favoured' : ''}`,
      title: `${wording}${claim.scope?.wording ? ` (${claim.scope.wording})` : ''} — ${claim.sourceTitle}`,
    },
    swatch,
    h('strong', {}, wording),
    claim.scope?.wording ? h('span', { class: 'item-scope' }, ` ${claim.scope.wording}`) : null,
    h('span', { class: 'item-source' }, ` — ${titled ? claim.sourceTitle : style.name}`),
    favoured ? h('span', { class: 'badge badge-likely small' }, '✓ favoured') : null,
  );
}

/** Which side of a conflict the group's most likely value stands on, if either. */
export function favouredSide(item: Pick<ReportItem, 'a' | 'b' | 'parts'>, likely: Likely): 'a' | 'b' | null {
  if (likely.undecided) return null;
  const supports = new Set(likely.claims);
  if (supports.has(item.a.id)) return 'a';
  if (supports.has(item.b.id) || (item.parts ?? []).some((p) => supports.has(p.id))) return 'b';
  return null;
}

/**
 * What the evidence says, without headlining a value when it favours none. Two claims of one source
 * are not "sources split evenly": they are one source contradicting itself.
 */
export function evidenceText(likely: Likely, side: 'a' | 'b' | null, scope: string): string {
  if (likely.undecided) {
    return scope === 'within'
      ? 'The evidence favours neither statement: one source says both.'
      : 'The evidence favours neither side: the sources are split evenly.';
  }
  if (side) return `The evidence favours ${likely.value} (${percent(likely.confidence)}).`;
  return `The evidence favours neither side: most likely ${likely.value} (${percent(likely.confidence)}).`;
}

function evidenceLine(likely: Likely, side: 'a' | 'b' | null, scope: string): HTMLElement {
  const what = evidenceText(likely, side, scope);
  return h(
    'p',
    { class: `evidence${likely.lowEvidence ? ' evidence-low' : ''}`, title: what },
    what,
    likely.lowEvidence ? h('strong', { class: 'low-evidence-inline' }, ' Low evidence — a hint, not a verdict.') : null,
  );
}
