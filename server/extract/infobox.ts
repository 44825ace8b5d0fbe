// A pasted Wikipedia conflict infobox, read as a table. Captured as plain text it is flattened into
// lines: the title, a "Date…" row (and its duration in parentheses), the result, one line per
// belligerent (flag image names before the name), "Commanders and leaders" and one line per commander,
// the strength row (its "Strength" label is often lost: one figure per column, on one line or several),
// then "Casualties and losses" and one block per column — a headline figure ("3,116 (total)") and its
// bullets ("• 1,399 killed"). The columns' figures interleave, and the sides are named nowhere near
// them: read as prose every one of them would be about the article's title. Here each figure is put
// in its column and given that column's side; the row label stands for the property when the figure
// itself names none. Only the template's own row labels are known to the code (English, generic).
import type { Entity } from '../core/schema-types.js';
import { findDates } from './dates.js';
import { findMentions, type EntityIndex } from './entities.js';
import { findNumbers } from './numbers.js';
import { rankProperties, sentenceWords, type PropertyGroup, type PropertyIndex } from './properties.js';
import { foldWord, tokenize } from './tokens.js';

export interface InfoboxCell {
  /** The cell's span (a whole line, or one figure of a row that holds several). */
  start: number;
  end: number;
  subject: Entity;
  /** The property the row stands for, used when the cell's own words name none. */
  property?: string;
  kind: 'strength' | 'casualties' | 'part' | 'date' | 'duration';
  /** A duration in days worked out from the date row ("(4 years, 5 months, 1 week and 5 days)"). */
  days?: number;
}

interface Line {
  start: number;
  end: number;
  /** Trimmed masked text. */
  text: string;
  bullet: boolean;
}

/** How far into a text an infobox can be: it comes before the article's prose. */
const MAX_LINES = 120;
const CASUALTIES = /^casualties(?: and losses)?$/i;
const COMMANDERS = /^commanders?(?: and leaders)?$/i;
const BELLIGERENTS = /^belligerents$/i;
const STRENGTH = /^strength$/i;
const UNITS = /^units involved$/i;
const DATE_ROW = /^date\s*(?=\d|[A-Z])/i;
const DURATION = /^\(\s*\d+\s+(?:years?|months?|weeks?|days?)(?:,?\s*(?:and\s+)?\d+\s+(?:years?|months?|weeks?|days?))*\s*\)$/i;
const BULLET = /^\s*[•·▪◦*]/;

export function readInfobox(text: string, masked: string, entities: EntityIndex, properties: PropertyIndex): InfoboxCell[] {
  const lines = firstLines(text, masked);
  const casualtiesAt = lines.findIndex((l) => CASUALTIES.test(l.text));
  const commandersAt = lines.findIndex((l) => COMMANDERS.test(l.text));
  const cells: InfoboxCell[] = [];
  const title = lines.length > 0 ? wholeMention(masked, lines[0]!, entities) : undefined;
  if (title) cells.push(...dateRow(lines, title, properties));
  cells.push(...numberedRows(masked, lines, entities));
  if (casualtiesAt === -1 && commandersAt === -1) return cells;

  // Belligerents: after an explicit label, else the name lines right before "Commanders and leaders".
  const anchor = commandersAt !== -1 ? commandersAt : casualtiesAt;
  const labelAt = lines.findIndex((l, i) => i < anchor && BELLIGERENTS.test(l.text));
  const belligerents: Entity[] = [];
  if (labelAt !== -1) {
    for (let i = labelAt + 1; i < anchor; i++) {
      const e = wholeMention(masked, lines[i]!, entities);
      if (e) belligerents.push(e);
    }
  } else {
    for (let i = anchor - 1; i >= 0; i--) {
      const e = wholeMention(masked, lines[i]!, entities);
      if (!e) break;
      belligerents.unshift(e);
    }
  }
  if (belligerents.length === 0) return cells;

  // Strength: figures after the commanders (or an explicit "Strength" row) and before the casualties.
  const strength: { start: number; end: number }[] = [];
  const strengthEnd = casualtiesAt === -1 ? lines.length : casualtiesAt;
  let strengthFrom = lines.findIndex((l, i) => i > anchor && i < strengthEnd && STRENGTH.test(l.text));
  if (strengthFrom === -1) strengthFrom = commandersAt === -1 ? strengthEnd : commandersAt;
  // Lines without figures on the way are units or commanders ("Units involved", "Army of the Potomac").
  for (let i = strengthFrom + 1; i < strengthEnd; i++) {
    const line = lines[i]!;
    if (UNITS.test(line.text)) continue;
    for (const figure of figures(masked, line)) strength.push(figure);
  }

  // Casualties: one block per column, a headline figure then its bullets.
  const blocks: { head?: Line; parts: Line[] }[] = [];
  if (casualtiesAt !== -1) {
    for (let i = casualtiesAt + 1; i < lines.length; i++) {
      const line = lines[i]!;
      const leadingFigure = /^[~≈<>]?\s*[\d¥$£€]/.test(line.text);
      if (line.bullet && figures(masked, line).length > 0) {
        if (blocks.length === 0) blocks.push({ parts: [] });
        blocks[blocks.length - 1]!.parts.push(line);
      } else if (leadingFigure && !line.bullet) blocks.push({ head: line, parts: [] });
      else break;
    }
  }

  const columns = Math.max(strength.length, blocks.length);
  if (columns === 0 || belligerents.length < columns) return cells;
  const sides = sidesOf(belligerents, columns, entities);
  const strengthProperty = byLabel(properties.quantity, 'strength');
  strength.forEach((f, k) => {
    if (k < columns)
      cells.push({ ...f, subject: sides[k]!, kind: 'strength', ...(strengthProperty ? { property: strengthProperty } : {}) });
  });
  const casualtyLabel = casualtiesAt !== -1 ? lines[casualtiesAt]!.text : 'casualties';
  blocks.forEach((block, k) => {
    if (k >= columns) return;
    const subject = sides[k]!;
    for (const part of block.parts) cells.push({ start: part.start, end: part.end, subject, kind: 'part' });
    if (block.head) {
      // The headline counts what its bullets count together: the property whose cues cover every bullet ("killed" and "died" → deaths), else the row's label.
      const labels = block.parts.map((p) =>
        masked
          .slice(p.start, p.end)
          .replace(/[\d,.\s]+/, ' ')
          .toLowerCase(),
      );
      const property = covering(properties.quantity, labels) ?? byLabel(properties.quantity, casualtyLabel);
      cells.push({ start: block.head.start, end: block.head.end, subject, kind: 'casualties', ...(property ? { property } : {}) });
    }
  });
  return cells;
}

/** The lines of the text's opening, up to the first paragraph of prose. */
function firstLines(text: string, masked: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  while (at < masked.length && out.length < MAX_LINES) {
    let end = masked.indexOf('\n', at);
    if (end === -1) end = masked.length;
    const raw = masked.slice(at, end);
    const trimmed = raw.trim();
    if (trimmed !== '') {
      // Prose: a long line of several sentences. The infobox is over.
      if (trimmed.length > 300 && /[.!?]\s+\p{Lu}/u.test(trimmed)) break;
      const lead = raw.length - raw.trimStart().length;
      const bullet = BULLET.test(text.slice(at, end));
      const startAt = at + lead + (bullet ? (/^[•·▪◦*]\s*/.exec(raw.trimStart())?.[0].length ?? 0) : 0);
      out.push({ start: startAt, end: at + raw.trimEnd().length, text: masked.slice(startAt, at + raw.trimEnd().length), bullet });
    }
    at = end + 1;
  }
  return out;
}

/** A template's numbered parameter as a row ("- Combatant1: Russian SFSR", "- Strength2: 42,000 men (1918)"). */
const NUMBERED_ROW = /^(?:[-*•]\s*)?(\p{L}+?)(\d)\s*:\s*/u;
const SIDE_KEY = /^(?:combatants?|belligerents?|sides?|parties|party)$/i;
const FIGURE_KEY = /^(?:strength|casualties|losses|units|forces|troops)$/i;

/**
 * A template dumped as "key: value" rows with numbered keys (Wikipedia's conflict infobox parameters
 * combatant1, strength1, casualties1 …): a figure in row "Strength2" is the side named in row "Combatant2".
 */
function numberedRows(masked: string, lines: readonly Line[], entities: EntityIndex): InfoboxCell[] {
  const sides = new Map<string, Entity>();
  const rows: { column: string; line: Line; from: number }[] = [];
  for (const line of lines) {
    const m = NUMBERED_ROW.exec(line.text);
    if (!m) continue;
    const from = line.start + m[0].length;
    if (SIDE_KEY.test(m[1]!)) {
      if (sides.has(m[2]!)) continue;
      const mention = findMentions(entities, masked, tokenize(masked.slice(from, line.end), from)).find((x) => x.via === 'alias');
      if (mention) sides.set(m[2]!, forceOf(mention.entities[0]!, entities) ?? mention.entities[0]!);
    } else if (FIGURE_KEY.test(m[1]!)) rows.push({ column: m[2]!, line, from });
  }
  const out: InfoboxCell[] = [];
  for (const row of rows) {
    const subject = sides.get(row.column);
    if (!subject) continue;
    for (const f of figures(masked, { ...row.line, start: row.from })) out.push({ ...f, subject, kind: 'part' });
  }
  return out;
}

/** The entity a line names and nothing else ("Russian SFSR" once the flag's file name is masked). */
function wholeMention(masked: string, line: Line, entities: EntityIndex): Entity | undefined {
  if (line.text.length > 80 || line.bullet) return undefined;
  const tokens = tokenize(line.text, line.start);
  const mentions = findMentions(entities, masked, tokens);
  const m = mentions.find((x) => x.via === 'alias');
  if (!m || mentions.length !== 1) return undefined;
  if (masked.slice(line.start, m.start).trim() !== '' || masked.slice(m.end, line.end).replace(/[\s.)(]+/g, '') !== '') return undefined;
  return m.entities[0];
}

/** Each figure of a row with its own parenthesis ("600,000 (peak)"), years left out. */
function figures(masked: string, line: Line): { start: number; end: number }[] {
  const s = masked.slice(line.start, line.end);
  const out: { start: number; end: number }[] = [];
  for (const n of findNumbers(s)) {
    if (n.yearLike || n.spelled) continue;
    const paren = /^\s*\([^()]{1,40}\)/.exec(s.slice(n.end));
    out.push({ start: line.start + n.start, end: line.start + n.end + (paren ? paren[0].length : 0) });
  }
  return out;
}

/**
 * The side of each column: the belligerents split in order into as many groups as there are columns
 * (evenly; the first columns take any remainder), each represented by its first belligerent. A state's
 * strength and losses are those of its armed force: the force its people's adjective names
 * ("Empire of Japan", also "Japanese government" → "Japanese troops").
 */
function sidesOf(belligerents: readonly Entity[], columns: number, entities: EntityIndex): Entity[] {
  const base = Math.floor(belligerents.length / columns);
  const extra = belligerents.length % columns;
  const out: Entity[] = [];
  let at = 0;
  for (let k = 0; k < columns; k++) {
    const first = belligerents[at]!;
    out.push(forceOf(first, entities) ?? first);
    at += base + (k < extra ? 1 : 0);
  }
  return out;
}

function forceOf(entity: Entity, entities: EntityIndex): Entity | undefined {
  if (entity.type === 'armed-force' || entity.type === 'group') return entity;
  for (const name of [entity.label, ...entity.aliases.map((a) => a.name)]) {
    for (const token of tokenize(name)) {
      if (!token.capital) continue;
      const force = entities.demonyms.get(foldWord(token.text));
      if (force) return force;
    }
  }
  return undefined;
}

/** The property a row label names ("Strength" → troop strength, "Casualties and losses" → casualties). */
export function byLabel(group: PropertyGroup, label: string): string | undefined {
  const tokens = tokenize(label);
  if (tokens.length === 0) return undefined;
  const ranked = rankProperties(group, { words: sentenceWords(tokens), from: tokens.length, to: tokens.length });
  return ranked[0]?.entry.property.id;
}

/** The property whose cues name what every bullet counts. */
function covering(group: PropertyGroup, labels: readonly string[]): string | undefined {
  if (labels.length < 2) return undefined;
  const stems = labels.map((l) => sentenceWords(tokenize(l)).stems);
  const fits = group.entries.filter((e) => stems.every((words) => e.cues.some((c) => c.words.every((w) => words.includes(w)))));
  // The broadest such property: the one with the most cues (deaths covers "killed" and "died"; killed in action only "killed").
  fits.sort((a, b) => b.cues.length - a.cues.length);
  return fits[0]?.property.id;
}

/** "Date12 January 1918 — 24 June 1922" and the duration line after it: the title's start, end and duration. */
function dateRow(lines: readonly Line[], title: Entity, properties: PropertyIndex): InfoboxCell[] {
  const out: InfoboxCell[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const m = DATE_ROW.exec(line.text);
    if (!m) continue;
    out.push({ start: line.start, end: line.end, subject: title, kind: 'date' });
    const next = lines[i + 1];
    const dates = findDates(line.text);
    const range = dates.find((d) => d.until);
    const durationProperty = byLabel(properties.quantity, 'duration');
    if (
      next &&
      range &&
      durationProperty &&
      DURATION.test(next.text) &&
      range.date.precision === 'day' &&
      range.until!.precision === 'day'
    ) {
      const days = (Date.parse(range.until!.value) - Date.parse(range.date.value)) / 86_400_000;
      if (days > 0) out.push({ start: next.start, end: next.end, subject: title, kind: 'duration', property: durationProperty, days });
    }
    break;
  }
  return out;
}
