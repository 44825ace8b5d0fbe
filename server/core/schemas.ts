// One ajv instance holding every schema of schemas/, used at every boundary (store, API, CLI).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PATTERN_MESSAGES } from './limits.js';

export const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../schemas');

// ajv-formats ships CommonJS; its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let shared: Ajv | undefined;

export function schemaRegistry(): Ajv {
  if (shared) return shared;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true });
  addFormats(ajv);
  for (const file of readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')));
  }
  shared = ajv;
  return ajv;
}

/** A compiled validator for a schema file (`claim.schema.json`) or a fragment (`collections.schema.json#/definitions/ClaimsFile`). */
export function validatorFor(ref: string): ValidateFunction {
  const validate = schemaRegistry().getSchema(ref);
  if (!validate) throw new Error(`no schema ${ref} in ${SCHEMA_DIR}`);
  return validate;
}

/** The schemas a write checks (a review, a hand-made claim, an ingest, a trust judgement, the changelog line). */
export const WRITE_SCHEMAS = [
  'claim.schema.json',
  'claim-patch.schema.json',
  'claim-input.schema.json',
  'change.schema.json',
  'source-input.schema.json',
  'entity.schema.json',
  'property.schema.json',
  'source-trust.schema.json',
] as const;

/**
 * Compiles the write schemas ahead of the first write, one per turn of the event loop, so requests in between
 * wait for one compile at most. A start that finds its files in the start cache validates nothing, so
 * otherwise the first review pays ajv's compile (~90 ms at 1M claims, load 6-11).
 */
export function compileWriteSchemasInTurns(done?: () => void): void {
  const next = (i: number) => {
    if (i === WRITE_SCHEMAS.length) return done?.();
    validatorFor(WRITE_SCHEMAS[i]!);
    setImmediate(next, i + 1);
  };
  setImmediate(next, 0);
}

export interface SchemaProblem {
  /** JSON pointer into the validated document. */
  at: string;
  message: string;
}

export function describeErrors(errors: ErrorObject[] | null | undefined): SchemaProblem[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'oneOf' || (errors ?? []).length === 1)
    .map((e) => ({ at: e.instancePath || '/', message: explain(e) }));
}

function explain(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown field "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') return `${e.message}: ${(e.params.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(e.params.allowedValue)}`;
  if (e.keyword === 'pattern') return PATTERN_MESSAGES[String(e.params.pattern)] ?? e.message ?? e.keyword;
  return e.message ?? e.keyword;
}

/** Validates and returns the problems; an empty list means valid. */
export function check(ref: string, data: unknown): SchemaProblem[] {
  const validate = validatorFor(ref);
  return validate(data) ? [] : describeErrors(validate.errors);
}
