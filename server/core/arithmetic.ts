// Arithmetic checks: parts stated as separate claims (`partOf`) against the total they add up to.
// Parts and totals may sit in different groups, so this runs over the whole set, after the pairs.
import { groupKey } from './grouping.js';
import { overlaps, sumIntervals, type Interval } from './interval.js';
import { formatNumber } from './quantities.js';
import type { Claim } from './schema-types.js';
import type { Comparison, Lookup, PreparedClaim } from './types.js';

/** Parts stated as separate claims (`partOf`) must add up to their stated total. */
export function arithmeticChecks(
  claims: readonly Claim[],
  byId: Lookup,
  inScope: Lookup,
  prepare: (c: Claim) => PreparedClaim,
): Comparison[] {
  const partsOf = new Map<string, Claim[]>();
  for (const c of claims) {
    if (!c.partOf || c.value.type !== 'quantity') continue;
    const list = partsOf.get(c.partOf);
    if (list) list.push(c);
    else partsOf.set(c.partOf, [c]);
  }
  const out: Comparison[] = [];
  // Plain loops, no arrow functions: under tsx each closure created is also named (a
  // defineProperty), and there were eight per total.
  for (const [totalId, parts] of partsOf) {
    const total = byId.get(totalId);
    if (!total || total.value.type !== 'quantity') continue;
    if (!inScope.has(totalId) && !anyInScope(parts, inScope)) continue;
    const preparedTotal = prepare(total);
    const totalInterval = preparedTotal.interval!;
    const intervals = new Array<Interval>(parts.length);
    for (let i = 0; i < parts.length; i++) intervals[i] = prepare(parts[i]!).interval!;
    const sum = sumIntervals(intervals);
    let stated = '';
    for (let i = 0; i < parts.length; i++) stated += (i > 0 ? ' + ' : '') + formatNumber((parts[i]!.value as { amount: number }).amount);
    // Parts are stated figures; their sum is read as the sum of the stated amounts.
    const sumText = formatNumber(sum.lo);
    const totalMention = preparedTotal.mention;
    const agrees = overlaps(sum, totalInterval);
    const difference = sum.lo - total.value.amount;
    const reason = agrees
      ? `the parts add up: ${stated} = ${sumText}, consistent with the stated total ${totalMention}`
      : `the parts do not add up: ${stated} = ${sumText}, not the stated total ${totalMention} (${difference > 0 ? '+' : '−'}${formatNumber(Math.abs(difference))})`;
    const sorted = [...parts].sort(byIdAscending);
    const partIds = new Array<string>(sorted.length);
    let within = true;
    for (let i = 0; i < sorted.length; i++) partIds[i] = sorted[i]!.id;
    for (const p of parts) if (p.source !== total.source) within = false;
    let pending = total.status === 'extracted';
    for (const p of parts) if (p.status === 'extracted') pending = true;
    const record: Comparison = {
      id: `sum-${totalId}`,
      a: totalId,
      b: sorted[0]!.id,
      parts: partIds,
      group: groupKey(total),
      scope: within ? 'within' : 'between',
      verdict: agrees ? 'agrees' : 'conflicts',
      basis: 'arithmetic',
      reason,
      gap: { absolute: difference, unit: total.value.unit },
    };
    // The check rests on every part and the total: pending while any of them is unreviewed.
    if (pending) record.pending = true;
    out.push(record);
  }
  return out;
}

function anyInScope(parts: readonly Claim[], inScope: Lookup): boolean {
  for (const p of parts) if (inScope.has(p.id)) return true;
  return false;
}

// As the sort always compared: never 0, so equal ids keep whatever order the sort leaves them in.
function byIdAscending(x: Claim, y: Claim): number {
  return x.id < y.id ? -1 : 1;
}
