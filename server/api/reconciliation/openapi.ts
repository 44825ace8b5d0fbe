// The reconciliation service's routes and answer shapes for the OpenAPI document. The shapes are
// those of the W3C Entity Reconciliation API 0.2; its own JSON Schemas check them in the tests.
import type { JsonSchema } from '../validation.js';

const str: JsonSchema = { type: 'string' };
const typeRef: JsonSchema = { type: 'object', required: ['id', 'name'], properties: { id: str, name: str } };

export const RECONCILE_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Preview: { type: 'string', description: 'A small HTML page (text/html) naming the entity, its type, aliases and claim count.' },
  ReconcileAnswer: {
    description:
      'Without `queries`: the service manifest ({ versions, name, identifierSpace, schemaSpace, view, preview, suggest, defaultTypes }). With it: { <query key>: { result: [{ id, name, description?, score, match, type, features }] } }.',
    type: 'object',
  },
  ReconcileSuggestions: {
    type: 'object',
    required: ['result'],
    properties: {
      result: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: str, name: str, description: str, notable: { type: 'array', items: typeRef } },
        },
      },
    },
  },
};
