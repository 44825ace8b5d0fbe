// Sources: the list with counts, and one source read in full — its text, where its claims sit in
// that text, its footnote markers and its reference list.
import type { Analysis } from '../../analysis/analyse.js';
import { markersIn } from '../../core/citations.js';
import type { SourceTrustView } from '../../analysis/likely.js';
import type { BibliographicRecord, Claim, Source } from '../../core/schema-types.js';
import { claimsCompared, isLive, perAnalysis, verdictsOf, type VerdictCounts } from './common.js';

export interface SourceSummary {
  id: string;
  title: string;
  publisher: string;
  kind: Source['kind'];
  url: string | null;
  counts: SourceCounts;
  /**
   * How far the source agrees with the likely values, and how much evidence that rests on; `updating`
   * while trust is being re-learned after a write (the score is the one from before it).
   */
  trust: (SourceTrustView & { updating: boolean }) | null;
}

export interface SourceCounts {
  /** Claims that are not rejected. */
  claims: number;
  /** Comparisons involving at least one claim of this source. */
  conflicts: number;
  agreements: number;
}

export interface ReferenceView {
  number: number;
  text: string;
  work: string | null;
  pages: string | null;
  /** The cited work in full, when a reference manager's record was imported. */
  record?: BibliographicRecord;
}

/** Where a claim's quote sits in the source text. */
export interface ClaimSpan {
  claim: string;
  start: number;
  end: number;
  property: string;
  status: Claim['status'];
  citationNeeded: boolean;
  verdicts: VerdictCounts;
}

/** A footnote marker as printed in the text: "[8]" (ref 8) or "[ citation needed ]" (ref null). */
export interface MarkerView {
  kind: 'reference' | 'citation-needed';
  ref: number | null;
  exact: string;
  start: number;
  end: number;
}

export interface SourceDetail extends SourceSummary {
  author: string | null;
  published: string | null;
  accessed: string | null;
  language: string | null;
  note: string | null;
  references: ReferenceView[];
  text: string;
  spans: ClaimSpan[];
  markers: MarkerView[];
}

const countsBySource = perAnalysis((analysis) => {
  const counts = new Map<string, SourceCounts>();
  const of = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { claims: 0, conflicts: 0, agreements: 0 }));
    return c;
  };
  for (const claim of analysis.corpus.claims) if (isLive(claim)) of(claim.source).claims++;
  for (const cmp of analysis.comparisons) {
    // A comparison within one source counts once for it, not once per side.
    const sources = new Set(claimsCompared(cmp).map((id) => analysis.index.claim.get(id)?.source));
    for (const id of sources) if (id) of(id)[cmp.verdict === 'conflicts' ? 'conflicts' : 'agreements']++;
  }
  return counts;
});

export function listSources(analysis: Analysis): SourceSummary[] {
  return analysis.corpus.sources.map((s) => summaryOf(analysis, s)).sort((x, y) => x.title.localeCompare(y.title));
}

/** The source in full, or undefined for an unknown id. */
export function sourceDetail(analysis: Analysis, id: string): SourceDetail | undefined {
  const source = analysis.index.source.get(id);
  if (!source) return undefined;
  const text = analysis.corpus.texts.get(id) ?? '';
  return {
    ...summaryOf(analysis, source),
    author: source.author ?? null,
    published: source.published ?? null,
    accessed: source.accessed ?? null,
    language: source.language ?? null,
    note: source.note ?? null,
    references: source.references.map(referenceView),
    text,
    spans: analysis.corpus.claims
      .filter((c) => c.source === id)
      .map((c) => spanOf(analysis, c))
      .sort((x, y) => x.start - y.start || x.end - y.end),
    markers: markersIn(text).map((m) => ({
      kind: m.ref === undefined ? 'citation-needed' : 'reference',
      ref: m.ref ?? null,
      exact: m.selector.exact,
      start: m.selector.start,
      end: m.selector.end,
    })),
  };
}

export function referenceView(ref: Source['references'][number]): ReferenceView {
  return {
    number: ref.number,
    text: ref.text,
    work: ref.work ?? null,
    pages: ref.pages ?? null,
    ...(ref.record ? { record: ref.record } : {}),
  };
}

function summaryOf(analysis: Analysis, s: Source): SourceSummary {
  return {
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    kind: s.kind,
    url: s.url ?? null,
    counts: countsOf(analysis, s.id),
    trust: trustOf(analysis, s.id),
  };
}

function trustOf(analysis: Analysis, id: string): SourceSummary['trust'] {
  const trust = analysis.likely.trust.get(id);
  return trust ? { ...trust, updating: analysis.trust === 'updating' } : null;
}

function countsOf(analysis: Analysis, id: string): SourceCounts {
  // A copy: the cached counts are shared by every request on this snapshot.
  return { claims: 0, conflicts: 0, agreements: 0, ...countsBySource(analysis).get(id) };
}

function spanOf(analysis: Analysis, claim: Claim): ClaimSpan {
  return {
    claim: claim.id,
    start: claim.quote.start,
    end: claim.quote.end,
    property: claim.property,
    status: claim.status,
    citationNeeded: claim.citations.some((c) => c.kind === 'citation-needed'),
    verdicts: verdictsOf(analysis, claim.id),
  };
}
