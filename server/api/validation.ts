// Request validation: every path parameter and query string is checked against a JSON Schema of
// server/api/schemas/ before a handler reads it, so handlers only ever see typed, trusted values.
// The schemas are compiled once, at module load; the OpenAPI document is generated from them too.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Request } from 'express';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import querystring from 'node:querystring';
import { SCHEMA_DIR } from '../core/schemas.js';
import { badRequest } from './errors.js';

export const API_SCHEMA_DIR = path.resolve(import.meta.dirname, 'schemas');

/** The request schemas, by file name: what the routes name when they validate. */
export const REQUEST_SCHEMAS = {
  idParams: 'id-params.json',
  seqParams: 'seq-params.json',
  noQuery: 'no-query.json',
  comparisonQuery: 'comparison-query.json',
  searchQuery: 'search-query.json',
  graphQuery: 'graph-query.json',
  timelineQuery: 'timeline-query.json',
  exportQuery: 'export-query.json',
  reconcileQuery: 'reconcile-query.json',
  reconcileSuggestQuery: 'reconcile-suggest-query.json',
  reconcilePreviewQuery: 'reconcile-preview-query.json',
  whatIfQuery: 'what-if-query.json',
  readValueQuery: 'read-value-query.json',
} as const;
export type RequestSchema = (typeof REQUEST_SCHEMAS)[keyof typeof REQUEST_SCHEMAS];

export interface JsonSchema {
  [keyword: string]: unknown;
}

/** One problem with a request, located by a JSON pointer into { query, params }: "/query/scope". */
export interface InputProblem {
  at: string;
  message: string;
}

const readJson = (file: string): JsonSchema => JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;

/** The raw schema documents, by file name (the OpenAPI builder reads their properties). */
export const requestSchemas: ReadonlyMap<string, JsonSchema> = new Map(
  readdirSync(API_SCHEMA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, readJson(path.join(API_SCHEMA_DIR, f))]),
);

/** The shared definitions (Id) the request schemas point into, so an id means the same everywhere. */
export const sharedDefinitions = readJson(path.join(SCHEMA_DIR, 'defs.schema.json'));

const validators: ReadonlyMap<string, ValidateFunction> = compileAll();

function compileAll(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(sharedDefinitions);
  for (const schema of requestSchemas.values()) ajv.addSchema(schema);
  return new Map([...requestSchemas.keys()].map((name) => [name, ajv.getSchema(name)!]));
}

/** Problems of one part of a request against its schema; empty when valid. */
export function checkInput(schema: RequestSchema, part: 'query' | 'params', value: unknown): InputProblem[] {
  const validate = validators.get(schema);
  if (!validate) throw new Error(`no request schema ${schema} in ${API_SCHEMA_DIR}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => describe(e, part));
}

export interface InputSchemas {
  params?: RequestSchema;
  query: RequestSchema;
}

/**
 * The validated path parameters and query of a request, or a 400 naming every problem at once.
 * The query is always checked: an endpoint without parameters refuses unknown ones.
 */
export function validInput<P = Record<string, never>, Q = Record<string, never>>(
  req: Request,
  schemas: InputSchemas,
): { params: P; query: Q } {
  const problems = [
    ...(schemas.params ? checkInput(schemas.params, 'params', req.params) : []),
    ...undecodableQuery(req),
    ...checkInput(schemas.query, 'query', req.query),
  ];
  if (problems.length > 0) {
    const parts = (['params', 'query'] as const).filter((part) => problems.some((p) => p.at.startsWith(`/${part}/`)));
    throw badRequest(`invalid ${parts.map((part) => (part === 'params' ? 'path' : 'query')).join(' and ')}`, problems);
  }
  return { params: { ...req.params } as P, query: { ...(req.query as object) } as Q };
}

/**
 * Query parameters whose percent-encoding is not UTF-8 ("%FF", "%ED%A0%80", a bare "%"). The query
 * parser does not refuse them: it turns the bytes into U+FFFD, so an upload's title would be stored
 * as something the client never sent.
 */
function undecodableQuery(req: Request): InputProblem[] {
  const raw = req.originalUrl.split('?').slice(1).join('?');
  const problems: InputProblem[] = [];
  for (const pair of raw ? raw.split('&') : []) {
    const eq = pair.indexOf('=');
    const [key, value] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    if (decodes(key) && decodes(value)) continue;
    problems.push({ at: `/query/${querystring.unescape(key)}`, message: 'is not valid percent-encoded UTF-8' });
  }
  return problems;
}

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

function describe(e: ErrorObject, part: 'query' | 'params'): InputProblem {
  const base = `/${part}${e.instancePath}`;
  switch (e.keyword) {
    case 'required':
      return { at: `${base}/${String(e.params.missingProperty)}`, message: 'is required' };
    case 'additionalProperties':
      return {
        at: `${base}/${String(e.params.additionalProperty)}`,
        message: `unknown ${part === 'query' ? 'parameter' : 'path parameter'}`,
      };
    case 'enum':
      return { at: base, message: `must be equal to one of: ${(e.params.allowedValues as unknown[]).join(', ')}` };
    case 'type':
      // The simple query parser turns a repeated parameter into an array.
      return { at: base, message: e.params.type === 'string' ? 'must be given once, as a string' : (e.message ?? 'has the wrong type') };
    default:
      return { at: base, message: e.message ?? e.keyword };
  }
}
