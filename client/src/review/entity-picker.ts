// Choosing an entity by name: a search field over /api/search (any alias, accent-insensitive) with
// the matches as buttons below it. The chosen entity's name stays visible.
import { api } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';

export interface EntityChoice {
  id: string;
  label: string;
}

export interface EntityPicker {
  el: HTMLElement;
  input: HTMLInputElement;
  value(): EntityChoice;
}

export function entityPicker(idBase: string, label: string, initial: EntityChoice): EntityPicker {
  let chosen = initial;
  const shown = h('span', { class: 'picked' });
  const results = h('ul', { class: 'picker-results', attrs: { 'aria-label': `Matches for ${label}` } });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  const input = h('input', {
    id: `${idBase}-search`,
    type: 'search',
    attrs: { autocomplete: 'off', spellcheck: 'false', placeholder: 'Type a name to change it', maxlength: 200 },
    on: {
      input: () => {
        clearTimeout(timer);
        timer = setTimeout(() => void lookup(), 150);
      },
    },
  });
  // The name only: ids are the store's business, never shown.
  const showChosen = () =>
    replaceChildren(shown, chosen.id ? h('strong', {}, chosen.label) : h('span', { class: 'muted' }, 'none chosen yet'));

  async function lookup(): Promise<void> {
    controller?.abort();
    const q = input.value.trim();
    if (!q) {
      replaceChildren(results);
      return;
    }
    controller = new AbortController();
    try {
      const found = await api.search(q, controller.signal);
      replaceChildren(
        results,
        found.entities.length === 0
          ? h('li', { class: 'muted' }, 'No entity by that name')
          : found.entities.map((e) =>
              h(
                'li',
                {},
                button(
                  [e.label, h('span', { class: 'muted' }, ` · ${e.type.replace(/-/g, ' ')}`)],
                  () => {
                    chosen = { id: e.id, label: e.label };
                    showChosen();
                    input.value = '';
                    replaceChildren(results);
                    input.focus();
                  },
                  { class: 'linkish pick', attrs: { 'data-entity': e.id } },
                ),
              ),
            ),
      );
    } catch (err) {
      if ((err as Error).name !== 'AbortError') replaceChildren(results, h('li', { class: 'muted' }, 'Search is unavailable'));
    }
  }

  showChosen();
  const el = h('div', { class: 'field entity-picker' }, h('label', { attrs: { for: input.id } }, label, ': ', shown), input, results);
  return { el, input, value: () => chosen };
}
