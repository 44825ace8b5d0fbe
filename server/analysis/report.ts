// The contradictions report: conflicts grouped by entity and property, then agreements,
// each with both values as the sources word them, the sources, the quotes and the reason.
import type { Analysis } from './analyse.js';
import type { Comparison } from '../core/types.js';
import type { Claim, Citation } from '../core/schema-types.js';

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
  /** A value class: the ids of every claim stating the value (a and b are its first two). */
  members?: string[];
  /** Between value classes: how many claims each side stands for. */
  counts?: Comparison['counts'];
  /** Rests on a claim nobody has reviewed: listed, but kept out of the headline count. */
  pending?: true;
}

export interface Report {
  /** Every conflict, reviewed and pending (`pending: true`) alike. */
  conflicts: ReportItem[];
  agreements: ReportItem[];
  /** How many of the conflicts and agreements are pending review: the headline counts the rest. */
  pending: { conflicts: number; agreements: number };
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
  const conflicts = reportItems(analysis, 'conflicts');
  const agreements = reportItems(analysis, 'agrees');
  return {
    conflicts,
    agreements,
    pending: { conflicts: conflicts.filter((i) => i.pending).length, agreements: agreements.filter((i) => i.pending).length },
  };
}

/** One verdict's items of the report, in its order: a list of conflicts needs none of the (many more) agreements labelled. */
export function reportItems(analysis: Analysis, verdict: Comparison['verdict']): ReportItem[] {
  const full = (id: string): ReportClaim => labelledClaim(analysis, analysis.index.claim.get(id)!);
  const { entity, source, property } = analysis.index;
  const items: ReportItem[] = [];
  for (const cmp of analysis.comparisons) {
    if (cmp.verdict !== verdict) continue;
    // A comparison a write kept is the same object, and its claims are the same (a changed claim's
    // comparisons are made anew): its item is too, while no entity, source or property changed.
    const kept = labelled.get(cmp);
    if (kept && kept.entity === entity && kept.source === source && kept.property === property) {
      items.push(kept.item);
      continue;
    }
    const item = labelledItem(cmp, full);
    labelled.set(cmp, { item, entity, source, property });
    items.push(item);
  }
  // One collator for the whole sort (what localeCompare uses, without making it again per comparison).
  const { compare } = new Intl.Collator();
  return items.sort(
    (x, y) => compare(x.subject.label, y.subject.label) || compare(x.property.label, y.property.label) || compare(x.id, y.id),
  );
}

const labelled = new WeakMap<Comparison, { item: ReportItem; entity: unknown; source: unknown; property: unknown }>();

function labelledItem(cmp: Comparison, full: (id: string) => ReportClaim): ReportItem {
  const a = full(cmp.a);
  return {
    id: cmp.id,
    verdict: cmp.verdict,
    basis: cmp.basis,
    scope: cmp.scope,
    reason: cmp.reason,
    gap: cmp.gap,
    subject: { id: a.subject, label: a.subjectLabel },
    property: { id: a.property, label: a.propertyLabel },
    a,
    b: full(cmp.b),
    ...(cmp.parts ? { parts: cmp.parts.map(full) } : {}),
    ...(cmp.members ? { members: cmp.members } : {}),
    ...(cmp.counts ? { counts: cmp.counts } : {}),
    ...(cmp.pending ? { pending: true as const } : {}),
  };
}

export function citedAs(citations: readonly Citation[], referenceText: (n: number) => string | undefined): string[] {
  if (citations.length === 0) return ['no citation given'];
  return citations.map((c) => (c.kind === 'reference' ? `[${c.ref}] ${referenceText(c.ref) ?? '(reference missing)'}` : 'citation needed'));
}

export function formatReport(report: Report): string {
  const lines: string[] = [];
  const section = (title: string, items: ReportItem[]) => {
    if (title.startsWith('PENDING') && items.length === 0) return;
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
      if (item.members) lines.push(`    ${item.members.length} claims state this value: ${listed(item.members)}`);
      if (item.counts) lines.push(`    stands for ${item.counts.a} × ${item.counts.b} claims (each side's value class)`);
      for (const claim of item.parts ? [item.a, ...item.parts] : [item.a, item.b]) {
        lines.push(`    ${claim.sourceTitle}: ${claim.wording}${claim.scope?.wording ? ` (${claim.scope.wording})` : ''}  [${claim.id}]`);
        lines.push(`      “${oneLine(claim.quote.exact)}” @${claim.quote.start}–${claim.quote.end}`);
        lines.push(`      cited: ${claim.citedAs.join('; ')}`);
      }
      lines.push(`    why: ${item.reason}`, '');
    }
  };
  // Pending items rest on claims nobody has reviewed: listed after, and not in the headline counts.
  const reviewed = (items: ReportItem[]) => items.filter((i) => !i.pending);
  const pending = (items: ReportItem[]) => items.filter((i) => i.pending);
  section('CONTRADICTIONS', reviewed(report.conflicts));
  section('AGREEMENTS', reviewed(report.agreements));
  section('PENDING REVIEW: CONTRADICTIONS', pending(report.conflicts));
  section('PENDING REVIEW: AGREEMENTS', pending(report.agreements));
  return lines.join('\n');
}

function listed(ids: readonly string[]): string {
  return ids.length <= 6 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} … and ${ids.length - 5} more`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
