// Response shapes of the API as JSON Schema (2020-12, as OpenAPI 3.1 uses), for the OpenAPI
// document's components. They mirror the view types of server/api/views/; the API tests validate
// real responses against them, so a view that drifts from its description fails a test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_DIR } from '../core/schemas.js';
import { CREDENTIALS_SCHEMA, SESSION_SCHEMA } from './gate/session.js';
import type { JsonSchema } from './validation.js';

const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer', minimum: 0 };
const num: JsonSchema = { type: 'number' };
const bool: JsonSchema = { type: 'boolean' };
const nullable = (type: 'string' | 'integer'): JsonSchema => ({ type: [type, 'null'] });
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const array = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const oneOf = (...values: string[]): JsonSchema => ({ enum: values });

/** An object whose listed properties are all required except those named in `optional`. */
function obj(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return { type: 'object', required: Object.keys(properties).filter((k) => !optional.includes(k)), properties };
}

/** `{ count, items }`: every list endpoint's envelope. */
const list = (item: string): JsonSchema => obj({ count: int, items: array(ref(item)) });

const verdict = oneOf('agrees', 'conflicts');
const basis = oneOf('equal', 'compatible', 'disjoint', 'bound', 'arithmetic', 'relation', 'single-valued', 'curated');
const scope = oneOf('between', 'within');
const claimStatus = oneOf('reviewed', 'extracted', 'rejected');

/** What a comparison between value classes carries (server/core/classes.ts), and its review state. */
const CLASS_FIELDS: Record<string, JsonSchema> = {
  members: {
    ...array(str),
    description: 'A value class (groups above 32 claims): every claim stating the value in the scope; a and b are its first two.',
  },
  counts: { ...obj({ a: int, b: int }), description: 'Between value classes: how many claims each side stands for.' },
  pending: {
    type: 'boolean',
    const: true,
    description: 'Rests on a claim nobody has reviewed (status extracted): kept out of the headline counts.',
  },
};

export const responseSchemas: Record<string, JsonSchema> = {
  Error: obj({
    error: str,
    details: {
      description: 'For invalid input: one entry per problem, located by a JSON pointer into { query, params }.',
      oneOf: [array(obj({ at: str, message: str })), { type: 'object' }, { type: 'null' }],
    },
  }),
  SourceRef: obj({ id: str, title: str }),
  LabelRef: obj({ id: str, label: str }),
  Span: obj({ exact: str, start: int, end: int }),
  VerdictCounts: obj({ agrees: int, conflicts: int }),
  Comparison: obj(
    {
      id: str,
      a: str,
      b: str,
      parts: array(str),
      verdict,
      basis,
      scope,
      reason: str,
      gap: obj({ absolute: num, relative: num, unit: str }, ['relative', 'unit']),
      ...CLASS_FIELDS,
    },
    ['parts', 'gap', 'members', 'counts', 'pending'],
  ),

  Graph: {
    description: 'graphology export() JSON.',
    ...obj({
      attributes: {
        type: 'object',
        description:
          'counts (comparisons by verdict); trust: "updating" while source trust is re-learned after a write (absent once settled).',
      },
      options: { type: 'object' },
      nodes: array({ type: 'object' }),
      edges: array({ type: 'object' }),
    }),
  },

  SourceCounts: obj({ claims: int, conflicts: int, agreements: int }),
  SourceTrust: obj({
    score: num,
    lowEvidence: bool,
    explanation: str,
    agreements: int,
    comparable: int,
    updating: { type: 'boolean', description: 'Trust is being re-learned after a write; the score is the one from before it.' },
  }),
  Likely: obj({
    value: str,
    claims: array(str),
    confidence: num,
    lowEvidence: bool,
    lowEvidenceReason: nullable('string'),
    undecided: bool,
    explanation: str,
    alternatives: array(obj({ claims: array(str), confidence: num })),
  }),
  SourceSummary: obj({
    id: str,
    title: str,
    publisher: str,
    kind: str,
    url: nullable('string'),
    counts: ref('SourceCounts'),
    trust: { oneOf: [ref('SourceTrust'), { type: 'null' }] },
  }),
  SourceList: list('SourceSummary'),
  Reference: obj(
    {
      number: int,
      text: str,
      work: nullable('string'),
      pages: nullable('string'),
      record: { $ref: '#/components/schemas/BibliographicRecord' },
    },
    ['record'],
  ),
  ClaimSpan: obj({
    claim: str,
    start: int,
    end: int,
    property: str,
    status: claimStatus,
    citationNeeded: bool,
    verdicts: ref('VerdictCounts'),
  }),
  Marker: obj({ kind: oneOf('reference', 'citation-needed'), ref: nullable('integer'), exact: str, start: int, end: int }),
  SourceDetail: {
    allOf: [
      ref('SourceSummary'),
      obj({
        author: nullable('string'),
        published: nullable('string'),
        accessed: nullable('string'),
        language: nullable('string'),
        note: nullable('string'),
        references: array(ref('Reference')),
        text: str,
        spans: { ...array(ref('ClaimSpan')), description: 'Every claim of the source, sorted by start offset.' },
        markers: { ...array(ref('Marker')), description: 'Every footnote marker printed in the text, in order.' },
      }),
    ],
  },

  EntityCounts: obj({ claims: int, relations: int }),
  EntitySummary: obj({
    id: str,
    label: str,
    type: str,
    status: oneOf('reviewed', 'proposed', 'rejected'),
    aliases: array(str),
    counts: ref('EntityCounts'),
  }),
  EntityList: list('EntitySummary'),
  Value: obj({
    claim: str,
    source: ref('SourceRef'),
    wording: str,
    mention: str,
    scopeWording: nullable('string'),
    quote: ref('Span'),
    status: claimStatus,
  }),
  Relation: { allOf: [ref('Value'), obj({ subject: ref('LabelRef'), property: ref('LabelRef'), negated: bool })] },
  PropertyGroup: obj({
    property: obj({
      id: str,
      label: str,
      valueType: oneOf('quantity', 'date', 'entity', 'text', 'persons'),
      unit: nullable('string'),
      functional: bool,
    }),
    bySource: array(obj({ source: ref('SourceRef'), values: array(ref('Value')) })),
    comparisons: array(ref('Comparison')),
    likely: {
      oneOf: [ref('Likely'), { type: 'null' }],
      description: 'The likely value of the largest set of claims stating one figure in one scope.',
    },
    likelySets: array({ allOf: [ref('Likely'), obj({ scope: str })] }),
  }),
  EntityDetail: obj({
    id: str,
    label: str,
    type: str,
    status: str,
    counts: ref('EntityCounts'),
    description: nullable('string'),
    aliases: array(obj({ name: str, kind: nullable('string'), language: nullable('string'), sources: array(ref('SourceRef')) })),
    properties: array(ref('PropertyGroup')),
    relations: { ...array(ref('Relation')), description: 'Claims with this entity as their object.' },
  }),

  LabelledClaim: {
    description: 'A claim as stored (see schemas/claim.schema.json) with its labels and its citation chain in words.',
    ...obj(
      {
        id: str,
        source: str,
        subject: str,
        property: str,
        value: { type: 'object' },
        wording: str,
        scope: { type: 'object' },
        quote: ref('Span'),
        citations: array({ type: 'object' }),
        status: claimStatus,
        sourceTitle: str,
        subjectLabel: str,
        propertyLabel: str,
        citedAs: array(str),
      },
      ['scope'],
    ),
  },
  ClaimDetail: { allOf: [ref('LabelledClaim'), obj({ mention: str, verdicts: ref('VerdictCounts') })] },
  ClaimTrace: obj({
    claim: ref('LabelledClaim'),
    source: obj({ id: str, title: str, publisher: str, url: nullable('string') }),
    quote: {
      allOf: [
        ref('Span'),
        obj(
          {
            context: obj({ start: int, end: int, before: str, after: str }),
            page: { ...str, description: 'The page of the original PDF the quote starts on.' },
          },
          ['page'],
        ),
      ],
    },
    status: oneOf('cited', 'citation needed', 'no citation given'),
    citations: array(
      obj({
        kind: oneOf('reference', 'citation-needed'),
        marker: { oneOf: [{ allOf: [ref('Span'), obj({ found: oneOf('recorded', 'located') })] }, { type: 'null' }] },
        reference: { oneOf: [ref('Reference'), { type: 'null' }] },
      }),
    ),
    comparisons: array({
      allOf: [
        ref('Comparison'),
        obj({ others: array(obj({ claim: str, wording: str, mention: str, source: ref('SourceRef'), quote: ref('Span') })) }),
      ],
    }),
  }),

  ReportItem: obj(
    {
      id: str,
      verdict,
      basis,
      scope,
      reason: str,
      gap: { type: 'object' },
      subject: ref('LabelRef'),
      property: ref('LabelRef'),
      a: ref('LabelledClaim'),
      b: ref('LabelledClaim'),
      parts: array(ref('LabelledClaim')),
      ...CLASS_FIELDS,
    },
    ['gap', 'parts', 'members', 'counts', 'pending'],
  ),
  ComparisonItem: {
    allOf: [
      ref('ReportItem'),
      obj(
        {
          likely: { oneOf: [ref('Likely'), { type: 'null' }] },
          same: {
            ...array(str),
            description:
              'With group=identical: the ids of every comparison that reads exactly like this one, its own first (absent when it is alone).',
          },
        },
        ['same'],
      ),
    ],
  },
  ComparisonList: {
    ...obj({ count: int, offset: int, pending: int, items: array(ref('ComparisonItem')) }, ['offset']),
    description:
      'count: every item matching the filters; pending: how many of them rest on a claim nobody has reviewed (the headline total is count − pending); items: the page from offset.',
  },

  ValueReading: {
    ...obj({ value: ref('StoredValue') }),
    description: 'value: as a claim holds it (schemas/claim.schema.json: quantity, date or text).',
  },

  Timeline: obj({
    count: int,
    truncated: bool,
    entries: array(
      obj({
        claim: str,
        source: ref('SourceRef'),
        subject: ref('LabelRef'),
        property: ref('LabelRef'),
        wording: str,
        scopeWording: nullable('string'),
        dated: oneOf('value', 'moment', 'period'),
        from: { type: 'integer' },
        to: { type: 'integer' },
        when: str,
        status: claimStatus,
      }),
    ),
    conflicts: array(obj({ id: str, a: str, b: str, reason: str })),
  }),

  SearchResults: obj({
    query: str,
    folded: str,
    counts: obj({ entities: int, claims: int, sources: int, references: int }),
    entities: array(hit({ id: str, label: str, type: str }, ['label', 'alias'])),
    claims: array(
      hit({ id: str, source: ref('SourceRef'), subject: ref('LabelRef'), property: ref('LabelRef'), wording: str }, [
        'wording',
        'quote',
        'subject',
        'citation',
      ]),
    ),
    sources: array(hit({ id: str, title: str, publisher: str }, ['title', 'publisher'])),
    references: array(hit({ source: ref('SourceRef'), number: int, text: str }, ['text'])),
  }),
};

function hit(fields: Record<string, JsonSchema>, matchedFields: string[]): JsonSchema {
  return obj({ ...fields, rank: oneOf('exact', 'prefix', 'word', 'substring', 'words'), field: oneOf(...matchedFields), matched: str });
}

/**
 * The domain schemas of schemas/ (the bodies the write endpoints take, and the records they return)
 * as OpenAPI components: each file under its title, each definition under its name, and every
 * cross-file $ref rewritten to a component, so the document stands alone. A definition whose name a
 * response shape already uses is prefixed with "Stored".
 */
export function domainSchemas(): Record<string, JsonSchema> {
  const files = [
    'defs',
    'claim',
    'source',
    'entity',
    'property',
    'judgement',
    'change',
    'source-input',
    'claim-input',
    'claim-patch',
    'source-trust',
  ];
  const docs = files.map((f) => ({
    file: `${f}.schema.json`,
    doc: JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${f}.schema.json`), 'utf8')) as JsonSchema,
  }));
  const taken = new Set(Object.keys(responseSchemas));
  const nameOf = (name: string) => (taken.has(name) ? `Stored${name}` : name);
  const out: Record<string, JsonSchema> = {};
  const rewrite = (node: unknown, file: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, file));
    if (typeof node !== 'object' || node === null) return node;
    const entries = Object.entries(node as JsonSchema).filter(([k]) => k !== '$schema' && k !== '$id' && k !== 'definitions');
    return Object.fromEntries(
      entries.map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? componentRefFor(v, file) : rewrite(v, file)]),
    );
  };
  const componentRefFor = (target: string, file: string): string => {
    const [refFile, pointer] = target.split('#');
    const owner = refFile || file;
    const definition = /^\/definitions\/(\w+)$/.exec(pointer ?? '')?.[1];
    if (definition) return `#/components/schemas/${nameOf(definition)}`;
    const title = docs.find((d) => d.file === owner)?.doc.title;
    return `#/components/schemas/${nameOf(String(title))}`;
  };
  for (const { file, doc } of docs) {
    if (file !== 'defs.schema.json') out[nameOf(String(doc.title))] = rewrite(doc, file) as JsonSchema;
    for (const [name, def] of Object.entries((doc.definitions ?? {}) as Record<string, JsonSchema>))
      out[nameOf(name)] = rewrite(def, file) as JsonSchema;
  }
  out.IngestResult = obj({
    source: ref('Source'),
    claims: array(ref('Claim')),
    proposedEntities: array(ref('Entity')),
    proposedProperties: array(ref('Property')),
    comparisons: array({ type: 'object' }),
    warnings: array(str),
  });
  out.History = obj({ count: int, items: array(ref('Change')) });
  out.SourceDeleted = obj({ deleted: str, claims: int, judgements: int, change: int });
  out.RevertResult = { description: 'seq: the new change; reverted: the seq it undid.', ...obj({ seq: int, reverted: int }) };
  out.Credentials = { ...CREDENTIALS_SCHEMA };
  out.Proposals = obj({
    properties: array({ allOf: [{ $ref: '#/components/schemas/Property' }], type: 'object', properties: { claims: int } }),
    entities: array({ type: 'object', properties: { claims: int } }),
  });
  out.PropertyReview = {
    type: 'object',
    additionalProperties: false,
    required: ['action'],
    properties: {
      action: { enum: ['accept', 'reject', 'merge'] },
      into: { type: 'string', description: 'merge: the property the claims move to' },
      note: { type: 'string', maxLength: 2000 },
    },
  };
  out.Session = { ...SESSION_SCHEMA };
  return out;
}
