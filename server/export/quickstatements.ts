// Wikidata QuickStatements (version 1, tab-separated) for reviewed claims whose subject and property
// carry Wikidata ids. Wikidata can say "exactly 70,000" or "1918-10-25", and give a point in time or
// a start and end; it cannot say "over 72,000", "about 5,000", "early 1920" or "by May 1925" without
// changing the meaning (guessed bounds are what Wikidata itself moved away from). Such a claim is
// written as a comment line saying why, never as a statement.
import type { Analysis } from '../analysis/analyse.js';
import { parseDateString } from '../core/dates.js';
import type { Claim, DateValue, Source } from '../core/schema-types.js';

const PRECISION: Partial<Record<DateValue['precision'], number>> = { day: 11, month: 10, year: 9, decade: 8 };
const POINT_IN_TIME = 'P585';
const START_TIME = 'P580';
const END_TIME = 'P582';
const STATED_IN = 'S248';
const REFERENCE_URL = 'S854';
const QUOTE = 'S1683';

/** A QuickStatements time, or why there is none ("early 1920" has no Wikidata precision). */
export function wikidataTime(date: DateValue): { time: string } | { why: string } {
  if (date.comparator && date.comparator !== 'exact')
    return { why: `the date is qualified ("${date.comparator}"), which Wikidata cannot state` };
  if (date.part) return { why: `"${date.part}" of a ${date.precision} has no Wikidata precision` };
  const precision = PRECISION[date.precision];
  if (precision === undefined) return { why: `a ${date.precision} has no Wikidata precision` };
  const { year, month, day } = parseDateString(date.value);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  const sign = year < 0 ? '-' : '+';
  return { time: `${sign}${String(Math.abs(year)).padStart(4, '0')}-${pad(month)}-${pad(day)}T00:00:00Z/${precision}` };
}

/** QuickStatements string literal: double quotes inside are not allowed, so they become typographic ones. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '”').replace(/[\t\r\n]+/g, ' ')}"`;
}

function commentLine(claim: Claim, why: string): string {
  return `# ${claim.id}: not exported, ${why}`.replace(/[\r\n]+/g, ' ');
}

interface Mapped {
  line?: string;
  comment?: string;
}

function valueOf(claim: Claim, itemOf: (entity: string) => string | undefined): { value: string } | { why: string } {
  const v = claim.value;
  switch (v.type) {
    case 'quantity': {
      if (v.unit && v.unit !== 'count') return { why: `its unit "${v.unit}" has no Wikidata unit item here` };
      if (v.comparator !== 'exact')
        return { why: `"${claim.wording}" is not an exact figure (${v.comparator}) and Wikidata has no comparator` };
      return { value: v.amount < 0 ? String(v.amount) : `+${v.amount}` };
    }
    case 'date': {
      const t = wikidataTime(v.date);
      return 'time' in t ? { value: t.time } : t;
    }
    case 'entity': {
      if (v.negated) return { why: 'it states what something is not, which a Wikidata statement cannot' };
      const item = itemOf(v.entity);
      return item ? { value: item } : { why: `its value ${v.entity} has no Wikidata id` };
    }
    default:
      return { why: `a ${v.type} value has no Wikidata form here` };
  }
}

function qualifiers(claim: Claim): { text: string } | { why: string } {
  const scope = claim.scope;
  if (!scope) return { text: '' };
  const parts: string[] = [];
  if (scope.pointInTime) {
    const t = wikidataTime(scope.pointInTime);
    if (!('time' in t)) return { why: `its point in time: ${t.why}` };
    parts.push(POINT_IN_TIME, t.time);
  }
  for (const [edge, property] of [
    ['start', START_TIME],
    ['end', END_TIME],
  ] as const) {
    const date = scope.period?.[edge];
    if (!date) continue;
    const t = wikidataTime(date);
    if (!('time' in t)) return { why: `its period ${edge}: ${t.why}` };
    parts.push(property, t.time);
  }
  if (scope.aggregate || scope.population || scope.place)
    return {
      why: `its scope (${[scope.aggregate, scope.population, scope.place].filter(Boolean).join(', ')}) has no qualifier mapped here`,
    };
  return { text: parts.join('\t') };
}

function reference(claim: Claim, source: Source | undefined): string {
  const parts: string[] = [];
  if (source?.wikidata) parts.push(STATED_IN, source.wikidata);
  if (source?.url) parts.push(REFERENCE_URL, literal(source.url));
  parts.push(QUOTE, `${source?.language ?? 'en'}:${literal(claim.quote.exact)}`);
  return parts.join('\t');
}

function mapClaim(claim: Claim, analysis: Pick<Analysis, 'index'>): Mapped {
  const subject = analysis.index.entity.get(claim.subject)?.wikidata;
  const property = analysis.index.property.get(claim.property)?.wikidata;
  if (!subject || !property) return {};
  const value = valueOf(claim, (id) => analysis.index.entity.get(id)?.wikidata);
  if ('why' in value) return { comment: commentLine(claim, value.why) };
  const scope = qualifiers(claim);
  if ('why' in scope) return { comment: commentLine(claim, scope.why) };
  const cells = [subject, property, value.value, scope.text, reference(claim, analysis.index.source.get(claim.source))].filter(
    (c) => c !== '',
  );
  return { line: cells.join('\t') };
}

/** The statements for every reviewed, mapped claim, and a comment line for each that Wikidata cannot say. */
export function quickStatements(analysis: Pick<Analysis, 'index' | 'corpus'>, claims: readonly Claim[] = analysis.corpus.claims): string {
  const lines: string[] = [];
  let unmapped = 0;
  for (const claim of claims) {
    if (claim.status !== 'reviewed') continue;
    const mapped = mapClaim(claim, analysis);
    if (mapped.line) lines.push(mapped.line);
    else if (mapped.comment) lines.push(mapped.comment);
    else unmapped++;
  }
  if (unmapped > 0) lines.push(`# ${unmapped} reviewed claim(s) left out: their subject or property has no Wikidata id`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
