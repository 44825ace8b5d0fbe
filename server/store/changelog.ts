// graph-data/changelog.jsonl: one JSON line per review decision or ingest, never rewritten.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { check } from '../core/schemas.js';
import type { Change } from '../core/schema-types.js';
import type { DataProblem } from '../core/model.js';

export const CHANGELOG_FILE = 'changelog.jsonl';

export function changelogPath(root: string): string {
  return path.join(root, CHANGELOG_FILE);
}

export async function readChangelog(root: string): Promise<{ changes: Change[]; problems: DataProblem[] }> {
  let raw: string;
  try {
    raw = await readFile(changelogPath(root), 'utf8');
  } catch {
    return { changes: [], problems: [] };
  }
  return parseChangelog(raw);
}

/** The changes of a changelog's text (JSON lines), each checked against the schema. */
export function parseChangelog(raw: string): { changes: Change[]; problems: DataProblem[] } {
  const changes: Change[] = [];
  const problems: DataProblem[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let change: unknown;
    try {
      change = JSON.parse(line);
    } catch (err) {
      problems.push({ file: CHANGELOG_FILE, record: `line ${i + 1}`, message: `not JSON: ${(err as Error).message}` });
      return;
    }
    const schema = check('change.schema.json', change);
    for (const p of schema) problems.push({ file: CHANGELOG_FILE, record: `line ${i + 1}`, at: p.at, message: p.message });
    if (schema.length === 0) changes.push(change as Change);
  });
  return { changes, problems };
}

export function changeLine(change: Change): string {
  return `${JSON.stringify(change)}\n`;
}
