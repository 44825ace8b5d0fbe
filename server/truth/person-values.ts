// Person-list values (author lists) made ready for truth discovery: each value parsed (core/persons.ts),
// its persons resolved against a register built from every value in the table, and reduced to a set of
// identity keys (surname + first initial) so that "Knuth, Donald E." and "Donald Knuth" are one fact.
// The register plays the part of the entity register's aliases: a surname given alone ("SUHANOVS") takes
// the initial the other values give that surname, a name written surname last without a comma
// ("Pistoia Marco") is turned round when the other values know it the other way, and words the other
// values use separately split names run together ("STUARTMACKINLAY").
import { foldName, formatPersons, initials, parsePersons, type Person } from '../core/persons.js';

export interface PersonListValue {
  /** Identity keys ("knuth|d"), sorted, without duplicates. */
  members: string[];
  /** The list in canonical form, each person in the fullest form the table gives it ("Knuth, Donald E."). */
  canonical: string;
}

/** Counts of a key's variants, to take the most common. */
class Tally<K> {
  private counts = new Map<K, number>();
  add(key: K, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }
  /** The most frequent key; ties go to the one seen first. */
  top(): K | undefined {
    let best: K | undefined;
    let most = 0;
    for (const [key, n] of this.counts) if (n > most) [best, most] = [key, n];
    return best;
  }
  count(key: K): number {
    return this.counts.get(key) ?? 0;
  }
  get size(): number {
    return this.counts.size;
  }
}

const nameWords = (text: string): string[] =>
  text
    .split(/[^\p{L}]+/u)
    .map(foldName)
    .filter((w) => w.length >= 2);

/** Initials seen with each folded surname, counted over a set of parsed lists. */
function surnameInitials(lists: readonly Person[][]): Map<string, Tally<string>> {
  const out = new Map<string, Tally<string>>();
  for (const list of lists) {
    for (const p of list) {
      const first = initials(p)[0];
      if (first === undefined) continue;
      const surname = foldName(p.surname);
      let tally = out.get(surname);
      if (!tally) out.set(surname, (tally = new Tally()));
      tally.add(first);
    }
  }
  return out;
}

/**
 * A name written "Surname Given" without a comma reads as given "Surname", surname "Given". Turned round
 * when the values about the same thing use the other reading (its given name as a surname, with the
 * matching initial) more often than the reading as written.
 */
function turnedRound(p: Person, local: Map<string, Tally<string>>): Person {
  if (p.given.length !== 1 || foldName(p.given[0]!).length < 2) return p;
  const asWritten = local.get(foldName(p.surname))?.count(initials(p)[0]!) ?? 0;
  const turned = local.get(foldName(p.given[0]!))?.count(foldName(p.surname)[0]!) ?? 0;
  return turned > asWritten ? { surname: p.given[0]!, given: [p.surname] } : p;
}

/**
 * A surname cut short by the store's field length ("Venkaya", "Marcad" after a broken accent) is
 * completed when exactly one longer surname among the item's values begins with it.
 */
function completed(surname: string, surnames: ReadonlySet<string>): string {
  if (surname.length < 4) return surname;
  let match: string | undefined;
  for (const other of surnames) {
    if (other.length > surname.length && other.startsWith(surname)) {
      if (match !== undefined) return surname;
      match = other;
    }
  }
  return match ?? surname;
}

/** Written forms of each person key, to print the fullest common one. */
type Forms = Map<string, { surname: Tally<string>; given: Tally<string> }>;

function remember(forms: Forms, key: string, p: Person): void {
  let f = forms.get(key);
  if (!f) forms.set(key, (f = { surname: new Tally(), given: new Tally() }));
  // Mixed case is the better-written form ("McCarthy", not "MCCARTHY").
  f.surname.add(p.surname, p.surname === p.surname.toUpperCase() ? 1 : 2);
  // Every given-name word counts as evidence of how complete the form is: "Donald E." outweighs "D.".
  if (p.given.length > 0) f.given.add(p.given.join(' '), p.given.join('').length);
}

/**
 * Resolves every value of a table of person lists. `rows[i]` is (item, text); the result is aligned
 * with rows, undefined where a value names no one ("Not Available", an empty cell).
 */
export function resolvePersonLists(rows: readonly { item: string; text: string }[]): (PersonListValue | undefined)[] {
  const byItem = new Map<string, number[]>();
  rows.forEach((r, i) => {
    let list = byItem.get(r.item);
    if (!list) byItem.set(r.item, (list = []));
    list.push(i);
  });
  const parsed: Person[][] = new Array(rows.length);
  for (const indices of byItem.values()) {
    // Words the item's values use, counted per value: a value's own words do not vouch for themselves
    // (its "JIAWEIKAMBER" must not make "jiaweikamber" a known name).
    // Distinct texts only: two stores with the same broken text do not confirm each other.
    const counts = new Map<string, number>();
    const own = indices.map((i) => new Set(nameWords(rows[i]!.text)));
    const seen = new Set<string>();
    indices.forEach((i, k) => {
      if (seen.has(rows[i]!.text)) return;
      seen.add(rows[i]!.text);
      for (const w of own[k]!) counts.set(w, (counts.get(w) ?? 0) + 1);
    });
    indices.forEach((i, k) => {
      const knownWords = { has: (w: string): boolean => (counts.get(w) ?? 0) > (own[k]!.has(w) ? 1 : 0) };
      parsed[i] = parsePersons(rows[i]!.text, { knownWords });
    });
  }
  const everywhere = surnameInitials(parsed);
  const out: (PersonListValue | undefined)[] = new Array(rows.length).fill(undefined);
  for (const indices of byItem.values()) {
    const local = surnameInitials(indices.map((i) => parsed[i]!));
    const surnames = new Set(indices.flatMap((i) => parsed[i]!.map((p) => foldName(p.surname))));
    const forms: Forms = new Map();
    const keyed: { i: number; keys: string[] }[] = [];
    for (const i of indices) {
      const keys: string[] = [];
      for (const raw of parsed[i]!) {
        const p = turnedRound(raw, local);
        const surname = completed(foldName(p.surname), surnames);
        // A surname alone takes the initial the item's other values give it, else the whole table's.
        const first = initials(p)[0] ?? local.get(surname)?.top() ?? everywhere.get(surname)?.top() ?? '';
        const key = `${surname}|${first}`;
        if (keys.includes(key)) continue;
        keys.push(key);
        remember(forms, key, p);
      }
      if (keys.length > 0) keyed.push({ i, keys });
    }
    for (const { i, keys } of keyed) {
      const persons = keys.map((key) => {
        const f = forms.get(key)!;
        const given = f.given.top();
        return { surname: f.surname.top()!, given: given ? given.split(' ') : [] };
      });
      out[i] = { members: [...keys].sort(), canonical: formatPersons(persons) };
    }
  }
  return out;
}
