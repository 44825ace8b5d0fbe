// The timeline lens: the dated claims of one entity (or one source, or both), each as the span of
// days it speaks of — its value when it is a date, else its moment or period ("over 72,000 by
// October 1918") — with the conflicts between them, so that "began 12 January 1918 / 5 April 1918
// / August 1918" can be drawn on one time axis, one lane per source.
import type { Analysis } from '../../analysis/analyse.js';
import { dateSpan, formatDate } from '../../core/dates.js';
import type { Claim, DateValue } from '../../core/schema-types.js';
import { comparisonsOf, entityRef, isLive, propertyRef, sourceRef, type LabelRef, type SourceRef } from './common.js';

export const DEFAULT_TIMELINE_LIMIT = 2000;

export interface TimelineEntry {
  claim: string;
  source: SourceRef;
  subject: LabelRef;
  property: LabelRef;
  wording: string;
  scopeWording: string | null;
  /** value: the claim states a date; moment / period: the date is the scope of what it states. */
  dated: 'value' | 'moment' | 'period';
  /** Days since 1970-01-01 (UTC), first and last day the claim speaks of. */
  from: number;
  to: number;
  /** The date in words ("October 1918"). */
  when: string;
  status: Claim['status'];
}

export interface Timeline {
  count: number;
  truncated: boolean;
  entries: TimelineEntry[];
  conflicts: { id: string; a: string; b: string; reason: string }[];
}

/** The days a claim speaks of, or undefined for a claim about no date. */
export function datedSpan(claim: Claim): { dated: TimelineEntry['dated']; from: number; to: number; when: string } | undefined {
  const span = (d: DateValue) => dateSpan(d);
  if (claim.value.type === 'date') {
    const s = span(claim.value.date);
    return { dated: 'value', from: s.lo, to: s.hi, when: formatDate(claim.value.date) };
  }
  const scope = claim.scope;
  if (scope?.pointInTime) {
    const s = span(scope.pointInTime);
    return { dated: 'moment', from: s.lo, to: s.hi, when: formatDate(scope.pointInTime) };
  }
  const { start, end } = scope?.period ?? {};
  if (start || end) {
    const lo = start ? span(start).lo : span(end!).lo;
    const hi = end ? span(end).hi : span(start!).hi;
    return { dated: 'period', from: lo, to: hi, when: [start, end].map((d) => (d ? formatDate(d) : '…')).join(' – ') };
  }
  return undefined;
}

export function timeline(analysis: Analysis, filter: { entity?: string; source?: string; limit?: number }): Timeline {
  const limit = filter.limit ?? DEFAULT_TIMELINE_LIMIT;
  const entries: TimelineEntry[] = [];
  let count = 0;
  for (const claim of analysis.corpus.claims) {
    if (!isLive(claim)) continue;
    if (filter.entity && claim.subject !== filter.entity && !(claim.value.type === 'entity' && claim.value.entity === filter.entity))
      continue;
    if (filter.source && claim.source !== filter.source) continue;
    const span = datedSpan(claim);
    if (!span || !Number.isFinite(span.from) || !Number.isFinite(span.to)) continue;
    count++;
    if (entries.length >= limit) continue;
    entries.push({
      claim: claim.id,
      source: sourceRef(analysis, claim.source),
      subject: entityRef(analysis, claim.subject),
      property: propertyRef(analysis, claim.property),
      wording: claim.wording,
      scopeWording: claim.scope?.wording ?? null,
      ...span,
      status: claim.status,
    });
  }
  entries.sort((x, y) => x.from - y.from || x.to - y.to || x.claim.localeCompare(y.claim));
  const shown = new Set(entries.map((e) => e.claim));
  const conflicts = new Map<string, Timeline['conflicts'][number]>();
  for (const e of entries) {
    for (const cmp of comparisonsOf(analysis, e.claim)) {
      if (cmp.verdict === 'conflicts' && shown.has(cmp.a) && shown.has(cmp.b))
        conflicts.set(cmp.id, { id: cmp.id, a: cmp.a, b: cmp.b, reason: cmp.reason });
    }
  }
  return { count, truncated: count > entries.length, entries, conflicts: [...conflicts.values()] };
}
