// A small, fixed set of entities and claims over the two real source texts, written into a temp
// copy of graph-data/. The curated claims in graph-data/ change while people work; these do not,
// so the API's behaviour can be asserted exactly. Quotes are anchored in the texts at test time.
import { writeFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { anchorQuote } from '../../server/core/anchor.js';
import { markersClosingSentence } from '../../server/core/citations.js';
import type { Citation, Claim, Entity, Judgement, Property, TextSelector } from '../../server/core/schema-types.js';
import { storeLayout } from '../../server/store/layout.js';
import { loadStore } from '../../server/store/load.js';

export const WP = 'wikipedia-japanese-intervention';
export const RB = 'russia-beyond';

const properties: Property[] = [
  { id: 'troop-strength', label: 'troop strength', valueType: 'quantity', unit: 'soldiers', functional: true },
  { id: 'deaths', label: 'deaths', valueType: 'quantity', unit: 'dead', functional: true },
  { id: 'killed', label: 'killed in action', valueType: 'quantity', unit: 'dead' },
  { id: 'disease-deaths', label: 'deaths from disease', valueType: 'quantity', unit: 'dead' },
  { id: 'supported', label: 'supported', valueType: 'entity' },
  { id: 'commanded-by', label: 'commanded by', valueType: 'entity', functional: true },
  { id: 'relationship', label: 'relationship', valueType: 'text' },
];

const alias = (name: string, sources: string[], kind?: Entity['aliases'][number]['kind']) => ({ name, sources, ...(kind ? { kind } : {}) });

const entities: Entity[] = [
  { id: 'japan', type: 'state', label: 'Japan', aliases: [alias('Japan', [WP, RB]), alias('Tokyo', [RB], 'short')] },
  {
    id: 'japanese-force',
    type: 'armed-force',
    label: 'Japanese expeditionary force',
    aliases: [alias('Imperial Japanese Army', [WP]), alias('Japanese Imperial Army', [RB])],
  },
  {
    id: 'semyonov',
    type: 'person',
    label: 'Grigory Semyonov',
    aliases: [
      alias('Grigory Semyonov', [WP, RB], 'label'),
      alias('Semenov', [WP], 'transliteration'),
      alias('Ataman Semenov', [WP], 'title'),
    ],
  },
  {
    id: 'otani-kikuzo',
    type: 'person',
    label: 'Ōtani Kikuzō',
    aliases: [alias('Ōtani Kikuzō', [WP], 'label'), alias('Kikuzo Otani', [WP], 'name-order')],
  },
  { id: 'kato-kanji', type: 'person', label: 'Katō Kanji', aliases: [alias('Katō Kanji', [WP], 'label')] },
  { id: 'kato-hiroharu', type: 'person', label: 'Hiroharu Kato', aliases: [alias('Hiroharu Kato', [RB], 'label')] },
  {
    id: 'kolchak',
    type: 'person',
    label: 'Aleksandr Kolchak',
    aliases: [alias('Admiral Aleksandr Kolchak', [WP]), alias('Alexander Kolchak', [RB], 'spelling')],
  },
  { id: 'unused-rejected', type: 'other', label: 'Rejected entity', status: 'rejected', aliases: [] },
];

type Texts = Map<string, string>;
type ClaimSpec = Omit<Claim, 'quote' | 'citations' | 'status'> & { quote: string; cite?: 'needed' | number; status?: Claim['status'] };

const qty = (comparator: 'exact' | 'approx' | 'gt' | 'lte', amount: number, unit: string) => ({
  type: 'quantity' as const,
  comparator,
  amount,
  unit,
});
const ent = (entity: string) => ({ type: 'entity' as const, entity });

const specs: ClaimSpec[] = [
  {
    id: 'wp-troops-70000',
    source: WP,
    subject: 'japanese-force',
    property: 'troop-strength',
    value: qty('exact', 70000, 'soldiers'),
    wording: '70,000',
    scope: { aggregate: 'total' },
    quote: 'The Japanese eventually deployed 70,000 troops under the command of General Kikuzo Otani',
    cite: 8,
  },
  {
    id: 'wp-troops-infobox',
    source: WP,
    subject: 'japanese-force',
    property: 'troop-strength',
    value: qty('exact', 70000, 'soldiers'),
    wording: '70,000',
    scope: { aggregate: 'total', wording: 'total' },
    quote: '70,000 (total)',
  },
  {
    id: 'wp-commander',
    source: WP,
    subject: 'japanese-force',
    property: 'commanded-by',
    value: ent('otani-kikuzo'),
    wording: 'General Kikuzo Otani',
    quote: 'under the command of General Kikuzo Otani',
    cite: 8,
  },
  {
    id: 'wp-deaths-5000',
    source: WP,
    subject: 'japanese-force',
    property: 'deaths',
    value: qty('approx', 5000, 'dead'),
    wording: 'some 5,000',
    scope: { aggregate: 'total' },
    quote: 'Japanese casualties from the Siberian Expedition included some 5,000 dead from combat or illness',
    cite: 'needed',
  },
  {
    id: 'wp-deaths-3116',
    source: WP,
    subject: 'japanese-force',
    property: 'deaths',
    value: qty('exact', 3116, 'dead'),
    wording: '3,116',
    scope: { aggregate: 'total' },
    quote: '3,116 (total)',
  },
  {
    id: 'wp-killed-1399',
    source: WP,
    subject: 'japanese-force',
    property: 'killed',
    value: qty('exact', 1399, 'dead'),
    wording: '1,399',
    partOf: 'wp-deaths-3116',
    quote: '1,399 killed',
  },
  {
    id: 'wp-disease-1717',
    source: WP,
    subject: 'japanese-force',
    property: 'disease-deaths',
    value: qty('exact', 1717, 'dead'),
    wording: '1,717',
    partOf: 'wp-deaths-3116',
    quote: '1,717 died of disease',
  },
  {
    id: 'wp-supported-semenov',
    source: WP,
    subject: 'japan',
    property: 'supported',
    value: ent('semyonov'),
    wording: 'Ataman Semenov',
    quote: 'also supported the regime of Ataman Semenov',
  },
  {
    id: 'wp-supported-kolchak',
    source: WP,
    subject: 'japan',
    property: 'supported',
    value: ent('kolchak'),
    wording: 'Admiral Aleksandr Kolchak',
    quote: 'Japan continued to support White Movement leader Admiral Aleksandr Kolchak',
  },
  {
    id: 'wp-rejected',
    source: WP,
    subject: 'japan',
    property: 'relationship',
    value: { type: 'text', text: 'mistake' },
    wording: 'Anglo-Japanese Alliance',
    quote: 'Anglo-Japanese Alliance',
    status: 'rejected',
  },
  {
    id: 'rb-troops-72000',
    source: RB,
    subject: 'japanese-force',
    property: 'troop-strength',
    value: { type: 'quantity', comparator: 'gt', amount: 72000, unit: 'soldiers' },
    wording: 'over 72,000',
    scope: { pointInTime: { value: '1918-10', precision: 'month', comparator: 'by' }, wording: 'by October 1918' },
    quote: 'By October 1918, Japanese troops in the Russian Far East numbered over 72,000 soldiers',
  },
  {
    id: 'rb-deaths-3000',
    source: RB,
    subject: 'japanese-force',
    property: 'deaths',
    value: qty('lte', 3000, 'dead'),
    wording: 'up to 3,000',
    scope: { aggregate: 'total', wording: 'during the years of intervention' },
    quote: 'the Imperial Army lost up to 3,000 soldiers and officers',
  },
  {
    id: 'rb-supported-semyonov',
    source: RB,
    subject: 'japan',
    property: 'supported',
    value: ent('semyonov'),
    wording: 'Grigory Semyonov',
    quote: 'The Japanese leadership preferred to bank on such unruly Cossack atamans as Grigory Semyonov',
  },
  {
    id: 'rb-kolchak-strained',
    source: RB,
    subject: 'japan',
    property: 'relationship',
    value: { type: 'text', text: 'relations with Kolchak were strained' },
    wording: 'were strained',
    quote:
      'Japan’s relations with the recognized leader of the Whites, the “Supreme Ruler of Russia”, Admiral Alexander Kolchak, were strained',
  },
];

const judgements: Judgement[] = [
  {
    id: 'kolchak-support',
    a: 'rb-kolchak-strained',
    b: 'wp-supported-kolchak',
    verdict: 'conflicts',
    reason: 'strained relations with Kolchak against continued support of Kolchak',
  },
];

/** Replaces the records of the store at `root` (a temp copy) by the fixture; the sources stay. */
export async function writeFixtureStore(root: string): Promise<void> {
  const layout = storeLayout(root);
  const { corpus } = await loadStore(root);
  const claims = specs.map((spec) => buildClaim(spec, corpus.texts));
  for (const file of await readdir(layout.claimsDir)) await rm(path.join(layout.claimsDir, file));
  const write = (file: string, data: unknown) => writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  await write(layout.entitiesFile, entities);
  await write(layout.propertiesFile, properties);
  await write(layout.judgementsFile, judgements);
  for (const source of [WP, RB])
    await write(
      layout.claimsFile(source),
      claims.filter((c) => c.source === source),
    );
}

function buildClaim({ quote, cite, status, ...rest }: ClaimSpec, texts: Texts): Claim {
  const text = texts.get(rest.source);
  const selector = text === undefined ? undefined : anchorQuote(text, quote);
  if (!text || !selector) throw new Error(`fixture quote of ${rest.id} is not in ${rest.source}: ${quote}`);
  return { ...rest, quote: selector, citations: citations(cite, text, selector), status: status ?? 'reviewed' };
}

/** A reference is stored without its marker (the trace locates it); "citation needed" with it. */
function citations(cite: ClaimSpec['cite'], text: string, quote: TextSelector): Citation[] {
  if (cite === undefined) return [];
  if (typeof cite === 'number') return [{ kind: 'reference', ref: cite }];
  const marker = markersClosingSentence(text, quote.end - 1).find((m) => m.ref === undefined);
  if (!marker) throw new Error('fixture: no [ citation needed ] closes the quoted sentence');
  return [{ kind: 'citation-needed', marker: marker.selector }];
}
