// W3C Web Annotation (JSON-LD) for every claim's quote: a TextQuoteSelector (exact, prefix, suffix)
// and a TextPositionSelector on the source, with the claim as the body. The Recommendation counts
// positions in Unicode code points; the store counts UTF-16 code units, so offsets are converted.
import type { Analysis } from '../analysis/analyse.js';
import type { Claim, Source } from '../core/schema-types.js';
import { scopeInWords, valueInWords } from './values.js';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const AFFIX = 32;

/** Converts UTF-16 offsets of one text to code-point offsets: one sorted list of surrogate pairs, a binary search per offset. */
export class CodePointIndex {
  private readonly pairs: number[] = [];
  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.pairs.push(i++);
      }
    }
  }
  /** The code-point offset of a UTF-16 offset (pairs that start before it count once, not twice). */
  toCodePoints(offset: number): number {
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pairs[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  }
}

export interface AnnotationOptions {
  /** Absolute base of this server's API, for the claim's and the source's IRIs. */
  base: string;
}

export function sourceIri(source: Source, base: string): string {
  return source.url ?? `${base}/api/sources/${encodeURIComponent(source.id)}`;
}

export function claimAnnotations(analysis: Pick<Analysis, 'index' | 'corpus'>, claims: readonly Claim[], options: AnnotationOptions) {
  const indexes = new Map<string, CodePointIndex>();
  const entityLabel = (id: string) => analysis.index.entity.get(id)?.label ?? id;
  const items = [];
  for (const claim of claims) {
    const source = analysis.index.source.get(claim.source);
    const text = analysis.corpus.texts.get(claim.source);
    if (!source || text === undefined) continue;
    let index = indexes.get(claim.source);
    if (!index) indexes.set(claim.source, (index = new CodePointIndex(text)));
    const { start, end, exact } = claim.quote;
    const property = analysis.index.property.get(claim.property)?.label ?? claim.property;
    const scope = scopeInWords(claim);
    items.push({
      id: `${options.base}/api/claims/${encodeURIComponent(claim.id)}#annotation`,
      type: 'Annotation',
      motivation: 'describing',
      body: [
        {
          type: 'TextualBody',
          purpose: 'describing',
          format: 'text/plain',
          value: `${entityLabel(claim.subject)} · ${property}: ${valueInWords(claim, entityLabel)}${scope ? ` (${scope})` : ''}`,
        },
        { id: `${options.base}/api/claims/${encodeURIComponent(claim.id)}`, type: 'Dataset', format: 'application/json' },
      ],
      target: {
        source: sourceIri(source, options.base),
        selector: [
          {
            type: 'TextQuoteSelector',
            exact,
            prefix: claim.quote.prefix ?? text.slice(Math.max(0, start - AFFIX), start),
            suffix: claim.quote.suffix ?? text.slice(end, end + AFFIX),
          },
          { type: 'TextPositionSelector', start: index.toCodePoints(start), end: index.toCodePoints(end) },
        ],
      },
    });
  }
  return {
    '@context': CONTEXT,
    id: `${options.base}/api/export?format=annotations`,
    type: 'AnnotationCollection',
    label: 'Claims quoted from their sources',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
