// Page furniture, found by the shape of the lines and never by their words: what a copied web page, a
// printed form or a record's header carries around its prose (navigation and menus, "Jump to content",
// a byline, "Published …", a contact block, labels, share and cookie lines, a citation header). None
// of it names what the text is about, so no entity is proposed from it and it is never the title; the
// parts that are pure chrome (menus, links, contact numbers, timestamps, lines repeated on every page)
// are masked, so their numbers are not read as figures either.
//
// The evidence, per line: whether it is prose (enough words, mostly lower case);
// where it stands (the "zones" before the first prose line and after the last one hold the chrome of a
// page); whether it is written in title case without a verb; whether it is a "Label:" or "Label: value"
// row; whether it holds a link, an e-mail address or a phone number; whether it occurs more than once.
import { EXTRACT_SETTINGS, type FurnitureSettings } from './settings.js';
import type { Span } from './spans.js';
import type { NameSpan } from './proposals.js';
import { tokenize, foldName } from './tokens.js';
import { isPastVerb, NAME_STOP, TITLES } from './words.js';

export interface PageFurniture {
  /** Spans to blank before anything is read: menus, links, contact lines, timestamps, repeated lines. */
  masked: Span[];
  /** Lines (and label parts of rows) from which no entity is proposed. */
  noNames: Span[];
  /**
   * Lines whose capitals say nothing about names: every line that is not prose (a heading, a menu, a caption, a
   * form's row, a court's caption) and the headlines run into prose. A run of common words there is the line's
   * wording ("Key Points", "Browse Subject Areas"), not a name (name-plausibility.ts).
   */
  caseless: Span[];
  /** The title line, when the page's chrome surrounds one: the zone line sharing most words with the first prose sentence. */
  title?: Span;
  /** The first prose line, where a news report's dateline stands. */
  opening?: Span;
}

interface Line extends Span {
  body: string;
  /** The line's words, for lines of at most LONG_LINE characters (empty beyond). */
  words: string[];
  /** How many words the line has. */
  count: number;
  lower: number;
  capital: number;
  terminal: boolean;
  prose: boolean;
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/;
/** Words that join the words of a title or name without making it a sentence. */
const JOINING = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'at', 'for', 'to', 'de', 'du', 'la', 'von', 'van', 'der', 'by', '&']);
const DATE_LIKE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b(?:1[5-9]|20)\d{2}\b/;
const MENU_SEPARATORS = /[|•·»›]/g;
/** A lower-case word other than the ones that join the words of a title. */
const NOT_TITLE = /(?:^|[\s(])(?!(?:of|the|and|a|an|in|on|at|for|to|de|du|la|von|van|der|by)\b)\p{Ll}/u;

const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;
/** Lines longer than this keep counts only (a page's chrome is never that long): 5 MB of prose costs one regex pass. */
const LONG_LINE = 400;

function readLines(text: string, settings: FurnitureSettings): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const body = text.slice(start, end);
    // A link's path is not words of the line ("at: http://www.usgs.gov/public/press/…").
    const plain = body.includes('://') || body.includes('www.') || body.includes('@') ? body.replace(URL, ' ') : body;
    const words: string[] = [];
    let count = 0;
    let lower = 0;
    let capital = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(plain); m; m = WORD.exec(plain)) {
      const w = m[0];
      count++;
      if (body.length <= LONG_LINE) words.push(w);
      const first = w[0]!;
      if (first !== first.toLowerCase()) capital++;
      else if (!JOINING.has(w)) lower++;
    }
    const terminal = /[.!?…]["”’')\]]*\s*$/.test(body) || /(?<=\p{L}\p{L})[.!?]["”’)]*\s/u.test(body);
    // Not "ends a sentence": the lines of a hard-wrapped page run on without one.
    // An encyclopedia's opening is dense with names: a line that ends a sentence needs only a few lower-case words.
    // A short closing sentence is prose too ("Most of them closed after the war."): a page's tail starts after it.
    const prose =
      (count >= settings.proseWords || (terminal && count >= settings.proseWords / 2 + 1)) &&
      (count - capital >= settings.proseLowerShare * count || (terminal && lower >= 3));
    out.push({ start, end, body, words, count, lower, capital, terminal, prose });
    start = end + 1;
  }
  return out;
}

export function pageFurniture(text: string, settings: FurnitureSettings = EXTRACT_SETTINGS.furniture): PageFurniture {
  const masked: Span[] = [];
  const noNames: Span[] = [];
  const caseless: Span[] = [];
  // Links and e-mail addresses are never read, wherever they are.
  // (Every match holds '://', 'www.' or '@': a text with none of them is not scanned.)
  if (text.includes('://') || text.includes('www.') || text.includes('@'))
    for (const m of text.matchAll(URL)) masked.push({ start: m.index, end: m.index + m[0].length });
  const lines = readLines(text, settings);
  const firstProse = lines.findIndex((l) => l.prose);
  if (firstProse === -1)
    return {
      masked,
      noNames: union(noNames),
      caseless: union(lines.filter((l) => l.count > 0).map((l) => ({ start: l.start, end: l.end }))),
    };
  // The page's tail starts after the last prose that is not itself a page's timestamp ("This page was last edited on 3 May 2024, at 10:12").
  let lastProse = firstProse;
  for (let i = lines.length - 1; i > firstProse; i--)
    if (lines[i]!.prose && !clockStamp(lines[i]!)) {
      lastProse = i;
      break;
    }
  const title = titleLine(lines, firstProse);
  const counts = new Map<string, number>();
  for (const l of lines) {
    const key = foldName(l.body);
    if (key.length >= 4 && !l.prose) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // A form sets its labels alone on a line ("Occurrence Date:") and the values below: in such a zone every
  // line is a label or a form's value, and the narrative names again whatever matters.
  const labelsAlone = (from: number, to: number) => lines.slice(from, to).filter((l) => /^\s*[^:\n]{1,60}:\s*$/.test(l.body)).length;
  const forms = [labelsAlone(0, firstProse) >= 2, labelsAlone(lastProse + 1, lines.length) >= 2];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.prose && i > lastProse && clockStamp(l)) {
      masked.push(l);
      noNames.push(l);
      continue;
    }
    if (l.prose) {
      const heads = headlines(l);
      noNames.push(...heads);
      caseless.push(...heads);
      continue;
    }
    if (l.count === 0) continue;
    caseless.push({ start: l.start, end: l.end });
    if (l === title) continue;
    const inZone = i < firstProse || i > lastProse;
    if ((i < firstProse && forms[0]) || (i > lastProse && forms[1])) {
      noNames.push(l);
      if (!(l.body.match(MENU_SEPARATORS)?.length ?? 0)) continue;
    }
    const label = /^\s*([^:\n]{1,60}):(\s*)(.*)$/.exec(l.body);
    const labelWords = label ? label[1]!.trim().split(/\s+/).length : Infinity;
    const repeated = (counts.get(foldName(l.body)) ?? 0) > 1;
    // A menu is a run of capitalised link words; a heading set in capitals is not one.
    const shouted = l.body === l.body.toUpperCase();
    // Names join their words with "of", "the", "de" ("Flag of the Confederate States of America"); a menu
    // runs its link words side by side, with no figure among them.
    const joined = l.words.filter((w) => JOINING.has(w.toLowerCase())).length;
    // Four capitalised link words or more side by side, no joining word nor initial ("Print Email Facebook Twitter"), are one too.
    const linkRun = l.count >= 4 && l.capital === l.count && joined === 0 && l.words.every((w) => w.length > 1);
    const menu =
      (l.body.match(MENU_SEPARATORS)?.length ?? 0) >= 2 ||
      (inZone &&
        !l.terminal &&
        !shouted &&
        !/\d/.test(l.body) &&
        ((l.count >= settings.menuWords && l.lower <= 1 && joined * 6 <= l.count) || linkRun));
    const contact = PHONE.test(l.body) && l.lower <= 2;
    const timestamp = inZone && isTimestamp(l, lines[i - 1], lines[i + 1], settings);
    // A line repeated below the opening is a running head or footer; above it, an infobox may name a side twice.
    if (repeated) noNames.push(l);
    if ((repeated && i > firstProse) || menu || contact || timestamp) {
      masked.push(l);
      noNames.push(l);
      continue;
    }
    // A label is no name ("Occurrence Date:", "Contact Information:"); a heading or a row of the page's chrome is none either.
    // (Only a label alone: in "Ashton Mill: 300 workers" the label is what the row is about.)
    if (label && labelWords <= settings.labelWords && label[3]!.trim() === '')
      noNames.push({ start: l.start, end: l.start + label[1]!.length });
    // Chrome is written in sentence case ("Jump to content", "Main menu", "Share this article", "See also"),
    // names in title case ("Army of the Potomac", an infobox's rows): only the former is kept from proposing.
    // Within the prose, a line with a figure is content ("- Brook Mill, opened in 1851, 450 workers"), whatever its case.
    // A bulleted line is a list's item, content wherever it stands.
    const bulleted = /^\s*(?:[-•*–—▪◦]|\d{1,2}[.)])\s/.test(l.body);
    const sentenceCase =
      !l.terminal &&
      !bulleted &&
      l.lower > 0 &&
      (inZone ? l.count <= settings.menuWords + 5 : !/\d/.test(l.body) && l.count <= settings.labelWords);
    const byline = inZone && /^\s*by\s+\p{Lu}/iu.test(l.body) && l.count <= settings.labelWords + 1;
    if (sentenceCase || byline) noNames.push(l);
  }
  const opening = { start: lines[firstProse]!.start, end: lines[firstProse]!.end };
  // Above a news report's dateline stand its headlines and the page's chrome: no names from them.
  if (!title && datelineIn(text, opening)) for (let i = 0; i < firstProse; i++) if (lines[i]!.count > 0) noNames.push(lines[i]!);
  const common = { masked, noNames: union(noNames), caseless: union(caseless), opening };
  return title ? { ...common, title } : common;
}

/** A line that dates the page to the minute: a participle, a date and a clock time ("last edited on 3 May 2024, at 10:12 (UTC)"). */
function clockStamp(l: Line): boolean {
  if (l.count > 20 || !/\b\d{1,2}:\d{2}\b/.test(l.body)) return false;
  return [...l.body.matchAll(/(\p{L}+)\s+(?:on\s+|at\s+)?(?=\d|\p{Lu}\p{Ll}+\.?\s+\d)/gu)].some((m) => isPastVerb(m[1]!));
}

/**
 * Headlines run into the prose of a flattened page ("Early Morning Fire in a St. Louis Lodging House
 * Cremates Sleepers in Their Beds. ST. LOUIS, Mo. …"): a stretch of six words or more in title case,
 * with no lower-case word but the joining ones, names nothing a reader could tell from the headline's
 * other capitals.
 */
function headlines(l: Line): Span[] {
  const out: Span[] = [];
  for (const m of l.body.matchAll(/[^.!?]+[.!?]?/g)) {
    // Most sentences have a lower-case word no title joins with: the common case costs one search.
    if (NOT_TITLE.test(m[0])) continue;
    const tokens = tokenize(m[0]).filter((t) => /\p{L}/u.test(t.text));
    if (tokens.length < 6 || tokens.some((t) => !t.capital && !JOINING.has(t.text))) continue;
    // Not a run of capitals ("THE BITTER GOLD"): a headline set in title case.
    if (m[0] === m[0].toUpperCase()) continue;
    out.push({ start: l.start + m.index, end: l.start + m.index + m[0].length });
  }
  return out;
}

/**
 * "Home Archived April 13, 2016", "Released: 8/21/1999", "Published 12 May 2020 · Updated 13:05": a short
 * line with a date or time and a participle, standing alone (an infobox's rows come in runs of rows).
 */
function isTimestamp(l: Line, before: Line | undefined, after: Line | undefined, settings: FurnitureSettings): boolean {
  if (clockStamp(l)) return true;
  if (
    l.terminal ||
    l.count > settings.timestampWords ||
    (!DATE_LIKE.test(l.body) && !/\b\d{1,2}\s+\p{L}+\s+\d{4}\b|\p{L}+\s+\d{1,2},\s+\d{4}/u.test(l.body))
  )
    return false;
  // The participle stands right before the date ("Archived April 13, 2016", "Released: 8/21/1999", "updated at 12:30").
  const stamped = [...l.body.matchAll(/(\p{L}+)[\s:]+(?:on\s+|at\s+)?(?=\d|\p{Lu}\p{Ll}+\.?\s+\d)/gu)].some((m) => isPastVerb(m[1]!));
  if (!stamped) return false;
  const row = (x: Line | undefined) => x !== undefined && /^\s*[^:\n]{1,40}:\s*\S/.test(x.body);
  return !(row(before) || row(after));
}

/**
 * The page's title among the zone lines before the first prose: a heading (no sentence punctuation, at
 * most a dozen words) that shares the most words with the first prose sentence, as an article's opening
 * restates its title ("Allied intervention in the Russian Civil War" → "The Allied intervention in the
 * Russian Civil War consisted of …"); the first prose paragraph is compared, as a page may open with a question. None when no heading shares a capitalised word.
 */
function titleLine(lines: readonly Line[], firstProse: number): Line | undefined {
  if (firstProse === 0) return undefined;
  const opening = lines[firstProse]!.body;
  // Words that can name something, compared without case ("REPORT ON THE EXPLOSION …" → "The explosion
  // occurred …"): not "Mr", "The", "If" (a title or a sentence's first word), not two-letter words.
  const naming = (t: { text: string; lower: string }) => t.text.length > 2 && !TITLES.has(t.lower) && !NAME_STOP.has(t.lower);
  const openingTokens = tokenize(opening).filter(naming);
  const openingWords = new Set(openingTokens.map((t) => t.lower));
  const openingNames = new Set(openingTokens.filter((t) => t.capital).map((t) => t.lower));
  const openingLower = opening.toLowerCase();
  let best: { line: Line; coverage: number; at: number } | undefined;
  for (let i = 0; i < firstProse; i++) {
    const l = lines[i]!;
    if (l.count === 0 || l.count > 12 || /[.!?;]\s*$/.test(l.body.trim()) || l.body.includes(':')) continue;
    // A heading in capitals says nothing by its case: any word counts; otherwise a name the opening capitalises too.
    const words = l.body === l.body.toUpperCase() ? openingWords : openingNames;
    const own = tokenize(l.body).filter((t) => t.capital && naming(t));
    const shared = own.filter((t) => words.has(t.lower));
    if (shared.length === 0) continue;
    // The heading the opening restates most fully, and first: an article opens with its own name, then others'.
    const coverage = shared.length / own.length;
    const at = Math.min(...shared.map((t) => openingLower.indexOf(t.lower)));
    if (!best || coverage > best.coverage || (coverage === best.coverage && at < best.at)) best = { line: l, coverage, at };
  }
  return best?.line;
}

/** Whether a span lies inside one of the spans (sorted by start and disjoint, as pageFurniture returns them): a binary search. */
export function within(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  const s = spans[lo - 1];
  return s !== undefined && s.start <= start && end <= s.end;
}

/** Spans sorted by start, overlapping ones merged. */
function union(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * The document's title as a name span for the first sentence: the title line the chrome surrounds; else
 * the opening heading or dateline (`fallback`), unless that first line is itself furniture.
 */
export function openingTitle(
  masked: string,
  furniture: PageFurniture,
  sentence: Span,
  fallback: () => NameSpan | undefined,
): NameSpan | undefined {
  const line = furniture.title;
  if (line) {
    const raw = masked.slice(line.start, line.end);
    const text = raw.trim();
    if (text === '') return undefined;
    const start = line.start + raw.indexOf(text);
    return { start, end: start + text.length, text, type: 'other', confidence: 0.5 };
  }
  const dateline = furniture.opening && datelineIn(masked, furniture.opening);
  if (dateline) return dateline;
  return furniture.noNames.some((s) => s.start <= sentence.start && sentence.start < s.end) ? undefined : fallback();
}

/**
 * A news dateline in the opening ("… SURVIVORS ST. LOUIS, Mo.. Feb. 9.-An early morning fire", "HALIFAX,
 * N.S., Dec. 8, 1917 — The death toll"): a place in capitals (one or two words), a comma, perhaps a
 * state's abbreviation, a month and day, and a dash. The place is what the report is filed from.
 */
function datelineIn(masked: string, line: Span): NameSpan | undefined {
  const body = masked.slice(line.start, Math.min(line.end, line.start + 1500));
  const m =
    /(?:^|[\s"'“])((?:\p{Lu}{2,}\.?[ ]){0,1}\p{Lu}{2,}\.?),[ ]+(?:\p{Lu}[\p{L}.]{0,5}[.,]+[ ]*)?\p{Lu}\p{Ll}{2,8}\.?[ ]+\d{1,2}\b[^\n]{0,12}?[-—–]/u.exec(
      body,
    );
  if (!m) return undefined;
  const text = m[1]!.replace(/\.$/, '');
  const start = line.start + m.index + m[0].indexOf(m[1]!);
  return { start, end: start + text.length, text, type: 'place', confidence: 0.5 };
}
