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
/** While the server says it is still building the whole graph: first check after this long, then less often. */
export const BUILD_POLL_MS = 5000;
const BUILD_POLL_MAX_MS = 30_000;

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
  /** The server said `X-Graph: building` with it. */
  building?: boolean;
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
/** The server's whole graph: still being built after start (a large store), or ready. */
export type BuildListener = (building: boolean) => void;

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
  return { etag: reply.etag, data: reply.data!, building: reply.building };
}

export class GraphFeed {
  private readonly listeners = new Set<FeedListener>();
  private readonly buildListeners = new Set<BuildListener>();
  private busy: Promise<unknown> = Promise.resolve();
  private buildingNow = false;
  private buildPoll: { timer: ReturnType<typeof setTimeout>; delay: number } | null = null;

  constructor(
    readonly graph: AppGraph,
    private readonly pieces: Map<string, Piece>,
  ) {
    this.forgetWhole();
    this.noteBuilding([...pieces.values()].some((p) => p.building));
  }

  /** The server is still building its whole graph (X-Graph: building): what needs the whole graph will follow. */
  get building(): boolean {
    return this.buildingNow;
  }

  /** Called when `building` changes. */
  onBuilding(listener: BuildListener): () => void {
    this.buildListeners.add(listener);
    return () => this.buildListeners.delete(listener);
  }

  /**
   * Every graph reply says whether the server is still building its whole graph. While it is, one
   * conditional request now and then (5 s, then less often) asks again; on `ready` the polling
   * stops and every piece is refreshed once. Nothing is polled otherwise.
   */
  private noteBuilding(building: boolean): void {
    if (building && !this.buildPoll) this.scheduleBuildPoll(BUILD_POLL_MS);
    if (!building && this.buildPoll) {
      clearTimeout(this.buildPoll.timer);
      this.buildPoll = null;
    }
    if (building === this.buildingNow) return;
    this.buildingNow = building;
    for (const listener of this.buildListeners) listener(building);
  }

  private scheduleBuildPoll(delay: number): void {
    const timer = setTimeout(() => void this.pollBuilding(), delay);
    this.buildPoll = { timer, delay };
  }

  private async pollBuilding(): Promise<void> {
    const delay = this.buildPoll?.delay ?? BUILD_POLL_MS;
    let building = true;
    try {
      const query = this.pieces.has(FIRST_VIEW) ? FIRST_VIEW : (this.pieces.keys().next().value ?? FIRST_VIEW);
      building = (await api.graph(query, this.pieces.get(query)?.etag ?? null)).building;
    } catch {
      // The server is away for a moment: ask again later.
    }
    if (!this.buildPoll) return; // a reply meanwhile said ready
    if (building) {
      this.scheduleBuildPoll(Math.min(delay * 1.5, BUILD_POLL_MAX_MS));
      return;
    }
    this.buildPoll = null;
    // The whole graph is there: whatever changed meanwhile is fetched, then the note goes.
    await this.refresh().catch(() => false);
    this.noteBuilding(false);
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
            this.pieces.set(query, { etag: reply.etag, data: reply.data, building: reply.building });
            changed = true;
          } else piece.building = reply.building;
        }),
      );
      if (changed) this.apply(true);
      this.noteBuilding([...this.pieces.values()].some((p) => p.building));
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
      const piece = await fetchPiece(query);
      this.pieces.set(query, piece);
      const added = this.apply().added.length;
      this.noteBuilding(piece.building === true);
      return added;
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
