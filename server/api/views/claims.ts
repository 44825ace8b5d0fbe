// One claim, and its trace: claim → source → quote in context → footnote markers → reference
// entries, plus every comparison it takes part in. The chain a reader follows to check a claim.
import type { Analysis } from '../../analysis/analyse.js';
import { markersClosingSentence, type FoundMarker } from '../../core/citations.js';
import type { ReportClaim } from '../../analysis/report.js';
import type { Citation, Claim, TextSelector } from '../../core/schema-types.js';
import {
  comparisonsOf,
  comparisonView,
  labelledClaim,
  mention,
  sourceRef,
  verdictsOf,
  type ComparisonView,
  type SourceRef,
  type VerdictCounts,
} from './common.js';
import { referenceView, type ReferenceView } from './sources.js';

/** Characters of source text shown either side of a quote. */
export const TRACE_CONTEXT_CHARS = 200;

export interface ClaimDetail extends ReportClaim {
  mention: string;
  verdicts: VerdictCounts;
}

export type CitationStatus = 'cited' | 'citation needed' | 'no citation given';

type Span = Pick<TextSelector, 'exact' | 'start' | 'end'>;

export interface CitationStep {
  kind: Citation['kind'];
  /**
   * The footnote marker in the text. `recorded`: stored with the claim; `located`: found closing the
   * quoted sentence because the claim stores none; null when neither.
   */
  marker: (Span & { found: 'recorded' | 'located' }) | null;
  /** The reference entry; null for "citation needed", or a number missing from the list. */
  reference: ReferenceView | null;
}

export interface OtherClaim {
  claim: string;
  wording: string;
  mention: string;
  source: SourceRef;
  quote: Span;
}

export interface TraceComparison extends ComparisonView {
  /** The claims compared with this one (the other side; for arithmetic checks, the rest). */
  others: OtherClaim[];
}

export interface ClaimTrace {
  claim: ReportClaim;
  source: SourceRef & { publisher: string; url: string | null };
  quote: Span & { context: { start: number; end: number; before: string; after: string }; page?: string };
  status: CitationStatus;
  citations: CitationStep[];
  comparisons: TraceComparison[];
}

export function claimDetail(analysis: Analysis, id: string): ClaimDetail | undefined {
  const claim = analysis.index.claim.get(id);
  if (!claim) return undefined;
  return { ...labelledClaim(analysis, claim), mention: mention(analysis, claim), verdicts: verdictsOf(analysis, id) };
}

export function claimTrace(analysis: Analysis, id: string): ClaimTrace | undefined {
  const claim = analysis.index.claim.get(id);
  if (!claim) return undefined;
  const source = analysis.index.source.get(claim.source);
  const text = analysis.corpus.texts.get(claim.source) ?? '';
  const { exact, start, end } = claim.quote;
  const context = { start: Math.max(0, start - TRACE_CONTEXT_CHARS), end: Math.min(text.length, end + TRACE_CONTEXT_CHARS) };
  const closing = markersClosingSentence(text, Math.max(start, end - 1));
  return {
    claim: labelledClaim(analysis, claim),
    source: { ...sourceRef(analysis, claim.source), publisher: source?.publisher ?? '', url: source?.url ?? null },
    quote: {
      exact,
      start,
      end,
      context: { ...context, before: text.slice(context.start, start), after: text.slice(end, context.end) },
      ...pageOf(source, start),
    },
    status: citationStatus(claim.citations),
    citations: claim.citations.map((c) => ({
      kind: c.kind,
      marker: markerOf(c, closing),
      reference: c.kind === 'reference' ? refView(source?.references.find((r) => r.number === c.ref)) : null,
    })),
    comparisons: comparisonsOf(analysis, id).map((cmp) => ({
      ...comparisonView(cmp),
      others: [cmp.a, cmp.b, ...(cmp.parts ?? [])]
        .filter((other, i, all) => other !== id && all.indexOf(other) === i)
        .map((other) => otherClaim(analysis, analysis.index.claim.get(other)!)),
    })),
  };
}

/** The page of a PDF-derived source that a quote starts on: a quote carries its page. */
export function pageOf(
  source: { segments?: { kind: string; start: number; end: number; label?: string }[] } | undefined,
  offset: number,
): { page?: string } {
  const page = source?.segments?.find((s) => s.kind === 'page' && s.start <= offset && offset < s.end);
  return page?.label ? { page: page.label } : {};
}

/** "citation needed" wins over a reference: the source itself flags the statement as unsupported. */
export function citationStatus(citations: readonly Citation[]): CitationStatus {
  if (citations.length === 0) return 'no citation given';
  return citations.some((c) => c.kind === 'citation-needed') ? 'citation needed' : 'cited';
}

function markerOf(citation: Citation, closing: readonly FoundMarker[]): CitationStep['marker'] {
  if (citation.marker) return { ...span(citation.marker), found: 'recorded' };
  const ref = citation.kind === 'reference' ? citation.ref : undefined;
  const located = closing.find((m) => m.ref === ref);
  return located ? { ...span(located.selector), found: 'located' } : null;
}

function refView(ref: Parameters<typeof referenceView>[0] | undefined): ReferenceView | null {
  return ref ? referenceView(ref) : null;
}

function otherClaim(analysis: Analysis, claim: Claim): OtherClaim {
  return {
    claim: claim.id,
    wording: claim.wording,
    mention: mention(analysis, claim),
    source: sourceRef(analysis, claim.source),
    quote: span(claim.quote),
  };
}

function span({ exact, start, end }: TextSelector): Span {
  return { exact, start, end };
}
