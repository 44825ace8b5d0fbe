// Reading and writing the CSV tables of the truth CLI. Columns are found by header name, so extra or
// reordered columns do not matter; only the requested columns are kept to bound memory on big files.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';

/** A problem with the user's input: reported as one line on stderr, exit code 1, no stack trace. */
export class TruthInputError extends Error {
  override name = 'TruthInputError';
}

export interface Progress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ReadOptions {
  /** Called every `progressEvery` rows. */
  onProgress?: (progress: Progress) => void;
  progressEvery?: number;
}

/** Header names compare without surrounding spaces and case, as spreadsheet exports vary in both. */
const normalize = (name: string): string => name.trim().toLowerCase();

/** Rows of `file` as arrays holding the `columns` in the order asked for. */
export async function readColumns(file: string, columns: readonly string[], options: ReadOptions = {}): Promise<string[][]> {
  let totalBytes: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new TruthInputError(`${file} is not a file`);
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof TruthInputError) throw error;
    throw new TruthInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const parser = parse({ bom: true, skip_empty_lines: true });
  const input = createReadStream(file);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  const rows: string[][] = [];
  let indices: number[] | undefined;
  const every = options.progressEvery ?? 100_000;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (indices === undefined) {
        const header = record.map(normalize);
        const missing = columns.filter((c) => !header.includes(normalize(c)));
        if (missing.length > 0) {
          throw new TruthInputError(
            `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${record.join(', ')})`,
          );
        }
        indices = columns.map((c) => header.indexOf(normalize(c)));
        continue;
      }
      rows.push(indices.map((i) => record[i]!));
      if (options.onProgress && rows.length % every === 0) {
        options.onProgress({ rows: rows.length, bytes: parser.info.bytes, totalBytes });
      }
    }
  } catch (error) {
    input.destroy();
    if (error instanceof TruthInputError) throw error;
    if (error instanceof CsvError) throw new TruthInputError(`${file}: malformed CSV: ${error.message}`);
    throw new TruthInputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (indices === undefined) throw new TruthInputError(`${file}: empty file, expected a header row with ${columns.join(', ')}`);
  return rows;
}

/** One CSV line with every field quoted, like the input files. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')}\n`;
}

/** Writes a header and rows to a file, or to stdout when no file is given. */
export async function writeCsv(file: string | undefined, header: readonly string[], rows: Iterable<readonly string[]>): Promise<void> {
  const out: Writable = file === undefined ? process.stdout : createWriteStream(file);
  const failed = once(out, 'error').then(([error]) => {
    throw new TruthInputError(`cannot write ${file ?? 'stdout'}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  });
  // Observed now so an error between two awaits is not an unhandled rejection; the races rethrow it.
  failed.catch(() => undefined);
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write(csvLine(header));
  for (const row of rows) await write(csvLine(row));
  if (file === undefined) return;
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
