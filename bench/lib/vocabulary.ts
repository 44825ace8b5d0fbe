// The controlled vocabulary of a generated corpus: properties with the way a sentence states them,
// and invented names for entities, publishers and works. Names are made of syllables so that any
// corpus size gets distinct, pronounceable labels without a word list.
import type { Entity, Property } from '../../server/core/model.js';
import type { Rng } from './prng.js';

/** How values of a property vary across claims, which decides the scopes the generator gives them. */
export type PropertyKind =
  | 'count' // a total-like figure: totals, unscoped figures, a population restriction now and then
  | 'series' // a count measured at moments: points in time, plus peaks and totals that bound them
  | 'date'
  | 'relation'
  | 'text';

export interface PropertySpec {
  property: Property;
  kind: PropertyKind;
  /** Words between the subject and the value: "{subject} numbered {wording}". */
  verb: string;
  /** Range of typical magnitudes of a quantity. */
  scale?: [number, number];
  /** Properties of the stated parts when a source breaks a total down (partOf claims). */
  parts?: string[];
}

const qty = (id: string, label: string, unit: string, functional: boolean): Property => ({
  id,
  label,
  valueType: 'quantity',
  unit,
  functional,
});

export const PROPERTY_SPECS: readonly PropertySpec[] = [
  { property: qty('troop-strength', 'troop strength', 'soldiers', true), kind: 'series', verb: 'numbered', scale: [2_000, 120_000] },
  { property: qty('ships', 'ships deployed', 'vessels', true), kind: 'series', verb: 'deployed', scale: [3, 80] },
  { property: qty('refugees', 'refugees', 'people', true), kind: 'series', verb: 'sheltered', scale: [500, 400_000] },
  {
    property: qty('deaths', 'deaths', 'dead', true),
    kind: 'count',
    verb: 'lost',
    scale: [200, 60_000],
    parts: ['killed-in-action', 'died-of-disease'],
  },
  {
    property: qty('casualties', 'casualties', 'casualties', true),
    kind: 'count',
    verb: 'suffered',
    scale: [500, 90_000],
    parts: ['killed', 'wounded', 'missing'],
  },
  { property: qty('prisoners', 'prisoners taken', 'prisoners', true), kind: 'count', verb: 'took', scale: [50, 30_000] },
  { property: { id: 'start-date', label: 'start date', valueType: 'date', functional: true }, kind: 'date', verb: 'began' },
  { property: { id: 'end-date', label: 'end date', valueType: 'date', functional: true }, kind: 'date', verb: 'ended' },
  { property: { id: 'signed-date', label: 'date signed', valueType: 'date', functional: true }, kind: 'date', verb: 'was signed' },
  {
    property: { id: 'commanded-by', label: 'commanded by', valueType: 'entity', functional: true },
    kind: 'relation',
    verb: 'was commanded by',
  },
  { property: { id: 'supported', label: 'supported', valueType: 'entity' }, kind: 'relation', verb: 'supported' },
  { property: { id: 'rank', label: 'rank', valueType: 'text', functional: true }, kind: 'text', verb: 'held the rank of' },
  { property: { id: 'motive', label: 'motive', valueType: 'text' }, kind: 'text', verb: 'acted out of' },
];

/** Part properties: quantities with no scale of their own (their amounts split a total). */
export const PART_PROPERTIES: readonly Property[] = [...new Set(PROPERTY_SPECS.flatMap((s) => s.parts ?? []))].map((id) => ({
  id,
  label: id.replace(/-/g, ' '),
  valueType: 'quantity' as const,
}));

export const RANKS = ['general', 'lieutenant general', 'major general', 'colonel', 'admiral', 'vice admiral', 'captain', 'ataman'];
export const MOTIVES = [
  'fear of revolution',
  'protection of nationals',
  'economic interest',
  'loyalty to the alliance',
  'territorial ambition',
  'pressure from the press',
];
export const PUBLISHERS = [
  'Northfield Press',
  'Harbour University Press',
  'The Evening Ledger',
  'Archive of the Admiralty',
  'Meridian Encyclopedia',
  'Journal of Frontier Studies',
];
export const SOURCE_KINDS = ['news', 'encyclopedia', 'official-history', 'book', 'journal-article', 'primary'] as const;

const ONSETS = ['b', 'd', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'gr', 'kr', 'st', 'tr', 'sh', 'ch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 'v', 'sk', 'm'];

/** A capitalised invented word of 2–3 syllables: "Dravoskin". */
export function inventName(rng: Rng): string {
  let word = '';
  const syllables = rng.int(2, 3);
  for (let i = 0; i < syllables; i++) word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  return word[0]!.toUpperCase() + word.slice(1);
}

const ENTITY_FORMS: ReadonlyArray<{ type: Entity['type']; form: (name: string, rng: Rng) => string }> = [
  { type: 'armed-force', form: (n, r) => `${n} ${r.pick(['Division', 'Corps', 'Expeditionary Force', 'Brigade', 'Flotilla'])}` },
  { type: 'person', form: (n, r) => `${inventName(r)} ${n}` },
  { type: 'state', form: (n, r) => `${r.pick(['Republic', 'Kingdom', 'Federation'])} of ${n}` },
  { type: 'event', form: (n, r) => `${r.pick(['Siege', 'Battle', 'Treaty', 'Occupation'])} of ${n}` },
  { type: 'organisation', form: (n, r) => `${n} ${r.pick(['Relief Committee', 'Railway Company', 'Council'])}` },
];

/** An entity with the spellings sources use for it: its label, a variant spelling, a short form. */
export function inventEntity(rng: Rng, id: string, type?: Entity['type']): Entity {
  const name = inventName(rng);
  const form = type ? (ENTITY_FORMS.find((f) => f.type === type) ?? ENTITY_FORMS[0]!) : rng.pick(ENTITY_FORMS);
  const label = type === 'place' ? name : form.form(name, rng);
  const aliases: Entity['aliases'] = [{ name: label, kind: 'label' }];
  const variant = label.replace(/k/g, 'c').replace(/v/g, 'w');
  if (variant !== label) aliases.push({ name: variant, kind: 'transliteration' });
  if (label !== name && rng.chance(0.5)) aliases.push({ name, kind: 'short' });
  return { id, type: type ?? form.type, label, aliases };
}

/** "72,000": thousands separators, as sources print counts. */
export function commas(n: number): string {
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}
