// The printed page's apparatus in OCR and hard-wrapped captures, found before anything is read so
// that it is masked (blanked, same length) like footnote markers: running heads with their page
// numbers ("THE SIBERIAN EXPEDITION      471"), page numbers alone on a line, and footnote
// paragraphs ("¹ W.O. to C.G.S., tel. 12 Jul 18 …"). None of it is a statement of the text; left in,
// a page number becomes a figure and a footnote's dates run into the sentence before it.
import type { Marker } from './footnotes.js';
import type { Span } from './spans.js';
import { EXTRACT_SETTINGS, type ExtractSettings } from './settings.js';

/** A line that is a page number alone, or a page number and a heading set apart by a wide gap (either order). */
const PAGE_NUMBER = /^\s*\d{1,4}\s*$/;
const RUNNING_HEAD = /^\s*(?:\d{1,4}[ \t]{3,}\S[^\n]*|\S[^\n]*?[ \t]{3,}\d{1,4})\s*$/;
/** A footnote opens with a superscript number or a dagger, or with the number of a marker the page used. */
const FOOTNOTE_OPEN = /^[ \t]*(?:[⁰¹²³⁴-⁹]+|[*†‡§]+|(\d{1,3})(?=[ \t]+\S))[ \t]*/;

/** Spans of the text that are page apparatus, not prose. `markers` are the footnote markers found in the prose. */
export function pageApparatus(text: string, markers: readonly Marker[], settings: ExtractSettings = EXTRACT_SETTINGS): Span[] {
  const out: Span[] = [];
  const cited = new Set(markers.filter((m) => m.kind === 'superscript' || m.kind === 'glued').flatMap((m) => m.refs));
  const lines = linesOf(text);
  let symbolMarkers: Map<string, number> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const body = text.slice(line.start, line.end);
    if (isRunningHead(body, settings)) {
      out.push(line);
      continue;
    }
    // A footnote starts a block (after a blank line or another footnote) and runs to the next blank line.
    const previous = lines[i - 1];
    const startsBlock = !previous || text.slice(previous.start, previous.end).trim() === '' || out[out.length - 1]?.end === previous.end;
    const open = FOOTNOTE_OPEN.exec(body);
    if (!startsBlock || !open || open[0].trim() === '') continue;
    if (open[1] !== undefined && !cited.has(Number(open[1]))) continue;
    // A dagger or section sign opens a footnote only where the prose above used it as a marker ("word†"):
    // Hansard opens every speech with "§", and those are the statements themselves.
    const symbol = /^[ \t]*([*†‡§])/.exec(body)?.[1];
    if (symbol !== undefined && !((symbolMarkers ??= firstSymbolMarkers(text)).get(symbol)! < line.start)) continue;
    // Only the apparatus under prose: the marker's footnote is below a marker of the same number.
    if (open[1] !== undefined && !markers.some((m) => m.end <= line.start && m.refs.includes(Number(open[1])))) continue;
    let end = line.end;
    for (let k = i + 1; k < lines.length; k++) {
      const next = text.slice(lines[k]!.start, lines[k]!.end);
      if (next.trim() === '' || (FOOTNOTE_OPEN.test(next) && /^[ \t]*[⁰¹²³⁴-⁹*†‡§]/.test(next))) break;
      end = lines[k]!.end;
      i = k;
    }
    out.push({ start: line.start, end });
  }
  return out;
}

/** Where each footnote symbol is first used as a marker, glued to the word or sign before it (one pass over the text). */
function firstSymbolMarkers(text: string): Map<string, number> {
  const first = new Map<string, number>();
  for (const m of text.matchAll(/[\p{L}\p{N}.,;:)\]]([*†‡§])/gu)) if (!first.has(m[1]!)) first.set(m[1]!, m.index);
  return first;
}

function isRunningHead(line: string, settings: ExtractSettings): boolean {
  if (PAGE_NUMBER.test(line)) return true;
  if (!RUNNING_HEAD.test(line)) return false;
  // The heading part is short and set in capitals (or title case) with no sentence punctuation.
  const words = line.replace(/\d{1,4}/g, ' ').trim();
  if (words.length === 0 || words.length > settings.layout.maxRunningHead || /[.;:!?]\s/.test(words)) return false;
  const letters = words.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

function linesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/**
 * Paragraphs set with hard line breaks at a fixed width (OCR, plain-text editions): every line of such a
 * paragraph but its last runs on into the next, whatever the next line starts with ("the Supreme War\n
 * Council had asked"). A paragraph counts as hard-wrapped when it has several lines, its widest line is
 * narrow, and most lines come close to that width; a line much shorter than the width ends a sentence.
 */
/** Words a sentence never ends on: a line ending on one runs on into the next (lower case only: "US" is no "us"). */
const CONTINUING = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'and',
  'or',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'than',
  'that',
  'which',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'these',
  'those',
  'some',
  'about',
  'nearly',
  'almost',
  'over',
  'under',
]);

export function hardWrappedBreaks(text: string, settings: ExtractSettings = EXTRACT_SETTINGS): Set<number> {
  const joins = new Set<number>();
  const {
    hardWrapMinLines: minLines,
    hardWrapMinWidth: minWidth,
    hardWrapMaxWidth: maxWidth,
    hardWrapFullShare: fullShare,
    hardWrapFullLine: fullLine,
  } = settings.layout;
  const lines = linesOf(text);
  for (let i = 0; i < lines.length;) {
    if (text.slice(lines[i]!.start, lines[i]!.end).trim() === '') {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && text.slice(lines[j + 1]!.start, lines[j + 1]!.end).trim() !== '') j++;
    const block = lines.slice(i, j + 1);
    const widths = block.map((l) => text.slice(l.start, l.end).trimEnd().length);
    const width = Math.max(...widths);
    const full = widths.slice(0, -1).filter((w) => w >= fullLine * width).length;
    if (block.length >= minLines && width >= minWidth && width <= maxWidth && full >= fullShare * (block.length - 1)) {
      for (let k = 0; k < block.length - 1; k++) {
        const next = text.slice(block[k + 1]!.start, block[k + 1]!.end);
        // An indented line opens a new paragraph; a "Label: value" line is a row.
        const words = text
          .slice(block[k]!.start, block[k]!.end)
          .split(/\s+/)
          .filter((w) => /\p{Ll}/u.test(w)).length;
        if (widths[k]! >= fullLine * width && words >= 4 && !/^\s{2,}\S/.test(next) && !/^\s*[\p{Lu}][\p{L} ]{0,30}:\s/u.test(next))
          joins.add(block[k]!.end);
      }
    }
    // Any block: a line ending on a word no sentence ends on ("… net migration was", "… the UK population) in")
    // runs on into a next line that opens in lower case or with a figure ("165,600 in the year", "mid-2012.").
    for (let k = 0; k < block.length - 1; k++) {
      const last = /(\p{L}+)\s*$/u.exec(text.slice(block[k]!.start, block[k]!.end))?.[1];
      const next = text.slice(block[k + 1]!.start, block[k + 1]!.end);
      if (last && CONTINUING.has(last) && /^\s*(?:\p{Ll}|\d)/u.test(next) && !/^\s*\d{1,3}[.)](?:\s|$)/.test(next))
        joins.add(block[k]!.end);
    }
    i = j + 1;
  }
  return joins;
}
