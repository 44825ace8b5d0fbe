// Quote anchoring in the W3C Web Annotation style: a quote is pinned by its exact text,
// its offsets, and a little context either side so it can be re-found if offsets drift.
import type { TextSelector } from './schema-types.js';

export const CONTEXT_CHARS = 32;

export interface AnchorOptions {
  /** Prefer the occurrence nearest this offset (several occurrences of the same words are common). */
  near?: number;
  /** Prefer the occurrence whose preceding text ends with this string. */
  prefix?: string;
}

/** Builds a selector for `exact` in `text`, or returns undefined when the quote is not in the text. */
export function anchorQuote(text: string, exact: string, options: AnchorOptions = {}): TextSelector | undefined {
  const starts = allOccurrences(text, exact);
  if (starts.length === 0) return undefined;
  const start = pickOccurrence(text, starts, options);
  return selectorAt(text, start, start + exact.length);
}

export function selectorAt(text: string, start: number, end: number): TextSelector {
  return {
    exact: text.slice(start, end),
    start,
    end,
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** Why a selector does not match the text, or undefined when it does. */
export function selectorProblem(text: string, selector: TextSelector): string | undefined {
  const { start, end, exact } = selector;
  if (end <= start) return `end ${end} is not after start ${start}`;
  if (end > text.length) return `end ${end} is past the end of the text (${text.length})`;
  const found = text.slice(start, end);
  if (found !== exact) return `text at ${start}-${end} is ${JSON.stringify(found)}, not ${JSON.stringify(exact)}`;
  if (selector.prefix !== undefined && !text.slice(0, start).endsWith(selector.prefix)) {
    return `prefix ${JSON.stringify(selector.prefix)} does not precede offset ${start}`;
  }
  if (selector.suffix !== undefined && !text.slice(end).startsWith(selector.suffix)) {
    return `suffix ${JSON.stringify(selector.suffix)} does not follow offset ${end}`;
  }
  return undefined;
}

function allOccurrences(text: string, exact: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) starts.push(at);
  return starts;
}

function pickOccurrence(text: string, starts: number[], { near, prefix }: AnchorOptions): number {
  let candidates = starts;
  if (prefix) {
    const withPrefix = starts.filter((s) => text.slice(0, s).endsWith(prefix));
    if (withPrefix.length > 0) candidates = withPrefix;
  }
  if (near === undefined) return candidates[0]!;
  return candidates.reduce((best, s) => (Math.abs(s - near) < Math.abs(best - near) ? s : best));
}
