// Held-out texts: written for measurement only, on subjects the bundled sources know nothing about,
// each with its own small vocabulary (entities, properties) and hand-annotated expected claims.
// Shared by test/extract/held-out.test.ts and bench/extract.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { selectorAt } from '../../../server/core/anchor.js';
import type { Claim, Entity, Property } from '../../../server/core/schema-types.js';
import { evaluate, type Evaluation } from '../../../server/extract/evaluate.js';
import { extractClaims } from '../../../server/extract/index.js';

export const HELD_OUT = ['dock-strike-ocr', 'battle-infobox'] as const;

interface Fixture {
  title: string;
  entities: Entity[];
  properties: Property[];
  expected: { subject: string; property: string; value: Claim['value']; quote: string }[];
}

export interface HeldOutResult {
  name: string;
  title: string;
  evaluation: Evaluation;
  extracted: Claim[];
}

const dir = path.resolve(import.meta.dirname);

export function loadHeldOut(name: string): { text: string; fixture: Fixture; expected: Claim[] } {
  const text = readFileSync(path.join(dir, `${name}.txt`), 'utf8');
  const fixture = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Fixture;
  const expected = fixture.expected.map((x, i): Claim => {
    const start = text.indexOf(x.quote);
    if (start === -1) throw new Error(`${name}: expected quote not in the text: ${x.quote}`);
    return {
      id: `${name}-e${i + 1}`,
      source: name,
      subject: x.subject,
      property: x.property,
      value: x.value,
      wording: x.quote,
      quote: selectorAt(text, start, start + x.quote.length),
      citations: [],
      status: 'reviewed',
      version: 1,
    };
  });
  return { text, fixture, expected };
}

export function measureHeldOut(minConfidence = 0.5): HeldOutResult[] {
  return HELD_OUT.map((name) => {
    const { text, fixture, expected } = loadHeldOut(name);
    const extracted = extractClaims(
      text,
      { sourceId: name, entities: fixture.entities, properties: fixture.properties },
      { minConfidence },
    ).claims;
    return {
      name,
      title: fixture.title,
      extracted,
      evaluation: evaluate({ extracted, curated: expected, properties: fixture.properties }),
    };
  });
}

/** Both texts together. */
export function pooled(results: readonly HeldOutResult[]): Evaluation {
  const extracted = results.flatMap((r) => r.extracted);
  const curated = HELD_OUT.flatMap((name) => loadHeldOut(name).expected);
  const properties = HELD_OUT.flatMap((name) => loadHeldOut(name).fixture.properties);
  const unique = [...new Map(properties.map((p) => [p.id, p])).values()];
  return evaluate({ extracted, curated, properties: unique });
}
