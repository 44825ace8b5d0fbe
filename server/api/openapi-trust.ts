// The OpenAPI description of a source's trust (server/api/routes/source-trust.ts): its endpoints and
// response shapes, kept beside the routes' own file so openapi.ts only lists them.
import type { Endpoint } from './openapi.js';
import { REQUEST_SCHEMAS, type JsonSchema } from './validation.js';

const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer', minimum: 0 };
const num: JsonSchema = { type: 'number' };
const bool: JsonSchema = { type: 'boolean' };
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema => ({
  type: 'object',
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  properties,
});
const nullableRef = (name: string): JsonSchema => ({ oneOf: [ref(name), { type: 'null' }] });
const side = obj({
  wording: str,
  confidence: num,
  claim: str,
  source: { ...str, description: "The title of the claim's source." },
  sourceId: str,
});

export const TRUST_SCHEMAS: Record<string, JsonSchema> = {
  TrustInput: {
    description: "A reviewer's judgement of a source: exactly one of primary and derivativeOf.",
    type: 'object',
    additionalProperties: false,
    properties: {
      primary: { const: true },
      derivativeOf: { ...str, description: 'The id of the source this one copies its values from.' },
      note: { ...str, maxLength: 2000 },
    },
  },
  CopyRelation: obj({ source: ref('SourceRef'), probability: num, disputed: int, sameOnDisputed: int, sameFalse: int, summary: str }),
  TrustView: obj({
    source: ref('SourceRef'),
    judgement: {
      oneOf: [
        obj({ primary: bool, derivativeOf: nullableRef('SourceRef'), note: { type: ['string', 'null'] }, version: int }),
        { type: 'null' },
      ],
      description: 'What a reviewer said of the source; null: nothing, its trust is learned from the figures alone.',
    },
    trust: {
      oneOf: [obj({ score: num, lowEvidence: bool, explanation: str, updating: bool }), { type: 'null' }],
      description: 'The trust learned (null: the source states no figure).',
    },
    copies: {
      type: 'array',
      items: ref('CopyRelation'),
      description: 'Sources it probably copies from or shares a copy with (copy detection on shared disputed values), most likely first.',
    },
  }),
  TrustWritten: {
    allOf: [
      ref('TrustView'),
      obj({ change: { ...int, description: 'The seq of the logged change (revert it with POST /api/changes/{seq}/revert).' } }),
    ],
  },
  TrustWhatIf: obj(
    {
      source: ref('SourceRef'),
      trust: { enum: ['primary', 'derivative', 'none'] },
      of: ref('SourceRef'),
      changed: { ...int, description: 'How many likely values would change.' },
      moves: {
        type: 'array',
        items: obj({ subject: str, property: str, before: side, after: side, changed: bool }),
        description: 'Every likely value that would move: those that change first, then those whose confidence moves by more than 0.01.',
      },
    },
    ['of'],
  ),
};

const { idParams, noQuery } = REQUEST_SCHEMAS;
// Copy relations and what-ifs run truth discovery over the whole store (server/api/trust-questions.ts).
const IN_THREAD =
  'Worked out in a background thread on the first request after a change (seconds on a large store; the request waits, other requests do not), then kept for that revision.';
const threadRefusals = {
  503: 'The answer could not be worked out (the thread failed or ran past its time budget); asking again starts afresh',
};
const writeRefusals = {
  412: 'The judgement changed since the ETag in If-Match; the ETag header holds the current one',
  428: 'If-Match is missing',
};

export const TRUST_ENDPOINTS: readonly Endpoint[] = [
  {
    path: '/api/sources/{id}/trust',
    summary:
      "A reviewer's judgement of a source (primary, or derivative of another), the trust learned, and the sources it probably copies",
    description: `Sent with an ETag: the judgement's version, "0" while there is none. ${IN_THREAD}`,
    params: idParams,
    query: noQuery,
    response: 'TrustView',
    notFound: true,
    refusals: threadRefusals,
  },
  {
    path: '/api/sources/{id}/what-if',
    summary: 'How each likely value would move under a judgement of this source, before it is saved',
    description: `trust=primary, trust=derivative&of=<source id>, or trust=none (no judgement); the other judgements stay as they are. ${IN_THREAD}`,
    params: idParams,
    query: REQUEST_SCHEMAS.whatIfQuery,
    response: 'TrustWhatIf',
    notFound: true,
    refusals: threadRefusals,
  },
  {
    path: '/api/sources/{id}/trust',
    method: 'put',
    summary: 'Mark a source as primary, or as derivative of another source: a prior for truth discovery, logged and revertible',
    description:
      'Requires If-Match with the ETag of GET /api/sources/{id}/trust ("0" for a first judgement). Trust and every likely value are re-learned before the answer.',
    params: idParams,
    query: noQuery,
    body: { schema: 'TrustInput', mediaTypes: ['application/json'] },
    response: 'TrustWritten',
    notFound: true,
    refusals: writeRefusals,
  },
  {
    path: '/api/sources/{id}/trust',
    method: 'delete',
    summary: 'Remove the judgement of a source: its trust is learned from the figures alone again',
    description: 'Requires If-Match; logged and revertible.',
    params: idParams,
    query: noQuery,
    response: 'TrustWritten',
    notFound: true,
    refusals: writeRefusals,
  },
];
