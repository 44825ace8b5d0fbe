// What the user can do, in one place: panels, search, list and keyboard call these; they change the
// store and move the camera, and know nothing about the DOM.
import { api, type ReportItem } from './api.js';
import type { GraphFeed } from './graph-view/feed.js';
import type { AppGraph } from './graph-view/load.js';
import type { LayoutRunner } from './graph-view/layout.js';
import type { GraphView } from './graph-view/renderer.js';
import type { Store } from './state/store.js';
import { kindOfKey, type NodeKind, type PanelName } from './state/types.js';

/** A short message in the status line (read out by screen readers); '' clears it. */
export function notice(message: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}

export interface SelectOptions {
  /** Panel to show; default: the details panel. `keep` leaves the open panel as it is. */
  panel?: PanelName | null | 'keep';
  /** Move the camera to the selection (default true). */
  camera?: boolean;
}

export class Actions {
  constructor(
    readonly store: Store,
    readonly graph: AppGraph,
    readonly view: GraphView,
    readonly layout: LayoutRunner,
    readonly feed: GraphFeed,
  ) {}

  /** Selects a node, first loading it (and what surrounds it) when a large graph is shown in part. */
  async reveal(key: string, options: SelectOptions = {}): Promise<boolean> {
    if (!this.graph.hasNode(key) && !(await this.feed.ensure(key))) return false;
    this.selectNode(key, options);
    return true;
  }

  /** Loads the k-hop neighbourhood of the selected node into a partly loaded graph. */
  async expandSelection(hops: number): Promise<number> {
    const node = this.store.state.node;
    if (!node) return 0;
    const added = await this.feed.expand(node, hops);
    if (added > 0) void this.view.focusOn([node]);
    return added;
  }

  /** After a write: detail views are stale, and the graph is re-fetched (a 304 when unchanged). */
  async afterWrite(): Promise<void> {
    api.invalidate();
    await this.feed.refresh();
  }

  /** The review queue of a source's extracted claims (its node need not be drawn). */
  openReview(sourceId: string): void {
    this.store.update({ node: `source:${sourceId}`, edge: null, panel: 'review' });
  }

  /** Loads the whole graph, however large: a reload with full=1 in the address. */
  loadEverything(): void {
    // The camera's coordinates belong to the part shown now: the whole graph is framed afresh.
    this.store.update({ full: true, camera: null });
    location.reload();
  }

  /** Selects a node; one that is not drawn (a large graph shown in part) is loaded first, or the user is told. */
  selectNode(key: string, options: SelectOptions = {}): void {
    if (!this.graph.hasNode(key)) {
      notice('Loading it and what surrounds it…');
      void this.reveal(key, options).then((shown) =>
        notice(shown ? '' : 'That item is not in the graph any more (reload to see the current data).'),
      );
      return;
    }
    this.store.update({ node: key, edge: null, panel: this.panelFor(options), hidden: this.revealed([key]) });
    if (options.camera !== false) void this.view.focusOn([key]);
  }

  selectClaim(claimId: string, options: SelectOptions = {}): void {
    this.selectNode(`claim:${claimId}`, options);
  }

  selectEdge(key: string, options: SelectOptions = {}): void {
    if (!this.graph.hasEdge(key)) return;
    const ends = this.graph.extremities(key);
    this.store.update({ node: null, edge: key, panel: this.panelFor(options), hidden: this.revealed(ends) });
    if (options.camera !== false) void this.view.focusOn(ends);
  }

  /**
   * Opens one conflict of the list: selects its edge and frames both claims. In a large graph shown
   * in part, the pair is loaded first (the neighbourhood of each claim). Answers false only when the
   * pair cannot be drawn at all.
   */
  openComparison(item: Pick<ReportItem, 'id' | 'verdict' | 'a' | 'b' | 'parts'>): Promise<boolean> {
    return this.showPair(item.id, item.verdict, [item.a.id, item.b.id, ...(item.parts ?? []).map((p) => p.id)]);
  }

  /** One comparison by its id and its claims' ids: loads what is not drawn, selects the edge, frames the claims. */
  async showPair(comparisonId: string, verdict: string, claimIds: readonly string[]): Promise<boolean> {
    const claims = claimIds.map((id) => `claim:${id}`);
    const missing = claims.filter((k) => !this.graph.hasNode(k));
    if (missing.length > 0) notice('Loading the pair…');
    // The first claim's neighbourhood usually brings the other (the comparison links them): re-check.
    for (const key of missing) if (!this.graph.hasNode(key)) await this.feed.ensure(key);
    const key = this.edgeOfComparison(comparisonId, verdict);
    if (key) this.selectEdge(key, { camera: false });
    else if (this.graph.hasNode(claims[0]!)) this.selectNode(claims[0]!, { camera: false });
    else {
      notice('This pair is not in the graph any more (reload to see the current data).');
      return false;
    }
    if (missing.length > 0) notice('');
    // After a load, a jump rather than a glide: each frame of a camera animation redraws the whole
    // canvas, and in software WebGL each costs a read-back of the canvas (a quarter second at load).
    await this.view.focusOn(
      claims.filter((k) => this.graph.hasNode(k)),
      missing.length > 0 ? 0 : undefined,
    );
    return true;
  }

  edgeOfComparison(comparisonId: string, verdict: string): string | undefined {
    const direct = `${verdict}:${comparisonId}`;
    if (this.graph.hasEdge(direct)) return direct;
    return this.graph.findEdge((_e, attrs) => attrs.comparison === comparisonId);
  }

  openReader(nodeKey: string): void {
    this.store.select({ node: nodeKey }, 'reader');
  }

  /** A source's reader, scrolled to one entry of its reference list once it is shown. */
  openReference(sourceKey: string, number: number): void {
    this.store.update({ node: sourceKey, edge: null, panel: 'details' });
    const id = `ref-${sourceKey.slice(sourceKey.indexOf(':') + 1)}-${number}`;
    const started = performance.now();
    const find = () => {
      const el = document.getElementById(id);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
        el.classList.add('jumped');
        setTimeout(() => el.classList.remove('jumped'), 1600);
      } else if (performance.now() - started < 5000) requestAnimationFrame(find);
    };
    requestAnimationFrame(find);
  }

  closePanel(): void {
    this.store.update({ panel: null });
  }

  clearSelection(): void {
    this.store.update({ node: null, edge: null, panel: null });
  }

  toggleKind(kind: NodeKind): void {
    const hidden = this.store.state.hidden;
    this.store.update({ hidden: hidden.includes(kind) ? hidden.filter((k) => k !== kind) : [...hidden, kind] });
  }

  setLens(on: boolean): void {
    this.store.update({ lens: on });
  }

  setList(open: boolean): void {
    this.store.update({ list: open });
  }

  showContradictions(): void {
    this.store.update({ lens: true, list: true });
  }

  private panelFor(options: SelectOptions): PanelName | null {
    if (options.panel === 'keep') return this.store.state.panel ?? 'details';
    return options.panel === undefined ? 'details' : options.panel;
  }

  /** The hidden kinds without those of nodes the user asked for: a chosen node is never left hidden. */
  private revealed(keys: readonly string[]): NodeKind[] {
    const kinds = new Set(keys.map(kindOfKey));
    return this.store.state.hidden.filter((k) => !kinds.has(k));
  }
}
