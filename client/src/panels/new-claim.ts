// A claim made by hand from text selected in the reader (POST /api/claims): the selection is the
// quote (the server finds it in the source text and computes its offsets), the wording starts as
// the selection, the value is read from it by the server's extraction readers (a figure, a date, else
// text: GET /api/read-value) and can be changed, and subject and property start as those of the
// nearest claim before it.
import { api, apiErrorOf, send, type Claim, type Value } from '../api.js';
import { button, h, replaceChildren } from '../dom.js';
import { currentReviewer } from '../review/reviewer.js';
import { entityPicker } from '../review/entity-picker.js';
import { valueFields } from '../review/value-fields.js';
import type { PanelContext } from './context.js';
import { errorBox } from './widgets.js';

export interface Selected {
  exact: string;
  start: number;
}

const EMPTY: Record<Value['type'], Value> = {
  quantity: { type: 'quantity', comparator: 'exact', amount: 0, unit: 'people' },
  date: { type: 'date', date: { value: '', precision: 'year' } },
  entity: { type: 'entity', entity: '' },
  text: { type: 'text', text: '' },
  persons: { type: 'text', text: '' } as unknown as Value,
};

export function newClaimForm(
  ctx: PanelContext,
  sourceId: string,
  selected: Selected,
  near: { subject?: { id: string; label: string }; property?: string },
  close: () => void,
): HTMLElement {
  // The words as text until the server's reading arrives; the reading replaces them unless the reviewer
  // has already chosen or typed a value.
  let guessed: Value = { type: 'text', text: selected.exact.trim().slice(0, 1_000) };
  let touched = false;
  const entityLabel = (id: string) => (ctx.graph.hasNode(`entity:${id}`) ? ctx.graph.getNodeAttribute(`entity:${id}`, 'fullLabel') : id);
  const valueSlot = h('div', { on: { input: () => (touched = true) } });
  let value = valueFields(guessed, entityLabel);
  valueSlot.append(value.el);
  const type = h(
    'select',
    {
      id: 'new-claim-type',
      on: {
        change: () => {
          touched = true;
          value = valueFields(type.value === guessed.type ? guessed : EMPTY[type.value as Value['type']], entityLabel);
          replaceChildren(valueSlot, value.el);
        },
      },
    },
    (['quantity', 'date', 'text', 'entity'] as const).map((t) =>
      h('option', { attrs: { value: t, selected: t === guessed.type } }, t === 'entity' ? 'an entity (relation)' : t),
    ),
  );
  void api
    .readValue(selected.exact, sourceId, selected.start)
    .then((read) => {
      if (touched) return;
      guessed = read;
      type.value = read.type;
      value = valueFields(read, entityLabel);
      replaceChildren(valueSlot, value.el);
    })
    .catch(() => undefined); // no reading: the words stay the value, which the reviewer can change
  const wording = h('input', {
    id: 'new-claim-wording',
    type: 'text',
    attrs: { value: selected.exact.trim().slice(0, 500), maxlength: 500 },
  });
  const subject = entityPicker('new-claim-subject', 'About', near.subject ?? { id: '', label: '' });
  const properties = new Map<string, string>();
  ctx.graph.forEachNode((_k, a) => {
    if (a.kind === 'claim' && typeof a.property === 'string') properties.set(a.property, String(a.propertyLabel ?? a.property));
  });
  const property = h(
    'select',
    { id: 'new-claim-property' },
    [...properties]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([id, label]) => h('option', { attrs: { value: id, selected: id === near.property } }, label)),
  );
  const problem = h('div', { class: 'new-claim-problem' });
  const field = (label: string, control: HTMLElement) =>
    h('div', { class: 'field' }, h('label', { attrs: { for: control.id } }, label), control);

  const save = async () => {
    const v = value.read();
    if (typeof v === 'string') return replaceChildren(problem, h('p', { class: 'field-error', role: 'alert' }, `Cannot save: ${v}.`));
    if (!subject.value().id)
      return replaceChildren(problem, h('p', { class: 'field-error', role: 'alert' }, 'Cannot save: choose what the claim is about.'));
    const body = {
      source: sourceId,
      subject: subject.value().id,
      property: property.value,
      value: v,
      wording: wording.value.trim(),
      quote: { exact: selected.exact, start: selected.start },
    };
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const reviewer = currentReviewer();
    if (reviewer) headers['X-Reviewer'] = reviewer;
    try {
      const res = await send('/api/claims', { method: 'POST', headers, body: JSON.stringify(body) });
      if (!res.ok) throw await apiErrorOf(res);
      const claim = (await res.json()) as Claim;
      await ctx.actions.afterWrite();
      ctx.actions.selectClaim(claim.id, { panel: 'details' });
    } catch (err) {
      replaceChildren(problem, errorBox(err, 'the new claim (not saved)'), detailsOf(err));
    }
  };

  const form = h(
    'form',
    {
      class: 'edit-form new-claim',
      attrs: { novalidate: true, 'aria-label': 'New claim from the selected text' },
      on: {
        submit: (e) => {
          e.preventDefault();
          void save();
        },
        keydown: (e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          close();
        },
      },
    },
    h('h3', {}, 'New claim from the selection'),
    h('blockquote', { class: 'quote-plain' }, '“', selected.exact, '”'),
    field('The value is', type),
    valueSlot,
    field('Wording (as the source puts it)', wording),
    subject.el,
    field('Property', property),
    problem,
    h(
      'p',
      { class: 'actions-row' },
      h('button', { type: 'submit', class: 'primary-blue' }, 'Save the claim'),
      button('Cancel (Esc)', close, { class: 'secondary' }),
    ),
  );
  return form;
}

function detailsOf(err: unknown): HTMLElement | null {
  const details = (err as { details?: unknown }).details;
  if (!Array.isArray(details)) return null;
  return h(
    'ul',
    { class: 'problems' },
    details.map((d: { at?: string; message?: string }) => h('li', {}, `${d.at ?? ''} ${d.message ?? ''}`.trim())),
  );
}
