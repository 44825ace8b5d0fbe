// What a reviewer's trust judgements would do: every likely value they move, before they are applied.
// Apart from reviewer.ts because it runs discovery, which itself compiles the judgements (reviewer.ts
// stays below discover.ts).
import { discoverOnGraph, type MethodName } from './discover.js';
import { buildFactGraph, type FactGraph } from './graph.js';
import { compileReviewerTrust, type ReviewerTrust } from './reviewer.js';
import { resolveSettings, type TruthSettingsInput } from './settings.js';
import type { Observation } from './types.js';

export interface LikelyValueMove {
  item: string;
  /** observation: index into the input observations of the first that states the value (lets adapters show its wording). */
  before: { value: number | string; confidence: number; observation: number };
  after: { value: number | string; confidence: number; observation: number };
  /** True when the likely value itself changes, false when only its confidence moves. */
  changed: boolean;
}

/**
 * Every item whose likely value or confidence moves (by more than minMove) once the reviewer's
 * judgements are applied, the changed ones first. `current`: the judgements already in force, the
 * starting point (none when absent); `judgements` is then the whole set proposed in their place.
 */
export function whatIfTrusted(
  observations: readonly Observation[],
  judgements: readonly ReviewerTrust[],
  options: { method?: MethodName; settings?: TruthSettingsInput; minMove?: number; current?: readonly ReviewerTrust[] } = {},
): LikelyValueMove[] {
  const settings = resolveSettings(options.settings);
  const graph = buildFactGraph(observations, settings.similarity);
  const method = options.method ?? 'truthfinder';
  const judged = (list: readonly ReviewerTrust[]): FactGraph =>
    list.length > 0 ? { ...graph, reviewer: compileReviewerTrust(graph, list) } : graph;
  const before = discoverOnGraph(judged(options.current ?? []), method, settings);
  const after = discoverOnGraph(judged(judgements), method, settings);
  const moves: LikelyValueMove[] = [];
  before.items.forEach((b, i) => {
    const a = after.items[i]!;
    const changed = a.chosen.value !== b.chosen.value;
    if (!changed && Math.abs(a.chosen.confidence - b.chosen.confidence) <= (options.minMove ?? 0.01)) return;
    const at = (v: typeof a) => ({ value: v.chosen.value, confidence: v.chosen.confidence, observation: v.chosen.observations[0]! });
    moves.push({ item: b.item, before: at(b), after: at(a), changed });
  });
  return moves.sort((x, y) => Number(y.changed) - Number(x.changed));
}
