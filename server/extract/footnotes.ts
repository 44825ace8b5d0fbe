// Footnote markers in captured and OCR text, and a masked copy of the text without them.
// Bracketed markers ("[4]", "[ citation needed ]") come from core/citations.ts; this module adds the
// OCR forms (superscript digits "troops.¹²", digits glued after a full stop "troops.12 The") and
// editorial notes that cite nothing ("[a]", "[ clarification needed ]"), which must only be masked.
import { citationFromMarker, markersIn, type FoundMarker } from '../core/citations.js';
import { selectorAt } from '../core/anchor.js';
import type { Citation } from '../core/schema-types.js';
import { keepLongest } from './spans.js';

export interface Marker {
  start: number;
  end: number;
  /** Reference numbers cited; empty for "citation needed" and for notes that cite nothing. */
  refs: number[];
  kind: 'bracket' | 'citation-needed' | 'superscript' | 'glued' | 'note';
}

export interface MarkerOptions {
  /** Highest reference number of the source's list; markers above it are not markers. */
  maxRef?: number;
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
const SUPERSCRIPT_RUN = /[⁰¹²³⁴-⁹](?:[⁰¹²³⁴-⁹]|[,˒ʼ][⁰¹²³⁴-⁹])*/g;
/** "troops.12 The": 1-3 digits right after a word's closing punctuation, then a new sentence. */
const GLUED = /([.!?”"’)])(\d{1,3})(?=[ \t]*(?:\r?\n|$|[ \t]+[\p{Lu}"“(]))/gu;
const TWO_LETTERS = /\p{L}{2}$/u;
/** Editorial notes: "[a]", "[note 3]", "[ clarification needed ]", "[ when? ]". */
const NOTE = /\[\s*(?:[a-z]|note \d{1,3}|[a-z]+(?: [a-z]+)? needed|[a-z]+\?)\s*\]/gi;
/** Words after which "12" is a locator, not a footnote ("p.12", "No.12"). */
const LOCATOR_WORDS = new Set(['pp', 'no', 'nos', 'vol', 'fig', 'ch', 'art', 'sec', 'para', 'op', 'cit', 'ibid', 'id']);

export function findMarkers(text: string, options: MarkerOptions = {}): Marker[] {
  const maxRef = options.maxRef ?? 999;
  const found: Marker[] = [];
  for (const m of markersIn(text)) found.push(fromCore(m));
  for (const m of text.matchAll(SUPERSCRIPT_RUN)) {
    const refs = superscriptRefs(m[0], maxRef);
    if (refs.length > 0) found.push({ start: m.index, end: m.index + m[0].length, refs, kind: 'superscript' });
  }
  for (const m of text.matchAll(GLUED)) {
    const ref = Number(m[2]);
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!TWO_LETTERS.test(before)) continue; // "troops.12", not "1.12" or "U.S.12"
    const word = /\p{L}+$/u.exec(before)![0].toLowerCase();
    if (ref < 1 || ref > maxRef || LOCATOR_WORDS.has(word)) continue;
    const start = m.index + m[1]!.length;
    found.push({ start, end: start + m[2]!.length, refs: [ref], kind: 'glued' });
  }
  for (const m of text.matchAll(NOTE)) {
    if (/needed/i.test(m[0]) && /citation/i.test(m[0])) continue;
    found.push({ start: m.index, end: m.index + m[0].length, refs: [], kind: 'note' });
  }
  return keepLongest(found);
}

function fromCore(m: FoundMarker): Marker {
  const { start, end } = m.selector;
  return m.ref === undefined ? { start, end, refs: [], kind: 'citation-needed' } : { start, end, refs: [m.ref], kind: 'bracket' };
}

/**
 * "¹²" is reference 12 when the list is that long, otherwise references 1 and 2 (OCR drops the
 * comma between adjacent superscripts); "¹,²" is always two references.
 */
function superscriptRefs(run: string, maxRef: number): number[] {
  const groups = run.split(/[,˒ʼ]/).map((g) => [...g].map((c) => SUPERSCRIPT_DIGITS[c] ?? '').join(''));
  const refs: number[] = [];
  for (const digits of groups) {
    const whole = Number(digits);
    if (whole >= 1 && whole <= maxRef) refs.push(whole);
    else for (const d of digits) if (Number(d) >= 1 && Number(d) <= maxRef) refs.push(Number(d));
  }
  return refs;
}

/** The text with each span replaced by spaces: same length, so every offset still points into the original. */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    // Overlapping spans (a marker opening a masked footnote paragraph) are masked as their union.
    const start = Math.max(s.start, at);
    if (s.end <= start) continue;
    parts.push(text.slice(at, start), ' '.repeat(s.end - start));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Citations of a set of markers, each with its exact marker selector. */
export function citationsOf(text: string, markers: readonly Marker[]): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const m of markers) {
    if (m.kind === 'note') continue;
    const selector = selectorAt(text, m.start, m.end);
    if (m.kind === 'citation-needed' || m.kind === 'bracket') {
      const ref = m.refs[0];
      const c = citationFromMarker({ ref, selector });
      const key = ref === undefined ? `cn@${m.start}` : `r${ref}`;
      if (!seen.has(key)) out.push(c);
      seen.add(key);
      continue;
    }
    for (const ref of m.refs) {
      if (seen.has(`r${ref}`)) continue;
      seen.add(`r${ref}`);
      out.push({ kind: 'reference', ref, marker: selector });
    }
  }
  return out;
}
