// The edit form of the review queue (key `e`): the value (by its type), the wording, the subject
// (entity search) and the property (those the graph knows). Only what changed is sent; Esc cancels.
import type { ClaimDetail, ClaimPatch } from '../api.js';
import { button, h } from '../dom.js';
import { entityPicker } from './entity-picker.js';
import { valueFields } from './value-fields.js';

export interface EditFormOptions {
  /** Property ids with their labels, for the property choice. */
  properties: ReadonlyMap<string, string>;
  entityLabel(id: string): string;
  save(patch: ClaimPatch): void;
  cancel(): void;
}

export function editForm(claim: ClaimDetail, options: EditFormOptions): { el: HTMLFormElement; focus(): void } {
  const problem = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const wording = h('input', { id: 'edit-wording', type: 'text', attrs: { value: claim.wording, maxlength: 500, required: true } });
  const subject = entityPicker('edit-subject', 'About', { id: claim.subject, label: claim.subjectLabel });
  const properties = new Map(options.properties);
  if (!properties.has(claim.property)) properties.set(claim.property, claim.propertyLabel);
  const property = h(
    'select',
    { id: 'edit-property' },
    [...properties]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([id, label]) => h('option', { attrs: { value: id, selected: id === claim.property } }, label)),
  );
  const value = valueFields(claim.value, options.entityLabel);

  const submit = () => {
    const v = value.read();
    if (typeof v === 'string') return fail(v);
    if (!wording.value.trim()) return fail('the wording is required');
    const patch: ClaimPatch = { action: 'edit' };
    if (JSON.stringify(v) !== JSON.stringify(claim.value)) patch.value = v;
    if (wording.value.trim() !== claim.wording) patch.wording = wording.value.trim();
    if (subject.value().id !== claim.subject) patch.subject = subject.value().id;
    if (property.value !== claim.property) patch.property = property.value;
    if (Object.keys(patch).length === 1) return fail('nothing changed: edit a field, or press Esc to go back');
    options.save(patch);
  };
  function fail(message: string): void {
    problem.hidden = false;
    problem.textContent = `Cannot save: ${message}.`;
  }

  const el = h(
    'form',
    {
      class: 'edit-form',
      attrs: { novalidate: true, 'aria-label': 'Edit the claim' },
      on: {
        submit: (e) => {
          e.preventDefault();
          submit();
        },
        keydown: (e) => {
          if (e.key !== 'Escape') return;
          // The form's own Esc: back to the card, without closing the panel.
          e.preventDefault();
          e.stopPropagation();
          options.cancel();
        },
      },
    },
    h('h3', {}, 'Edit the claim'),
    value.el,
    h('div', { class: 'field' }, h('label', { attrs: { for: wording.id } }, 'Wording (as the source puts it)'), wording),
    subject.el,
    h('div', { class: 'field' }, h('label', { attrs: { for: property.id } }, 'Property'), property),
    problem,
    h(
      'p',
      { class: 'actions-row' },
      h('button', { type: 'submit', class: 'primary-blue' }, 'Save and accept'),
      button('Cancel (Esc)', () => options.cancel(), { class: 'secondary' }),
    ),
  );
  return { el, focus: () => (el.querySelector<HTMLElement>('input, select') ?? wording).focus() };
}
