// Every size limit of the store and the API, in one place. The schemas of schemas/ carry the same
// numbers (maxLength / maxItems / maximum at the locations listed with each limit), so a record is
// refused with a 400 naming the field wherever it enters; test/store/limits.test.ts checks that
// every listed location holds exactly this number and that no schema bounds a field without a
// limit declared here. Change a number here and in the schemas together (the test says where).
//
// The numbers are generous for real documents and small enough that no single request can make
// the server do unbounded work or write an unbounded file (issue 12).

export interface Limit {
  value: number;
  /** What the limit bounds, in the words of an error message: "parts per value". */
  what: string;
  /** Where the schemas state it: `file#/json/pointer/to/keyword`. */
  schema: readonly string[];
}

const limit = (value: number, what: string, ...schema: string[]): Limit => ({ value, what, schema });

/** Largest integer a JSON number keeps exactly (2^53 − 1): 9007199254740993 would be stored as …992. */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export const LIMITS = {
  // --- Volumes: what one request or one source can add ---------------------------------------
  /** A 5 MB text is a long book; extraction and anchoring are linear in it, the store keeps it whole. */
  sourceTextChars: limit(5_000_000, 'characters of source text', 'source-input.schema.json#/properties/text/maxLength'),
  /** Candidate claims one source may hold: the 4.9 MB one-sentence paste of issue 12 made ~160,000. */
  claimsPerSource: limit(
    50_000,
    'claims per source',
    'collections.schema.json#/definitions/ClaimsFile/maxItems',
    'change.schema.json#/definitions/SourceState/properties/claims/maxItems',
  ),
  /** A sum stated in parts ("1,399 killed and 1,717 died of disease"): an infobox breakdown, never thousands. */
  partsPerValue: limit(100, 'parts per value', 'claim.schema.json#/definitions/QuantityValue/properties/parts/maxItems'),
  /** Footnote markers after one statement; real texts give one to five. */
  citationsPerClaim: limit(100, 'citations per claim', 'claim.schema.json#/properties/citations/maxItems'),
  /** A source's numbered reference list (a long Wikipedia article has ~500). */
  referencesPerSource: limit(10_000, 'references per source', 'source.schema.json#/properties/references/maxItems'),
  /** Authors or editors of one bibliographic record (large collaborations list hundreds). */
  namesPerRecord: limit(
    200,
    'names per bibliographic record',
    'defs.schema.json#/definitions/BibliographicRecord/properties/authors/maxItems',
    'defs.schema.json#/definitions/BibliographicRecord/properties/editors/maxItems',
  ),
  /** A reference manager's export for one source: a bibliography of a few thousand entries. */
  bibliographyChars: limit(
    2_000_000,
    'characters of a bibliography',
    'source-input.schema.json#/properties/bibliography/properties/references/maxLength',
  ),
  bibliographyRecordChars: limit(
    100_000,
    'characters of a bibliographic record',
    'source-input.schema.json#/properties/bibliography/properties/record/maxLength',
  ),
  /** Pages, headings and notes of a derived document (a 2,000-page PDF with its headings fits many times). */
  segmentsPerSource: limit(100_000, 'segments per source', 'source.schema.json#/properties/segments/maxItems'),
  /** Persons named by one claim of a persons value (an author list; "et al." marks the rest). */
  personsPerValue: limit(200, 'persons per value', 'claim.schema.json#/definitions/PersonsValue/properties/persons/maxItems'),
  givenNamesPerPerson: limit(
    10,
    'given names per person',
    'claim.schema.json#/definitions/PersonsValue/properties/persons/items/properties/given/maxItems',
  ),
  personNameChars: limit(
    100,
    'characters of a surname or given name',
    'claim.schema.json#/definitions/PersonsValue/properties/persons/items/properties/surname/maxLength',
    'claim.schema.json#/definitions/PersonsValue/properties/persons/items/properties/given/items/maxLength',
  ),
  /** Spellings of one entity. */
  aliasesPerEntity: limit(1_000, 'aliases per entity', 'entity.schema.json#/properties/aliases/maxItems'),
  /** Sources recorded as using one spelling (one per source of a large store). */
  sourcesPerAlias: limit(100_000, 'sources per alias', 'entity.schema.json#/properties/aliases/items/properties/sources/maxItems'),
  /** Cue words of one property. */
  cuesPerProperty: limit(1_000, 'cue words per property', 'property.schema.json#/properties/cues/maxItems'),
  /** Kinds of entity a property applies to (there are 10 kinds). */
  subjectTypesPerProperty: limit(10, 'subject types per property', 'property.schema.json#/properties/subjectTypes/maxItems'),
  /** Whole-store collections: far above the 1M-claim benchmark stores, below what one process can hold. */
  entitiesPerStore: limit(5_000_000, 'entities per store', 'collections.schema.json#/definitions/EntitiesFile/maxItems'),
  propertiesPerStore: limit(100_000, 'properties per store', 'collections.schema.json#/definitions/PropertiesFile/maxItems'),
  judgementsPerStore: limit(
    1_000_000,
    'judgements per store',
    'collections.schema.json#/definitions/JudgementsFile/maxItems',
    'change.schema.json#/definitions/SourceState/properties/judgements/maxItems',
  ),
  trustJudgementsPerStore: limit(
    1_000_000,
    "judgements of sources' trust per store",
    'source-trust.schema.json#/definitions/TrustJudgementFile/maxItems',
    'change.schema.json#/definitions/SourceState/properties/trust/maxItems',
  ),

  // --- Text fields -----------------------------------------------------------------------------
  idChars: limit(128, 'characters of an id', 'defs.schema.json#/definitions/Id/maxLength'),
  titleChars: limit(
    500,
    'characters of a title',
    'source-input.schema.json#/properties/title/maxLength',
    'source.schema.json#/properties/title/maxLength',
  ),
  publisherChars: limit(
    300,
    'characters of a publisher',
    'source-input.schema.json#/properties/publisher/maxLength',
    'source.schema.json#/properties/publisher/maxLength',
  ),
  authorChars: limit(
    300,
    'characters of an author',
    'source-input.schema.json#/properties/author/maxLength',
    'source.schema.json#/properties/author/maxLength',
  ),
  urlChars: limit(
    2_000,
    'characters of a URL',
    'source-input.schema.json#/properties/url/maxLength',
    'source.schema.json#/properties/url/maxLength',
    'defs.schema.json#/definitions/BibliographicRecord/properties/url/maxLength',
  ),
  /** BCP 47 allows up to 35 characters in practice ("zh-Hant-TW-x-private..."). */
  languageTagChars: limit(
    35,
    'characters of a language tag',
    'source-input.schema.json#/properties/language/maxLength',
    'source.schema.json#/properties/language/maxLength',
    'entity.schema.json#/properties/aliases/items/properties/language/maxLength',
  ),
  recordTypeChars: limit(
    50,
    'characters of a record type, volume or issue',
    'defs.schema.json#/definitions/BibliographicRecord/properties/type/maxLength',
    'defs.schema.json#/definitions/BibliographicRecord/properties/volume/maxLength',
    'defs.schema.json#/definitions/BibliographicRecord/properties/issue/maxLength',
  ),
  recordFieldChars: limit(
    1_000,
    'characters of a bibliographic field',
    'defs.schema.json#/definitions/BibliographicRecord/properties/title/maxLength',
    'defs.schema.json#/definitions/BibliographicRecord/properties/container/maxLength',
    'defs.schema.json#/definitions/BibliographicRecord/properties/publisher/maxLength',
    'defs.schema.json#/definitions/BibliographicRecord/properties/place/maxLength',
  ),
  recordNameChars: limit(
    300,
    'characters of a name in a record',
    'defs.schema.json#/definitions/BibliographicRecord/properties/authors/items/maxLength',
    'defs.schema.json#/definitions/BibliographicRecord/properties/editors/items/maxLength',
  ),
  recordShortFieldChars: limit(
    100,
    'characters of record pages or ISBN',
    'defs.schema.json#/definitions/BibliographicRecord/properties/pages/maxLength',
    'defs.schema.json#/definitions/BibliographicRecord/properties/isbn/maxLength',
  ),
  recordDoiChars: limit(200, 'characters of a DOI', 'defs.schema.json#/definitions/BibliographicRecord/properties/doi/maxLength'),
  recordCitationChars: limit(
    2_000,
    'characters of a formatted citation',
    'defs.schema.json#/definitions/BibliographicRecord/properties/citation/maxLength',
  ),
  textFileNameChars: limit(132, 'characters of a text file name', 'source.schema.json#/properties/text/properties/file/maxLength'),
  originalFileNameChars: limit(
    150,
    "characters of a kept document's file name",
    'source.schema.json#/properties/original/properties/file/maxLength',
  ),
  uploadedFileNameChars: limit(
    300,
    "characters of an uploaded file's name",
    'source.schema.json#/properties/original/properties/fileName/maxLength',
  ),
  segmentLabelChars: limit(20, 'characters of a segment label', 'source.schema.json#/properties/segments/items/properties/label/maxLength'),
  noteChars: limit(
    2_000,
    'characters of a note',
    'source.schema.json#/properties/note/maxLength',
    'claim.schema.json#/properties/note/maxLength',
    'claim-input.schema.json#/properties/note/maxLength',
    'claim-patch.schema.json#/properties/note/maxLength',
    'change.schema.json#/properties/note/maxLength',
    'source-trust.schema.json#/properties/note/maxLength',
  ),
  wordingChars: limit(
    500,
    'characters of a wording',
    'claim.schema.json#/properties/wording/maxLength',
    'claim-input.schema.json#/properties/wording/maxLength',
    'claim-patch.schema.json#/properties/wording/maxLength',
  ),
  quoteChars: limit(
    5_000,
    'characters of a quote',
    'defs.schema.json#/definitions/TextSelector/properties/exact/maxLength',
    'claim-input.schema.json#/properties/quote/properties/exact/maxLength',
  ),
  quoteContextChars: limit(
    64,
    'characters of quote context',
    'defs.schema.json#/definitions/TextSelector/properties/prefix/maxLength',
    'defs.schema.json#/definitions/TextSelector/properties/suffix/maxLength',
  ),
  unitChars: limit(
    50,
    'characters of a unit',
    'claim.schema.json#/definitions/QuantityValue/properties/unit/maxLength',
    'property.schema.json#/properties/unit/maxLength',
  ),
  partLabelChars: limit(
    100,
    'characters of a part label',
    'claim.schema.json#/definitions/QuantityValue/properties/parts/items/properties/label/maxLength',
  ),
  textValueChars: limit(1_000, 'characters of a text value', 'claim.schema.json#/definitions/TextValue/properties/text/maxLength'),
  scopeWordingChars: limit(
    200,
    'characters of a scope wording',
    'claim.schema.json#/definitions/Scope/properties/population/maxLength',
    'claim.schema.json#/definitions/Scope/properties/wording/maxLength',
  ),
  entityLabelChars: limit(
    300,
    'characters of an entity label or alias',
    'entity.schema.json#/properties/label/maxLength',
    'entity.schema.json#/properties/aliases/items/properties/name/maxLength',
  ),
  descriptionChars: limit(
    1_000,
    'characters of a description',
    'entity.schema.json#/properties/description/maxLength',
    'property.schema.json#/properties/description/maxLength',
  ),
  propertyLabelChars: limit(200, 'characters of a property label', 'property.schema.json#/properties/label/maxLength'),
  cueChars: limit(100, 'characters of a cue word', 'property.schema.json#/properties/cues/items/maxLength'),
  referenceTextChars: limit(2_000, 'characters of a reference', 'source.schema.json#/definitions/Reference/properties/text/maxLength'),
  referenceWorkChars: limit(500, 'characters of a cited work', 'source.schema.json#/definitions/Reference/properties/work/maxLength'),
  referencePagesChars: limit(100, 'characters of cited pages', 'source.schema.json#/definitions/Reference/properties/pages/maxLength'),
  judgementReasonChars: limit(1_000, 'characters of a judgement reason', 'judgement.schema.json#/properties/reason/maxLength'),
  reviewerChars: limit(100, 'characters of a reviewer name', 'change.schema.json#/properties/who/maxLength'),
  timestampChars: limit(40, 'characters of a timestamp', 'change.schema.json#/properties/at/maxLength'),

  // --- Request bodies (bytes; not in the schemas: body-parser refuses before JSON is read) ---------
  /** POST /api/sources: the longest text as UTF-8 (up to 4 bytes a character would be 20 MB) with room for the JSON around it. */
  sourceBodyBytes: limit(21 * 1024 * 1024, 'bytes of a source upload'),
  /** Every other write: one claim with its largest quote, parts and citations is well under 200 KB. */
  writeBodyBytes: limit(1024 * 1024, 'bytes of a request body'),
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** Control characters refused in titles and metadata: C0 and C1 (NUL, BEL, ESC, ...) and DEL; a line
 * break or tab is refused too, in one-line fields. Written as a schema pattern (the schemas use it). */
export const ONE_LINE_TEXT = '^[^\\u0000-\\u001F\\u007F-\\u009F]*$';
/** The same for multi-line fields (notes, references): tab, line feed and carriage return allowed. */
export const MULTI_LINE_TEXT = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';

/** Human words for the text patterns, for error messages ("must match pattern ^[^\u0000-..." says nothing). */
export const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  [ONE_LINE_TEXT]: 'must not contain control characters (U+0000–U+001F, U+007F–U+009F: NUL, BEL, ESC, line breaks, ...)',
  [MULTI_LINE_TEXT]:
    'must not contain control characters other than tab and line breaks (U+0000–U+001F, U+007F–U+009F: NUL, BEL, ESC, ...)',
};
