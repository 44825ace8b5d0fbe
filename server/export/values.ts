// A claim's value and scope in words, for exports that a person reads in a spreadsheet or a tool.
import { formatDate } from '../core/dates.js';
import { describeQuantity } from '../core/quantities.js';
import { describeScope } from '../core/scope.js';
import type { Claim } from '../core/schema-types.js';

export function valueInWords(claim: Claim, entityLabel: (id: string) => string): string {
  const v = claim.value;
  switch (v.type) {
    case 'quantity':
      return `${describeQuantity(v)}${v.unit && v.unit !== 'count' ? ` ${v.unit}` : ''}`;
    case 'date':
      return formatDate(v.date);
    case 'entity':
      return `${v.negated ? 'not ' : ''}${entityLabel(v.entity)}`;
    case 'text':
      return v.text;
    // A value type added later still exports, as its JSON, rather than as an empty cell.
    default:
      return JSON.stringify(v);
  }
}

export function scopeInWords(claim: Claim): string {
  return claim.scope ? describeScope(claim.scope) : '';
}
