// The review queue as plain data: the candidates of one source in text order, which one is shown,
// and what has been decided. No DOM, no fetch: the panel renders it, the tests read it directly.
import type { Claim, ClaimDetail } from '../api.js';

export type Decision = 'accepted' | 'edited' | 'rejected';

export interface Candidate {
  id: string;
  /** Where the quote sits in the source text. */
  start: number;
  end: number;
  property: string;
  status: Claim['status'];
  /** The claim as last read from or written to the server (null until fetched). */
  claim: ClaimDetail | null;
  /** The If-Match value for the next write. */
  etag: string | null;
  decision: Decision | null;
}

export interface Span {
  claim: string;
  start: number;
  end: number;
  property: string;
  status: Claim['status'];
}

export class ReviewQueue {
  readonly items: Candidate[];
  index = 0;

  /**
   * The claims still awaiting review (status "extracted"), in the order they appear in the text;
   * with `includeRejected`, the rejected ones too (kept, never deleted), to look at or accept again.
   */
  constructor(spans: readonly Span[], options: { includeRejected?: boolean } = {}) {
    this.items = spans
      .filter((s) => s.status === 'extracted' || (options.includeRejected === true && s.status === 'rejected'))
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((s) => ({
        id: s.claim,
        start: s.start,
        end: s.end,
        property: s.property,
        status: s.status,
        claim: null,
        etag: null,
        decision: null,
      }));
  }

  get current(): Candidate | undefined {
    return this.items[this.index];
  }

  get size(): number {
    return this.items.length;
  }

  get reviewed(): number {
    return this.items.filter((c) => c.status !== 'extracted').length;
  }

  /** "12 of 40 reviewed" */
  get counter(): string {
    return `${this.reviewed} of ${this.size} reviewed`;
  }

  move(step: 1 | -1): boolean {
    const next = this.index + step;
    if (next < 0 || next >= this.items.length) return false;
    this.index = next;
    return true;
  }

  goTo(id: string): boolean {
    const at = this.items.findIndex((c) => c.id === id);
    if (at < 0) return false;
    this.index = at;
    return true;
  }

  /** After a decision: the next candidate still to review, after the current one and then from the top. */
  advance(): boolean {
    const n = this.items.length;
    for (let step = 1; step < n; step++) {
      const at = (this.index + step) % n;
      if (this.items[at]!.status === 'extracted') {
        this.index = at;
        return true;
      }
    }
    return false;
  }

  /** Records what the server now holds for a candidate. */
  update(id: string, claim: ClaimDetail, etag: string, decision?: Decision): void {
    const c = this.items.find((x) => x.id === id);
    if (!c) return;
    c.claim = claim;
    c.etag = etag;
    c.status = claim.status;
    if (decision) c.decision = decision;
  }
}
