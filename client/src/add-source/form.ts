// The fields of the "Add source" form, and reading them back as a SourceInput. Optional fields left
// empty are left out; nothing is validated here: the server is the one judge, and its 400 names
// each field it refuses (shown beside that field).
import type { SourceInput } from '../api.js';
import { h } from '../dom.js';

export const KINDS: readonly [NonNullable<SourceInput['kind']>, string][] = [
  ['news', 'News'], ['encyclopedia', 'Encyclopedia'], ['official-history', 'Official history'], ['book', 'Book'],
  ['journal-article', 'Journal article'], ['primary', 'Primary source'], ['dataset', 'Dataset'], ['other', 'Other'],
];

/** Largest file read into the form: the server takes up to 5 million characters. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface SourceForm {
  el: HTMLFormElement;
  fields: Record<'title' | 'publisher' | 'kind' | 'author' | 'url' | 'published' | 'text', HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;
  value(): SourceInput;
  /** Marks one field as refused, with the server's words under it; null clears every mark. */
  markProblem(field: string | null, message?: string): boolean;
}

export function sourceForm(onSubmit: () => void): SourceForm {
  const input = (name: string, type = 'text', attrs: Record<string, string | number | boolean> = {}) =>
    h('input', { id: `add-${name}`, type, attrs: { name, autocomplete: 'off', ...attrs } });
  const fields = {
    title: input('title', 'text', { maxlength: 500 }),
    publisher: input('publisher', 'text', { maxlength: 300 }),
    kind: h('select', { id: 'add-kind', attrs: { name: 'kind' } }, KINDS.map(([value, label]) => h('option', { attrs: { value, selected: value === 'other' } }, label))),
    author: input('author', 'text', { maxlength: 300 }),
    url: input('url', 'url', { placeholder: 'https://…' }),
    published: input('published', 'text', { placeholder: 'YYYY or YYYY-MM or YYYY-MM-DD', inputmode: 'numeric' }),
    text: h('textarea', { id: 'add-text', attrs: { name: 'text', rows: 9, spellcheck: 'false', placeholder: 'Paste the text of the source here, or choose a .txt file below.' } }),
  };
  const fileNote = h('span', { class: 'muted file-note', role: 'status' });
  const file = h('input', { id: 'add-file', type: 'file', attrs: { accept: '.txt,text/plain', 'aria-describedby': 'add-file-note' }, on: { change: () => void readFile() } });
  fileNote.id = 'add-file-note';

  async function readFile(): Promise<void> {
    const chosen = file.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      fileNote.textContent = `${chosen.name} is too large (${Math.round(chosen.size / 1e6)} MB).`;
      return;
    }
    fields.text.value = await chosen.text();
    if (!fields.title.value.trim()) fields.title.value = chosen.name.replace(/\.txt$/i, '');
    fileNote.textContent = `${chosen.name}: ${fields.text.value.length.toLocaleString('en')} characters read into the text box.`;
  }

  const errors = new Map<string, HTMLElement>();
  const row = (name: keyof typeof fields, label: string, required = false, extra: HTMLElement | null = null) => {
    const error = h('span', { id: `add-${name}-error`, class: 'field-error', hidden: true });
    errors.set(name, error);
    fields[name].setAttribute('aria-describedby', error.id);
    return h('div', { class: `field field-${name}` },
      h('label', { attrs: { for: fields[name].id } }, label, required ? h('span', { class: 'required', attrs: { 'aria-hidden': 'true' } }, ' *') : null),
      fields[name], extra, error);
  };
  const el = h('form', { class: 'add-form', attrs: { novalidate: true }, on: { submit: (e) => { e.preventDefault(); onSubmit(); } } },
    h('div', { class: 'field-grid' },
      row('title', 'Title', true), row('publisher', 'Publisher', true), row('kind', 'Kind'),
      row('author', 'Author'), row('url', 'Address (URL)'), row('published', 'Published')),
    row('text', 'Text', true, h('p', { class: 'file-row' }, h('label', { attrs: { for: 'add-file' } }, 'or read a .txt file: '), file, ' ', fileNote)));

  return {
    el,
    fields,
    value() {
      const v: Record<string, string> = {};
      for (const [name, f] of Object.entries(fields)) {
        const value = name === 'text' ? f.value : f.value.trim();
        if (value) v[name] = value;
      }
      return v as unknown as SourceInput;
    },
    markProblem(field, message) {
      if (field === null) {
        for (const [name, error] of errors) {
          error.hidden = true;
          error.textContent = '';
          fields[name as keyof typeof fields].removeAttribute('aria-invalid');
        }
        return true;
      }
      const error = errors.get(field);
      if (!error) return false;
      error.hidden = false;
      error.textContent = error.textContent ? `${error.textContent}; ${message}` : String(message);
      fields[field as keyof typeof fields].setAttribute('aria-invalid', 'true');
      return true;
    },
  };
}
