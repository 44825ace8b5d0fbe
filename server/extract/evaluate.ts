// Extraction quality against curated claims, shared by bench/extract.ts and the quality test.
// A match is the same source, subject and property with the same value: quantities with the same
// amount and comparator, dates with the same day interval (comparator included). Edges: reconcile
// both claim sets and count the curated comparisons whose two claims the extracted claims stand for.
import { dateInterval } from '../core/dates.js';
import { reconcile } from '../core/reconcile.js';
import type { Comparison } from '../core/types.js';
import type { Claim, Judgement, Property } from '../core/schema-types.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface SourceScores {
  quantity: Counts;
  date: Counts;
  all: Counts;
}

export interface EdgeScores {
  /** Curated agree/conflict edges between two quantity or date claims: what extraction can reproduce. */
  curated: number;
  reproduced: number;
  share: number;
  /** Every curated edge, relations, texts and curated judgements included. */
  curatedAll: number;
  shareOfAll: number;
  missing: string[];
}

export interface Evaluation {
  overall: SourceScores;
  perSource: Record<string, SourceScores>;
  edges: EdgeScores;
  /** Curated claim id → extracted claim id. */
  matches: Map<string, string>;
  unmatchedCurated: Claim[];
  unmatchedExtracted: Claim[];
  /**
   * Extracted claims under a property the vocabulary does not have (proposed by extraction, open.ts):
   * they cannot match a curated claim and are counted apart, not as wrong.
   */
  proposed: Claim[];
}

const measurable = (c: Claim) => c.value.type === 'quantity' || c.value.type === 'date';

export function sameValue(a: Claim, b: Claim): boolean {
  const va = a.value;
  const vb = b.value;
  if (va.type === 'quantity' && vb.type === 'quantity') return va.amount === vb.amount && va.comparator === vb.comparator;
  if (va.type === 'date' && vb.type === 'date') {
    const ia = dateInterval(va.date);
    const ib = dateInterval(vb.date);
    return ia.lo === ib.lo && ia.hi === ib.hi;
  }
  return false;
}

function overlap(a: Claim, b: Claim): number {
  return Math.max(0, Math.min(a.quote.end, b.quote.end) - Math.max(a.quote.start, b.quote.start));
}

/**
 * One-to-one matching: pairs with the same key (source, subject, property, value) are taken in order of
 * quote overlap, so that two curated statements of one figure each get the extracted claim of their own sentence.
 */
export function matchClaims(extracted: readonly Claim[], curated: readonly Claim[]): Map<string, string> {
  const pairs: { c: Claim; x: Claim; overlap: number }[] = [];
  for (const c of curated.filter(measurable)) {
    for (const x of extracted) {
      if (x.source !== c.source || x.subject !== c.subject || x.property !== c.property || !sameValue(x, c)) continue;
      pairs.push({ c, x, overlap: overlap(x, c) });
    }
  }
  pairs.sort((a, b) => b.overlap - a.overlap);
  const matches = new Map<string, string>();
  const used = new Set<string>();
  for (const { c, x } of pairs) {
    if (matches.has(c.id) || used.has(x.id)) continue;
    matches.set(c.id, x.id);
    used.add(x.id);
  }
  return matches;
}

function counts(tp: number, extracted: number, curated: number): Counts {
  return { tp, fp: extracted - tp, fn: curated - tp, precision: extracted ? tp / extracted : 1, recall: curated ? tp / curated : 1 };
}

function scores(extracted: readonly Claim[], curated: readonly Claim[], matches: Map<string, string>): SourceScores {
  const kind = (type: string) => {
    const cur = curated.filter((c) => c.value.type === type);
    const ext = extracted.filter((c) => c.value.type === type);
    return counts(cur.filter((c) => matches.has(c.id)).length, ext.length, cur.length);
  };
  const quantity = kind('quantity');
  const date = kind('date');
  return {
    quantity,
    date,
    all: counts(quantity.tp + date.tp, quantity.tp + quantity.fp + date.tp + date.fp, quantity.tp + quantity.fn + date.tp + date.fn),
  };
}

export interface EvaluateInput {
  extracted: readonly Claim[];
  curated: readonly Claim[];
  properties: readonly Property[];
  judgements?: readonly Judgement[];
}

export function evaluate(input: EvaluateInput): Evaluation {
  const curated = input.curated.filter((c) => c.status !== 'rejected');
  const vocabulary = new Set(input.properties.filter((p) => p.status !== 'proposed').map((p) => p.id));
  const proposed = input.extracted.filter((c) => measurable(c) && !vocabulary.has(c.property));
  const extracted = input.extracted.filter((c) => measurable(c) && vocabulary.has(c.property));
  const matches = matchClaims(extracted, curated);
  const perSource: Record<string, SourceScores> = {};
  for (const source of [...new Set(curated.map((c) => c.source))].sort()) {
    perSource[source] = scores(
      extracted.filter((c) => c.source === source),
      curated.filter((c) => c.source === source && measurable(c)),
      matches,
    );
  }
  const matchedExtracted = new Set(matches.values());
  return {
    overall: scores(extracted, curated.filter(measurable), matches),
    perSource,
    edges: edgeScores(extracted, curated, matches, input),
    matches,
    unmatchedCurated: curated.filter((c) => measurable(c) && !matches.has(c.id)),
    unmatchedExtracted: extracted.filter((c) => !matchedExtracted.has(c.id)),
    proposed,
  };
}

function edgeKey(c: Comparison, a: string, b: string): string {
  return `${a < b ? a : b}|${a < b ? b : a}|${c.verdict}`;
}

function edgeScores(
  extracted: readonly Claim[],
  curated: readonly Claim[],
  matches: Map<string, string>,
  input: EvaluateInput,
): EdgeScores {
  const byId = new Map(curated.map((c) => [c.id, c]));
  const curatedEdges = reconcile({ claims: curated, properties: input.properties, judgements: input.judgements }).comparisons;
  const reproducible = curatedEdges.filter((e) => measurable(byId.get(e.a)!) && measurable(byId.get(e.b)!));
  // Extracted claim → curated claim: the value match first, else the curated claim its quote overlaps
  // most among those of the same source, property and value type.
  const toCurated = new Map<string, string>();
  for (const [c, x] of matches) toCurated.set(x, c);
  for (const x of extracted) {
    if (toCurated.has(x.id)) continue;
    let best: Claim | undefined;
    for (const c of curated) {
      if (c.source !== x.source || c.value.type !== x.value.type || c.property !== x.property || overlap(x, c) === 0) continue;
      if (!best || overlap(x, c) > overlap(x, best)) best = c;
    }
    if (best) toCurated.set(x.id, best.id);
  }
  const produced = new Set<string>();
  for (const e of reconcile({ claims: extracted, properties: input.properties }).comparisons) {
    const a = toCurated.get(e.a);
    const b = toCurated.get(e.b);
    if (a && b && a !== b) produced.add(edgeKey(e, a, b));
  }
  const missing = reproducible.filter((e) => !produced.has(edgeKey(e, e.a, e.b)));
  const reproduced = reproducible.length - missing.length;
  return {
    curated: reproducible.length,
    reproduced,
    share: reproducible.length ? reproduced / reproducible.length : 1,
    curatedAll: curatedEdges.length,
    shareOfAll: curatedEdges.length ? reproduced / curatedEdges.length : 1,
    missing: missing.map((e) => `${e.verdict} ${e.basis}: ${e.a} × ${e.b}`),
  };
}
