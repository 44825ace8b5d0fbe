// Where the drawn graph comes from, and how it stays current. A small graph is loaded whole; a
// large one opens on its entity overview (entities and sources, linked by their contradictions,
// issue #15) and grows around what the user selects: an entity's claims, a claim's neighbours.
// Every view comes with the server's positions, the same in every view of a revision. Every
// piece is fetched with If-None-Match, so after a write an unchanged graph costs a 304 per piece.
import type { SerializedGraph } from 'graphology-types';
import { api, ApiError } from '../api.js';
import type { AppGraph } from './load.js';
import { syncGraph, unionOf } from './sync.js';

/** Up to this many nodes the whole graph is loaded; above, the contradictions first. */
export const LARGE_GRAPH_NODES = 20_000;
/** Nodes per server-side view. */
export const VIEW_LIMIT = 5000;
/** Entities and sources in the first view of a large graph: enough to read, few enough to draw at once. */
export const OVERVIEW_LIMIT = 1500;
export const FIRST_VIEW = `?view=overview&limit=${OVERVIEW_LIMIT}`;

export interface ViewInfo {
  kind: string;
  truncated: boolean;
  total: { nodes: number; edges: number };
  /** The overview's: entities and sources shown of the whole graph's, and its claims. */
  entities?: { shown: number; total: number };
  sources?: { shown: number; total: number };
  claims?: number;
}

interface Piece {
  etag: string | null;
  /** The export as last received; dropped for the whole graph once drawn (see the constructor). */
  data: SerializedGraph | null;
}

/** The graph's headline figures (server/analysis/graph.ts ComparisonCounts). */
export interface GraphCounts {
  conflicts: number;
  agreements: number;
  pending: { conflicts: number; agreements: number };
}

/** `write`: the server's data changed (a refresh found new revisions); otherwise more of it was loaded. */
export type FeedListener = (change: { added: string[]; removed: number; write: boolean }) => void;

/**
 * What to load first. `full` (the URL's full=1) asks for the whole graph whatever its size;
 * `overview` (overview=1) for the entity overview whatever its size.
 */
export async function loadInitial(full: boolean, overview = false): Promise<Map<string, Piece>> {
  if (full) return new Map([['', await fetchPiece('')]]);
  const first = await fetchPiece(FIRST_VIEW);
  const total = viewInfoOf(first.data)?.total.nodes ?? 0;
  // The overview told us how big the whole is: small enough, load it all.
  if (total <= LARGE_GRAPH_NODES && !overview) return new Map([['', await fetchPiece('')]]);
  return new Map([[FIRST_VIEW, first]]);
}

export function viewInfoOf(data: SerializedGraph | null | undefined): ViewInfo | null {
  const v = (data?.attributes as { view?: ViewInfo } | undefined)?.view;
  return v && typeof v.total?.nodes === 'number' ? v : null;
}

async function fetchPiece(query: string): Promise<Piece> {
  const reply = await api.graph(query);
  return { etag: reply.etag, data: reply.data! };
}

export class GraphFeed {
  private readonly listeners = new Set<FeedListener>();
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    readonly graph: AppGraph,
    private readonly pieces: Map<string, Piece>,
  ) {
    this.forgetWhole();
  }

  /** The first (and possibly only) data, for building the graph. */
  static initialData(pieces: Map<string, Piece>): SerializedGraph {
    return unionOf(present(pieces));
  }

  /** True when the graph shown is a part of a larger one. */
  get partial(): boolean {
    return !this.pieces.has('');
  }

  /** Size of the whole graph on the server (known from any view; for the whole graph, its own). */
  get total(): { nodes: number; edges: number } {
    return this.overview?.total ?? { nodes: this.graph.order, edges: this.graph.size };
  }

  /** The first view's info (the overview's, for a large graph), or null when the graph is whole. */
  get overview(): ViewInfo | null {
    for (const piece of this.pieces.values()) {
      const info = viewInfoOf(piece.data);
      if (info) return info;
    }
    return null;
  }

  /** The whole graph's headline figures, as the server sent them with any view. */
  get counts(): GraphCounts | null {
    for (const piece of this.pieces.values()) {
      const c = (piece.data?.attributes as { counts?: GraphCounts } | undefined)?.counts;
      if (c && typeof c.conflicts === 'number') return c;
    }
    return null;
  }

  /** Whether an entity's or a source's own view (its claims) has been loaded. */
  hasHub(key: string): boolean {
    return this.pieces.has(hubQuery(key));
  }

  /** Loads an entity's or a source's claims around it (a large graph's overview shows neither). */
  loadHub(key: string): Promise<number> {
    return this.add(hubQuery(key));
  }

  onChange(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-fetches every piece conditionally; applies the new data if any piece changed. */
  refresh(): Promise<boolean> {
    return this.serial(async () => {
      let changed = false;
      await Promise.all(
        [...this.pieces].map(async ([query, piece]) => {
          const reply = await api.graph(query, piece.etag).catch((err: unknown) => {
            // The node a neighbourhood was centred on is gone (its claim was rejected): drop that piece.
            if (query !== '' && query !== FIRST_VIEW && err instanceof ApiError && err.status === 404) return null;
            throw err;
          });
          if (reply === null) {
            this.pieces.delete(query);
            changed = true;
          } else if (reply.data) {
            this.pieces.set(query, { etag: reply.etag, data: reply.data });
            changed = true;
          }
        }),
      );
      if (changed) this.apply(true);
      return changed;
    });
  }

  /** Adds the k-hop neighbourhood of a node (large graphs). Answers how many nodes were added. */
  expand(key: string, hops = 1): Promise<number> {
    return this.add(`?view=neighbourhood&id=${encodeURIComponent(key)}&hops=${hops}&limit=${VIEW_LIMIT}`);
  }

  /** Makes sure a node is loaded: its source or entity view, or its neighbourhood. */
  async ensure(key: string): Promise<boolean> {
    if (this.graph.hasNode(key)) return true;
    if (!this.partial) return false;
    const kind = key.slice(0, key.indexOf(':'));
    const query =
      kind === 'source' || kind === 'entity'
        ? hubQuery(key)
        : `?view=neighbourhood&id=${encodeURIComponent(key)}&hops=1&limit=${VIEW_LIMIT}`;
    await this.add(query).catch(() => 0);
    return this.graph.hasNode(key);
  }

  private add(query: string): Promise<number> {
    return this.serial(async () => {
      if (this.pieces.has(query)) return 0;
      this.pieces.set(query, await fetchPiece(query));
      return this.apply().added.length;
    });
  }

  private apply(write = false): { added: string[]; removed: number } {
    // A part of a large graph: every view carries the server's positions, the same in each.
    const result = syncGraph(this.graph, unionOf(present(this.pieces)), { serverPlaced: this.partial });
    this.forgetWhole();
    for (const listener of this.listeners) listener({ ...result, write });
    return result;
  }

  /**
   * Once drawn, the whole graph lives in `graph`: keeping its export too would hold tens of
   * megabytes for nothing (its ETag is enough to ask whether it changed; a change brings a new one).
   */
  private forgetWhole(): void {
    const whole = this.pieces.get('');
    if (whole) whole.data = null;
  }

  /** One fetch-and-apply at a time: two refreshes racing could apply an older reply last. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.busy.then(task, task);
    this.busy = run.catch(() => undefined);
    return run;
  }
}

function present(pieces: Map<string, Piece>): SerializedGraph[] {
  return [...pieces.values()].flatMap((p) => (p.data ? [p.data] : []));
}

/** The view of an entity or a source: itself, its claims, their comparison partners and context. */
function hubQuery(key: string): string {
  const kind = key.slice(0, key.indexOf(':'));
  return `?view=${kind}&id=${encodeURIComponent(key.slice(key.indexOf(':') + 1))}&limit=${VIEW_LIMIT}`;
}
