// The limits of server/core/limits.ts and the schemas of schemas/ state the same numbers, and every
// array, string and number a schema allows is bounded: no field can carry an unbounded payload.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_SAFE, ONE_LINE_TEXT, MULTI_LINE_TEXT } from '../../server/core/limits.js';
import { check, SCHEMA_DIR } from '../../server/core/schemas.js';

type Node = Record<string, unknown>;
const schemas = new Map(
  readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => [f, JSON.parse(readFileSync(path.join(SCHEMA_DIR, f), 'utf8')) as Node]),
);

function at(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Node | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** Every subschema with its location (`file#/pointer`). */
function* subschemas(node: unknown, where: string): Generator<[Node, string]> {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* subschemas(n, `${where}/${i}`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  yield [node as Node, where];
  for (const [key, value] of Object.entries(node))
    if (key !== 'enum' && key !== 'const' && key !== 'examples') yield* subschemas(value, `${where}/${key}`);
}

const everywhere = [...schemas].flatMap(([file, doc]) => [...subschemas(doc, `${file}#`)]);
if (everywhere.length < 100) throw new Error('the schema walk found too little to check');

describe('limits', () => {
  it('every location a limit names holds that number', () => {
    const wrong: string[] = [];
    for (const [name, limit] of Object.entries(LIMITS)) {
      for (const location of limit.schema) {
        const [file, pointer] = location.split('#') as [string, string];
        const value = at(schemas.get(file), pointer);
        if (value !== limit.value) wrong.push(`${name}: ${location} is ${JSON.stringify(value)}, limits.ts says ${limit.value}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every maxLength and maxItems of the schemas is declared in limits.ts', () => {
    const declared = new Set(Object.values(LIMITS).flatMap((l) => l.schema));
    const undeclared = everywhere.flatMap(([node, where]) =>
      (['maxLength', 'maxItems'] as const)
        .filter((k) => k in node && !declared.has(`${where}/${k}`))
        .map((k) => `${where}/${k} = ${String(node[k])}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('every array, string and number of every schema is bounded', () => {
    const unbounded: string[] = [];
    for (const [node, where] of everywhere) {
      const types = ([] as unknown[]).concat(node.type ?? []);
      if (types.includes('array') && typeof node.maxItems !== 'number') unbounded.push(`${where}: array without maxItems`);
      if (types.includes('string') && typeof node.maxLength !== 'number' && !boundedPattern(node.pattern))
        unbounded.push(`${where}: string without maxLength`);
      if (types.includes('number') || types.includes('integer')) {
        if (typeof node.maximum !== 'number' || node.maximum > MAX_SAFE)
          unbounded.push(`${where}: number without a maximum of at most 2^53-1`);
        if (typeof node.minimum !== 'number' || node.minimum < -MAX_SAFE)
          unbounded.push(`${where}: number without a minimum of at least -(2^53-1)`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('the control-character patterns refuse NUL, BEL, ESC and C1, and allow what each field allows', () => {
    const one = new RegExp(ONE_LINE_TEXT, 'u');
    const multi = new RegExp(MULTI_LINE_TEXT, 'u');
    for (const bad of ['a\u0000b', 'bell\u0007', '\u001b[2J', 'c1\u0085', 'del\u007f']) {
      expect(one.test(bad), JSON.stringify(bad)).toBe(false);
      expect(multi.test(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(one.test('Ōtani \u202Bسيبيريا\u202C 🎌')).toBe(true);
    expect(one.test('two\nlines')).toBe(false);
    expect(multi.test('two\nlines\tand a tab\r\n')).toBe(true);
  });

  it('a schema check names the field and the limit it broke', () => {
    const parts = Array.from({ length: LIMITS.partsPerValue.value + 1 }, (_, i) => ({ amount: i, label: `p${i}` }));
    const problems = check('claim.schema.json#/definitions/QuantityValue', {
      type: 'quantity',
      comparator: 'exact',
      amount: 1,
      unit: 'x',
      parts,
    });
    expect(problems).toEqual([{ at: '/parts', message: `must NOT have more than ${LIMITS.partsPerValue.value} items` }]);
    expect(check('source-input.schema.json', { title: 'A\u001b[2Jtitle', publisher: 'P', text: 'x' })).toEqual([
      { at: '/title', message: expect.stringMatching(/control characters/) },
    ]);
    // The literal is meant to be unrepresentable: the schema must refuse what JSON would round.
    // eslint-disable-next-line no-loss-of-precision
    const unrepresentable = 9007199254740993;
    expect(
      check('claim.schema.json#/definitions/QuantityValue', { type: 'quantity', comparator: 'exact', amount: unrepresentable, unit: 'x' }),
    ).toEqual([{ at: '/amount', message: `must be <= ${MAX_SAFE}` }]);
  });
});

/** A pattern anchored at both ends with only bounded repetition ("^[0-9a-f]{64}$") bounds the length. */
function boundedPattern(pattern: unknown): boolean {
  return (
    typeof pattern === 'string' && pattern.startsWith('^') && pattern.endsWith('$') && !/[*+]|\{\d+,\}/.test(pattern.replace(/\\./g, ''))
  );
}
