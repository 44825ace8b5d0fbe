// One graphology graph per line of analyses (a store's snapshots, write after write), patched in place.
// A write's analysis does not get its graph when it is made — the write is not on disk yet and the
// previous snapshot is still served — but the first time its `graph` is read: the previous graph is
// then patched where it stands (graph-patch.ts), which costs what the write changed, not a copy of
// the whole graph. Reads are synchronous and a snapshot is installed after its write is on disk, so no
// reader sees a graph half-patched, and none sees the next revision's graph under the previous one.
// An analysis read after a later one took the graph (kept by a test, or a write whose commit failed
// and that was never installed) gets a graph built afresh: slow, but never a wrong one.
import { performance } from 'node:perf_hooks';
import { graphBuilder, type ConcordanceGraph } from './graph.js';
import { changeSize, patchGraph, patchSteps, TRUST_UPDATING, type GraphChange, type GraphState } from './graph-patch.js';

interface Line {
  graph: ConcordanceGraph | undefined;
  /** The analysis the graph shows now. */
  at: GraphState | undefined;
  /** Until the graph is first built: the analysis it will be built for (the latest on the line). */
  start?: GraphState;
  /** A build of `start`'s graph going on between other work (buildInBackground). */
  building?: { analysis: GraphState; steps: Generator<void, ConcordanceGraph> };
  /** Settles when the background build of this line is over (buildInBackground). */
  ready?: Promise<void>;
  /** A large write's patch going on between other work (patchNow): the graph is half-patched until it is done. */
  patching?: { analysis: GraphState; steps: Generator<void, ConcordanceGraph>; done: Promise<void> };
  /** An installed analysis whose patch waits for the one going on in the background (patchNow). */
  queued?: GraphState;
}

interface Link {
  line: Line;
  /** The analysis this one was derived from and how (until the patch is applied: then forgotten, so a line holds no history). */
  from?: { base: GraphState; change: GraphChange };
  /** Source trust is being re-estimated: the graph says so (its `trust` attribute). */
  updating: boolean;
  /** A graph of this analysis's own, built when the line had moved past it. */
  own?: ConcordanceGraph;
}

const links = new WeakMap<GraphState, Link>();

/** Gives `analysis` a lazily built graph, the first of a new line (analyse()); `updating` while trust is still to be learnt. */
export function startGraph<A extends GraphState>(analysis: A, updating: boolean): A & { readonly graph: ConcordanceGraph } {
  links.set(analysis, { line: { graph: undefined, at: undefined, start: analysis }, updating });
  return withGraphGetter(analysis);
}

/** Gives `analysis` the graph of `base` patched by `change`, when first read. */
export function continueGraph<A extends GraphState>(
  base: GraphState,
  analysis: A,
  change: GraphChange,
  updating: boolean,
): A & { readonly graph: ConcordanceGraph } {
  const link = links.get(base);
  if (link && link.line.at === undefined && !link.from) {
    // Nothing built yet on this line (a store just opened): this analysis becomes its start, built whole when read.
    links.set(analysis, { line: link.line, updating });
    link.line.start = analysis;
    return withGraphGetter(analysis);
  }
  // An analysis from elsewhere (a spread copy): its graph is read now, as the base of the patch.
  const line = link?.line ?? { graph: (base as GraphState & { graph: ConcordanceGraph }).graph, at: base };
  links.set(analysis, { line, from: { base, change }, updating });
  return withGraphGetter(analysis);
}

function withGraphGetter<A extends GraphState>(analysis: A): A & { readonly graph: ConcordanceGraph } {
  Object.defineProperty(analysis, 'graph', { enumerable: true, configurable: true, get: () => graphOf(analysis) });
  return analysis as A & { readonly graph: ConcordanceGraph };
}

function graphOf(analysis: GraphState): ConcordanceGraph {
  const link = links.get(analysis)!;
  if (link.own) return link.own;
  if (bringLineTo(analysis)) return link.line.graph!;
  link.own = wholeGraph(analysis, link.updating, link.line);
  link.from = undefined;
  return link.own;
}

/** Moves the line's graph to show `analysis`, if it lies ahead on the line; false when the line has moved past it. */
function bringLineTo(analysis: GraphState): boolean {
  const link = links.get(analysis);
  if (!link) return false;
  const { line } = link;
  // A patch going on in the background is finished first: no one reads a half-patched graph.
  if (line.patching) finishPatch(line);
  if (line.at === analysis) return true;
  if (!link.from) {
    if (line.at !== undefined) return false;
    line.graph = wholeGraph(analysis, link.updating, line);
    line.at = analysis;
    return true;
  }
  const { base, change } = link.from;
  const { updating } = link;
  if (!bringLineTo(base)) return false;
  settlePatch(line, analysis, () => patchGraph(line.graph!, base, analysis, change, updating));
  return true;
}

/** The line's graph made to show `analysis` by `patch`, or built whole if the patch fails. */
function settlePatch(line: Line, analysis: GraphState, patch: () => ConcordanceGraph): void {
  const link = links.get(analysis)!;
  try {
    line.graph = patch();
  } catch (err) {
    // A patch that stopped half-way leaves a graph that matches nothing: build this one whole.
    console.error(`patching the graph failed, building it whole: ${(err as Error).message}`);
    line.graph = wholeGraph(analysis, link.updating);
  }
  line.at = analysis;
  link.from = undefined;
}

/** The rest of a patch going on in the background, done now (someone reads the graph). */
function finishPatch(line: Line): void {
  const patching = line.patching!;
  line.patching = undefined;
  settlePatch(line, patching.analysis, () => {
    let step = patching.steps.next();
    while (!step.done) step = patching.steps.next();
    return step.value;
  });
}

/** Writes that change at least this many records (a paste of thousands of claims) are patched in slices between requests. */
export const BACKGROUND_PATCH_FROM = 2_000;

/** Patches the line's graph to show `analysis` in slices of SLICE_MS between other work; a reader meanwhile finishes it at once. */
function patchInBackground(line: Line, analysis: GraphState): void {
  const link = links.get(analysis)!;
  const { base, change } = link.from!;
  const steps = patchSteps(line.graph!, base, analysis, change, link.updating);
  let finished!: () => void;
  line.patching = { analysis, steps, done: new Promise<void>((resolve) => (finished = resolve)) };
  void (async () => {
    try {
      // Not one step before the write's own answer is on its way.
      await new Promise((resolve) => setImmediate(resolve));
      while (line.patching?.steps === steps) {
        const until = performance.now() + SLICE_MS;
        let step: IteratorResult<void, ConcordanceGraph>;
        try {
          do step = steps.next();
          while (!step.done && performance.now() < until);
        } catch (err) {
          line.patching = undefined;
          settlePatch(line, analysis, () => {
            throw err;
          });
          break;
        }
        if (step.done) {
          line.patching = undefined;
          const graph = step.value;
          settlePatch(line, analysis, () => graph);
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      finished();
    }
    // A write installed meanwhile waited for this patch: its own is made now.
    const queued = line.queued;
    line.queued = undefined;
    if (queued && !line.patching) patchNow(queued);
  })();
}

function wholeGraph(analysis: GraphState, updating: boolean, line?: Line): ConcordanceGraph {
  let steps: Generator<void, ConcordanceGraph>;
  // A build going on in the background for this very analysis is finished now, not begun again.
  if (line?.building?.analysis === analysis) {
    steps = line.building.steps;
    line.building = undefined;
  } else steps = graphBuilder(analysis.corpus, analysis.comparisons, analysis.likely);
  let step = steps.next();
  while (!step.done) step = steps.next();
  const graph = step.value;
  if (updating) graph.setAttribute('trust', TRUST_UPDATING);
  return graph;
}

/** Event-loop time a background build takes at a go before letting other work (requests) run. */
const SLICE_MS = 20;

/** Reading `analysis`'s graph costs no build: it is built, or one write's patch away (patched in place when read). */
export function hasGraph(analysis: GraphState): boolean {
  const link = links.get(analysis);
  if (!link || link.line.patching) return false;
  return link.own !== undefined || link.line.at === analysis || (link.from !== undefined && link.line.at === link.from.base);
}

/** `analysis`'s graph is being built in the background (buildInBackground) and not ready. */
export function isBuilding(analysis: GraphState): boolean {
  const line = links.get(analysis)?.line;
  return line !== undefined && ((line.at === undefined && line.building !== undefined) || line.patching !== undefined);
}

/**
 * Builds the graph of `analysis` (a store just opened, nothing built on its line) in slices of
 * SLICE_MS between other work, so that requests are answered meanwhile; reading `graph` before it
 * is done finishes it at once. A write meanwhile (a new start of the line) begins it again for that
 * one. Resolves when the line has a graph, or has nothing left to build here.
 */
export function buildInBackground(analysis: GraphState): Promise<void> {
  const line = links.get(analysis)?.line;
  if (!line) return Promise.resolve();
  return (line.ready ??= buildLine(line));
}

/** Settles once the background build of `analysis`'s graph (if any) is over: then reading `graph` costs no build. */
export function whenBuilt(analysis: GraphState): Promise<void> {
  const line = links.get(analysis)?.line;
  return line?.patching?.done ?? line?.ready ?? Promise.resolve();
}

async function buildLine(line: Line): Promise<void> {
  for (;;) {
    const target = line.start;
    if (line.at !== undefined || target === undefined || line.building) return;
    const link = links.get(target)!;
    const steps = graphBuilder(target.corpus, target.comparisons, target.likely);
    line.building = { analysis: target, steps };
    let graph: ConcordanceGraph | undefined;
    while (line.building?.steps === steps && line.start === target) {
      const until = performance.now() + SLICE_MS;
      let step = steps.next();
      while (!step.done && performance.now() < until) step = steps.next();
      if (step.done) {
        graph = step.value;
        break;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (line.building?.steps !== steps) return; // finished by a reader meanwhile
    line.building = undefined;
    if (graph && line.start === target && line.at === undefined) {
      if (link.updating) graph.setAttribute('trust', TRUST_UPDATING);
      line.graph = graph;
      line.at = target;
      return;
    }
    // A write made a newer start meanwhile: build that one.
  }
}

/**
 * Applies `analysis`'s patch now if its base is what the graph shows (the store calls this as it
 * installs a write); a graph never built stays unbuilt, and nothing is built whole here.
 */
export function patchNow(analysis: GraphState): void {
  const link = links.get(analysis);
  if (!link?.from) return;
  if (link.line.patching) {
    if (link.from.base === link.line.patching.analysis) link.line.queued = analysis;
    return;
  }
  if (link.line.at !== link.from.base) return;
  // A large write (a paste of thousands of claims: seconds of patching) is patched between requests.
  if (changeSize(link.from.change) >= BACKGROUND_PATCH_FROM) patchInBackground(link.line, analysis);
  else bringLineTo(analysis);
}
