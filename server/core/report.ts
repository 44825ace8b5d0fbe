// The contradictions report: conflicts grouped by entity and property, then agreements,
// each with both values as the sources word them, the sources, the quotes and the reason.
import type { Analysis } from './analyse.js';
import type { Comparison } from './reconcile.js';
import type { Claim, Citation } from './schema-types.js';

export interface ReportClaim extends Claim {
  sourceTitle: string;
  subjectLabel: string;
  propertyLabel: string;
  /** The citation chain in words: "[8] Humphreys 1996, p. 26", "citation needed", "no citation given". */
  citedAs: string[];
}

export interface ReportItem {
  id: string;
  verdict: Comparison['verdict'];
  basis: Comparison['basis'];
  scope: Comparison['scope'];
  reason: string;
  gap?: Comparison['gap'];
  subject: { id: string; label: string };
  property: { id: string; label: string };
  a: ReportClaim;
  b: ReportClaim;
  /** For arithmetic checks: every part summed. */
  parts?: ReportClaim[];
}

export interface Report {
  conflicts: ReportItem[];
  agreements: ReportItem[];
}

/** A claim with its labels and its citation chain in words. */
export function labelledClaim(analysis: Pick<Analysis, 'index'>, claim: Claim): ReportClaim {
  const { index } = analysis;
  const source = index.source.get(claim.source);
  return {
    ...claim,
    sourceTitle: source?.title ?? claim.source,
    subjectLabel: index.entity.get(claim.subject)?.label ?? claim.subject,
    propertyLabel: index.property.get(claim.property)?.label ?? claim.property,
    citedAs: citedAs(claim.citations, (n) => source?.references.find((r) => r.number === n)?.text),
  };
}

export function buildReport(analysis: Analysis): Report {
  const full = (id: string): ReportClaim => labelledClaim(analysis, analysis.index.claim.get(id)!);
  const items = analysis.comparisons.map((cmp): ReportItem => {
    const a = full(cmp.a);
    return {
      id: cmp.id, verdict: cmp.verdict, basis: cmp.basis, scope: cmp.scope, reason: cmp.reason, gap: cmp.gap,
      subject: { id: a.subject, label: a.subjectLabel },
      property: { id: a.property, label: a.propertyLabel },
      a, b: full(cmp.b), ...(cmp.parts ? { parts: cmp.parts.map(full) } : {}),
    };
  });
  const order = (x: ReportItem, y: ReportItem) =>
    x.subject.label.localeCompare(y.subject.label) || x.property.label.localeCompare(y.property.label) || x.id.localeCompare(y.id);
  return {
    conflicts: items.filter((i) => i.verdict === 'conflicts').sort(order),
    agreements: items.filter((i) => i.verdict === 'agrees').sort(order),
  };
}

export function citedAs(citations: readonly Citation[], referenceText: (n: number) => string | undefined): string[] {
  if (citations.length === 0) return ['no citation given'];
  return citations.map((c) => (c.kind === 'reference' ? `[${c.ref}] ${referenceText(c.ref) ?? '(reference missing)'}` : 'citation needed'));
}

export function formatReport(report: Report): string {
  const lines: string[] = [];
  const section = (title: string, items: ReportItem[]) => {
    lines.push(`${title} (${items.length})`, '='.repeat(title.length + String(items.length).length + 3), '');
    let group = '';
    for (const item of items) {
      const heading = `${item.subject.label} — ${item.property.label}`;
      if (heading !== group) {
        lines.push(heading);
        group = heading;
      }
      const where = item.scope === 'within' ? `WITHIN ONE SOURCE (${item.a.sourceTitle})` : 'between sources';
      lines.push(`  ${item.verdict === 'conflicts' ? '✗' : '✓'} ${where} · ${item.basis}`);
      for (const claim of item.parts ? [item.a, ...item.parts] : [item.a, item.b]) {
        lines.push(`    ${claim.sourceTitle}: ${claim.wording}${claim.scope?.wording ? ` (${claim.scope.wording})` : ''}  [${claim.id}]`);
        lines.push(`      “${oneLine(claim.quote.exact)}” @${claim.quote.start}–${claim.quote.end}`);
        lines.push(`      cited: ${claim.citedAs.join('; ')}`);
      }
      lines.push(`    why: ${item.reason}`, '');
    }
  };
  section('CONTRADICTIONS', report.conflicts);
  section('AGREEMENTS', report.agreements);
  return lines.join('\n');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
