// The fields of the "Add source" form, and reading them back as a SourceInput. Optional fields left
// empty are left out; nothing is validated here: the server is the one judge, and its 400 names
// each field it refuses (shown beside that field).
import type { SourceInput } from '../api.js';
import { h } from '../dom.js';
import { describeDocument, isDocumentFile, readDocument } from './document.js';

export const KINDS: readonly [NonNullable<SourceInput['kind']>, string][] = [
  ['news', 'News'],
  ['encyclopedia', 'Encyclopedia'],
  ['official-history', 'Official history'],
  ['book', 'Book'],
  ['journal-article', 'Journal article'],
  ['primary', 'Primary source'],
  ['dataset', 'Dataset'],
  ['other', 'Other'],
];

/** Largest file read into the form: the server takes up to 5 million characters. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface SourceForm {
  el: HTMLFormElement;
  fields: Record<
    'title' | 'publisher' | 'kind' | 'author' | 'url' | 'published' | 'text',
    HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
  >;
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
    kind: h(
      'select',
      { id: 'add-kind', attrs: { name: 'kind' } },
      KINDS.map(([value, label]) => h('option', { attrs: { value, selected: value === 'other' } }, label)),
    ),
    author: input('author', 'text', { maxlength: 300 }),
    url: input('url', 'url', { placeholder: 'https://…' }),
    published: input('published', 'text', { placeholder: 'YYYY or YYYY-MM or YYYY-MM-DD', inputmode: 'numeric' }),
    text: h('textarea', {
      id: 'add-text',
      attrs: { name: 'text', rows: 9, spellcheck: 'false', placeholder: 'Paste the text of the source here, or choose a .txt file below.' },
    }),
  };
  const fileNote = h('span', { class: 'muted file-note', role: 'status' });
  const file = h('input', {
    id: 'add-file',
    type: 'file',
    attrs: {
      accept:
        '.txt,.pdf,.html,.htm,.docx,text/plain,application/pdf,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'aria-describedby': 'add-file-note',
    },
    on: { change: () => void readFile(file.files?.[0]) },
  });
  fileNote.id = 'add-file-note';
  // The upload a PDF, web page or Word file became: the text is then the one it yields, unedited.
  let attached: string | null = null;
  const detach = () => {
    attached = null;
    (fields.text as HTMLTextAreaElement).readOnly = false;
  };

  async function readDocumentFile(chosen: File): Promise<void> {
    fileNote.textContent = `Reading ${chosen.name}…`;
    try {
      const doc = await readDocument(chosen);
      fields.text.value = doc.text;
      (fields.text as HTMLTextAreaElement).readOnly = true;
      attached = doc.upload;
      const meta = doc.metadata;
      const fill = (name: 'title' | 'publisher' | 'author' | 'url' | 'published', value: string | undefined) => {
        if (value && !fields[name].value.trim()) fields[name].value = value;
      };
      fill('title', meta.title ?? chosen.name.replace(/\.[a-z0-9]+$/i, ''));
      fill('publisher', meta.publisher);
      fill('author', meta.author);
      fill('url', meta.url);
      fill('published', meta.published);
      fileNote.textContent = `${chosen.name}: ${describeDocument(doc)}. The text below is what it yields (quotes will point into it); the file is kept beside it.${doc.notes.length ? ` ${doc.notes.join('; ')}.` : ''}`;
    } catch (err) {
      detach();
      fileNote.textContent = `${chosen.name} was not read: ${(err as Error).message}`;
    }
  }

  async function readFile(chosen: File | undefined): Promise<void> {
    if (!chosen) return;
    if (isDocumentFile(chosen)) return readDocumentFile(chosen);
    detach();
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
    return h(
      'div',
      { class: `field field-${name}` },
      h(
        'label',
        { attrs: { for: fields[name].id } },
        label,
        required ? h('span', { class: 'required', attrs: { 'aria-hidden': 'true' } }, ' *') : null,
      ),
      fields[name],
      extra,
      error,
    );
  };
  const el = h(
    'form',
    {
      class: 'add-form',
      attrs: { novalidate: true },
      on: {
        submit: (e) => {
          e.preventDefault();
          onSubmit();
        },
        // A file dropped anywhere on the form is read as if chosen.
        dragover: (e) => e.preventDefault(),
        drop: (e) => {
          e.preventDefault();
          void readFile((e as DragEvent).dataTransfer?.files?.[0]);
        },
      },
    },
    h(
      'div',
      { class: 'field-grid' },
      row('title', 'Title', true),
      row('publisher', 'Publisher', true),
      row('kind', 'Kind'),
      row('author', 'Author'),
      row('url', 'Address (URL)'),
      row('published', 'Published'),
    ),
    row(
      'text',
      'Text',
      true,
      h(
        'p',
        { class: 'file-row' },
        h('label', { attrs: { for: 'add-file' } }, 'or drop or choose a file (.txt, PDF, web page, Word .docx): '),
        file,
        ' ',
        fileNote,
      ),
    ),
  );

  return {
    el,
    fields,
    value() {
      const v: Record<string, string> = {};
      for (const [name, f] of Object.entries(fields)) {
        const value = name === 'text' ? f.value : f.value.trim();
        if (value) v[name] = value;
      }
      return (attached ? { ...v, document: { upload: attached } } : v) as unknown as SourceInput;
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
