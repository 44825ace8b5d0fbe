// `npm run ingest -- <file> --title "..." --publisher "..." [--author --url --published --kind --language]`
// Reads the file (plain text, or a PDF, web page or Word file, whose text is derived and whose bytes
// are kept beside it), stores it as a new source, extracts candidate claims and reconciles them. The
// document's own metadata fills in what the flags leave out.
import { readFile } from 'node:fs/promises';
import { extractClaims } from '../extract/index.js';
import type { SourceInput } from '../core/schema-types.js';
import { ingestSource, type SourceDocument } from '../store/ingest.js';
import { DocumentRefused, type DerivedDocument } from '../formats/types.js';
import { convertInWorker } from '../formats/worker.js';
import path from 'node:path';
import { MutationError } from '../store/mutations.js';
import { StoreProblemError } from '../store/repository.js';
import { openConfiguredStore } from '../store/pg/select.js';
import { fail, parseCli } from './args.js';
import { printError, printLine } from './terminal.js';

const USAGE =
  'usage: npm run ingest -- <file> --title "Title" --publisher "Publisher" [--author A] [--url U] [--published YYYY[-MM[-DD]]] [--kind news|encyclopedia|official-history|book|journal-article|primary|dataset|other] [--language en]';
const text = (name: string) => ({ [name]: { type: 'string' as const } });
const { flags, positionals } = parseCli(
  process.argv.slice(2),
  {
    ...text('title'),
    ...text('publisher'),
    ...text('author'),
    ...text('url'),
    ...text('published'),
    ...text('kind'),
    ...text('language'),
  },
  USAGE,
);
if (positionals.length !== 1) fail(`ingest: give exactly one file\n${USAGE}`);

const file = positionals[0]!;
let bytes: Buffer;
try {
  bytes = await readFile(file);
} catch (err) {
  fail(`ingest: cannot read ${file}: ${(err as Error).message}`);
}
let derived: DerivedDocument;
try {
  derived = await convertInWorker({ bytes, fileName: path.basename(file) });
} catch (err) {
  if (err instanceof DocumentRefused) fail(`ingest: ${file}: ${err.message}`);
  throw err;
}
if (derived.kind !== 'text') {
  const pages = derived.segments.filter((s) => s.kind === 'page').length;
  printError(
    `read ${file} as ${derived.kind.toUpperCase()}: ${derived.text.length.toLocaleString('en')} characters${pages ? ` on ${pages} pages` : ''}`,
  );
  for (const note of derived.notes) printError(`note: ${note}`);
}
const fromDocument: Record<string, string | undefined> = {
  title: derived.metadata.title,
  publisher: derived.metadata.publisher,
  author: derived.metadata.author,
  url: derived.metadata.url,
  published: derived.metadata.published,
};
const input = Object.fromEntries(
  Object.entries({ ...fromDocument, ...flags, text: derived.text }).filter(([, v]) => typeof v === 'string'),
) as unknown as SourceInput;
for (const required of ['title', 'publisher'] as const) {
  if (!input[required]) fail(`ingest: --${required} is required (the document does not state one)\n${USAGE}`);
}
const document: SourceDocument | undefined =
  derived.kind === 'text'
    ? undefined
    : {
        bytes,
        mediaType: derived.mediaType as SourceDocument['mediaType'],
        extension: derived.kind,
        fileName: path.basename(file),
        segments: derived.segments,
      };

try {
  const repo = await openConfiguredStore(process.env);
  let lastShown = -1;
  const extract = (text: string, context: Parameters<typeof extractClaims>[1] & { onProgress?: (done: number, total: number) => void }) =>
    extractClaims(text, context, { onProgress: context.onProgress });
  const result = await ingestSource(
    repo,
    input,
    { who: process.env.USER ?? 'cli' },
    extract,
    (done, total) => {
      const pct = Math.floor((done / Math.max(total, 1)) * 100);
      if (pct >= lastShown + 10 || done === total) {
        printError(`extracting: ${pct} %`);
        lastShown = pct;
      }
    },
    document,
  );
  const conflicts = result.comparisons.filter((c) => c.verdict === 'conflicts');
  printLine(`stored source ${result.source.id} (${result.source.text.length} characters, ${result.source.references.length} references)`);
  printLine(`${result.claims.length} candidate claims (status "extracted"), ${result.proposedEntities.length} proposed entities`);
  printLine(`${conflicts.length} new conflicts, ${result.comparisons.length - conflicts.length} new agreements`);
  for (const c of conflicts) printLine(`  ✗ ${c.a} vs ${c.b}: ${c.reason}`);
  for (const w of result.warnings) printError(`warning: ${w}`);
  await repo.close();
} catch (err) {
  if (err instanceof MutationError) fail(`ingest: ${err.message}`);
  if (err instanceof StoreProblemError) fail(`ingest: ${err.message}`);
  throw err;
}
