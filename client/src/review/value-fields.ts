// The value part of the edit form, by value type: amount / comparator / unit for a quantity, date
// and precision for a date, an entity for a relation, free text otherwise. Reads back a Value, or
// a message saying what is missing.
import type { Value } from '../api.js';
import { h } from '../dom.js';
import { entityPicker } from './entity-picker.js';

const QUANTITY_COMPARATORS = ['exact', 'approx', 'almost', 'gt', 'gte', 'lt', 'lte', 'range'] as const;
const COMPARATOR_WORDS: Record<string, string> = {
  exact: 'exactly',
  approx: 'about',
  almost: 'almost',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  range: 'between',
  before: 'before',
  after: 'after',
  by: 'by',
};
const PRECISIONS = ['day', 'month', 'season', 'year', 'decade'] as const;
const DATE_COMPARATORS = ['', 'exact', 'approx', 'before', 'after', 'by'] as const;

export interface ValueFields {
  el: HTMLElement;
  read(): Value | string;
}

const select = (id: string, options: readonly string[], current: string) =>
  h(
    'select',
    { id },
    options.map((o) => h('option', { attrs: { value: o, selected: o === current } }, o ? `${COMPARATOR_WORDS[o] ?? o}` : '(none)')),
  );
const labelled = (label: string, control: HTMLElement) =>
  h('div', { class: 'field' }, h('label', { attrs: { for: control.id } }, label), control);

export function valueFields(value: Value, entityLabel: (id: string) => string): ValueFields {
  if (value.type === 'quantity') {
    const comparator = select('edit-comparator', QUANTITY_COMPARATORS, value.comparator);
    const amount = h('input', { id: 'edit-amount', type: 'number', attrs: { step: 'any', value: value.amount } });
    const upper = h('input', { id: 'edit-upper', type: 'number', attrs: { step: 'any', value: value.upper ?? '' } });
    const unit = h('input', { id: 'edit-unit', type: 'text', attrs: { value: value.unit, maxlength: 60 } });
    return {
      el: h(
        'div',
        { class: 'field-grid value-fields' },
        labelled('Comparator', comparator),
        labelled('Amount', amount),
        labelled('Up to (range)', upper),
        labelled('Unit', unit),
      ),
      read() {
        const a = amount.valueAsNumber;
        if (!Number.isFinite(a)) return 'the amount must be a number';
        const isRange = comparator.value === 'range';
        if (isRange && !Number.isFinite(upper.valueAsNumber)) return 'a range needs its upper bound';
        if (!unit.value.trim()) return 'the unit is required';
        const { parts } = value;
        return {
          type: 'quantity',
          comparator: comparator.value as (typeof QUANTITY_COMPARATORS)[number],
          amount: a,
          unit: unit.value.trim(),
          ...(isRange ? { upper: upper.valueAsNumber } : {}),
          ...(parts ? { parts } : {}),
        };
      },
    };
  }
  if (value.type === 'date') {
    const date = h('input', {
      id: 'edit-date',
      type: 'text',
      attrs: { value: value.date.value, placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' },
    });
    const precision = select('edit-precision', PRECISIONS, value.date.precision);
    const comparator = select('edit-date-comparator', DATE_COMPARATORS, value.date.comparator ?? '');
    return {
      el: h(
        'div',
        { class: 'field-grid value-fields' },
        labelled('Date', date),
        labelled('Precision', precision),
        labelled('Comparator', comparator),
      ),
      read() {
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date.value.trim())) return 'the date must read YYYY, YYYY-MM or YYYY-MM-DD';
        const c = comparator.value as (typeof DATE_COMPARATORS)[number];
        return {
          type: 'date',
          date: {
            ...value.date,
            value: date.value.trim(),
            precision: precision.value as (typeof PRECISIONS)[number],
            ...(c ? { comparator: c } : {}),
          },
        };
      },
    };
  }
  if (value.type === 'entity') {
    const picker = entityPicker('edit-object', 'Names', { id: value.entity, label: entityLabel(value.entity) });
    return { el: picker.el, read: () => ({ ...value, entity: picker.value().id }) };
  }
  const text = h('input', { id: 'edit-text-value', type: 'text', attrs: { value: value.type === 'text' ? value.text : '' } });
  return {
    el: labelled('Text', text),
    read: () => (text.value.trim() ? { type: 'text', text: text.value.trim() } : 'the text is required'),
  };
}

/** A value in words: "about 5,000 soldiers", "before 1919-10", "Grigory Semyonov". */
export function describeValue(value: Value, entityLabel: (id: string) => string): string {
  if (value.type === 'quantity') {
    const n = (x: number) => x.toLocaleString('en');
    const amount = value.comparator === 'range' && value.upper !== undefined ? `${n(value.amount)}–${n(value.upper)}` : n(value.amount);
    return `${value.comparator === 'exact' ? '' : `${COMPARATOR_WORDS[value.comparator]} `}${amount} ${value.unit}`;
  }
  if (value.type === 'date') {
    const c = value.date.comparator && value.date.comparator !== 'exact' ? `${COMPARATOR_WORDS[value.date.comparator]} ` : '';
    return `${c}${value.date.part ? `${value.date.part} ` : ''}${value.date.value} (${value.date.precision})`;
  }
  if (value.type === 'entity') return `${value.negated ? 'not ' : ''}${entityLabel(value.entity)}`;
  if (value.type === 'persons')
    return value.persons.map((p) => (p.given?.length ? `${p.surname}, ${p.given.join(' ')}` : p.surname)).join('; ');
  return value.text;
}
