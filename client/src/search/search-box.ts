// The search box: an ARIA combobox with suggestions over names and aliases (accent-insensitive, via
// /api/search). Choosing one selects the node and moves the camera to it.
import { h, replaceChildren } from '../dom.js';
import type { AppGraph } from '../graph-view/load.js';
import { suggest, type Suggestion } from './suggestions.js';

export class SearchBox {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private suggestions: Suggestion[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | null = null;

  /** `canShow`: whether a suggestion can be selected (drawn, or loadable on demand). */
  constructor(
    private readonly graph: AppGraph,
    private readonly onChoose: (s: Suggestion) => void,
    private readonly canShow: (key: string) => boolean = (k) => graph.hasNode(k),
  ) {
    this.input = h('input', {
      type: 'search',
      id: 'search',
      attrs: {
        role: 'combobox',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
        'aria-controls': 'search-list',
        'aria-label': 'Search people, places, sources and claims',
        placeholder: 'Search names, sources, claims…  ( / )',
        autocomplete: 'off',
        spellcheck: 'false',
        maxlength: 200,
      },
      on: {
        input: () => this.schedule(),
        keydown: (e) => this.onKey(e),
        blur: () => setTimeout(() => this.close(), 150),
        focus: () => {
          if (this.suggestions.length) this.open();
        },
      },
    });
    this.list = h('ul', { id: 'search-list', role: 'listbox', hidden: true, attrs: { 'aria-label': 'Suggestions' } });
    this.el = h('div', { class: 'search' }, this.input, this.list);
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fetch(), 120);
  }

  private async fetch(): Promise<void> {
    const q = this.input.value.trim();
    this.controller?.abort();
    if (!q) {
      this.show([]);
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    try {
      const found = await suggest(q, this.graph, controller.signal);
      if (!controller.signal.aborted) this.show(found.filter((s) => this.canShow(s.key)).slice(0, 12));
    } catch (err) {
      if ((err as Error).name !== 'AbortError') this.show([]);
    }
  }

  private show(suggestions: Suggestion[]): void {
    this.suggestions = suggestions;
    this.active = suggestions.length ? 0 : -1;
    if (suggestions.length === 0 && this.input.value.trim()) {
      replaceChildren(this.list, h('li', { class: 'no-match', attrs: { 'aria-disabled': 'true' } }, 'No match'));
      this.open();
      return;
    }
    replaceChildren(
      this.list,
      suggestions.map((s, i) =>
        h(
          'li',
          {
            id: `search-opt-${i}`,
            role: 'option',
            class: `kind-${s.kind}`,
            attrs: {
              'aria-selected': i === this.active ? 'true' : 'false',
              'data-key': s.reference === undefined ? s.key : `${s.key}#${s.reference}`,
            },
            on: {
              mousedown: (e) => e.preventDefault(),
              click: () => this.choose(i),
            },
          },
          dot(s.kind),
          h('span', { class: 'opt-label' }, s.label),
          h('span', { class: 'opt-detail' }, s.detail),
        ),
      ),
    );
    if (suggestions.length) this.open();
    else this.close();
    this.markActive();
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.suggestions.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      this.open();
      this.active = (this.active + 1) % n;
      this.markActive();
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      this.active = (this.active - 1 + n) % n;
      this.markActive();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.active >= 0) this.choose(this.active);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      if (!this.list.hidden) this.close();
      else {
        this.input.value = '';
        this.input.blur();
      }
    }
  }

  private choose(i: number): void {
    const s = this.suggestions[i];
    if (!s) return;
    this.close();
    // The choice is shown by the selection and its panel: text left in the box would go stale.
    this.input.value = '';
    this.suggestions = [];
    this.input.blur();
    this.onChoose(s);
  }

  private markActive(): void {
    this.list
      .querySelectorAll('[role="option"]')
      .forEach((li, i) => li.setAttribute('aria-selected', i === this.active ? 'true' : 'false'));
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', `search-opt-${this.active}`);
      document.getElementById(`search-opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}

function dot(kind: Suggestion['kind']): HTMLElement {
  return h('span', { class: `dot dot-${kind}`, attrs: { 'aria-hidden': 'true' } });
}
