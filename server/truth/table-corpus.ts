// A claims table (ObjectID, PropertyID, PropertyValue, SourceID) as graph-data records, so that a
// truth-discovery benchmark can be explored in the graph like any other corpus: one source per
// SourceID, one entity per ObjectID, one property per PropertyID, one claim per row.
//
// A source here has no prose, so its text is the rows it contributed, one CSV line each, in file
// order: the claim quotes the value inside its own line, and the usual rule (every quote is
// byte-identical at its offsets) holds for imported tables too.
import { slug, uniqueId } from '../core/ids.js';
import { selectorAt } from '../core/anchor.js';
import { sha256 } from '../core/integrity.js';
import { emptyCorpus, type Corpus } from '../core/model.js';
import type { Claim, Entity, Property, Source } from '../core/schema-types.js';
import { csvLine } from './csv.js';
import { parseValue } from './table.js';

export interface TableCorpusOptions {
  /** Where the table came from (a file name, a dataset's name), named in every source's title. */
  dataset: string;
  /** Unit of numeric values (a table does not say; "people" for populations). */
  unit: string;
  /** Entity type of every ObjectID. */
  objectType: Entity['type'];
}

export const DEFAULT_TABLE_OPTIONS: TableCorpusOptions = { dataset: 'imported table', unit: 'units', objectType: 'other' };

/** One data row: ObjectID, PropertyID, PropertyValue, SourceID. */
export type TableRow = readonly [object: string, property: string, value: string, source: string];

const TEXT_HEADER = csvLine(['ObjectID', 'PropertyID', 'PropertyValue']);
// The schema's limits: a claim's wording, a label.
const MAX_TEXT_VALUE = 500;
const MAX_NAME = 300;

interface Draft {
  source: Source;
  lines: string[];
  length: number;
  claims: Claim[];
}

/** Builds the records; `rows[i]` becomes claim `row-<i + 1>` (its data row number in the file). */
export function tableToCorpus(rows: readonly TableRow[], settings: Partial<TableCorpusOptions> = {}): Corpus {
  const options = { ...DEFAULT_TABLE_OPTIONS, ...settings };
  const entities = new IdMap<Entity>(
    (name, id) => ({ id, type: options.objectType, label: name, aliases: [{ name, kind: 'label' }] }),
    'object',
  );
  const properties = new IdMap<Property>(
    (name, id) => ({ id, label: name, valueType: 'quantity', unit: options.unit, functional: true, cues: [] }),
    'property',
  );
  const drafts = new IdMap<Draft>(
    (name, id) => ({
      source: {
        // The contributor is who published these rows: panels that name a source by its publisher
        // then tell contributors apart, and the title says which table they are in.
        id,
        title: `${name} in ${options.dataset}`.slice(0, 500),
        publisher: name,
        kind: 'dataset',
        references: [],
        note: `The rows this source contributed to ${options.dataset}, one CSV line each (ObjectID, PropertyID, PropertyValue), in file order.`,
        text: { file: `${id}.txt`, sha256: '', length: 0 },
      },
      lines: [TEXT_HEADER],
      length: TEXT_HEADER.length,
      claims: [],
    }),
    'source',
  );
  const textValued = new Set<string>();

  rows.forEach(([objectName, propertyName, valueText, sourceName], i) => {
    const rowNumber = i + 1;
    const where = `row ${rowNumber}`;
    const subject = entities.get(required(objectName, 'ObjectID', where));
    const property = properties.get(required(propertyName, 'PropertyID', where));
    const draft = drafts.get(required(sourceName, 'SourceID', where));
    const value = parseValue(required(valueText, 'PropertyValue', where));
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_VALUE) throw new Error(`${where}: PropertyValue is longer than ${MAX_TEXT_VALUE} characters`);
      textValued.add(property.id);
    }
    const line = csvLine([objectName, propertyName, valueText]);
    // The value is the last field: it sits between the line's last `,"` and its closing `"\n`.
    const exact = quoted(valueText);
    const valueStart = draft.length + line.length - 2 - exact.length;
    draft.lines.push(line);
    draft.length += line.length;
    draft.claims.push({
      id: `row-${rowNumber}`,
      source: draft.source.id,
      subject: subject.id,
      property: property.id,
      value:
        typeof value === 'number'
          ? { type: 'quantity', comparator: 'exact', amount: value, unit: options.unit }
          : { type: 'text', text: value },
      wording: valueText,
      // Placeholder until the text is joined; replaced below with the real selector.
      quote: { exact, start: valueStart, end: valueStart + exact.length },
      citations: [],
      status: 'reviewed',
      version: 1,
      note: `Imported from ${where} of the table.`,
    });
  });

  const corpus = emptyCorpus();
  for (const draft of drafts.values()) {
    const text = draft.lines.join('');
    draft.source.text = { file: `${draft.source.id}.txt`, sha256: sha256(text), length: text.length };
    for (const claim of draft.claims) claim.quote = selectorAt(text, claim.quote.start, claim.quote.end);
    corpus.sources.push(draft.source);
    corpus.texts.set(draft.source.id, text);
    corpus.claims.push(...draft.claims);
  }
  corpus.entities = [...entities.values()];
  // A property any of whose values is not a number holds text: its numeric rows are quoted as text too.
  corpus.properties = [...properties.values()].map((p) =>
    textValued.has(p.id) ? { id: p.id, label: p.label, valueType: 'text', functional: true, cues: [] } : p,
  );
  for (const claim of corpus.claims) {
    if (textValued.has(claim.property) && claim.value.type === 'quantity') claim.value = { type: 'text', text: claim.wording };
  }
  return corpus;
}

/** The field as the text holds it: csvLine doubles quotes. */
const quoted = (field: string): string => field.replaceAll('"', '""');

function required(field: string, column: string, where: string): string {
  if (field.trim().length === 0) throw new Error(`${where}: empty ${column}`);
  if (column !== 'PropertyValue' && field.length > MAX_NAME) throw new Error(`${where}: ${column} is longer than ${MAX_NAME} characters`);
  return field;
}

/** Records by their name in the table, each with an id derived from the name and unique in its kind. */
class IdMap<T> {
  private readonly byName = new Map<string, T>();
  private readonly taken = new Set<string>();
  constructor(
    private readonly make: (name: string, id: string) => T,
    private readonly fallback: string,
  ) {}

  get(name: string): T {
    let record = this.byName.get(name);
    if (record === undefined) {
      const id = uniqueId(slug(name, this.fallback, 100), this.taken);
      this.taken.add(id);
      record = this.make(name, id);
      this.byName.set(name, record);
    }
    return record;
  }

  values(): IterableIterator<T> {
    return this.byName.values();
  }
}
