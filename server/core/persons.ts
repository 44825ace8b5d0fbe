// Values that are lists of persons ("Knuth, Donald E." / "Donald E. Knuth; Jill Smith" / "By (author)
// Meadors, ToddSchmidt, Cheryl A."): parsed from the formats stores and sources write, compared person by
// person (surname + first initial, as bibliographies do), and written out in one canonical form.
// Name-parser libraries (humanparser, parse-full-name) read one name at a time; the hard part here is
// where one name ends and the next begins, so the list splitting is our own.

import type { PersonsValue } from './schema-types.js';

export interface Person {
  /** Surname as written, particles included ("van der Aalst"). */
  surname: string;
  /** Given names and initials as written, in order ("Donald", "E."); empty when only a surname is known. */
  given: string[];
}

export interface ParseOptions {
  /**
   * Folded name words known from elsewhere (the entity register, the other values about the same
   * thing): lets "STUARTMACKINLAY" be read as two names when "stuart" and "mackinlay" are known.
   */
  knownWords?: Pick<ReadonlySet<string>, 'has'>;
}

/** Lower case, accents and anything but letters removed: the form names are compared in. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

// Latin-1 entity names in code-point order from U+00A0: exports often leave "Marcad&eacute;".
const LATIN1_ENTITIES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot ' +
  'cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml ' +
  'Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ' +
  'ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');
const ENTITIES = new Map<string, string>([
  ...LATIN1_ENTITIES.map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
  ['lt', '<'],
  ['gt', '>'],
]);

/**
 * HTML entities decoded, then UTF-8 read as Latin-1 repaired ("MarcadÃ©" -> "Marcadé"); a lead byte
 * whose continuation was cut off is dropped ("MarcadÃ" -> "Marcad", which the caller may complete).
 */
export function repairText(text: string): string {
  let s = text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES.get(name) ?? whole;
  });
  if (/[\u00c2\u00c3][\u0080-\u00bf]/.test(s) && !/[^\u0000-\u00ff]/.test(s)) {
    const repaired = Buffer.from(s, 'latin1').toString('utf8');
    if (!repaired.includes('\ufffd')) s = repaired;
  }
  return s.replace(/[\u00c2\u00c3](?![\u0080-\u00bf])/g, '');
}

/** Words that make a "name" an organisation ("Certification Press", "Microsoft Corporation"). */
const ORGANISATION =
  /\b(?:press|publish\w*|publications?|inc|ltd|llc|corp|corporation|company|staff|group|institute|university|association|society|team|certification|academy|foundation|council|department|committee|laborator(?:y|ies)|labs|media|books|international|systems|editions)\b/i;

/** Role labels, titles and placeholders that are not names ("By (author)", "(Edt)", "Not Available"). */
const BOILERPLATE: RegExp[] = [
  /&[a-z]+;|&#\d+;/gi, // entities repairText could not decode
  /\bnot available\b|\bunknown\b|\bn\/a\b|\banonymous\b|\bvarious\b/gi,
  /\bet\.? al\.?/gi,
  /\bby\b/gi,
];
/** Parenthesised or bare role labels act as separators: "Donahoo, S. (Author) Calvert, K. (Author)". */
const ROLE =
  /\((?:[^()]*\b(?:author|auteur|editor|edt|eds?|ed\.|illustrator|translator|trans|foreword|contributor|compiler|introduction)\b[^()]*)\)|\b(?:editors?|eds?\.|edt\.?|author)(?=\s|$|[;,/])/gi;
const TITLES = /\b(?:dr|prof|professor|mr|mrs|ms|sir|phd|ph\.d|md|msc|bsc|jr|sr|ii|iii|iv)\b\.?/gi;
/** List separators other than the comma, which is ambiguous ("Knuth, Donald"). */
const SEPARATORS = /\s*(?:;|\/|&|\||\n|\band\b|\bwith\b|\bund\b|\bet\b)\s*/i;
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'st',
  'ter',
  'ten',
  'dos',
  'das',
  'bin',
  'al',
]);
/** Surname prefixes followed by a capital inside one word ("McCarthy", "MacKinlay", "DeMarco"): not two names. */
const CAPITAL_PREFIXES = new Set(['mc', 'mac', 'de', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'st', 'fitz', 'o']);

function words(text: string): string[] {
  return text
    .split(/[\s.]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}'-]+$/gu, ''))
    .filter((w) => /\p{L}/u.test(w));
}

/**
 * Where one name runs into the next inside a word: "ToddSchmidt" (a small letter then a capital, not
 * after Mc/Mac/De...), or, for words the caller knows, "STUARTMACKINLAY" = "stuart" + "mackinlay".
 */
function splitRunTogether(word: string, known: ParseOptions['knownWords']): [string, string] | undefined {
  const camel = /^(\p{Lu}?\p{Ll}{2,})(\p{Lu}\p{Ll}+.*)$/u.exec(word);
  if (camel && !CAPITAL_PREFIXES.has(camel[1]!.toLowerCase())) return [camel[1]!, camel[2]!];
  if (!known || word.length < 5) return undefined;
  const folded = foldName(word);
  if (folded.length !== word.length || known.has(folded)) return undefined;
  for (let at = 2; at <= folded.length - 2; at++) {
    if (known.has(folded.slice(0, at)) && known.has(folded.slice(at))) return [word.slice(0, at), word.slice(at)];
  }
  return undefined;
}

/** Inserts a list separator wherever two names run together ("Meadors, ToddSchmidt, Cheryl" -> "...Todd; Schmidt..."). */
function separateRunTogether(text: string, known: ParseOptions['knownWords']): string {
  return text.replace(/[\p{L}'-]+/gu, (word) => {
    const split = splitRunTogether(word, known);
    return split ? `${split[0]}; ${split[1]}` : word;
  });
}

/** One name: "Last, First M." or "First M. Last" (particles stay with the surname). */
function parseName(text: string, surnameFirst: boolean): Person | undefined {
  if (surnameFirst) {
    const comma = text.indexOf(',');
    const surname = words(text.slice(0, comma)).join(' ');
    if (!surname) return parseName(text.slice(comma + 1), false);
    return { surname, given: words(text.slice(comma + 1)) };
  }
  const w = words(text);
  if (w.length === 0) return undefined;
  let start = w.length - 1;
  while (start > 1 && PARTICLES.has(w[start - 1]!.toLowerCase())) start--;
  return { surname: w.slice(start).join(' '), given: w.slice(0, start) };
}

/** A part of a comma-separated chunk that is one word (a surname, or a given name with its initials). */
const isSingleWord = (part: string): boolean => words(part).length === 1;

/**
 * A chunk without ;, / or "and" may still hold several names separated by commas. "Knuth, Donald E." is
 * one name; "Tan, Pang-Ning, Steinbach, Michael" is two in "Last, First" pairs; "Jim Melton, Alan R. Simon"
 * is two in "First Last". Read left to right: a one-word part followed by another part is a surname and
 * its given names; a longer part is a whole name.
 */
function parseChunk(chunk: string): Person[] {
  const parts = chunk
    .split(',')
    .map((p) => p.trim())
    .filter((p) => words(p).length > 0 && !ORGANISATION.test(p));
  if (parts.length === 0) return [];
  if (parts.length === 1) return [parseName(parts[0]!, false)].filter((p): p is Person => p !== undefined);
  if (runTogetherBySpace(parts)) {
    // "Hornick, Mark F. Marcade, Erik Venkayala, Sunil": each middle part ends with the next surname.
    const out: Person[] = [];
    let surname = parts[0]!;
    for (let i = 1; i < parts.length; i++) {
      const w = words(parts[i]!);
      const last = i < parts.length - 1;
      out.push({ surname: words(surname).join(' '), given: last ? w.slice(0, -1) : w });
      surname = last ? w.at(-1)! : '';
    }
    return out;
  }
  const out: Person[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const pairLike =
      next !== undefined && (isSingleWord(part) || (i === 0 && parts.length === 2 && words(next).every((w) => w.length <= 2)));
    if (pairLike) {
      out.push(parseName(`${part}, ${next}`, true)!);
      i++;
    } else {
      const person = parseName(part, false);
      if (person) out.push(person);
    }
  }
  return out;
}

/**
 * "Last, First Last, First Last, First": names separated by a space only. Recognised when the first part
 * is one word and every middle part has given names followed by a word that is not an initial
 * ("Tan, Pang Ning, Steinbach, Michael" is not: its middle parts include a lone surname).
 */
function runTogetherBySpace(parts: readonly string[]): boolean {
  if (parts.length < 3 || !isSingleWord(parts[0]!)) return false;
  return parts.slice(1, -1).every((p) => {
    const w = words(p);
    return w.length >= 2 && foldName(w.at(-1)!).length >= 2;
  });
}

/** The initials of a person's given names, folded ("Donald E." -> ["d", "e"]; "J.Derge" -> ["j", "d"]). */
export function initials(person: Person): string[] {
  return person.given
    .flatMap((g) => g.split(/[.\s-]+/))
    .map(foldName)
    .filter(Boolean)
    .map((g) => g[0]!);
}

/** Same surname, and the first initials agree where both are known. */
export function samePerson(a: Person, b: Person): boolean {
  if (foldName(a.surname) !== foldName(b.surname)) return false;
  const x = initials(a)[0];
  const y = initials(b)[0];
  return x === undefined || y === undefined || x === y;
}

/** Bibliographic identity key: folded surname and first initial ("knuth|d"); "knuth|" when no given name is known. */
export function personKey(person: Person): string {
  return `${foldName(person.surname)}|${initials(person)[0] ?? ''}`;
}

/**
 * The persons a text names, in order, duplicates (by samePerson) removed. Returns [] for a placeholder
 * such as "Not Available".
 */
export function parsePersons(text: string, options: ParseOptions = {}): Person[] {
  let s = repairText(text).normalize('NFC');
  // An affiliation in parentheses ("(Simon Fraser University, Burnaby)") is no name, and its commas would split wrongly.
  s = s.replace(/\([^()]*\)/g, (group) => (ORGANISATION.test(group) ? ' ' : group));
  s = s.replace(ROLE, ';');
  for (const pattern of BOILERPLATE) s = s.replace(pattern, ' ');
  s = s.replace(TITLES, ' ').replace(/[()[\]{}"]/g, ' ');
  s = separateRunTogether(s, options.knownWords);
  const persons: Person[] = [];
  for (const chunk of s.split(SEPARATORS)) {
    for (const person of parseChunk(chunk)) {
      if (!foldName(person.surname) || ORGANISATION.test(`${person.given.join(' ')} ${person.surname}`)) continue;
      const twin = persons.findIndex((p) => samePerson(p, person));
      if (twin < 0) persons.push(person);
      else if (initials(person).length > initials(persons[twin]!).length) persons[twin] = person; // keep the fuller form
    }
  }
  return persons;
}

export type ListRelation = 'equal' | 'subset' | 'superset' | 'overlap' | 'disjoint';

export interface ListComparison {
  relation: ListRelation;
  /** Persons of a also named in b, in a's order. */
  shared: Person[];
  onlyA: Person[];
  onlyB: Person[];
  /**
   * How much a supports b as b's complete list, in [0, 1]: 1 when equal, the share of b's persons that
   * a names when a names a part of b and nobody else (a first-author-only list supports the full list
   * partly and contradicts it not at all), 0 when a names someone b does not.
   */
  support: number;
  reason: string;
}

const show = (persons: readonly Person[]): string => persons.map(formatPerson).join('; ');

/** Two lists compared person by person (order does not matter: stores reorder authors). */
export function comparePersonLists(a: readonly Person[], b: readonly Person[]): ListComparison {
  const used = new Set<number>();
  const shared: Person[] = [];
  const onlyA: Person[] = [];
  for (const p of a) {
    const k = b.findIndex((q, i) => !used.has(i) && samePerson(p, q));
    if (k < 0) onlyA.push(p);
    else {
      used.add(k);
      shared.push(p);
    }
  }
  const onlyB = b.filter((_, i) => !used.has(i));
  const relation: ListRelation =
    shared.length === 0
      ? 'disjoint'
      : onlyA.length === 0 && onlyB.length === 0
        ? 'equal'
        : onlyA.length === 0
          ? 'subset'
          : onlyB.length === 0
            ? 'superset'
            : 'overlap';
  const support = relation === 'equal' ? 1 : relation === 'subset' ? shared.length / b.length : 0;
  const reason =
    relation === 'equal'
      ? `both name ${show(shared)}`
      : relation === 'subset'
        ? `names ${shared.length} of the ${b.length} persons of the other list (${show(shared)}) and no one else; missing ${show(onlyB)}`
        : relation === 'superset'
          ? `names everyone the other list names, and also ${show(onlyA)}`
          : relation === 'overlap'
            ? `both name ${show(shared)}, but only one names ${show([...onlyA, ...onlyB])}`
            : `no person in common (${show(a)} against ${show(b)})`;
  return { relation, shared, onlyA, onlyB, support, reason };
}

function capitalise(word: string): string {
  // Names written all in capitals or all in small letters get a capital per part; mixed case is kept.
  if (word !== word.toUpperCase() && word !== word.toLowerCase()) return word;
  return word.toLowerCase().replace(/(^|[-'\s])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** "Knuth, Donald E.": surname first, given names with initials dotted. */
export function formatPerson(person: Person): string {
  const surname = person.surname
    .split(' ')
    .map((w) => (PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : capitalise(w)))
    .join(' ');
  const given = person.given.map((g) => (foldName(g).length === 1 ? `${capitalise(g.replace(/\.$/, ''))}.` : capitalise(g)));
  return given.length > 0 ? `${surname}, ${given.join(' ')}` : surname;
}

/** The canonical form of a list: "Last, First; Last, First" in the list's order. */
export function formatPersons(persons: readonly Person[]): string {
  return persons.map(formatPerson).join('; ');
}

/** The persons of a claim's persons value. */
export function personsOf(value: PersonsValue): Person[] {
  return value.persons.map((p) => ({ surname: p.surname, given: p.given ?? [] }));
}

export interface PersonsVerdict {
  verdict: 'agrees' | 'conflicts';
  /** equal: the same persons; compatible: one names part of the other and no one else; disjoint: someone named by one only, while the other does not admit to being partial. */
  basis: 'equal' | 'compatible' | 'disjoint';
  reason: string;
}

/**
 * Two claims' person lists: the same persons agree; a list naming part of the other and no one else
 * agrees partly (stores and sources name the first author only); anyone named by one list only makes
 * a conflict, unless the list lacking them says it is partial ("et al.").
 */
export function comparePersonValues(a: PersonsValue, b: PersonsValue): PersonsVerdict {
  const c = comparePersonLists(personsOf(a), personsOf(b));
  if (c.relation === 'equal') return { verdict: 'agrees', basis: 'equal', reason: c.reason };
  if (c.relation === 'subset' || c.relation === 'superset') {
    return {
      verdict: 'agrees',
      basis: 'compatible',
      reason: c.relation === 'subset' ? `the first ${c.reason}` : `the second ${comparePersonLists(personsOf(b), personsOf(a)).reason}`,
    };
  }
  // Each names someone the other lacks: compatible only when every list lacking someone says it is partial.
  const aLacks = c.onlyB.length > 0;
  const bLacks = c.onlyA.length > 0;
  if (c.relation === 'overlap' && (!aLacks || a.partial) && (!bLacks || b.partial)) {
    return { verdict: 'agrees', basis: 'compatible', reason: `${c.reason}; the lists say they are partial` };
  }
  return { verdict: 'conflicts', basis: 'disjoint', reason: c.reason };
}
