// Source texts built sentence by sentence while claims are generated, so every quote is anchored
// at real offsets. When a text is finished each quote's `exact` is re-pointed at a slice of the
// final text: V8 keeps such slices as views of one string, so a million quotes cost little memory.
// For the same reason claims of one source citing the same footnote share one citation list.
import { sha256 } from '../../server/core/integrity.js';
import type { Citation, Claim, Reference, Source, TextSelector } from '../../server/core/model.js';
import type { Rng } from './prng.js';
import { inventName, PUBLISHERS, SOURCE_KINDS } from './vocabulary.js';

export class SourceDraft {
  readonly claims: Claim[] = [];
  readonly references: Reference[];
  private readonly pieces: string[] = [];
  private length = 0;
  private readonly quotes: TextSelector[] = [];
  private readonly citationLists = new Map<string, Citation[]>();
  finished = false;

  constructor(
    readonly id: string,
    readonly title: string,
    readonly publisher: string,
    readonly kind: Source['kind'],
    references: Reference[],
  ) {
    this.references = references;
    this.append(`${title}\n${publisher}\n\n`);
  }

  /** Appends one sentence (and its footnote marker) and returns the quote selecting the sentence. */
  addSentence(sentence: string, citation: Citation | undefined): TextSelector {
    if (this.finished) throw new Error(`source ${this.id} is already finished`);
    const start = this.length;
    this.append(sentence);
    const quote: TextSelector = { exact: sentence, start, end: this.length };
    this.quotes.push(quote);
    if (citation?.kind === 'reference') this.append(` [${citation.ref}]`);
    else if (citation) this.append(' [ citation needed ]');
    // Paragraphs of a handful of sentences, as captured articles have.
    this.append(this.quotes.length % 6 === 0 ? '\n\n' : ' ');
    return quote;
  }

  /** The claim's citations: one shared (read-only) list per footnote of this source. */
  citationList(citation: Citation | undefined): Citation[] {
    const key = citation === undefined ? '' : citation.kind === 'reference' ? String(citation.ref) : 'needed';
    let list = this.citationLists.get(key);
    if (!list) {
      list = citation ? [citation] : [];
      this.citationLists.set(key, list);
    }
    return list;
  }

  nextClaimId(): string {
    return `${this.id}-${this.claims.length + 1}`;
  }

  /** The finished text and source record; quotes now share the text's memory. */
  finish(): { source: Source; text: string } {
    this.finished = true;
    this.append('\n\nReferences\n');
    for (const r of this.references) this.append(`${r.number}. ${r.text}\n`);
    const text = this.pieces.join('');
    this.pieces.length = 0;
    for (const q of this.quotes) q.exact = text.slice(q.start, q.end);
    this.quotes.length = 0;
    const source: Source = {
      id: this.id,
      title: this.title,
      publisher: this.publisher,
      kind: this.kind,
      language: 'en',
      text: { file: `${this.id}.txt`, sha256: sha256(text), length: text.length },
      references: this.references,
    };
    return { source, text };
  }

  private append(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
  }
}

/** Source `index` of `count`: ids padded so that sorting them keeps the order sources are made in. */
export function draftSource(rng: Rng, index: number, sourceCount: number): SourceDraft {
  const id = `s${index.toString(36).padStart(Math.max(0, sourceCount - 1).toString(36).length, '0')}`;
  const author = inventName(rng);
  const year = rng.int(1921, 2023);
  const references: Reference[] = [];
  const count = rng.int(0, 5);
  for (let n = 1; n <= count; n++) {
    const work = `${inventName(rng)} ${rng.int(1920, 2020)}`;
    const pages = `p. ${rng.int(1, 600)}`;
    references.push({ number: n, text: `${work}, ${pages}.`, work, pages });
  }
  const title = `${rng.pick(['The', 'A History of the', 'Notes on the', 'Dispatches from the'])} ${inventName(rng)} ${rng.pick(['Campaign', 'Intervention', 'Expedition', 'Crisis'])}, by ${author} (${year})`;
  return new SourceDraft(id, title, rng.pick(PUBLISHERS), rng.pick(SOURCE_KINDS), references);
}

/** A footnote for a claim: most claims cite a reference when the source has any; some are flagged; some cite nothing. */
export function pickCitation(rng: Rng, draft: SourceDraft): Citation | undefined {
  const x = rng.next();
  if (x < 0.6 && draft.references.length > 0) return { kind: 'reference', ref: rng.int(1, draft.references.length) };
  if (x < 0.7) return { kind: 'citation-needed' };
  return undefined;
}
