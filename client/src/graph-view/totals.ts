// The whole graph's numbers, whatever part of it is drawn: counted from the graph when it is all
// there, asked of the API (the lists' counts) when a large graph is shown in part. The banner, the
// toolbar and the list all read them here, so they never disagree.
import { api } from '../api.js';
import type { GraphFeed } from './feed.js';
import type { AppGraph } from './load.js';

export interface Summary {
  claims: number;
  sources: number;
  conflicts: number;
  agreements: number;
  /** Contradictions resting on a claim nobody has reviewed yet, when the server says. */
  pending: number | null;
}

export function summarise(graph: AppGraph): Summary {
  const s: Summary = { claims: 0, sources: 0, conflicts: 0, agreements: 0, pending: null };
  graph.forEachNode((_k, a) => {
    if (a.kind === 'claim') s.claims++;
    else if (a.kind === 'source') s.sources++;
  });
  const conflicts = new Set<string>();
  const agreements = new Set<string>();
  graph.forEachEdge((key, a) => {
    if (a.kind === 'conflicts') conflicts.add(String(a.comparison ?? key));
    if (a.kind === 'agrees') agreements.add(String(a.comparison ?? key));
  });
  s.conflicts = conflicts.size;
  s.agreements = agreements.size;
  return s;
}

export class Totals {
  private current: Summary;
  private readonly listeners = new Set<(s: Summary) => void>();
  private token = 0;

  constructor(
    private readonly graph: AppGraph,
    private readonly feed: GraphFeed,
  ) {
    this.current = summarise(graph);
    feed.onChange(() => void this.refresh());
    void this.refresh();
  }

  get summary(): Summary {
    return this.current;
  }

  onChange(listener: (s: Summary) => void): void {
    this.listeners.add(listener);
    listener(this.current);
  }

  private async refresh(): Promise<void> {
    const token = ++this.token;
    const drawn = summarise(this.graph);
    // What the server says is the truth for a part; for the whole graph the count is exact at once.
    const next = this.feed.partial
      ? await this.fromApi().catch(() => drawn)
      : { ...drawn, pending: await this.pending().catch(() => null) };
    if (token !== this.token) return;
    this.current = next;
    for (const l of this.listeners) l(next);
  }

  private async fromApi(): Promise<Summary> {
    // The overview carries the whole graph's figures: no need to read every source's record (2 MB at 4,000 sources).
    const info = this.feed.overview;
    const counts = this.feed.counts;
    if (info?.claims !== undefined && info.sources && counts) {
      // The graph's figures leave out comparisons resting on unreviewed claims; the lists count them (as pending).
      const pending = counts.pending.conflicts;
      return {
        claims: info.claims,
        sources: info.sources.total,
        conflicts: counts.conflicts + pending,
        agreements: counts.agreements + counts.pending.agreements,
        pending: pending > 0 ? pending : null,
      };
    }
    const [conflicts, agreements, sources] = await Promise.all([api.conflictsCount(), api.agreementsCount(), api.sources()]);
    return {
      claims: sources.items.reduce((n, s) => n + s.counts.claims, 0),
      sources: sources.count,
      conflicts: conflicts.count,
      agreements,
      pending: typeof conflicts.pending === 'number' ? conflicts.pending : null,
    };
  }

  private async pending(): Promise<number | null> {
    const list = await api.conflictsCount();
    return typeof list.pending === 'number' ? list.pending : null;
  }
}
