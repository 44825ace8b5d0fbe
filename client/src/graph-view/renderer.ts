// The sigma renderer and everything that ties it to the store: reducers, hover, clicks, camera
// <-> URL, container resizes. Knows nothing about panels.
import Sigma from 'sigma';
import { EdgeLineProgram, NodeCircleProgram } from 'sigma/rendering';
import type { CameraState } from 'sigma/types';
import type { Store } from '../state/store.js';
import { DEFAULT_CAMERA, type CameraView, type ViewState } from '../state/types.js';
import { normaliseCamera, sameCamera } from '../state/url.js';
import { frameDrawn, mark } from '../perf.js';
import type { AppGraph, EdgeAttrs, NodeAttrs } from './load.js';
import { Highlight, makeEdgeReducer, makeNodeReducer, QUIET_FOCUS_NODES, type EdgeView, type NodeView } from './reducers.js';
import { LabelPlacer } from './label-placer.js';
import { NodeRingProgram } from './ring-program.js';
import { densitySettings } from './style.js';

const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

export class GraphView {
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  readonly highlight: Highlight;
  readonly nodeReducer: (node: string, data: NodeAttrs) => NodeView;
  private readonly baseNodeReducer: (node: string, data: NodeAttrs) => NodeView;
  readonly edgeReducer: (edge: string, data: EdgeAttrs) => EdgeView;
  readonly labels: LabelPlacer;
  private cameraTimer: ReturnType<typeof setTimeout> | undefined;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the last full refresh drew with: a change of filter or lens needs a full one. */
  private lastGlobal = '';
  private lastEdge: string | null = null;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    readonly graph: AppGraph,
    readonly container: HTMLElement,
    private readonly store: Store,
  ) {
    this.highlight = new Highlight(graph);
    this.highlight.update(store.state);
    const baseReducer = makeNodeReducer(() => store.state, this.highlight);
    this.labels = new LabelPlacer(graph, `500 12px ${LABEL_FONT}`, () => densitySettings(graph.order).labelRenderedSizeThreshold);
    this.baseNodeReducer = baseReducer;
    // The placer has the last word on labels (when it is active): those it accepted are drawn, no other.
    this.nodeReducer = (node, data) => {
      const res = baseReducer(node, data);
      const allowed = this.labels.allowed;
      if (allowed && res.label && !res.hidden && !res.dimmed) {
        if (allowed.has(node)) res.forceLabel = true;
        else res.label = null;
      }
      return res;
    };
    this.edgeReducer = makeEdgeReducer(() => store.state, this.highlight, graph);
    // Large graphs: hairline edges (2 vertices each instead of a 6-vertex quad) and no edge picking
    // pass, which halves what software WebGL draws per frame. Edges are then chosen from the lists
    // and panels rather than by clicking a line among 100,000.
    const large = graph.order > QUIET_FOCUS_NODES;
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
      nodeProgramClasses: { circle: NodeCircleProgram, ring: NodeRingProgram },
      ...(large ? { edgeProgramClasses: { line: EdgeLineProgram } } : {}),
      nodeReducer: this.nodeReducer as never,
      edgeReducer: this.edgeReducer as never,
      enableEdgeEvents: !large,
      // Sorting 100,000 edges by zIndex on every full redraw is too slow for large graphs: there,
      // edges come in layer order from prepareGraph and highlighted nodes are drawn on top anyway.
      zIndex: graph.order <= QUIET_FOCUS_NODES,
      renderEdgeLabels: false,
      labelFont: LABEL_FONT,
      labelSize: 12,
      labelWeight: '500',
      labelColor: { color: '#1f2933' },
      ...densitySettings(graph.order),
      minCameraRatio: 0.03,
      maxCameraRatio: 4,
      stagePadding: 40,
    });
    // Sigma drew the first frame inside its constructor; it is on screen at the next animation
    // frame. Anything that would redraw before then (a second full render of every item) waits.
    requestAnimationFrame(() => {
      mark('firstFrame');
      // Fix the frame to the starting layout: camera coordinates in links keep meaning the same
      // place, and the view does not jump while ForceAtlas2 moves nodes.
      this.sigma.setCustomBBox(this.sigma.getBBox());
      if (this.labels.active) this.placeLabelsSoon(0);
    });
    if (store.state.camera) this.applyCamera(store.state.camera, false);
    this.bindEvents();
    this.sigma.on('afterRender', frameDrawn);
    this.resizeObserver = new ResizeObserver(() => {
      this.sigma.resize();
      // A panel opening resizes the canvas: on a large graph, re-reducing every item for that froze
      // the click that opened it. Positions and styles are unchanged; only a redraw is needed.
      if (this.highlight.quiet) this.sigma.scheduleRender();
      else this.sigma.refresh({ skipIndexation: true });
    });
    this.resizeObserver.observe(container);
    store.subscribe((state, previous) => this.onState(state, previous));
    store.beforePush = () => this.flushCamera();
  }

  // Every redraw below is scheduled (sigma draws once in the next frame, whatever asked for it):
  // a load, a selection and a panel opening in one click used to draw three or four times over, and
  // in software WebGL each draw is paid again when the frame is read back for compositing.
  /**
   * Re-applies the reducers after a hover, selection, lens or filter change. With a quiet focus
   * (large graphs) and no lens or filter change, only the nodes and edges around the old and new
   * focus are redrawn, in place; anything else redraws every item.
   */
  refresh(): void {
    const hl = this.highlight;
    const state = this.store.state;
    const before = { focus: hl.focus, centres: hl.centres, edge: this.lastEdge };
    hl.update(state);
    this.lastEdge = state.edge;
    const global = `${state.hidden.join(',')}|${state.lens}`;
    if (!hl.quiet || global !== this.lastGlobal) {
      this.lastGlobal = global;
      this.labels.place(this.sigma, this.baseNodeReducer);
      this.sigma.refresh({ skipIndexation: true, schedule: true });
      return;
    }
    const nodes = new Set([...(before.focus ?? []), ...(hl.focus ?? [])]);
    const edges = new Set<string>();
    for (const centre of [...before.centres, ...hl.centres])
      if (this.graph.hasNode(centre)) this.graph.forEachEdge(centre, (e) => edges.add(e));
    for (const e of [before.edge, state.edge]) if (e) edges.add(e);
    this.sigma.refresh({
      partialGraph: { nodes: [...nodes].filter((n) => this.graph.hasNode(n)), edges: [...edges].filter((e) => this.graph.hasEdge(e)) },
      skipIndexation: true,
      schedule: true,
    });
  }

  /** The data changed (a write, an expansion): conflicts recounted, density tuned, redrawn in place. */
  dataChanged(): void {
    this.highlight.recountConflicts();
    this.highlight.quiet = this.graph.order > QUIET_FOCUS_NODES;
    this.sigma.setSetting('zIndex', !this.highlight.quiet);
    for (const [name, value] of Object.entries(densitySettings(this.graph.order))) {
      this.sigma.setSetting(name as keyof ReturnType<typeof densitySettings>, value as never);
    }
    this.highlight.update(this.store.state);
    this.labels.place(this.sigma, this.baseNodeReducer);
    this.sigma.scheduleRefresh();
  }

  /** Re-chooses the labels once the camera or the positions have been still for a moment. */
  placeLabelsSoon(delay = 90): void {
    if (!this.labels.active) return;
    clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => {
      this.labels.place(this.sigma, this.baseNodeReducer);
      this.sigma.refresh({ skipIndexation: true, schedule: true });
    }, delay);
  }

  /** Where a node is on screen (CSS pixels in the container), or null when it is not drawn. */
  viewportPosition(key: string): { x: number; y: number } | null {
    const d = this.sigma.getNodeDisplayData(key);
    return d ? this.sigma.framedGraphToViewport(d) : null;
  }

  /** Moves the camera so every given node is in view (one node: centred and zoomed in). */
  async focusOn(keys: readonly string[], duration = 600): Promise<void> {
    // Display positions are normalised when sigma processes the graph, in its next draw: after a
    // scheduled refresh of new data they are still the raw ones, and framing them sent the camera
    // off the graph. Frame after that draw (an extra draw now would cost a frame's read-back).
    // sigma's flag is not public API: read defensively.
    if ((this.sigma as unknown as { needToProcess?: boolean }).needToProcess === true) {
      const drawn = new Promise<void>((resolve) => this.sigma.once('afterRender', () => resolve()));
      this.sigma.scheduleRender();
      await drawn;
    }
    const points = keys.map((k) => this.sigma.getNodeDisplayData(k)).filter((d): d is NonNullable<typeof d> => !!d);
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const x = (Math.min(...xs) + Math.max(...xs)) / 2;
    const y = (Math.min(...ys) + Math.max(...ys)) / 2;
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const camera = this.sigma.getCamera();
    const ratio = points.length === 1 ? Math.min(camera.ratio, 0.35) : Math.min(1.2, Math.max(0.08, span * 1.8));
    return camera.animate({ x, y, ratio }, { duration });
  }

  cameraView(): CameraView {
    const { x, y, ratio } = this.sigma.getCamera().getState();
    return normaliseCamera({ x, y, ratio });
  }

  kill(): void {
    this.resizeObserver.disconnect();
    this.sigma.kill();
  }

  private onState(state: ViewState, previous: ViewState): void {
    // Camera and panel changes do not change what the reducers draw: no redraw of every item.
    if (drawKey(state) !== drawKey(previous)) this.refresh();
    if (!sameCamera(state.camera, previous.camera) && !sameCamera(state.camera, this.cameraView())) {
      this.applyCamera(state.camera, true);
    }
  }

  private applyCamera(view: CameraView | null, animate: boolean): void {
    const target: Partial<CameraState> = { ...(view ?? DEFAULT_CAMERA), angle: 0 };
    const camera = this.sigma.getCamera();
    if (animate) void camera.animate(target, { duration: 300 });
    else camera.setState(target);
  }

  private bindEvents(): void {
    const { sigma, store } = this;
    sigma.on('enterNode', ({ node }) => {
      this.highlight.hovered = node;
      this.container.classList.add('hovering');
      this.refresh();
    });
    sigma.on('leaveNode', () => {
      this.highlight.hovered = null;
      this.container.classList.remove('hovering');
      this.refresh();
    });
    sigma.on('enterEdge', () => this.container.classList.add('hovering'));
    sigma.on('leaveEdge', () => this.container.classList.remove('hovering'));
    sigma.on('clickNode', ({ node }) => store.select({ node }, 'details'));
    sigma.on('clickEdge', ({ edge }) => store.select({ edge }, 'details'));
    sigma.on('clickStage', () => store.update({ node: null, edge: null, panel: null }));
    // ForceAtlas2 moving nodes: the labels follow once it rests.
    this.graph.on('eachNodeAttributesUpdated', () => this.placeLabelsSoon(150));
    sigma.getCamera().on('updated', () => {
      this.placeLabelsSoon();
      this.flushCameraSoon();
    });
  }

  /** The URL takes the camera once it has been still for a moment. */
  private flushCameraSoon(): void {
    clearTimeout(this.cameraTimer);
    this.cameraTimer = setTimeout(() => this.flushCamera(true), 250);
  }

  /**
   * Writes the current camera into the URL (replaceState: camera moves are not history steps).
   * From the timer, only a camera at rest: a busy page draws an animation's frames far apart (more
   * than the timer's 250 ms under load), and a link copied then held a camera half-way through a
   * glide that the page itself went on to leave. A camera still moving is looked at again later.
   * Before a history step (`beforePush`) the camera is taken wherever it is.
   */
  private flushCamera(atRestOnly = false): void {
    clearTimeout(this.cameraTimer);
    this.cameraTimer = undefined;
    if (atRestOnly && this.sigma.getCamera().isAnimated()) {
      this.flushCameraSoon();
      return;
    }
    const view = this.cameraView();
    if (!sameCamera(view, this.store.state.camera)) this.store.update({ camera: view }, 'replace');
  }
}

/** The parts of the view state the reducers read. */
function drawKey(s: ViewState): string {
  return `${s.node}|${s.edge}|${s.hidden.join(',')}|${s.lens}`;
}
