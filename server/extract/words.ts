// The extractor's word lists, read once from server/extract/words/*.json: data, not code, and
// generic English (never one text's or one subject's vocabulary). Also the OCR-confusion skeleton
// under which a word is compared with those lists, so that "tbe", "thc" and "tho" are "the" and
// "ll November" is the 11th without any list naming them.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, 'words');
const read = <T>(name: string): T => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as T;

interface NamesFile {
  titles: string[];
  stop: string[];
  notNamesAlone: string[];
  placeHeads: string[];
  orgHeads: string[];
  forceHeads: string[];
  eventHeads: string[];
  documentHeads: string[];
  connectors: string[];
}

interface RolesFile {
  roles: Record<string, { label: string; words: string[] }>;
}

interface OcrFile {
  letters: string[][];
  digits: Record<string, string>;
}

const names = read<NamesFile>('names.json');
const roles = read<RolesFile>('roles.json');
const ocr = read<OcrFile>('ocr.json');
const functionWords = read<{ words: string[] }>('function.json');
const labels = read<{ sectionLabels: string[]; neverNameWords: string[] }>('labels.json');
const temporal = read<{ words: string[] }>('temporal.json');
const verbs = read<{ irregular: string[]; auxiliaries: string[]; reporting: string[] }>('verbs.json');

/** Function words that never name a figure's or a date's topic, nor a proposed property (each reader adds its own). */
export const FUNCTION_WORDS: readonly string[] = functionWords.words;

/** Past tenses and participles a proposed property is named from: "-ed" forms and the irregular ones. */
const IRREGULAR = new Set(verbs.irregular);
export const AUXILIARIES = new Set(verbs.auxiliaries);
/** Verbs that report what someone said or found ("X concluded that …", "…, the council said"): their subject is a source, not what the figure is about. */
export const REPORTING = new Set(verbs.reporting);
const pastCache = new Map<string, boolean>();
export function isPastVerb(word: string): boolean {
  let known = pastCache.get(word);
  if (known === undefined) {
    known = readsAsPast(word.toLowerCase());
    if (pastCache.size < 50_000) pastCache.set(word, known);
  }
  return known;
}

function readsAsPast(w: string): boolean {
  return (
    IRREGULAR.has(w) ||
    (w.length > 4 &&
      /[^e]ed$|[^aeiou]ed$|ied$|eed$/.test(w) &&
      !/^(?:hundred|red|bed|shed|need|seed|speed|breed|greed|creed|indeed|bred|fed|led|wed|sled)$/.test(w))
  );
}

/** OCR confusions as replacements, longest first ("rn" before single letters). */
const CONFUSIONS: [string, string][] = ocr.letters
  .flatMap((group) => group.slice(1).map((other): [string, string] => [other.toLowerCase(), group[0]!.toLowerCase()]))
  .sort((a, b) => b[0].length - a[0].length);

const skeletonCache = new Map<string, string>();
const CONFUSABLE = new RegExp(`[${[...new Set(CONFUSIONS.map(([from]) => from[0]!))].join('').replace(/[\]\\^|-]/g, '\\$&')}]`);

/** A lower-case word with OCR-confusable characters read as one ("tbe", "thc", "tho" → "the"). */
export function ocrSkeleton(word: string): string {
  let out = skeletonCache.get(word);
  if (out !== undefined) return out;
  out = '';
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length;) {
    const hit = CONFUSIONS.find(([from]) => lower.startsWith(from, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else out += lower[i++];
  }
  if (skeletonCache.size < 50_000) skeletonCache.set(word, out);
  return out;
}

/** A set of words looked up by OCR skeleton as well as as written. */
export class WordSet {
  private readonly exact: Set<string>;
  private readonly skeletons: Set<string>;

  constructor(words: Iterable<string>) {
    this.exact = new Set([...words].map((w) => w.toLowerCase()));
    this.skeletons = new Set([...this.exact].map(ocrSkeleton));
  }

  has(word: string): boolean {
    const lower = word.toLowerCase();
    if (this.exact.has(lower)) return true;
    // Only short words are read through the OCR skeleton, and only when they hold a confusable character.
    return lower.length <= 4 && CONFUSABLE.test(lower) && this.skeletons.has(ocrSkeleton(lower));
  }
}

export const TITLES = new Set(names.titles);
export const NAME_STOP = new WordSet(names.stop);
export const NOT_NAMES_ALONE = new Set(names.notNamesAlone);
export const PLACE_HEAD = new Set(names.placeHeads);
export const ORG_HEAD = new Set(names.orgHeads);
export const FORCE_HEAD = new Set(names.forceHeads);
export const EVENT_HEAD = new Set(names.eventHeads);
export const DOCUMENT_HEAD = new Set(names.documentHeads);
export const CONNECTORS = new Set(names.connectors);
/** Words that label a field or a section ("Objective", "Results", "Published", "Price"): never a name's first word. */
export const LABELS = new Set(labels.sectionLabels);
/** Months, weekdays and number words: never words of a name ("Received March 1st", "Price Ten Cents"). */
export const NEVER_NAME_WORDS = new Set(labels.neverNameWords);
/** Words of time and qualification ("today", "current", "worth"): never a subject phrase's head, never a name alone. */
export const TEMPORAL_WORDS = new Set(temporal.words);
/** "the", as OCR misreads it too. */
export const THE = new WordSet(['the']);

export interface Role {
  id: string;
  label: string;
  /** Each signal as lower-case words. */
  phrases: string[][];
}

export const ROLES: readonly Role[] = Object.entries(roles.roles).map(([id, r]) => ({
  id,
  label: r.label,
  phrases: r.words.map((w) => w.toLowerCase().split(/\s+/)),
}));

/** The digit an OCR-misread character in a number stands for ("l" → 1, "O" → 0). */
export const OCR_DIGITS: Readonly<Record<string, string>> = ocr.digits;
