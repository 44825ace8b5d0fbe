// An entity: its names, then what each source says about it, property by property, values side by
// side per source with the verdicts between them; then the claims that name it as their object.
import { api, type ComparisonView, type EntityDetail, type PropertyGroup, type RelationView } from '../api.js';
import { button, h } from '../dom.js';
import { sourceName, type PanelContent, type PanelContext } from './context.js';
import { likelySetsField } from '../truth/types.js';
import { likelyBlock } from '../truth/views.js';
import { claimButton, definition, scopeBadge, section, verdictBadge } from './widgets.js';

export async function entityPanel(ctx: PanelContext, entityId: string): Promise<PanelContent> {
  const entity = await api.entity(entityId);
  const body = h(
    'div',
    { class: 'entity-panel' },
    entity.description ? h('p', { class: 'lede' }, entity.description) : null,
    definition([
      ['Type', entity.type.replace(/-/g, ' ')],
      ['Claims', `${entity.counts.claims} about it${entity.counts.relations ? `, ${entity.counts.relations} naming it` : ''}`],
      ['Status', entity.status === 'proposed' ? 'proposed by extraction, awaiting review' : entity.status],
    ]),
    aliasesSection(entity),
    entity.properties.length > 0
      ? section(
          'What the sources say',
          [...entity.properties].sort(disputedFirst).map((g) => propertyGroup(ctx, g)),
        )
      : section('What the sources say', h('p', { class: 'muted' }, 'No claim has this entity as its subject.')),
    entity.relations.length > 0
      ? section(
          'Named in',
          h(
            'ul',
            { class: 'relations' },
            entity.relations.map((r) => relation(ctx, r)),
          ),
        )
      : null,
  );
  return { eyebrow: 'Entity', title: entity.label, body };
}

function aliasesSection(entity: EntityDetail): HTMLElement | null {
  const others = entity.aliases.filter((a) => a.name !== entity.label);
  if (others.length === 0) return null;
  // One line of names; the kind of each spelling and the sources using it are in its tooltip.
  return section(
    'Also written',
    h(
      'p',
      { class: 'aliases' },
      others.map((a, i) => [
        i > 0 ? h('span', { class: 'sep', attrs: { 'aria-hidden': 'true' } }, ' · ') : null,
        h(
          'span',
          {
            class: 'alias',
            title: [a.kind, a.language, a.sources.length ? `used by ${a.sources.map((s) => s.title).join('; ')}` : '']
              .filter(Boolean)
              .join(' — '),
          },
          a.name,
        ),
      ]),
    ),
  );
}

function propertyGroup(ctx: PanelContext, group: PropertyGroup): HTMLElement {
  const wording = new Map<string, string>();
  const sourceOfClaim = new Map<string, string>();
  for (const column of group.bySource) {
    for (const v of column.values) {
      wording.set(v.claim, `${v.wording} (${sourceName(ctx, v.source)})`);
      sourceOfClaim.set(v.claim, sourceName(ctx, v.source));
    }
  }
  // The server's verdict on which value is right, one per scope, when it gives one (absent on older servers).
  const likely = likelySetsField(group);
  const supports = new Set(likely.filter((l) => !l.undecided).flatMap((l) => l.claims));
  return h(
    'div',
    { class: 'property-group', attrs: { 'data-property': group.property.id } },
    h(
      'h4',
      {},
      group.property.label,
      group.comparisons.some((c) => c.verdict === 'conflicts') ? h('span', { class: 'badge badge-conflicts small' }, 'disputed') : null,
    ),
    likely.map((l) => likelyBlock(l, { sources: group.bySource.length, sourceOfClaim: (id) => sourceOfClaim.get(id) })),
    h(
      'table',
      { class: 'by-source' },
      h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Source'), h('th', { attrs: { scope: 'col' } }, 'Says'))),
      h(
        'tbody',
        {},
        group.bySource.map((column) =>
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'row' }, title: column.source.title }, sourceName(ctx, column.source)),
            h(
              'td',
              {},
              column.values.map((v) =>
                h(
                  'div',
                  { class: `value-line${supports.has(v.claim) ? ' supports-likely' : ''}` },
                  claimButton(v.wording, () => ctx.actions.selectClaim(v.claim), `Open the claim: “${v.quote.exact}”`),
                  supports.has(v.claim)
                    ? h('span', { class: 'badge badge-likely small', title: 'Supports the most likely value' }, '✓ likely')
                    : null,
                  v.scopeWording ? h('span', { class: 'muted' }, ` — ${v.scopeWording}`) : null,
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    group.comparisons.length > 0
      ? h(
          'ul',
          { class: 'verdicts' },
          group.comparisons.map((c) => verdictLine(ctx, c, wording)),
        )
      : null,
  );
}

function verdictLine(ctx: PanelContext, cmp: ComparisonView, wording: ReadonlyMap<string, string>): HTMLElement {
  const name = (id: string) => wording.get(id) ?? claimInWords(ctx, id);
  const others = [cmp.b, ...(cmp.parts ?? [])].filter((id, i, all) => id !== cmp.a && all.indexOf(id) === i);
  return h(
    'li',
    { class: `verdict-line comparison-${cmp.verdict}` },
    verdictBadge(cmp.verdict),
    ' ',
    scopeBadge(cmp.scope),
    ' ',
    h('span', { class: 'pair' }, name(cmp.a), ' ↔ ', others.map(name).join(' + ')),
    h('p', { class: 'reason' }, cmp.reason),
    button('Show pair', () => void ctx.actions.showPair(cmp.id, cmp.verdict, [cmp.a, cmp.b, ...(cmp.parts ?? [])]), {
      class: 'secondary small',
    }),
  );
}

/** Properties the sources dispute first, then those several sources state, then by name. */
function disputedFirst(x: PropertyGroup, y: PropertyGroup): number {
  const rank = (g: PropertyGroup) =>
    g.comparisons.some((c) => c.verdict === 'conflicts') ? 0 : g.comparisons.length > 0 ? 1 : g.bySource.length > 1 ? 2 : 3;
  return rank(x) - rank(y) || x.property.label.localeCompare(y.property.label);
}

function relation(ctx: PanelContext, r: RelationView): HTMLElement {
  return h(
    'li',
    {},
    claimButton(`${r.subject.label} · ${r.property.label}${r.negated ? ' (not)' : ''}: ${r.wording}`, () =>
      ctx.actions.selectClaim(r.claim),
    ),
    h('span', { class: 'muted', title: r.source.title }, ` — ${sourceName(ctx, r.source)}`),
  );
}

/** A claim of another property (a part of a sum) in words, from its node; never its id. */
function claimInWords(ctx: PanelContext, claimId: string): string {
  const key = `claim:${claimId}`;
  if (!ctx.graph.hasNode(key)) return 'a claim not drawn';
  const a = ctx.graph.getNodeAttributes(key);
  const value = typeof a.valueText === 'string' ? a.valueText : a.fullLabel;
  return typeof a.propertyLabel === 'string' ? `${value} (${a.propertyLabel})` : value;
}
