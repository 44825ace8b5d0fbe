// Text that lies to the eye: zero-width characters, bidi controls and other invisible formatting
// (Unicode category Cf, plus the combining grapheme joiner) inside numbers and names. "72\u200B000"
// shows as 72000 but reads as 72 and 0; "\u202E00027\u202C" shows as 72000 but reads as 27.
//
// The extractor reads a view of the text as it is displayed: invisible characters are left out, and
// the characters under an explicit override (U+202D LRO, U+202E RLO, up to U+202C PDF or the end of
// the paragraph) are put in the order the override shows them (rule L2 of the bidi algorithm, for
// override levels). Embeddings and isolates (LRE, RLE, LRI, RLI, FSI) only change how neutrals and
// right-to-left letters are laid out, not the order of digits or Latin letters: they are left out of
// the view without reordering. Every offset the extractor gives in the view is mapped back, so each
// quote is the original text at its original offsets, invisible characters included; and every claim
// whose quote holds such characters says so in its note, so a reviewer sees the receipt.
import type { Claim, Reference, TextSelector } from '../core/schema-types.js';
import { selectorAt } from '../core/anchor.js';

/** Invisible: format characters except the prepended concatenation marks (Arabic number signs and the like, which are drawn). */
const INVISIBLE = /(?![\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}])[\p{Cf}\u034F]/gu;
const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u');
/** The bidi algorithm's limit on nested embeddings, overrides and isolates. */
const MAX_DEPTH = 125;

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
};

export interface DisplayedText {
  /** The text as displayed: invisible characters left out, overridden runs in their shown order. */
  text: string;
  /** For each character of `text`, its offset in the original; one more entry, the original length. */
  origin: Int32Array;
  /** Whether an override put some characters out of their original order. */
  reordered: boolean;
}

/** Whether the text holds any invisible character (the common case, none, costs one scan). */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** Where the invisible characters are: offset, length in code units (2 for a tag character), code point. */
interface Hidden {
  at: number[];
  length: number[];
  code: number[];
}

function findHidden(text: string): Hidden {
  const hidden: Hidden = { at: [], length: [], code: [] };
  const re = new RegExp(INVISIBLE.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    hidden.at.push(m.index);
    hidden.length.push(m[0].length);
    hidden.code.push(m[0].codePointAt(0)!);
  }
  return hidden;
}

/** The text as displayed, with the way back to the original's offsets. */
export function displayedText(text: string): DisplayedText {
  const hidden = findHidden(text);
  if (!hidden.code.some((c) => c === 0x202d || c === 0x202e)) return withoutHidden(text, hidden);
  const { kept, levels } = overrideLevels(text, hidden);
  reorder(text, kept, levels);
  const origin = new Int32Array(kept.length + 1);
  origin.set(kept);
  origin[kept.length] = text.length;
  const units = new Uint16Array(kept.length);
  for (let i = 0; i < kept.length; i++) units[i] = text.charCodeAt(kept[i]!);
  let shown = '';
  const CHUNK = 8192;
  for (let i = 0; i < units.length; i += CHUNK) shown += String.fromCharCode(...units.subarray(i, i + CHUNK));
  return { text: shown, origin, reordered: true };
}

/** No override: the text is the original without its invisible characters, in the same order. */
function withoutHidden(text: string, hidden: Hidden): DisplayedText {
  const removed = hidden.length.reduce((n, l) => n + l, 0);
  const origin = new Int32Array(text.length - removed + 1);
  let from = 0;
  let o = 0;
  for (let h = 0; h <= hidden.at.length; h++) {
    const to = hidden.at[h] ?? text.length;
    for (let i = from; i < to; i++) origin[o++] = i;
    from = to + (hidden.length[h] ?? 0);
  }
  origin[o] = text.length;
  return { text: text.replace(new RegExp(INVISIBLE.source, 'gu'), ''), origin, reordered: false };
}

function isParagraphEnd(code: number): boolean {
  return code === 0x0a || code === 0x0d || (code >= 0x1c && code <= 0x1e) || code === 0x85 || code === 0x2029;
}

/**
 * Each kept character's offset and the level an override shows it at (0: not overridden). Only the
 * explicit stack is followed; a paragraph end closes everything, as in the bidi algorithm.
 */
function overrideLevels(text: string, hidden: Hidden): { kept: Int32Array; levels: Uint8Array } {
  const size = text.length - hidden.length.reduce((n, l) => n + l, 0);
  const kept = new Int32Array(size);
  const levels = new Uint8Array(size);
  const stack: { level: number; isolate: boolean }[] = [{ level: 0, isolate: false }];
  let from = 0;
  let k = 0;
  for (let h = 0; h <= hidden.at.length; h++) {
    const to = hidden.at[h] ?? text.length;
    for (let i = from; i < to; i++) {
      kept[k] = i;
      if (isParagraphEnd(text.charCodeAt(i))) stack.length = 1;
      levels[k++] = stack[stack.length - 1]!.level;
    }
    if (h === hidden.at.length) break;
    from = to + hidden.length[h]!;
    const code = hidden.code[h]!;
    const top = stack[stack.length - 1]!;
    if (code === 0x202e || code === 0x202d) {
      // An override shows its characters in one direction: right-to-left at the next odd level.
      const level = code === 0x202e ? (top.level + 1) | 1 : (top.level + 2) & ~1;
      if (stack.length <= MAX_DEPTH) stack.push({ level, isolate: false });
    } else if (code === 0x202a || code === 0x202b || (code >= 0x2066 && code <= 0x2068)) {
      // Embeddings and isolates force no direction: digits and Latin letters inside show left to right.
      if (stack.length <= MAX_DEPTH) stack.push({ level: top.level % 2 === 1 ? top.level + 1 : top.level, isolate: code >= 0x2066 });
    } else if (code === 0x202c) {
      if (stack.length > 1 && !top.isolate) stack.pop();
    } else if (code === 0x2069) {
      const at = stack.findLastIndex((e) => e.isolate);
      if (at > 0) stack.length = at;
    }
  }
  return { kept, levels };
}

/** A low surrogate after its high surrogate, or a combining mark: moves with the character before it. */
function joinsPrevious(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code >= 0xdc00 && code <= 0xdfff) {
    const before = text.charCodeAt(offset - 1);
    return before >= 0xd800 && before <= 0xdbff;
  }
  return code >= 0x300 && /\p{M}/u.test(text[offset]!);
}

/**
 * Rule L2 over override levels: from the highest level down to 1, every maximal run at that level or
 * higher is reversed. A surrogate pair or a letter with its combining marks is moved as one.
 */
function reorder(text: string, kept: Int32Array, levels: Uint8Array): void {
  for (let start = 0; start < kept.length; start++) {
    if (levels[start] === 0) continue;
    let end = start;
    while (end < kept.length && levels[end]! > 0) end++;
    // Clusters as [first index into kept, count, level].
    const clusters: [number, number, number][] = [];
    for (let i = start; i < end; i++) {
      const previous = clusters[clusters.length - 1];
      if (previous && kept[i]! === kept[i - 1]! + 1 && joinsPrevious(text, kept[i]!)) previous[1]++;
      else clusters.push([i, 1, levels[i]!]);
    }
    let top = 0;
    for (const c of clusters) top = Math.max(top, c[2]);
    for (let level = top; level >= 1; level--) {
      for (let a = 0; a < clusters.length; a++) {
        if (clusters[a]![2] < level) continue;
        let b = a;
        while (b < clusters.length && clusters[b]![2] >= level) b++;
        for (let x = a, y = b - 1; x < y; x++, y--) [clusters[x], clusters[y]] = [clusters[y]!, clusters[x]!];
        a = b;
      }
    }
    const offsets = kept.slice(start, end);
    let i = start;
    for (const [first, count, level] of clusters) {
      for (let u = 0; u < count; u++) {
        kept[i] = offsets[first - start + u]!;
        levels[i] = level;
        i++;
      }
    }
    start = end;
  }
}

/** The original range a range of the displayed text came from (every character of it, in whatever order). */
export function originalRange(shown: DisplayedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: shown.origin[start]!, end: shown.origin[start]! };
  if (!shown.reordered) return { start: shown.origin[start]!, end: shown.origin[end - 1]! + 1 };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i < end; i++) {
    lo = Math.min(lo, shown.origin[i]!);
    hi = Math.max(hi, shown.origin[i]!);
  }
  return { start: lo, end: hi + 1 };
}

/** "U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE" for the invisible characters in a range, or undefined. */
export function describeInvisible(text: string, start: number, end: number): string | undefined {
  const seen = new Map<number, number>();
  for (const m of text.slice(start, end).matchAll(INVISIBLE)) {
    const code = m[0].codePointAt(0)!;
    seen.set(code, (seen.get(code) ?? 0) + 1);
  }
  if (seen.size === 0) return undefined;
  const listed = [...seen]
    .slice(0, 6)
    .map(
      ([code, n]) => `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[code] ?? 'FORMAT CHARACTER'}${n > 1 ? ` ×${n}` : ''}`,
    );
  const more = seen.size > 6 ? ` and ${seen.size - 6} more` : '';
  const override = seen.has(0x202e) ? '; a right-to-left override shows the characters after it reversed, and they are read as shown' : '';
  return `the quote contains invisible characters (${listed.join(', ')}${more}); the value is read as displayed${override}`;
}

interface Readable {
  claims: Claim[];
  references: Reference[];
}

/**
 * Runs `extract` on the text as displayed and maps what it returns back to the original: every
 * text selector of the claims (and of the references, unless `ownReferences`: then they came from the
 * caller, already in the original's offsets) is re-anchored in the original text, and claims whose
 * quote holds invisible characters get a note saying which. Text without any costs one scan.
 */
export function readAsDisplayed<T extends Readable>(text: string, ownReferences: boolean, extract: (shown: string) => T): T {
  if (!hasInvisible(text)) return extract(text);
  const shown = displayedText(text);
  const result = extract(shown.text);
  const mapped = new Map<object, unknown>();
  const remap = <V>(value: V): V => {
    if (typeof value !== 'object' || value === null) return value;
    if (mapped.has(value)) return mapped.get(value) as V;
    let out: unknown;
    if (isSelector(value)) {
      const range = originalRange(shown, value.start, value.end);
      out = selectorAt(text, range.start, range.end);
    } else if (Array.isArray(value)) {
      out = value.map(remap);
    } else {
      out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v)]));
    }
    mapped.set(value, out);
    return out as V;
  };
  const claims = result.claims.map((claim) => {
    const out = remap(claim);
    const flag = describeInvisible(text, out.quote.start, out.quote.end);
    if (flag) out.note = (out.note ? `${out.note}; ${flag}` : flag).slice(0, 2000);
    return out;
  });
  return { ...result, claims, references: ownReferences ? result.references : result.references.map(remap) };
}

function isSelector(value: object): value is TextSelector {
  const v = value as Partial<TextSelector>;
  return typeof v.exact === 'string' && typeof v.start === 'number' && typeof v.end === 'number';
}
