// Conflicts and agreements as the contradictions report lists them (both full claims and the
// reason), filtered by source, entity, property and scope.
import type { Analysis } from '../../analysis/analyse.js';
import type { Comparison } from '../../core/types.js';
import { reportItems, type ReportClaim, type ReportItem } from '../../analysis/report.js';
import { likelyOfClaim, perAnalysis, type LikelyView } from './common.js';
import { page, triage, type ComparisonSort, type Triaged } from './comparison-page.js';

export interface ComparisonFilters {
  source?: string;
  entity?: string;
  property?: string;
  scope?: Comparison['scope'];
  status?: 'reviewed' | 'extracted';
  /** The query's strings: a percentage, a count, a count. */
  tolerance?: string;
  sort?: ComparisonSort;
  group?: 'none' | 'identical';
  offset?: string;
  limit?: string;
}

/** A filter naming a record that does not exist: `parameter` is the query parameter's name. */
export interface UnknownFilter {
  parameter: 'source' | 'entity' | 'property';
  id: string;
}

export interface ComparisonList {
  /** Items matching the filters (after folding identical ones), whatever the page. */
  count: number;
  /** Where the page starts (when a page was asked for). */
  offset?: number;
  /** Of `count`, the items resting on a claim nobody has reviewed (each marked pending): the headline total is count − pending. */
  pending: number;
  items: Triaged<ReportItem & { likely: LikelyView | null }>[];
}

// Per verdict: the conflicts list (what a reviewer opens) labels none of the agreements, which are most comparisons.
const conflictsOf = perAnalysis((analysis) => reportItems(analysis, 'conflicts'));
const agreementsOf = perAnalysis((analysis) => reportItems(analysis, 'agrees'));
const triagedLists = perAnalysis(() => new Map<string, Triaged<ReportItem>[]>());

/**
 * Filter values that name no record. Checked before filtering so that a typo is a 400 naming the
 * parameter, not an empty list that looks like "no conflicts".
 */
export function unknownFilters(analysis: Analysis, filters: ComparisonFilters): UnknownFilter[] {
  const known = { source: analysis.index.source, entity: analysis.index.entity, property: analysis.index.property };
  return (['source', 'entity', 'property'] as const)
    .filter((p) => filters[p] !== undefined && !known[p].has(filters[p]))
    .map((parameter) => ({ parameter, id: filters[parameter]! }));
}

export function listComparisons(analysis: Analysis, verdict: Comparison['verdict'], filters: ComparisonFilters): ComparisonList {
  // A list read page by page asks the same filters again for every page: triaged once per snapshot.
  const { offset: _offset, limit: _limit, ...criteria } = filters;
  const key = `${verdict}|${JSON.stringify(Object.entries(criteria).sort())}`;
  const cache = triagedLists(analysis);
  let sorted = cache.get(key);
  if (!sorted) {
    const matching = (verdict === 'conflicts' ? conflictsOf(analysis) : agreementsOf(analysis)).filter((item) => matches(item, filters));
    sorted = triage(matching, {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.tolerance !== undefined ? { tolerance: Number(filters.tolerance) } : {}),
      ...(filters.sort ? { sort: filters.sort } : {}),
      ...(filters.group ? { group: filters.group } : {}),
    });
    // A few dozen filter combinations at most in practice; forget them all past that.
    if (cache.size > 64) cache.clear();
    cache.set(key, sorted);
  }
  const offset = filters.offset === undefined ? 0 : Number(filters.offset);
  // Which side the evidence favours: the likely value of the set the first claim belongs to (for the page only).
  const items = page(sorted, offset, filters.limit === undefined ? undefined : Number(filters.limit)).map((item) => ({
    ...item,
    likely: likelyOfClaim(analysis, item.a.id),
  }));
  const paged = filters.offset !== undefined || filters.limit !== undefined;
  let pending = 0;
  for (const item of sorted) if (item.pending) pending++;
  return { count: sorted.length, ...(paged ? { offset } : {}), pending, items };
}

function matches(item: ReportItem, f: ComparisonFilters): boolean {
  if (f.scope && item.scope !== f.scope) return false;
  const claims: ReportClaim[] = [item.a, item.b, ...(item.parts ?? [])];
  if (f.source && !claims.some((c) => c.source === f.source)) return false;
  if (f.property && !claims.some((c) => c.property === f.property)) return false;
  if (f.entity && !claims.some((c) => c.subject === f.entity || (c.value.type === 'entity' && c.value.entity === f.entity))) return false;
  return true;
}
