// Shared by the server (buildGraph) and the browser client (prepareGraph, bundled through Vite): a
// speed patch for graphology that both sides install before they build a large graph.
//
// graphology keeps each node's neighbours in two plain objects (`in`, `out`) keyed by the other
// node's key. Every one of those objects starts as `{}`, so V8 gives them fast properties with a
// hidden class per key added — and with 50,000 distinct node keys, all of them hang off the same
// root class, whose transition table grows until objects are normalised one by one. That was most
// of graphology's time importing 100,000 edges (EdgeData.attachMulti and addEdge in the profile).
// Starting each index in dictionary mode skips all of it (bench/results/graph.md: buildGraph
// 4.0 s → 3.1 s, export 2.7 s → 0.3 s at 100k claims), the same structure and behaviour (a normal
// Object prototype, so hasOwnProperty and `in` still work). test/core/graph-adjacency.test.ts
// checks that it is installed, changes no answer, and keeps out when graphology's records differ.
import { MultiDirectedGraph } from 'graphology';

/** An empty object already in dictionary mode (V8 keeps it so when the prototype is set back). */
const dictionary = (): Record<string, unknown> => Object.setPrototypeOf(Object.create(null), Object.prototype) as Record<string, unknown>;

interface NodeDataShape {
  in: unknown;
  out: unknown;
  clear(): void;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

let installed = false;

/**
 * Makes every graphology directed node created from now on start its adjacency indexes in
 * dictionary mode. Reaches into graphology's node records (private, version 0.26): it checks their
 * shape first and does nothing when it is not the expected one. True when the patch is in place.
 */
export function useDictionaryAdjacency(): boolean {
  if (installed) return true;
  installed = patchNodeRecords(() => {
    const probe = new MultiDirectedGraph();
    probe.addNode('probe');
    return probe;
  });
  return installed;
}

/**
 * The patch itself, given a graph holding one node 'probe' to learn the record's class from.
 * Exported for the test that hands it a graph whose internals are not graphology 0.26's.
 */
export function patchNodeRecords(probeGraph: () => unknown): boolean {
  const record = (probeGraph() as { _nodes?: { get?(key: string): unknown } })._nodes?.get?.('probe') as NodeDataShape | undefined;
  const proto = record && typeof record === 'object' ? (Object.getPrototypeOf(record) as NodeDataShape | null) : null;
  if (!record || !proto || typeof proto.clear !== 'function' || !isObject(record.in) || !isObject(record.out)) return false;
  const clear = proto.clear;
  proto.clear = function (this: NodeDataShape) {
    clear.call(this);
    this.in = dictionary();
    this.out = dictionary();
  };
  return true;
}
