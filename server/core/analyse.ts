// One call from a loaded corpus to everything derived from it: comparisons, groups, the graph.
import { buildGraph, type ConcordanceGraph } from './graph.js';
import { indexCorpus, type Corpus, type CorpusIndex } from './model.js';
import { DEFAULT_RECONCILE_SETTINGS, reconcile, type Comparison, type ReconcileSettings } from './reconcile.js';

export interface Analysis {
  corpus: Corpus;
  index: CorpusIndex;
  comparisons: Comparison[];
  groups: Map<string, string[]>;
  graph: ConcordanceGraph;
}

export function analyse(corpus: Corpus, settings: ReconcileSettings = DEFAULT_RECONCILE_SETTINGS): Analysis {
  const index = indexCorpus(corpus);
  const entityLabel = (id: string) => index.entity.get(id)?.label ?? id;
  const { comparisons, groups } = reconcile({ ...corpus, entityLabel }, settings);
  return { corpus, index, comparisons, groups, graph: buildGraph(corpus, comparisons) };
}
