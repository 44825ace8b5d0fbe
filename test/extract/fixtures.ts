// Small made-up vocabularies for tests, including a subject area the bundled data knows nothing about.
import type { Entity, Property } from '../../server/core/schema-types.js';

export const entity = (id: string, type: Entity['type'], ...names: string[]): Entity => ({
  id,
  type,
  label: names[0] ?? id,
  status: 'reviewed',
  aliases: names.map((name) => ({ name })),
});

/** A 19th-century railway strike: its own entities and properties, nothing shared with Siberia. */
export const strike = {
  entities: [
    entity('great-railroad-strike', 'event', 'Great Railroad Strike', 'the strike'),
    entity('baltimore-and-ohio', 'organisation', 'Baltimore and Ohio Railroad', 'Baltimore and Ohio', 'the company'),
    entity('strikers', 'group', 'strikers', 'striking workers'),
    entity('federal-troops', 'armed-force', 'federal troops', 'militia'),
    entity('martinsburg', 'place', 'Martinsburg'),
    entity('pittsburgh', 'place', 'Pittsburgh'),
  ] satisfies Entity[],
  properties: [
    {
      id: 'workers-on-strike',
      label: 'workers on strike',
      valueType: 'quantity',
      unit: 'workers',
      cues: ['workers', 'walked out', 'strikers', 'joined'],
    },
    { id: 'deaths', label: 'deaths', valueType: 'quantity', unit: 'dead', cues: ['killed', 'dead', 'died', 'deaths'] },
    { id: 'wage-cut', label: 'wage cut', valueType: 'quantity', unit: 'percent', cues: ['cut', 'wages', 'reduction'] },
    { id: 'start-date', label: 'start date', valueType: 'date', cues: ['began', 'started', 'from'] },
    { id: 'end-date', label: 'end date', valueType: 'date', cues: ['ended', 'until', 'to'] },
  ] satisfies Property[],
};

/** A slice of the Siberian vocabulary, enough for entity and cue tests. */
export const siberia = {
  entities: [
    entity('semyonov', 'person', 'Grigory Semyonov', 'Semyonov', 'Ataman Semenov'),
    entity('otani-kikuzo', 'person', 'Ōtani Kikuzō', 'Kikuzo Otani'),
    entity('kato-kanji', 'person', 'Katō Kanji', 'Katō'),
    entity('japanese-expeditionary-force', 'armed-force', 'Japanese troops', 'Japanese soldiers', 'Japanese forces', 'the Japanese'),
    entity('japan', 'state', 'Japan', 'Empire of Japan'),
    entity('japanese-intervention-in-siberia', 'event', 'Japanese intervention in Siberia', 'Japanese Siberian Intervention'),
    entity('vladivostok', 'place', 'Vladivostok'),
    entity('far-eastern-republic', 'state', 'Far Eastern Republic', 'FER'),
  ] satisfies Entity[],
  properties: [
    {
      id: 'troop-strength',
      label: 'troop strength',
      valueType: 'quantity',
      unit: 'soldiers',
      cues: ['troops', 'soldiers', 'numbered', 'deployed'],
    },
    { id: 'deaths', label: 'deaths', valueType: 'quantity', unit: 'dead', cues: ['killed', 'dead', 'deaths', 'died', 'lost'] },
    { id: 'killed-in-action', label: 'killed in action', valueType: 'quantity', unit: 'dead', cues: ['killed', 'combat'] },
    {
      id: 'died-of-disease',
      label: 'died of disease',
      valueType: 'quantity',
      unit: 'dead',
      cues: ['died of disease', 'disease', 'deaths from disease'],
    },
    { id: 'cost', label: 'cost', valueType: 'quantity', unit: 'yen', cues: ['expenses', 'cost', 'yen'] },
    { id: 'children-rescued', label: 'children rescued', valueType: 'quantity', unit: 'children', cues: ['saved', 'orphans', 'children'] },
    { id: 'founding-date', label: 'founding date', valueType: 'date', cues: ['established', 'founded'] },
    { id: 'dissolution-date', label: 'dissolution date', valueType: 'date', cues: ['dissolved', 'existed until'] },
    { id: 'withdrawal-date', label: 'withdrawal date', valueType: 'date', cues: ['left', 'withdrew', 'withdraw'] },
    { id: 'start-date', label: 'start date', valueType: 'date', cues: ['began', 'from'] },
    { id: 'end-date', label: 'end date', valueType: 'date', cues: ['ended', 'until', 'to'] },
  ] satisfies Property[],
};
