// Where the drawn graph comes from, and how it stays current. A small graph is loaded whole; a
// large one (issue #7) opens on its contradictions and grows around what the user selects. Every
// piece is fetched with If-None-Match, so after a write an unchanged graph costs a 304 per piece.
import type { SerializedGraph } from 'graphology-types';
import { api, ApiError } from '../api.js';
import type { AppGraph } from './load.js';
import { syncGraph, unionOf } from './sync.js';

/** Up to this many nodes the whole graph is loaded; above, the contradictions first. */
export const LARGE_GRAPH_NODES = 20_000;
/** Nodes per server-side view. */
export const VIEW_LIMIT = 5000;
export const FIRST_VIEW = `?view=conflicts&limit=${VIEW_LIMIT}`;

export interface ViewInfo {
  kind: string;
  truncated: boolean;
  total: { nodes: number; edges: number };
}

interface Piece {
  etag: string | null;
  /** The export as last received; dropped for the whole graph once drawn (see the constructor). */
  data: SerializedGraph | null;
}

export type FeedListener = (change: { added: string[]; removed: number }) => void;

/** What to load first. `full` (the URL's full=1) asks for the whole graph whatever its size. */
export async function loadInitial(full: boolean): Promise<Map<string, Piece>> {
  if (full) return new Map([['', await fetchPiece('')]]);
  const first = await fetchPiece(FIRST_VIEW);
  const total = viewInfoOf(first.data)?.total.nodes ?? 0;
  // The conflicts view told us how big the whole is: small enough, load it all.
  if (total <= LARGE_GRAPH_NODES) return new Map([['', await fetchPiece('')]]);
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

  constructor(readonly graph: AppGraph, private readonly pieces: Map<string, Piece>) {
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
    for (const piece of this.pieces.values()) {
      const info = viewInfoOf(piece.data);
      if (info) return info.total;
    }
    return { nodes: this.graph.order, edges: this.graph.size };
  }

  onChange(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-fetches every piece conditionally; applies the new data if any piece changed. */
  refresh(): Promise<boolean> {
    return this.serial(async () => {
      let changed = false;
      await Promise.all([...this.pieces].map(async ([query, piece]) => {
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
      }));
      if (changed) this.apply();
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
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const query = kind === 'source' || kind === 'entity'
      ? `?view=${kind}&id=${encodeURIComponent(id)}&limit=${VIEW_LIMIT}`
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

  private apply(): { added: string[]; removed: number } {
    const result = syncGraph(this.graph, unionOf(present(this.pieces)));
    this.forgetWhole();
    for (const listener of this.listeners) listener(result);
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
