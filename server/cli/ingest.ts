// `npm run ingest -- <file> --title "..." --publisher "..." [--author --url --published --kind --language]`
// Stores the file's text as a new source, extracts candidate claims and reconciles them.
import { readFile } from 'node:fs/promises';
import { extractClaims } from '../extract/index.js';
import type { SourceInput } from '../core/schema-types.js';
import { ingestSource } from '../store/ingest.js';
import { MutationError } from '../store/mutations.js';
import { Repository, StoreProblemError } from '../store/repository.js';
import { fail, parseCli } from './args.js';
import { printError, printLine } from './terminal.js';

const USAGE = 'usage: npm run ingest -- <file> --title "Title" --publisher "Publisher" [--author A] [--url U] [--published YYYY[-MM[-DD]]] [--kind news|encyclopedia|official-history|book|journal-article|primary|dataset|other] [--language en]';
const text = (name: string) => ({ [name]: { type: 'string' as const } });
const { flags, positionals } = parseCli(process.argv.slice(2), {
  ...text('title'), ...text('publisher'), ...text('author'), ...text('url'), ...text('published'), ...text('kind'), ...text('language'),
}, USAGE);
if (positionals.length !== 1) fail(`ingest: give exactly one file\n${USAGE}`);

let content: string;
try {
  const bytes = await readFile(positionals[0]!);
  content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch (err) {
  fail(`ingest: cannot read ${positionals[0]} as UTF-8 text: ${(err as Error).message}`);
}

const input = Object.fromEntries(
  Object.entries({ ...flags, text: content }).filter(([, v]) => typeof v === 'string'),
) as unknown as SourceInput;

try {
  const repo = await Repository.open(process.env.CONCORDANCE_DATA);
  let lastShown = -1;
  const extract = (text: string, context: Parameters<typeof extractClaims>[1] & { onProgress?: (done: number, total: number) => void }) =>
    extractClaims(text, context, { onProgress: context.onProgress });
  const result = await ingestSource(repo, input, { who: process.env.USER ?? 'cli' }, extract, (done, total) => {
    const pct = Math.floor((done / Math.max(total, 1)) * 100);
    if (pct >= lastShown + 10 || done === total) {
      printError(`extracting: ${pct} %`);
      lastShown = pct;
    }
  });
  const conflicts = result.comparisons.filter((c) => c.verdict === 'conflicts');
  printLine(`stored source ${result.source.id} (${result.source.text.length} characters, ${result.source.references.length} references)`);
  printLine(`${result.claims.length} candidate claims (status "extracted"), ${result.proposedEntities.length} proposed entities`);
  printLine(`${conflicts.length} new conflicts, ${result.comparisons.length - conflicts.length} new agreements`);
  for (const c of conflicts) printLine(`  ✗ ${c.a} vs ${c.b}: ${c.reason}`);
  for (const w of result.warnings) printError(`warning: ${w}`);
} catch (err) {
  if (err instanceof MutationError) fail(`ingest: ${err.message}`);
  if (err instanceof StoreProblemError) fail(`ingest: ${err.message}`);
  throw err;
}
