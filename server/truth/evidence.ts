// How much evidence stands behind each verdict. Trust can only be learned where sources meet: a source
// whose items nobody else covers has a trust that reflects the prior, not its record. An item decided
// by few sources, or by sources whose trust was never tested, is flagged low-evidence so that callers
// say "uncertain" instead of presenting a guess as a finding.
import type { FactGraph } from './graph.js';
import type { EvidenceSettings } from './settings.js';

export interface SourceRecord {
  /** Distinct items the source states a value for. */
  items: Int32Array;
  /** Items where one of its values is the chosen one. */
  agreed: Int32Array;
  /** Items it shares with at least one other source. */
  shared: Int32Array;
}

export function sourceRecords(graph: FactGraph, chosen: Int32Array): SourceRecord {
  const n = graph.sources.length;
  const items = new Int32Array(n);
  const agreed = new Int32Array(n);
  const shared = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    // A source's facts are listed in item order, so the facts of one item are adjacent.
    let lastItem = -1;
    for (let j = graph.sourceFactStart[s]!; j < graph.sourceFactStart[s + 1]!; j++) {
      const f = graph.sourceFacts[j]!;
      const item = graph.factItem[f]!;
      if (chosen[item] === f) agreed[s]!++;
      if (item === lastItem) continue;
      lastItem = item;
      items[s]!++;
      if (graph.itemSourceCount[item]! > 1) shared[s]!++;
    }
  }
  return { items, agreed, shared };
}

/** Why an item's verdict rests on too little evidence, or undefined when it does not. */
export function lowEvidenceReason(graph: FactGraph, item: number, record: SourceRecord, settings: EvidenceSettings): string | undefined {
  const reasons: string[] = [];
  const count = graph.itemSourceCount[item]!;
  if (count <= settings.lowEvidenceMaxSources) reasons.push(`only ${count} source${count === 1 ? '' : 's'}`);
  const tested = new Set<number>();
  const all = new Set<number>();
  for (let f = graph.itemFactStart[item]!; f < graph.itemFactStart[item + 1]!; f++) {
    for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) {
      const s = graph.factSources[j]!;
      all.add(s);
      if (record.shared[s]! >= settings.minSharedItems) tested.add(s);
    }
  }
  if (count > 1 && tested.size * 2 < all.size) {
    reasons.push(
      `the sources overlap too little to learn trust: ${tested.size} of ${all.size} share at least ${settings.minSharedItems} items with other sources`,
    );
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}
