// Footnote markers as they appear in captured text: "[4]" and "[ citation needed ]".
import { selectorAt } from './anchor.js';
import type { Citation, TextSelector } from './schema-types.js';

const MARKER = /\[\s*(\d{1,3}|citation needed)\s*\]/gi;

export interface FoundMarker {
  /** Reference number, or undefined for "citation needed". */
  ref?: number;
  selector: TextSelector;
}

/** Every footnote marker in text[from, to). */
export function markersIn(text: string, from = 0, to = text.length): FoundMarker[] {
  const found: FoundMarker[] = [];
  MARKER.lastIndex = from;
  for (let m = MARKER.exec(text); m && m.index < to; m = MARKER.exec(text)) {
    const label = m[1]!.toLowerCase();
    found.push({
      ref: label === 'citation needed' ? undefined : Number(label),
      selector: selectorAt(text, m.index, m.index + m[0].length),
    });
  }
  return found;
}

/**
 * The markers that close the sentence containing `offset`: a footnote sits after the sentence's
 * full stop (". [4]"), or before it when the capture glued it ("...order.[ citation needed ]").
 */
export function markersClosingSentence(text: string, offset: number): FoundMarker[] {
  const end = sentenceEnd(text, offset);
  const markers: FoundMarker[] = [];
  let at = end;
  for (;;) {
    const rest = text.slice(at, at + 40);
    const m = /^[\s.]*(\[\s*(?:\d{1,3}|citation needed)\s*\])/i.exec(rest);
    if (!m) break;
    const start = at + m[0].length - m[1]!.length;
    markers.push(...markersIn(text, start, start + 1));
    at = start + m[1]!.length;
  }
  return markers;
}

/** Offset just past the full stop (or line end) that closes the sentence containing `offset`. */
export function sentenceEnd(text: string, offset: number): number {
  const re = /[.!?](?=[\s["”]|$)|\n/g;
  re.lastIndex = offset;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // "p. 969", "Lieut.-General", "U.S." and initials are not sentence ends.
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (m[0] === '.' && /(?:\b[A-Z]|\bpp?|\bSt|\bLieut|\bGen|\bMr|\bDr|\bNo)$/.test(before)) continue;
    return m.index + (m[0] === '\n' ? 0 : 1);
  }
  return text.length;
}

export function citationFromMarker(marker: FoundMarker): Citation {
  return marker.ref === undefined
    ? { kind: 'citation-needed', marker: marker.selector }
    : { kind: 'reference', ref: marker.ref, marker: marker.selector };
}
