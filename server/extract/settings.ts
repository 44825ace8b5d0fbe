// Weights, windows and thresholds of claim extraction in one place, in the style of
// server/truth/settings.ts: EXTRACT_SETTINGS (the documented defaults), a validator that names the
// first bad setting, and resolveExtractSettings() to lay a partial override over the defaults.
// Word lists are data, not settings: server/extract/words/*.json (see words.ts).

export interface ConfidenceSettings {
  /** Candidate claims below this confidence are left out (ExtractOptions.minConfidence overrides it). */
  minClaim: number;
  /**
   * Candidates under a proposed property (no vocabulary entry fits) below this confidence are left out:
   * lower than minClaim, because such a claim exists to be reviewed (nothing stated is dropped for lack of a cue).
   * 0.15 (was 0.35): what is not a figure is left out by its context (not-figures.ts), not by a low score, so a
   * figure whose subject is only the document's topic ("42.195 km" in an encyclopedia lead) is still offered.
   */
  minProposedClaim: number;
  /** Proposed entities below this confidence are left out. */
  minProposal: number;
  /** A claim whose property is proposed (no vocabulary entry fits) is read with at most this property evidence. */
  proposedProperty: number;
}

export interface PropertySettings {
  /** A vocabulary property needs at least this much cue evidence (a function-word cue right next to the value is 0.3). */
  minScore: number;
  /** What a range's "from"/"to" alone is worth: enough to state a start or end date, not more. */
  roleScore: number;
  /** Cues farther than this many words from the value are not looked at (keeps long lists linear). */
  reach: number;
  /** Cue evidence at which a figure's property counts as certain (its score is divided by this, capped at 1). */
  quantityFull: number;
  /** The same for a date's property. */
  dateFull: number;
}

export interface SubjectSettings {
  /** A property's subject of a kind it does not declare keeps this share of its prior (a last resort). */
  misfit: number;
  /** What a name stands for (Japan for its troops) counts this much of what it names. */
  standIn: number;
  /** Characters before the value over which a mention's weight halves (1 / (1 + d / window)). */
  window: number;
  /** The subject carried from earlier prose loses this share of its confidence at each new paragraph. */
  paragraphDecay: number;
  /** A name qualifying the head of its noun phrase ("The French munitions ship Mont-Blanc") keeps this share of its position weight. */
  modifier: number;
  /** The subject of a reporting verb whose "that"-clause holds the value ("X concluded that … 150,000 vehicles …") keeps this share. */
  reporter: number;
  /** In a list, a name in another item than the value's ("1,200 in Leeds, 800 in Bradford") keeps this share. */
  otherItem: number;
  /** The document's title as a value's subject keeps this share of its weight when the value's clause names something else. */
  titleBesideName: number;
  /** A title of at least this many words reads as a document's: a name in the value's clause wins over it. */
  titleDocumentWords: number;
  /** Confidence in a name that holds the subject's place in the sentence's grammar (noun-phrases.ts: "$58.1 billion for Afghanistan"). */
  phraseName: number;
  /** Confidence in a common-noun phrase in that place ("$81 billion for war-designated funding"), proposed as an entity. */
  phraseCommon: number;
  /** A choice by the mentions' weights at least this confident keeps its subject over the clause's subject phrase (which holds no name or another). */
  phraseOverride: number;
  /** The proposal confidence of an entity named by such a phrase (proposals under confidence.minProposal are listed only when a claim uses them). */
  phraseProposal: number;
  /**
   * A text that opens on figures or dates before naming anything: up to this many such sentences are read again
   * with the first subject it goes on to name (extract.ts), instead of being dropped for want of a subject. 0 drops them.
   */
  awaitedSentences: number;
}

/** Page furniture (furniture.ts): how a line of prose, a menu, a label and a timestamp line are told apart. */
export interface FurnitureSettings {
  /** A line is prose from this many words on, when enough of them are lower case. */
  proseWords: number;
  /** … and at least this share of its words are written in lower case (a line ending a sentence needs only three). */
  proseLowerShare: number;
  /** A line of at least this many words, nearly all capitalised, with no figure or sentence punctuation, is a menu. */
  menuWords: number;
  /** A "Label:" row's label has at most this many words; a sentence-case heading inside the prose too. */
  labelWords: number;
  /** A timestamp line ("Published 12 May 2020") has at most this many words. */
  timestampWords: number;
}

/** Whether capitalised words can be a name (name-plausibility.ts): word shape and OCR garbage. */
export interface NameSettings {
  /** A capital after at least this many lower-case letters inside a word ("OeataliUac", "LocationSouth") marks garbage or a run-together label; "MacArthur" has two. */
  innerCapitalAfter: number;
  /** A sentence with at least this many oddly shaped words … */
  garbledWords: number;
  /** … making at least this share of its words is OCR garbage: no name is proposed from it. */
  garbledShare: number;
}

export interface LayoutSettings {
  /** A running head's words are at most this many characters. */
  maxRunningHead: number;
  /** A hard-wrapped paragraph has at least this many lines … */
  hardWrapMinLines: number;
  /** … its widest line is at least hardWrapMinWidth and at most hardWrapMaxWidth wide (a set measure, not a list of short rows) … */
  hardWrapMinWidth: number;
  hardWrapMaxWidth: number;
  /** … and this share of its lines (the last excepted) come within hardWrapFullLine of that width. */
  hardWrapFullShare: number;
  hardWrapFullLine: number;
  /** Quotes longer than this are cut to a window around the value. */
  maxQuote: number;
  /** How far after a heading the prose that restates it can be. */
  restatedWithin: number;
}

export interface ExtractSettings {
  confidence: ConfidenceSettings;
  property: PropertySettings;
  subject: SubjectSettings;
  layout: LayoutSettings;
  furniture: FurnitureSettings;
  names: NameSettings;
}

export type ExtractSettingsInput = { [S in keyof ExtractSettings]?: Partial<ExtractSettings[S]> };

export const EXTRACT_SETTINGS: Readonly<ExtractSettings> = Object.freeze({
  confidence: Object.freeze({ minClaim: 0.5, minProposedClaim: 0.15, minProposal: 0.4, proposedProperty: 0.75 }),
  property: Object.freeze({ minScore: 0.34, roleScore: 0.36, reach: 40, quantityFull: 1.6, dateFull: 1.2 }),
  subject: Object.freeze({
    misfit: 0.3,
    standIn: 0.9,
    window: 60,
    paragraphDecay: 0.3,
    modifier: 0.1,
    reporter: 0.35,
    otherItem: 0.3,
    titleBesideName: 0.2,
    titleDocumentWords: 6,
    phraseName: 0.8,
    phraseCommon: 0.6,
    phraseProposal: 0.45,
    phraseOverride: 0.6,
    awaitedSentences: 4,
  }),
  layout: Object.freeze({
    maxRunningHead: 60,
    hardWrapMinLines: 3,
    hardWrapMinWidth: 45,
    hardWrapMaxWidth: 100,
    hardWrapFullShare: 0.6,
    hardWrapFullLine: 0.7,
    maxQuote: 1200,
    restatedWithin: 3000,
  }),
  furniture: Object.freeze({ proseWords: 8, proseLowerShare: 0.5, menuWords: 7, labelWords: 5, timestampWords: 8 }),
  names: Object.freeze({ innerCapitalAfter: 4, garbledWords: 2, garbledShare: 0.15 }),
});

interface Rule {
  min: number;
  max: number;
  integer?: boolean;
}

const RULES: { [S in keyof ExtractSettings]: { [K in keyof ExtractSettings[S]]: Rule } } = {
  confidence: {
    minClaim: { min: 0, max: 1 },
    minProposedClaim: { min: 0, max: 1 },
    minProposal: { min: 0, max: 1 },
    proposedProperty: { min: 0, max: 1 },
  },
  property: {
    minScore: { min: 0, max: 10 },
    roleScore: { min: 0, max: 10 },
    reach: { min: 1, max: 1000, integer: true },
    quantityFull: { min: 0.01, max: 10 },
    dateFull: { min: 0.01, max: 10 },
  },
  subject: {
    misfit: { min: 0, max: 1 },
    standIn: { min: 0, max: 1 },
    window: { min: 1, max: 10_000 },
    paragraphDecay: { min: 0, max: 1 },
    modifier: { min: 0, max: 1 },
    reporter: { min: 0, max: 1 },
    otherItem: { min: 0, max: 1 },
    titleBesideName: { min: 0, max: 1 },
    titleDocumentWords: { min: 1, max: 30 },
    phraseName: { min: 0, max: 1 },
    phraseCommon: { min: 0, max: 1 },
    phraseProposal: { min: 0, max: 1 },
    phraseOverride: { min: 0, max: 1 },
    awaitedSentences: { min: 0, max: 100, integer: true },
  },
  layout: {
    maxRunningHead: { min: 1, max: 1000, integer: true },
    hardWrapMinLines: { min: 2, max: 1000, integer: true },
    hardWrapMinWidth: { min: 1, max: 10_000, integer: true },
    hardWrapMaxWidth: { min: 10, max: 10_000, integer: true },
    hardWrapFullShare: { min: 0, max: 1 },
    hardWrapFullLine: { min: 0, max: 1 },
    maxQuote: { min: 100, max: 100_000, integer: true },
    restatedWithin: { min: 0, max: 1_000_000, integer: true },
  },
  furniture: {
    proseWords: { min: 1, max: 1000, integer: true },
    proseLowerShare: { min: 0, max: 1 },
    menuWords: { min: 2, max: 1000, integer: true },
    labelWords: { min: 1, max: 100, integer: true },
    timestampWords: { min: 1, max: 100, integer: true },
  },
  names: {
    innerCapitalAfter: { min: 1, max: 50, integer: true },
    garbledWords: { min: 1, max: 1000, integer: true },
    garbledShare: { min: 0, max: 1 },
  },
};

/** Throws `extract: settings.<section>.<name> must be …` for the first unknown or out-of-range setting. */
export function validateExtractSettings(settings: unknown): asserts settings is ExtractSettings {
  if (typeof settings !== 'object' || settings === null) throw new Error('extract: settings must be an object');
  const record = settings as Record<string, unknown>;
  for (const section of Object.keys(record)) {
    if (!(section in RULES)) throw new Error(`extract: unknown settings section "${section}" (known: ${Object.keys(RULES).join(', ')})`);
  }
  for (const [section, rules] of Object.entries(RULES) as [string, Record<string, Rule>][]) {
    const values = record[section];
    if (typeof values !== 'object' || values === null) throw new Error(`extract: settings.${section} must be an object`);
    for (const name of Object.keys(values)) if (!(name in rules)) throw new Error(`extract: unknown setting settings.${section}.${name}`);
    for (const [name, rule] of Object.entries(rules)) {
      const value = (values as Record<string, unknown>)[name];
      if (
        typeof value !== 'number' ||
        Number.isNaN(value) ||
        value < rule.min ||
        value > rule.max ||
        (rule.integer && !Number.isInteger(value))
      ) {
        throw new Error(
          `extract: settings.${section}.${name} must be ${rule.integer ? 'an integer' : 'a number'} >= ${rule.min} and <= ${rule.max}, got ${JSON.stringify(value)}`,
        );
      }
    }
  }
}

/** The defaults overlaid with the given overrides, validated. */
export function resolveExtractSettings(overrides: ExtractSettingsInput = {}): ExtractSettings {
  if (typeof overrides !== 'object' || overrides === null) throw new Error('extract: settings must be an object');
  // No overrides (every ingest): the defaults, validated once, not merged again per text.
  if (Object.keys(overrides).length === 0) return (defaults ??= resolveWith({}));
  return resolveWith(overrides);
}

let defaults: ExtractSettings | undefined;

function resolveWith(overrides: ExtractSettingsInput): ExtractSettings {
  const merged: Record<string, unknown> = {};
  for (const section of new Set([...Object.keys(EXTRACT_SETTINGS), ...Object.keys(overrides)])) {
    const base = (EXTRACT_SETTINGS as unknown as Record<string, object | undefined>)[section];
    const over = (overrides as Record<string, unknown>)[section];
    if (over !== undefined && (typeof over !== 'object' || over === null))
      throw new Error(`extract: settings.${section} must be an object`);
    merged[section] = { ...(base ?? {}), ...((over as object | undefined) ?? {}) };
  }
  validateExtractSettings(merged);
  return merged;
}
