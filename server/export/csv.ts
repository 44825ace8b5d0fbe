// CSV exports of claims and of comparisons: RFC 4180, UTF-8 with a byte-order mark (so Excel reads
// the accents), and every cell that a spreadsheet would run as a formula neutralised.
import { stringify } from 'csv-stringify/sync';
import type { Analysis } from '../analysis/analyse.js';
import { buildReport, labelledClaim, type ReportClaim, type ReportItem } from '../analysis/report.js';
import { formatNumber, formatPercent } from '../core/quantities.js';
import type { Claim } from '../core/schema-types.js';
import { scopeInWords, valueInWords } from './values.js';

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP's
// CSV-injection list, tab and carriage return included). A plain number ("-2.8") is left alone.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const cells = rows.map((row) =>
    row.map((cell) => (cell === undefined ? '' : typeof cell === 'number' ? String(cell) : neutraliseCell(cell))),
  );
  return stringify([header as string[], ...cells], { bom: true, record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
}

const CLAIM_COLUMNS = [
  'claim',
  'status',
  'source',
  'source title',
  'subject',
  'subject label',
  'property',
  'property label',
  'value',
  'wording',
  'scope',
  'quote',
  'quote start',
  'quote end',
  'cited as',
  'confidence',
] as const;

function claimRow(claim: ReportClaim, entityLabel: (id: string) => string): (string | number | undefined)[] {
  return [
    claim.id,
    claim.status,
    claim.source,
    claim.sourceTitle,
    claim.subject,
    claim.subjectLabel,
    claim.property,
    claim.propertyLabel,
    valueInWords(claim, entityLabel),
    claim.wording,
    scopeInWords(claim),
    claim.quote.exact,
    claim.quote.start,
    claim.quote.end,
    claim.citedAs.join('; '),
    claim.confidence,
  ];
}

function entityLabelOf(analysis: Pick<Analysis, 'index'>): (id: string) => string {
  return (id) => analysis.index.entity.get(id)?.label ?? id;
}

/** One row per claim (rejected ones included, with their status: a review record is data too). */
export function claimsCsv(analysis: Pick<Analysis, 'index' | 'corpus'>, claims: readonly Claim[] = analysis.corpus.claims): string {
  const label = entityLabelOf(analysis);
  return toCsv(
    CLAIM_COLUMNS,
    claims.map((c) => claimRow(labelledClaim(analysis, c), label)),
  );
}

const SIDE_COLUMNS = ['claim', 'source title', 'value', 'wording', 'quote', 'cited as', 'status'] as const;
const COMPARISON_COLUMNS = [
  'comparison',
  'verdict',
  'basis',
  'between or within',
  'reason',
  'subject',
  'property',
  'gap',
  ...SIDE_COLUMNS.map((c) => `a ${c}`),
  ...SIDE_COLUMNS.map((c) => `b ${c}`),
  'parts',
] as const;

function side(claim: ReportClaim, label: (id: string) => string): (string | number | undefined)[] {
  return [
    claim.id,
    claim.sourceTitle,
    valueInWords(claim, label),
    claim.wording,
    claim.quote.exact,
    claim.citedAs.join('; '),
    claim.status,
  ];
}

function gapText(item: ReportItem): string | undefined {
  const gap = item.gap;
  if (!gap) return undefined;
  const absolute = `${formatNumber(gap.absolute)}${gap.unit ? ` ${gap.unit}` : ''}`;
  return gap.relative === undefined ? absolute : `${absolute} (${formatPercent(gap.relative)})`;
}

/** One row per contradiction or agreement, both claims side by side; `keep` narrows to a view. */
export function comparisonsCsv(analysis: Analysis, keep?: (item: ReportItem) => boolean): string {
  const label = entityLabelOf(analysis);
  const report = buildReport(analysis);
  const items = [...report.conflicts, ...report.agreements].filter((item) => !keep || keep(item));
  return toCsv(
    COMPARISON_COLUMNS,
    items.map((item) => [
      item.id,
      item.verdict,
      item.basis,
      item.scope,
      item.reason,
      item.subject.label,
      item.property.label,
      gapText(item),
      ...side(item.a, label),
      ...side(item.b, label),
      (item.parts ?? []).map((p) => p.id).join('; '),
    ]),
  );
}
