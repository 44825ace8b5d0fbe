// The graphology adjacency patch (server/common/graph-adjacency.ts): installed with the graphology
// this project ships (a release that changes graphology's private node records makes this fail
// instead of silently dropping the speed-up), active (V8 holds the neighbour indexes in dictionary
// mode, the cause of the speed-up measured in bench/results/graph.md), answering every
// neighbourhood question exactly as unpatched graphology does, and out of the way when the
// records it reaches into do not have the shape it expects.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { patchNodeRecords, useDictionaryAdjacency } from '../../server/common/graph-adjacency.js';

const root = path.resolve(import.meta.dirname, '../..');
const moduleUrl = pathToFileURL(path.join(root, 'server/common/graph-adjacency.ts')).href;

// Run in a fresh process each way (the patch is global and cannot be undone), with V8's natives
// syntax to ask whether an index object has fast properties.
const script = `
import { MultiDirectedGraph } from 'graphology';
import { useDictionaryAdjacency } from ${JSON.stringify(moduleUrl)};
const patched = process.argv[1] === 'patched' ? useDictionaryAdjacency() : false;
const g = new MultiDirectedGraph({ allowSelfLoops: false });
let seed = 7;
const next = (n) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % n; };
for (let i = 0; i < 300; i++) g.addNode('n' + i);
for (let e = 0; e < 1500; e++) { const s = next(300), t = next(300); if (s !== t) g.addDirectedEdgeWithKey('e' + e, 'n' + s, 'n' + t); }
for (let i = 0; i < 30; i++) { const n = 'n' + next(300); if (g.hasNode(n)) g.dropNode(n); }
for (let e = 0; e < 100; e++) if (g.hasEdge('e' + e)) g.dropEdge('e' + e);
// Keyed edges only: a generated key names the graph instance, and the patch's probe is one more.
g.addNode('small'); g.addDirectedEdgeWithKey('small-edge', 'small', g.nodes()[0]);
const answers = g.nodes().sort().map((n) => [n, g.inNeighbors(n).sort(), g.outNeighbors(n).sort(), g.edges(n).sort(),
  g.neighbors(n).slice(0, 3).map((m) => [m, g.areNeighbors(n, m), g.edges(n, m).sort()])]);
const record = g._nodes.get('small');
console.log(JSON.stringify({ patched, fastOut: %HasFastProperties(record.out), fastIn: %HasFastProperties(record.in), answers, exported: JSON.stringify(g.export()) }));
`;

function run(mode: 'patched' | 'plain'): { patched: boolean; fastOut: boolean; fastIn: boolean; answers: unknown; exported: string } {
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script, mode], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out) as ReturnType<typeof run>;
}

describe('graphology adjacency patch', () => {
  it('installs itself on the graphology this project ships', () => {
    expect(useDictionaryAdjacency()).toBe(true);
  });

  it('puts neighbour indexes in dictionary mode and changes no answer', () => {
    const plain = run('plain');
    const patched = run('patched');
    expect(patched.patched).toBe(true);
    // A node with one neighbour: unpatched its index is a small fast-properties object.
    expect(plain).toMatchObject({ fastOut: true, fastIn: true });
    expect(patched).toMatchObject({ fastOut: false, fastIn: false });
    expect(patched.answers).toEqual(plain.answers);
    expect(patched.exported).toBe(plain.exported);
  }, 60_000);

  it('does nothing when the node records are not the shape it expects', () => {
    class NoIndexes {
      in = null;
      out = null;
      clear(): void {}
    }
    const clearBefore = NoIndexes.prototype.clear;
    expect(patchNodeRecords(() => ({}))).toBe(false);
    expect(patchNodeRecords(() => ({ _nodes: new Map() }))).toBe(false);
    expect(patchNodeRecords(() => ({ _nodes: new Map([['probe', { in: {}, out: {} }]]) }))).toBe(false);
    expect(patchNodeRecords(() => ({ _nodes: new Map([['probe', new NoIndexes()]]) }))).toBe(false);
    expect(NoIndexes.prototype.clear).toBe(clearBefore);
    expect(Object.prototype).not.toHaveProperty('clear');
  });

  it('patches a record of the expected shape: each new one starts with dictionary indexes of its own', () => {
    class Record {
      in: object = {};
      out: object = {};
      constructor() {
        this.clear();
      }
      clear(): void {
        this.in = {};
        this.out = {};
      }
    }
    expect(patchNodeRecords(() => ({ _nodes: new Map([['probe', new Record()]]) }))).toBe(true);
    const a = new Record(),
      b = new Record();
    expect(a.in).not.toBe(b.in);
    expect(Object.getPrototypeOf(a.out)).toBe(Object.prototype);
  });
});
