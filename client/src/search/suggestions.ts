// Turns search results into suggestions (entities first, by alias; then sources; then claims), from
// the server, or from the graph's own labels and aliases when the server cannot answer.
import { api, type SearchResults } from '../api.js';
import type { AppGraph } from '../graph-view/load.js';
import { fold } from '../../../server/common/fold.js';

export interface Suggestion {
  /** Node key to select. */
  key: string;
  kind: 'entity' | 'source' | 'claim' | 'reference';
  label: string;
  /** Why it matched, e.g. "also written Semenov". */
  detail: string;
  /** For a reference: its number in its source's list (key is the source's node). */
  reference?: number;
}

export async function suggest(query: string, graph: AppGraph, signal: AbortSignal): Promise<Suggestion[]> {
  try {
    return fromResults(await api.search(query, signal));
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    return localSuggestions(query, graph);
  }
}

export function fromResults(r: SearchResults): Suggestion[] {
  return [
    ...r.entities.map((e): Suggestion => ({
      key: `entity:${e.id}`,
      kind: 'entity',
      label: e.label,
      detail: e.field === 'alias' && e.matched !== e.label ? `also written “${e.matched}” · ${e.type}` : e.type.replace(/-/g, ' '),
    })),
    ...r.sources.map((s): Suggestion => ({ key: `source:${s.id}`, kind: 'source', label: s.title, detail: s.publisher })),
    ...r.claims.map((c): Suggestion => ({
      key: `claim:${c.id}`,
      kind: 'claim',
      label: `${c.subject.label} · ${c.property.label}: ${c.wording}`,
      detail: c.field === 'citation' ? `cites “${c.matched}”` : c.source.title,
    })),
    // Reference entries (an older server sends none).
    ...(r.references ?? []).map((ref): Suggestion => ({
      key: `source:${ref.source.id}`,
      kind: 'reference',
      label: `[${ref.number}] ${ref.text}`,
      detail: `reference in ${ref.source.title}`,
      reference: ref.number,
    })),
  ];
}

export function localSuggestions(query: string, graph: AppGraph, limit = 12): Suggestion[] {
  const q = fold(query);
  if (!q) return [];
  const out: { s: Suggestion; rank: number }[] = [];
  graph.forEachNode((key, a) => {
    if (a.kind === 'citation') return;
    const names = [a.fullLabel, ...(Array.isArray(a.aliases) ? a.aliases.map(String) : [])];
    let best = Infinity;
    let matched = a.fullLabel;
    for (const name of names) {
      const f = fold(name);
      const rank = f === q ? 0 : f.startsWith(q) ? 1 : f.includes(` ${q}`) ? 2 : f.includes(q) ? 3 : Infinity;
      if (rank < best) [best, matched] = [rank, name];
    }
    if (best === Infinity) return;
    const kindRank = a.kind === 'entity' ? 0 : a.kind === 'source' ? 10 : 20;
    out.push({
      s: {
        key,
        kind: a.kind as Suggestion['kind'],
        label: a.fullLabel,
        detail: matched !== a.fullLabel ? `also written “${matched}”` : a.kind,
      },
      rank: kindRank + best,
    });
  });
  return out
    .sort((x, y) => x.rank - y.rank || x.s.label.localeCompare(y.s.label))
    .slice(0, limit)
    .map((o) => o.s);
}
