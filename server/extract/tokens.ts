// Word tokens with offsets, and the folding that makes spellings of one name compare equal:
// accents ("Ōtani" = "Otani"), case, apostrophes, and the common variants of romanised Russian and
// Japanese names ("Semyonov" = "Semenov" = "Semenoff", "Koltchak" = "Kolchak", "Itou" = "Ito").

/** A word with its offsets. Its lower-case form is worked out on first use: most words never need it. */
export class Token {
  private lowered: string | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    /** Starts with a capital letter (or is CJK, which has no case). */
    readonly capital: boolean,
  ) {}

  /** Lower case with accents removed, for cue matching. */
  get lower(): string {
    return (this.lowered ??= (ASCII.test(this.text) ? this.text.toLowerCase() : stripAccents(this.text).toLowerCase()).replace('-\n', ''));
  }
}

/** A word, also one hyphenated across a line break ("re-\nturned", as OCR and hard-wrapped text have it). */
const WORD = /[\p{L}\p{N}]+(?:-\n[\p{Ll}]+)?(?:['’][\p{L}]+)?/gu;
const ASCII = /^[\x00-\x7f]*$/;

export function tokenize(s: string, base = 0): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const text = m[0];
    const first = text[0]!;
    const code = first.charCodeAt(0);
    // CJK has no case: count it as capitalised, as names are.
    const capital = code >= 0x3040 && code <= 0x9fff ? true : first !== first.toLowerCase();
    out.push(new Token(base + m.index, base + m.index + text.length, text, capital));
  }
  return out;
}

const accentCache = new Map<string, string>();

export function stripAccents(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = accentCache.get(text);
  if (out === undefined) {
    out = text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
      .replace(/[’‘]/g, "'");
    if (accentCache.size < 50_000) accentCache.set(text, out);
  }
  return out;
}

/** Romanisation variants folded to one form, applied to whole lower-case words (order matters). */
const VARIANTS: [RegExp, string][] = [
  [/['’]s$/, ''],
  [/['’]/g, ''],
  [/tch/g, 'ch'],
  [/(?<=[^aeiou])yo/g, 'e'], // Semyonov → Semenov (ё), Krasnoshchyokov → Krasnoshchekov
  [/(?<=[^aeiou])ye/g, 'e'], // Vasilyev → Vasilev
  [/(?<=[^aeiou])io/g, 'e'], // Semionov, Fiodor
  [/off$/, 'ov'],
  [/ff$/, 'f'],
  [/(?:iy|ii|yi|ij)$/, 'y'],
  [/kh/g, 'h'],
  [/ou$/, 'o'],
  [/(?<=[aeiou])u(?=[^aeiou]|$)/g, ''], // Japanese long vowels written out: "Itou", "Satou"
  [/([aeiou])\1/g, '$1'],
];

const foldCache = new Map<string, string>();

/** One word's folded key: lower case, no accents, romanisation variants merged. */
export function foldWord(word: string): string {
  let out = foldCache.get(word);
  if (out !== undefined) return out;
  out = stripAccents(word).toLowerCase();
  for (const [pattern, replacement] of VARIANTS) out = out.replace(pattern, replacement);
  if (out === '') out = stripAccents(word).toLowerCase();
  if (foldCache.size < 100_000) foldCache.set(word, out);
  return out;
}

const nameCache = new Map<string, string>();

/** A name's folded key: its words folded and joined by single spaces ("Lieut.-General" = "lieut general"). Cached: a text names the same few things again and again. */
export function foldName(name: string): string {
  let out = nameCache.get(name);
  if (out === undefined) {
    out = tokenize(name)
      .map((t) => foldWord(t.text))
      .join(' ');
    if (nameCache.size < 100_000) nameCache.set(name, out);
  }
  return out;
}
