// The server compiles the write schemas after it starts listening (server/cli/serve.ts), so a first review
// does not pay ajv's compile: the list must name real schemas, and every write check the store makes must be on it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWriteSchemasInTurns, validatorFor, WRITE_SCHEMAS } from '../../server/core/schemas.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITERS = ['server/core/review.ts', 'server/store/mutations.ts', 'server/store/changelog.ts', 'server/store/source-trust.ts'];

describe('write schemas compiled ahead', () => {
  it('names every whole schema the write paths check', () => {
    const checked = WRITERS.flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/check\('([a-z-]+\.schema\.json)'/g)].map((m) => m[1]!),
    );
    expect(checked.length).toBeGreaterThanOrEqual(5);
    for (const ref of checked) expect(WRITE_SCHEMAS, `${ref} is checked on a write`).toContain(ref);
  });

  it('compiles them one per turn of the event loop and then says so', async () => {
    let turnsBetween = 0;
    const ticker = setInterval(() => turnsBetween++, 0);
    await new Promise<void>((resolve) => compileWriteSchemasInTurns(resolve));
    clearInterval(ticker);
    for (const ref of WRITE_SCHEMAS) expect(typeof validatorFor(ref)).toBe('function');
    // Other work ran between the compiles: the loop was not held for all of them at once.
    expect(turnsBetween).toBeGreaterThan(0);
  });
});
