// Sentence spans over the masked text (footnote markers already blanked, offsets unchanged).
// A blank line always ends a sentence; a single line break ends one too (captions, infobox rows,
// headings), except the soft wraps of OCR and hard-wrapped text: a line that does not end in
// punctuation followed by one that starts in lower case.

export interface Sentence {
  start: number;
  /** Just past the terminal punctuation (or the last non-space character of the line). */
  end: number;
  /** Index of the paragraph (blank-line separated block), for carrying years and subjects. */
  paragraph: number;
  /** A line with no terminal punctuation: a heading, caption or infobox row. */
  isLine: boolean;
}

/** Words whose full stop is not a sentence end ("Lieut.-General", "p. 127", "Mr. Kato"). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'gen',
  'lieut',
  'lt',
  'col',
  'capt',
  'adm',
  'maj',
  'sgt',
  'rev',
  'prof',
  'hon',
  'gov',
  'no',
  'nos',
  'vol',
  'pp',
  'p',
  'fig',
  'ed',
  'eds',
  'jr',
  'sr',
  'vs',
  'cf',
  'ca',
  'c',
  'approx',
  'est',
  'dept',
  'inc',
  'ltd',
  'co',
  'corp',
  'mt',
  'ft',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'viz',
  'al',
]);

const TERMINAL = /[.!?…]+["”’')\]]*/g;
const BULLET = /^[\s•·▪◦*–—-]+/;

/** `joins`: line ends (offsets of the "\n") known to be soft wraps, e.g. of a hard-wrapped paragraph (layout.ts). */
export function splitSentences(masked: string, from = 0, to = masked.length, joins?: ReadonlySet<number>): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  for (const block of blocks(masked, from, to, joins)) {
    paragraph += block.paragraphBreak ? 1 : 0;
    splitBlock(masked, block.start, block.end, paragraph, out);
  }
  return out;
}

interface Block {
  start: number;
  end: number;
  paragraphBreak: boolean;
}

/** Lines joined across soft wraps; `paragraphBreak` when a blank line came before. */
function blocks(text: string, from: number, to: number, joins?: ReadonlySet<number>): Block[] {
  const out: Block[] = [];
  let lineStart = from;
  let current: Block | undefined;
  let blank = true;
  while (lineStart <= to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      if (current) out.push(current);
      current = undefined;
      blank = true;
    } else if (current && (joins?.has(current.end) || isSoftWrap(text.slice(current.start, current.end), line))) {
      current.end = lineEnd;
    } else {
      if (current) out.push(current);
      current = { start: lineStart, end: lineEnd, paragraphBreak: blank };
      blank = false;
    }
    lineStart = lineEnd + 1;
  }
  if (current) out.push(current);
  return out;
}

function isSoftWrap(previous: string, next: string): boolean {
  const tail = previous.trimEnd();
  if (/[.!?:;…"”]$/.test(tail) || tail.length < 30) return false;
  return /^\s*\p{Ll}/u.test(next) || /\p{L}-$/u.test(tail);
}

function splitBlock(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  let sentenceStart = start;
  TERMINAL.lastIndex = start;
  for (let m = TERMINAL.exec(text); m && m.index < end; m = TERMINAL.exec(text)) {
    const after = m.index + m[0].length;
    if (after > end) break;
    if (!isBoundary(text, m.index, after, end)) continue;
    push(text, sentenceStart, after, paragraph, false, out);
    sentenceStart = after;
  }
  push(text, sentenceStart, end, paragraph, true, out);
}

function isBoundary(text: string, stop: number, after: number, end: number): boolean {
  const next = text.slice(after, Math.min(end, after + 12));
  if (after < end && !/^\s/.test(next)) return false; // "p.969", "1.5", "U.S.A"
  const following = next.trimStart();
  if (following !== '' && /^[\p{Ll},;]/u.test(following)) return false; // "approx. five", "etc., and"
  if (text[stop] !== '.') return true;
  const word = /[\p{L}.]*$/u.exec(text.slice(Math.max(0, stop - 12), stop))?.[0] ?? '';
  const bare = word.replace(/^\.+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "G. F. Krivosheyev"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // "U.S."
  return true;
}

/** Text with no full stop for pages (a table, a list of figures) is cut into pieces, so no per-value work is quadratic. */
const MAX_SENTENCE = 1200;

function push(text: string, start: number, end: number, paragraph: number, isLine: boolean, out: Sentence[]): void {
  const raw = text.slice(start, end);
  const lead = BULLET.exec(raw)?.[0].length ?? 0;
  const trimmed = raw.slice(lead).trimEnd();
  if (trimmed === '') return;
  let s = start + lead;
  const e = s + trimmed.length;
  while (e - s > MAX_SENTENCE) {
    const cut = text.lastIndexOf(' ', s + MAX_SENTENCE);
    const at = cut > s ? cut : s + MAX_SENTENCE;
    out.push({ start: s, end: at, paragraph, isLine: false });
    s = at;
    while (s < e && /\s/.test(text[s]!)) s++;
  }
  if (s < e) out.push({ start: s, end: e, paragraph, isLine: isLine && !/[.!?…]["”’')\]]*$/.test(trimmed) });
}

/**
 * The clause of a sentence around an offset: semicolons, dashes and conjunctions after a comma
 * separate statements. A parenthesis is its own clause for a value inside it ("(by way of
 * comparison, the USA's force numbered just 9,000)") and is stepped over by a value outside it.
 */
export function clauseAround(text: string, sentence: Sentence, offset: number): { start: number; end: number } {
  return clauseIn(clauseStructure(text, sentence), offset);
}

/** A sentence's parentheses and clause breaks, found once and shared by all its values. */
export interface ClauseStructure {
  sentence: Sentence;
  parens: { start: number; end: number }[];
  breaks: { start: number; end: number }[];
}

export function clauseStructure(text: string, sentence: Sentence): ClauseStructure {
  const s = text.slice(sentence.start, sentence.end);
  const breaks: { start: number; end: number }[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m; m = CLAUSE_BREAK.exec(s)) breaks.push({ start: m.index, end: m.index + m[0].length });
  return { sentence, parens: parentheticals(s), breaks };
}

export function clauseIn(structure: ClauseStructure, offset: number): { start: number; end: number } {
  const { sentence, parens, breaks } = structure;
  const at = offset - sentence.start;
  const inside = parens.find((p) => p.start < at && at < p.end);
  const from = inside ? inside.start + 1 : 0;
  const to = inside ? inside.end - 1 : sentence.end - sentence.start;
  let start = from;
  let end = to;
  for (const b of breaks) {
    if (b.start < from || b.start >= to) continue;
    if (!inside && parens.some((p) => p.start <= b.start && b.start < p.end)) continue;
    if (b.end <= at) start = b.end;
    else if (b.start >= at) {
      end = b.start;
      break;
    }
  }
  return { start: sentence.start + start, end: sentence.start + end };
}

const CLAUSE_BREAK =
  /;|\s[—–]\s|,\s+and\b(?!\s+(?:also\s+|then\s+)?\p{Ll}+(?:ed|ame|ook|ew|ent|ought|ave|ade|old|oke|ose|ung)\b)|,\s+(?:but|whereas|while|although)\b|\s(?:but|whereas)[\s,]/gu;

/** Balanced "( … )" spans of a sentence, outermost only. */
function parentheticals(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if (s[i] === ')' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: open, end: i + 1 });
    }
  }
  return out;
}
