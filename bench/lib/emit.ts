// Turns a stated value into a claim record: picks the source, writes the sentence into the
// source's text (so the quote is anchored), and files the claim under its source.
import type { Claim, Entity, Scope, Value } from '../../server/core/model.js';
import type { Rng } from './prng.js';
import type { SourceShelf } from './shelf.js';
import { pickCitation, type SourceDraft } from './texts.js';
import type { Stated } from './values.js';

export interface EmitOptions {
  scope?: Scope;
  /** How the sentence states the scope: " by October 1918", " in total". */
  scopeText?: string;
  /** Write into this source instead of a random one (parts of a breakdown stay with their total). */
  source?: SourceDraft;
  partOf?: string;
  /** The whole sentence, when the default "{subject} {verb} {value}" does not fit. */
  sentence?: string;
}

export class ClaimEmitter {
  private previous: SourceDraft | undefined;
  count = 0;

  constructor(
    private readonly rng: Rng,
    private readonly shelf: SourceShelf,
  ) {}

  /** The draft a claim was written into (still open: parts follow their total at once). */
  sourceOf(claim: Claim): SourceDraft {
    return this.shelf.sourceOf(claim);
  }

  emit(subject: Entity, property: string, verb: string, stated: Stated, unitNoun: string, options: EmitOptions = {}): Claim {
    const rng = this.rng;
    // Now and then a source states the same thing twice (an infobox and the body): a 'within' pair.
    const again = this.previous && !this.previous.finished && rng.chance(0.04);
    const source = options.source ?? (again ? this.previous! : this.shelf.pick(this.count));
    this.previous = source;
    const alias = subject.aliases.length > 0 ? rng.pick(subject.aliases).name : subject.label;
    const sentence =
      options.sentence ?? `${alias} ${verb} ${preposition(stated.value)}${stated.wording}${unitNoun}${options.scopeText ?? ''}.`;
    const citation = pickCitation(rng, source);
    const quote = source.addSentence(sentence, citation);
    const roll = rng.next();
    const claim: Claim = {
      id: source.nextClaimId(),
      source: source.id,
      subject: subject.id,
      property,
      value: stated.value,
      wording: stated.wording,
      ...(options.scope ? { scope: options.scope } : {}),
      quote,
      citations: source.citationList(citation),
      ...(options.partOf ? { partOf: options.partOf } : {}),
      // Mostly machine-extracted, a third reviewed by a person, a few rejected (kept, never compared).
      status: roll < 0.01 ? 'rejected' : roll < 0.35 ? 'reviewed' : 'extracted',
      ...(roll >= 0.35 ? { confidence: Math.round(rng.next() * 100) / 100 } : {}),
    };
    source.claims.push(claim);
    this.count++;
    return claim;
  }
}

/** "began on 25 October 1922", "began in October 1922", "began by May 1925". */
function preposition(value: Value): string {
  if (value.type !== 'date') return '';
  if (value.date.comparator) return '';
  return value.date.precision === 'day' ? 'on ' : 'in ';
}
