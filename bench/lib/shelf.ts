// The sources being written at any moment. Claim k goes to one of the sources open around
// position k·S/N (a window of nearby sources: ones written about the same time cover the same
// topics), and sources the window has passed are finished at once. Only the window's drafts hold
// text pieces, which keeps generating a million claims from needing memory for all texts at once.
import type { Claim, Source } from '../../server/core/model.js';
import type { Rng } from './prng.js';
import { draftSource, type SourceDraft } from './texts.js';

export interface FinishedSource {
  source: Source;
  text: string;
  claims: Claim[];
}

export class SourceShelf {
  private readonly open = new Map<number, SourceDraft>();
  private readonly byId = new Map<string, SourceDraft>();
  /** Sources below this index are finished. */
  private done = 0;

  constructor(
    private readonly rng: Rng,
    readonly sourceCount: number,
    private readonly claimCount: number,
    private readonly window: number,
    private readonly finished: (f: FinishedSource) => void,
  ) {}

  /** A source for claim `k`, finishing the sources the window has moved past. */
  pick(k: number): SourceDraft {
    const centre = Math.floor((k * this.sourceCount) / Math.max(1, this.claimCount));
    const half = Math.floor(this.window / 2);
    const lo = Math.max(0, Math.min(centre - half, this.sourceCount - this.window));
    const hi = Math.min(this.sourceCount - 1, lo + this.window - 1);
    this.finishBelow(lo);
    return this.draft(this.rng.int(lo, hi));
  }

  /** The open draft a claim was written into. */
  sourceOf(claim: Claim): SourceDraft {
    const draft = this.byId.get(claim.source);
    if (!draft || draft.finished) throw new Error(`source ${claim.source} is not open`);
    return draft;
  }

  /** Finishes every source, in order, including any no claim was written into. */
  finishAll(): void {
    this.finishBelow(this.sourceCount);
  }

  private draft(index: number): SourceDraft {
    let draft = this.open.get(index);
    if (!draft) {
      draft = draftSource(this.rng, index, this.sourceCount);
      this.open.set(index, draft);
      this.byId.set(draft.id, draft);
    }
    return draft;
  }

  private finishBelow(limit: number): void {
    for (; this.done < limit; this.done++) {
      const draft = this.draft(this.done);
      this.finished({ ...draft.finish(), claims: draft.claims });
      this.open.delete(this.done);
      this.byId.delete(draft.id);
    }
  }
}
