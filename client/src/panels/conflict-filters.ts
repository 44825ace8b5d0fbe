// The triage controls above the contradictions list: order, what they are about (an entity or a
// source picked by name, a property), scope, review status and a tolerance. Each change reads the
// list afresh from the server; the query string is built here and nowhere else.
import { api } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';
import type { PanelContext } from './context.js';

export type SortKey = 'gap' | 'entity' | 'property' | 'source' | 'date';

export interface FilterValue {
  sort: SortKey;
  scope: '' | 'between' | 'within';
  status: '' | 'reviewed' | 'extracted';
  tolerance: string;
  about: { kind: 'entity' | 'source'; id: string; label: string } | null;
  property: string;
}

export const DEFAULT_FILTERS: FilterValue = { sort: 'gap', scope: '', status: '', tolerance: '', about: null, property: '' };

/** The API query for one page of the list under these filters. */
export function filterQuery(f: FilterValue, offset: number, limit: number): string {
  const q = new URLSearchParams({ sort: f.sort, group: 'identical' });
  if (f.scope) q.set('scope', f.scope);
  if (f.status) q.set('status', f.status);
  if (f.tolerance) q.set('tolerance', f.tolerance);
  if (f.about) q.set(f.about.kind, f.about.id);
  if (f.property) q.set('property', f.property);
  q.set('offset', String(offset));
  q.set('limit', String(limit));
  return `?${q.toString()}`;
}

const select = (label: string, options: [string, string][], onChange: (v: string) => void, cls = '') =>
  h(
    'select',
    { class: cls, attrs: { 'aria-label': label }, on: { change: (e) => onChange((e.target as HTMLSelectElement).value) } },
    options.map(([value, text]) => h('option', { attrs: { value } }, text)),
  );

export class ConflictFilters {
  readonly el: HTMLElement;
  value: FilterValue = { ...DEFAULT_FILTERS };
  private readonly aboutInput: HTMLInputElement;
  private readonly aboutList = h('ul', {
    class: 'about-options',
    role: 'listbox',
    hidden: true,
    attrs: { 'aria-label': 'Entities and sources' },
  });
  private readonly aboutChip = h('span', { class: 'about-chip', hidden: true });
  private readonly propertySelect: HTMLSelectElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: PanelContext,
    private readonly changed: () => void,
  ) {
    const set =
      <K extends keyof FilterValue>(key: K) =>
      (v: string) => {
        this.value = { ...this.value, [key]: v };
        changed();
      };
    this.aboutInput = h('input', {
      type: 'search',
      class: 'about-input',
      attrs: {
        placeholder: 'About an entity or a source…',
        'aria-label': 'Only contradictions about this entity or source',
        autocomplete: 'off',
        role: 'combobox',
        'aria-expanded': 'false',
        'aria-autocomplete': 'list',
        maxlength: 200,
      },
      on: { input: () => this.suggestSoon(), keydown: (e) => this.onAboutKey(e), blur: () => setTimeout(() => this.closeAbout(), 150) },
    });
    this.propertySelect = select('Only this property', [['', 'Any property']], set('property'), 'property-filter');
    this.propertySelect.addEventListener('focus', () => this.fillProperties(), { once: true });
    this.fillProperties();
    this.el = h(
      'div',
      { class: 'list-tools' },
      h(
        'label',
        { class: 'tool' },
        h('span', {}, 'Order'),
        select(
          'Order of the list',
          [
            ['gap', 'Largest difference first'],
            ['entity', 'By entity'],
            ['property', 'By property'],
            ['source', 'By source'],
            ['date', 'By date'],
          ],
          set('sort') as (v: string) => void,
          'sort-select',
        ),
      ),
      h('div', { class: 'about' }, this.aboutInput, this.aboutChip, this.aboutList),
      h(
        'div',
        { class: 'tool-row' },
        this.propertySelect,
        select(
          'Which contradictions',
          [
            ['', 'All contradictions'],
            ['between', 'Between sources'],
            ['within', 'Within one source'],
          ],
          set('scope'),
          'scope-filter',
        ),
      ),
      h(
        'div',
        { class: 'tool-row' },
        select(
          'Review status',
          [
            ['', 'Any review status'],
            ['extracted', 'Resting on unreviewed claims'],
            ['reviewed', 'All claims reviewed'],
          ],
          set('status'),
          'status-filter',
        ),
        select(
          'Tolerance',
          [
            ['', 'Every difference'],
            ['1', 'Hide differences under 1 %'],
            ['5', 'Hide differences under 5 %'],
            ['10', 'Hide differences under 10 %'],
            ['25', 'Hide differences under 25 %'],
          ],
          set('tolerance'),
          'tolerance-filter',
        ),
      ),
    );
  }

  /** True when anything narrows the list (the order does not). */
  get active(): boolean {
    const v = this.value;
    return !!(v.scope || v.status || v.tolerance || v.about || v.property);
  }

  /** The properties of the claims drawn, by label (a property with no claim drawn cannot be chosen). */
  private fillProperties(): void {
    const labels = new Map<string, string>();
    this.ctx.graph.forEachNode((_k, a) => {
      if (a.kind === 'claim' && typeof a.property === 'string') labels.set(a.property, String(a.propertyLabel ?? a.property));
    });
    const current = this.propertySelect.value;
    replaceChildren(
      this.propertySelect,
      h('option', { attrs: { value: '' } }, 'Any property'),
      [...labels].sort((a, b) => a[1].localeCompare(b[1])).map(([id, label]) => h('option', { attrs: { value: id } }, label)),
    );
    this.propertySelect.value = current;
  }

  private suggestSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.suggest(), 150);
  }

  private async suggest(): Promise<void> {
    const q = this.aboutInput.value.trim();
    if (!q) return this.closeAbout();
    const found = await api.search(q).catch(() => null);
    if (!found || this.aboutInput.value.trim() !== q) return;
    const options = [
      ...found.entities.map((e) => ({ kind: 'entity' as const, id: e.id, label: e.label, detail: e.type.replace(/-/g, ' ') })),
      ...found.sources.map((s) => ({ kind: 'source' as const, id: s.id, label: s.title, detail: `source · ${s.publisher}` })),
    ].slice(0, 8);
    replaceChildren(
      this.aboutList,
      options.length === 0
        ? h('li', { class: 'no-match' }, 'No entity or source by that name')
        : options.map((o, i) =>
            h(
              'li',
              {
                role: 'option',
                class: `about-option kind-${o.kind}`,
                attrs: { 'aria-selected': i === 0 ? 'true' : 'false' },
                on: { mousedown: (e) => e.preventDefault(), click: () => this.choose(o) },
              },
              h('span', { class: 'opt-label' }, o.label),
              h('span', { class: 'opt-detail' }, o.detail),
            ),
          ),
    );
    this.aboutList.hidden = false;
    this.aboutInput.setAttribute('aria-expanded', 'true');
  }

  private onAboutKey(e: KeyboardEvent): void {
    const options = [...this.aboutList.querySelectorAll<HTMLElement>('.about-option')];
    if (options.length === 0) return;
    const at = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      options.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      options[Math.max(0, at)]?.click();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      this.closeAbout();
    }
  }

  private choose(o: { kind: 'entity' | 'source'; id: string; label: string }): void {
    this.value = { ...this.value, about: { kind: o.kind, id: o.id, label: o.label } };
    this.closeAbout();
    this.aboutInput.value = '';
    this.aboutInput.hidden = true;
    replaceChildren(
      this.aboutChip,
      h('span', {}, `${o.kind === 'source' ? 'Source' : 'About'}: ${o.label}`),
      button('×', () => this.clearAbout(), { class: 'chip-clear', attrs: { 'aria-label': `Stop filtering by ${o.label}` } }),
    );
    this.aboutChip.hidden = false;
    this.changed();
  }

  private clearAbout(): void {
    this.value = { ...this.value, about: null };
    this.aboutChip.hidden = true;
    this.aboutInput.hidden = false;
    this.aboutInput.focus();
    this.changed();
  }

  private closeAbout(): void {
    this.aboutList.hidden = true;
    this.aboutInput.setAttribute('aria-expanded', 'false');
  }
}
