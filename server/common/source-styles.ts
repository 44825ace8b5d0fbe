// Who says what: every source gets a colour (its claims on the graph, its swatch in the legend and
// the list) and a short abbreviation for tight labels ("RB · over 72,000"). Both are derived from
// the sources' own names, for any corpus: nothing here knows the bundled texts.
import { fnv1a } from './hash.js';

/** Colours for sources: none of them is the entity orange, the conflict red or the agreement green. */
export const SOURCE_PALETTE = [
  '#1971c2',
  '#9c36b5',
  '#0b7285',
  '#5f3dc4',
  '#a61e4d',
  '#5c940d',
  '#364fc7',
  '#862e9c',
  '#087f5b',
  '#495057',
] as const;

export interface SourceInfo {
  id: string;
  /** Publisher when known ("Russia Beyond"), else the title. */
  name: string;
  title: string;
}

export interface SourceStyle {
  colour: string;
  abbreviation: string;
  name: string;
  title: string;
}

const MINOR = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'on', 'for', 'to', 'at', 'by', 'via', 'de', 'la', 'le', 'der', 'die', 'das']);

/**
 * Initials of a name's significant words ("Russia Beyond" → "RB", "The New York Times" → "NYT");
 * for one word, its inner capitals ("BuzzFeed" → "BF") or its first two letters ("Wikipedia" → "Wi").
 * Whatever is in brackets ("(via a mirror page)") is left out.
 */
export function abbreviate(name: string): string {
  const plain = name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const words = plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !MINOR.has(w.toLowerCase()));
  if (words.length === 0) return name.trim().slice(0, 2) || '?';
  if (words.length >= 2)
    return words
      .slice(0, 3)
      .map((w) => firstChar(w).toUpperCase())
      .join('');
  const word = words[0]!;
  const capitals = [...word].filter((c, i) => i > 0 && c !== c.toLowerCase() && c === c.toUpperCase());
  if (capitals.length > 0 && capitals.length < 3) return `${firstChar(word).toUpperCase()}${capitals.join('')}`;
  if (/^\p{N}+$/u.test(word)) return word.slice(0, 4);
  return `${firstChar(word).toUpperCase()}${[...word].slice(1, 2).join('')}`;
}

function firstChar(word: string): string {
  return [...word][0] ?? '';
}

/**
 * Styles for a set of sources. When every source is known up front and they fit the palette, each
 * gets its own palette colour in id order; otherwise a colour by hash of the id (stable whatever
 * part of a large graph is loaded). Abbreviations are made unique by adding letters, then digits.
 */
export class SourceStyles {
  private readonly styles = new Map<string, SourceStyle>();
  private readonly taken = new Set<string>();

  constructor(sources: readonly SourceInfo[], complete: boolean) {
    const sorted = [...sources].sort((a, b) => a.id.localeCompare(b.id));
    const byPalette = complete && sorted.length <= SOURCE_PALETTE.length;
    sorted.forEach((s, i) => this.add(s, byPalette ? SOURCE_PALETTE[i]! : undefined));
  }

  /** The style of a source, adding it when first seen (a source loaded later in a large graph). */
  of(source: SourceInfo): SourceStyle {
    return this.styles.get(source.id) ?? this.add(source);
  }

  get(id: string): SourceStyle | undefined {
    return this.styles.get(id);
  }

  all(): [string, SourceStyle][] {
    return [...this.styles].sort((a, b) => a[1].name.localeCompare(b[1].name));
  }

  get size(): number {
    return this.styles.size;
  }

  private add(source: SourceInfo, colour = SOURCE_PALETTE[fnv1a(source.id) % SOURCE_PALETTE.length]!): SourceStyle {
    const style = { colour, abbreviation: this.unique(abbreviate(source.name), source.name), name: source.name, title: source.title };
    this.styles.set(source.id, style);
    return style;
  }

  private unique(base: string, name: string): string {
    const letters = [...name.replace(/[^\p{L}\p{N}]/gu, '')];
    let candidate = base;
    for (let extra = base.length; this.taken.has(candidate) && extra < Math.min(letters.length, 4); extra++) {
      candidate = base + letters[extra]!.toLowerCase();
    }
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}
