// `npm run export` as a user runs it: a file written, a view narrowed, bad flags refused with exit 2.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('npm run export', () => {
  it('writes the contradictions of one entity to a CSV file', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'concordance-export-')), 'siberia.csv');
    const run = runCli('export.ts', [
      '--format',
      'comparisons-csv',
      '--view',
      'entity',
      '--id',
      'japanese-expeditionary-force',
      '--out',
      out,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`wrote ${out}`);
    const rows = parseCsv(await readFile(out, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.reason!.includes('72,000'))).toBe(true);
  });

  it('refuses an unknown format, a missing id and an unknown entity with exit 2 and the reason', () => {
    const unknown = runCli('export.ts', ['--format', 'xlsx']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown format "xlsx"');
    expect(unknown.stderr).toContain('claims-csv');
    const noId = runCli('export.ts', ['--format', 'gexf', '--view', 'entity']);
    expect(noId.status).toBe(2);
    expect(noId.stderr).toContain('--view entity needs --id');
    const missing = runCli('export.ts', ['--format', 'gexf', '--view', 'entity', '--id', 'atlantis']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no entity "atlantis"');
  });
});
