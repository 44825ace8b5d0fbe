// `npm run export -- --format F [--out file] [--view conflicts|entity|source --id ID] [--base URL]`:
// writes one export of graph-data (or CONCORDANCE_DATA, or the PostgreSQL store DATABASE_URL names)
// to a file or to standard output.
import { writeFile } from 'node:fs/promises';
import { analyse } from '../analysis/analyse.js';
import { formatProblem } from '../core/model.js';
import { DEFAULT_VIEW_LIMIT, type ViewSpec } from '../analysis/views.js';
import { EXPORT_FORMATS, exportAnalysis, isExportFormat } from '../export/index.js';
import { loadConfiguredCorpus } from '../store/pg/select.js';
import { fail, parseCli } from './args.js';
import { printError, writeData } from './terminal.js';

const formats = Object.entries(EXPORT_FORMATS)
  .map(([name, f]) => `  ${name.padEnd(16)} ${f.describe}`)
  .join('\n');
const USAGE = `usage: npm run export -- --format F [--out FILE] [--view conflicts|entity|source --id ID] [--base URL]\nformats:\n${formats}`;

const { flags } = parseCli(
  process.argv.slice(2),
  {
    format: { type: 'string' },
    out: { type: 'string' },
    view: { type: 'string' },
    id: { type: 'string' },
    base: { type: 'string' },
  },
  USAGE,
);
const format = String(flags.format ?? '');
if (!isExportFormat(format))
  fail(`export: ${flags.format === undefined ? '--format is required' : `unknown format "${format}"`}\n${USAGE}`, 2);

function viewOf(): ViewSpec | undefined {
  const kind = flags.view as string | undefined;
  if (kind === undefined || kind === 'all') return undefined;
  if (kind === 'conflicts') return { kind, limit: Number.MAX_SAFE_INTEGER };
  if (kind === 'entity' || kind === 'source') {
    if (typeof flags.id !== 'string') fail(`export: --view ${kind} needs --id`, 2);
    return { kind, id: flags.id as string, limit: DEFAULT_VIEW_LIMIT * 20 };
  }
  fail(`export: unknown view "${kind}" (conflicts, entity or source)\n${USAGE}`, 2);
}
const view = viewOf();

const { corpus, problems, description } = await loadConfiguredCorpus();
if (problems.some((p) => !p.code)) {
  for (const p of problems) printError(formatProblem(p));
  fail(`\nexport: ${description} has ${problems.length} problem(s); run npm run validate`);
}
const analysis = analyse(corpus);
if (view && (view.kind === 'entity' || view.kind === 'source') && !analysis.graph.hasNode(`${view.kind}:${view.id}`))
  fail(`export: no ${view.kind} "${view.id}"`, 2);
const text = exportAnalysis(analysis, { format, view, base: typeof flags.base === 'string' ? flags.base.replace(/\/+$/, '') : undefined });
if (typeof flags.out === 'string') {
  await writeFile(flags.out, text);
  printError(`export: wrote ${flags.out} (${format}, ${Buffer.byteLength(text)} bytes)`);
} else {
  // Piped into head or a pager that closes early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
  writeData(text);
}
