// "Reviewing as Ann · change": the name every decision is recorded under, asked for once and kept.
import { button, h, replaceChildren } from '../dom.js';
import { currentReviewer, setReviewerName } from './reviewer.js';

export interface ReviewerRow {
  el: HTMLElement;
  /** The name, or null after asking for it (the field is shown and focused). */
  require(): string | null;
}

/** `saved`: called after the name is saved (a decision waiting for it goes ahead). */
export function reviewerRow(saved: () => void = () => undefined): ReviewerRow {
  const el = h('div', { class: 'reviewer-row' });
  const ask = (why: string | null) => {
    const input = h('input', {
      id: 'reviewer-name',
      type: 'text',
      attrs: { value: currentReviewer() ?? '', maxlength: 100, autocomplete: 'name', 'aria-describedby': 'reviewer-why' },
    });
    const why$ = h(
      'span',
      { id: 'reviewer-why', class: why ? 'field-error' : 'muted' },
      why ?? 'Recorded with each decision in the audit trail.',
    );
    const form = h(
      'form',
      {
        class: 'reviewer-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            if (setReviewerName(input.value)) {
              show();
              saved();
            } else why$.textContent = "Use 1 to 100 letters, digits, spaces or . _ @ ' -";
          },
        },
      },
      h('label', { attrs: { for: input.id } }, 'Your name'),
      ' ',
      input,
      ' ',
      h('button', { type: 'submit', class: 'secondary small' }, 'Save'),
      ' ',
      why$,
    );
    replaceChildren(el, form);
    input.focus();
  };
  const show = () => {
    const name = currentReviewer();
    if (!name) {
      replaceChildren(
        el,
        h('span', { class: 'muted' }, 'Decisions are recorded under your name. '),
        button('Set your name', () => ask(null), { class: 'linkish' }),
      );
      return;
    }
    replaceChildren(
      el,
      h('span', { class: 'muted' }, 'Reviewing as '),
      h('strong', { class: 'reviewer' }, name),
      ' · ',
      button('change', () => ask(null), { class: 'linkish' }),
    );
  };
  show();
  return {
    el,
    require() {
      const name = currentReviewer();
      if (!name) ask('Enter your name first: it is recorded with each decision.');
      return name;
    },
  };
}
