// The numbered reference list a source prints at its end: "2. 1 2 Harries 2001, p. 127." is
// reference 2, cited twice — "1 2" (or "a b", "^") are back-link letters, not part of the reference.
import { selectorAt } from '../core/anchor.js';
import type { Reference } from '../core/schema-types.js';

export interface ReferenceList {
  references: Reference[];
  /** Span of the list in the text (empty when there is none): never a place for claims. */
  start: number;
  end: number;
}

/** "  2. text", "[2] text", "2) text" at the start of a line. */
const ENTRY = /^[ \t]*(?:\[(\d{1,3})\]|(\d{1,3})[.)])[ \t]+(\S.*?)[ \t]*$/dgm;
/** Back-links before the reference proper: "1 2 3", "a b c", "^ a b", "↑". */
const BACKLINKS = /^(?:[\^↑][ \t]*)?(?:(?:1(?: \d{1,2})+|a(?: [b-z])+)[ \t]+(?=\S))?/;
const PAGES = /\b(pp?\.\s*\d+(?:\s*[–-]\s*\d+)?|pages?\s+\d+(?:\s*[–-]\s*\d+)?)/;

interface Entry {
  number: number;
  lineStart: number;
  lineEnd: number;
  bodyStart: number;
  body: string;
}

export function parseReferenceList(text: string): Reference[] {
  return findReferenceList(text).references;
}

/** The longest run of consecutive numbered lines (1, 2, 3...) — the last such run wins on a tie. */
export function findReferenceList(text: string): ReferenceList {
  let best: Entry[] = [];
  let run: Entry[] = [];
  for (const m of text.matchAll(ENTRY)) {
    const number = Number(m[1] ?? m[2]);
    const bodyStart = m.indices![3]![0];
    const entry: Entry = { number, lineStart: m.index, lineEnd: m.index + m[0].length, bodyStart, body: m[3]! };
    const previous = run[run.length - 1];
    const continues = previous && number === previous.number + 1 && onlyBlankLinesBetween(text, previous.lineEnd, m.index);
    if (continues) run.push(entry);
    else run = number === 1 ? [entry] : [];
    if (run.length >= 2 && run.length >= best.length) best = [...run];
  }
  if (best.length < 2 || best.filter(isProse).length * 2 > best.length) return { references: [], start: 0, end: 0 };
  return { references: best.map((e) => toReference(text, e)), start: best[0]!.lineStart, end: best[best.length - 1]!.lineEnd };
}

/**
 * A numbered paragraph of a report ("1. The explosion occurred … Of these, 439 men …"), not a reference:
 * long, with a sentence break followed by a sentence (a capitalised word, then lower-case words), and no page locator.
 */
function isProse(e: Entry): boolean {
  return e.body.length > 120 && /[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}{2,}/u.test(e.body) && !PAGES.test(e.body);
}

function onlyBlankLinesBetween(text: string, from: number, to: number): boolean {
  return /^\s*$/.test(text.slice(from, to));
}

function toReference(text: string, e: Entry): Reference {
  const backlinks = BACKLINKS.exec(e.body)?.[0] ?? '';
  const start = e.bodyStart + backlinks.length;
  const end = e.bodyStart + e.body.length;
  const body = text.slice(start, end).slice(0, 2000);
  const reference: Reference = { number: e.number, text: body, quote: selectorAt(text, start, start + body.length) };
  const pages = PAGES.exec(body);
  if (pages) {
    reference.pages = pages[1]!.slice(0, 100);
    const work = body.slice(0, pages.index).replace(/[\s.,;:]+$/, '');
    if (work) reference.work = work.slice(0, 500);
  } else {
    const work = body.replace(/[\s.,;:]+$/, '');
    if (work) reference.work = work.slice(0, 500);
  }
  return reference;
}
