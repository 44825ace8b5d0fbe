// Triage of a comparison list: review-status and tolerance filters, identical pairs folded into one
// item, an order (largest disagreement first, or by entity, property, source or date) and a page.
// The list of a large graph (thousands of conflicts) is read a page at a time by the explorer.
import type { ReportClaim, ReportItem } from '../../analysis/report.js';

export type ComparisonSort = 'report' | 'gap' | 'entity' | 'property' | 'source' | 'date';

export interface TriageOptions {
  status?: 'reviewed' | 'extracted';
  /** Hide relative gaps under this many per cent. */
  tolerance?: number;
  sort?: ComparisonSort;
  group?: 'none' | 'identical';
  offset?: number;
  limit?: number;
}

/** An item folded with the items that read exactly like it: `same` lists every comparison id (itself first). */
export type Triaged<T extends ReportItem> = T & { same?: string[] };

export function claimsOf(item: ReportItem): ReportClaim[] {
  return [item.a, item.b, ...(item.parts ?? [])];
}

/** Filter, fold, sort; the page is cut by the caller so that `count` can say how many there are in all. */
export function triage<T extends ReportItem>(items: readonly T[], options: TriageOptions): Triaged<T>[] {
  let kept = items.filter((item) => keeps(item, options));
  if (options.group === 'identical') kept = foldIdentical(kept);
  const order = ORDERS[options.sort ?? 'report'];
  return order ? [...kept].sort((x, y) => order(x, y) || x.id.localeCompare(y.id)) : kept;
}

export function page<T>(items: readonly T[], offset = 0, limit?: number): T[] {
  return items.slice(offset, limit === undefined ? undefined : offset + limit);
}

function keeps(item: ReportItem, o: TriageOptions): boolean {
  if (o.status) {
    const unreviewed = claimsOf(item).some((c) => c.status === 'extracted');
    if ((o.status === 'extracted') !== unreviewed) return false;
  }
  if (o.tolerance !== undefined && o.tolerance > 0) {
    const relative = item.gap?.relative;
    if (relative !== undefined && Math.abs(relative) * 100 < o.tolerance) return false;
  }
  return true;
}

/**
 * What makes two items read the same in a list: the same reason (which already states the scope the
 * engine compared, "70,000 (total)"), and the same wordings from the same sources; never the ids.
 */
function readsAs(item: ReportItem): string {
  const side = (c: ReportClaim) => `${c.source}\u0001${c.wording}`;
  const sides = [side(item.a), [side(item.b), ...(item.parts ?? []).map(side)].join('\u0003')];
  if (item.verdict !== 'conflicts' || !item.parts) sides.sort();
  return [item.subject.id, item.property.id, item.verdict, item.basis, item.scope, item.reason, ...sides].join('\u0002');
}

function foldIdentical<T extends ReportItem>(items: readonly T[]): Triaged<T>[] {
  const byKey = new Map<string, Triaged<T>>();
  for (const item of items) {
    const key = readsAs(item);
    const first = byKey.get(key);
    if (!first) byKey.set(key, item);
    else if (first.same) first.same.push(item.id);
    else byKey.set(key, { ...first, same: [first.id, item.id] });
  }
  return [...byKey.values()];
}

/** Size of a disagreement for ordering: relative gaps first, then gaps in days, then the rest. */
function magnitude(item: ReportItem): [number, number] {
  const gap = item.gap;
  if (gap?.relative !== undefined && Number.isFinite(gap.relative)) return [0, Math.abs(gap.relative)];
  if (gap && Number.isFinite(gap.absolute)) return [1, Math.abs(gap.absolute)];
  return [2, 0];
}

function byGap(x: ReportItem, y: ReportItem): number {
  const [tx, mx] = magnitude(x);
  const [ty, my] = magnitude(y);
  return tx - ty || my - mx;
}

/** The earliest date a claim is about (its value, its moment, its period), ISO-like; undefined when none. */
export function claimDate(c: ReportClaim): string | undefined {
  const dates = [
    c.value.type === 'date' ? c.value.date.value : undefined,
    c.scope?.pointInTime?.value,
    c.scope?.period?.start?.value,
    c.scope?.period?.end?.value,
  ];
  return dates.filter((d): d is string => d !== undefined).sort()[0];
}

function itemDate(item: ReportItem): string {
  // '~' sorts after every digit: items about no date at all come last.
  return (
    claimsOf(item)
      .map(claimDate)
      .filter((d): d is string => d !== undefined)
      .sort()[0] ?? '~'
  );
}

const text = (a: string, b: string) => a.localeCompare(b);
const sourcesOf = (item: ReportItem) => [...new Set(claimsOf(item).map((c) => c.sourceTitle))].sort().join(' · ');

const ORDERS: Record<ComparisonSort, ((x: ReportItem, y: ReportItem) => number) | null> = {
  report: null,
  gap: byGap,
  entity: (x, y) => text(x.subject.label, y.subject.label) || text(x.property.label, y.property.label) || byGap(x, y),
  property: (x, y) => text(x.property.label, y.property.label) || text(x.subject.label, y.subject.label) || byGap(x, y),
  source: (x, y) => text(sourcesOf(x), sourcesOf(y)) || byGap(x, y),
  date: (x, y) => text(itemDate(x), itemDate(y)) || byGap(x, y),
};
