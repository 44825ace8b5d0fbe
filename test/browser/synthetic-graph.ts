// A synthetic graph shaped like Concordance's (the node attributes of server/analysis/graph.ts), and a
// tiny server for it: the built client plus /api/graph answered by the server's own view code.
// Used by the client benchmark and by the large-graph browser test (real corpora that large take
// too long to generate in a test).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { createRng } from '../../bench/lib/prng.js';
import type { ConcordanceGraph } from '../../server/analysis/graph.js';
import { viewGraph, type ViewSpec } from '../../server/analysis/views.js';
import { overviewGraph } from '../../server/api/views/overview.js';
import { placed } from '../../server/api/views/positions.js';

const PROPERTIES = ['troop-strength', 'deaths', 'start-date', 'end-date', 'commanded-by', 'location', 'casualties', 'founded'];

/** A graph shaped like Concordance's: sources, entities, claims (about / from / cites) and comparisons. */
export function syntheticGraph(order: number, seed = 1): ConcordanceGraph {
  const rng = createRng(seed);
  const g: ConcordanceGraph = new MultiDirectedGraph();
  const sources = Math.max(2, Math.round(order / 500));
  const entities = Math.round(order * 0.06);
  const citations = Math.round(order * 0.04);
  const claims = order - sources - entities - citations;
  const ring = (i: number, n: number, r: number) => ({ x: r * Math.cos((2 * Math.PI * i) / n), y: r * Math.sin((2 * Math.PI * i) / n) });
  const spread = Math.sqrt(order) * 4;
  for (let s = 0; s < sources; s++) {
    g.addNode(`source:s${s}`, {
      kind: 'source',
      label: `Source ${s}`,
      ...ring(s, sources, spread * 1.15),
      sourceId: `s${s}`,
      publisher: `Publisher ${s}`,
      trust: rng.next(),
      trustLowEvidence: rng.chance(0.3),
    });
  }
  for (let c = 0; c < citations; c++) {
    const s = c % sources;
    const at = ring(s, sources, spread * 1.25);
    g.addNode(`citation:s${s}:${c}`, {
      kind: 'citation',
      label: `[${c}] Reference ${c}`,
      x: at.x + rng.next() * 20,
      y: at.y + rng.next() * 20,
      source: `s${s}`,
      number: c,
      text: `Reference ${c}`,
    });
  }
  const entityAt: { x: number; y: number }[] = [];
  for (let e = 0; e < entities; e++) {
    // Entities on a disc (uniform by area), claims clustered around their subject: a laid-out look.
    const r = spread * Math.sqrt(rng.next());
    const a = rng.next() * 2 * Math.PI;
    entityAt.push({ x: r * Math.cos(a), y: r * Math.sin(a) });
    g.addNode(`entity:e${e}`, {
      kind: 'entity',
      label: `Entity ${e}`,
      ...entityAt[e]!,
      entityId: `e${e}`,
      entityType: 'person',
      aliases: [`Entity ${e}`],
    });
  }
  const bySubject = new Map<string, string[]>();
  for (let c = 0; c < claims; c++) {
    // A skewed choice of subject: a few hubs, many entities with a handful of claims.
    const e = Math.floor(entities * rng.next() ** 2);
    const s = rng.int(0, sources - 1);
    const property = PROPERTIES[rng.int(0, PROPERTIES.length - 1)]!;
    const key = `claim:c${c}`;
    const at = entityAt[e]!;
    g.addNode(key, {
      kind: 'claim',
      label: `Entity ${e} · ${property}: ${c}`,
      x: at.x + (rng.next() - 0.5) * 30,
      y: at.y + (rng.next() - 0.5) * 30,
      source: `s${s}`,
      subject: `e${e}`,
      property,
      propertyLabel: property.replace(/-/g, ' '),
      valueText: String(1000 + c),
      status: rng.chance(0.1) ? 'extracted' : 'reviewed',
      conflicts: 0,
      orphaned: false,
      likely: rng.chance(0.5),
    });
    g.addDirectedEdgeWithKey(`about:c${c}`, key, `entity:e${e}`, { kind: 'about' });
    g.addDirectedEdgeWithKey(`from:c${c}`, key, `source:s${s}`, { kind: 'from' });
    const group = `${e}|${property}`;
    bySubject.set(group, [...(bySubject.get(group) ?? []), key]);
  }
  for (let c = 0; c < claims && g.size < order * 1.9; c += 10) {
    const cite = `citation:s${String(g.getNodeAttribute(`claim:c${c}`, 'source')).slice(1)}:${rng.int(0, citations - 1)}`;
    if (g.hasNode(cite)) g.addDirectedEdgeWithKey(`cites:c${c}`, `claim:c${c}`, cite, { kind: 'cites' });
  }
  // Comparisons within (subject, property) groups until there are two edges per node.
  let n = 0;
  for (const members of bySubject.values()) {
    for (let i = 1; i < members.length && g.size < order * 2; i++) {
      const [a, b] = [members[0]!, members[i]!];
      const verdict = rng.chance(0.4) ? 'conflicts' : 'agrees';
      g.addDirectedEdgeWithKey(`${verdict}:x${n}`, a, b, {
        kind: verdict,
        comparison: `x${n++}`,
        reason: 'synthetic',
        scope: 'between',
        basis: 'value',
      });
      if (verdict === 'conflicts') for (const k of [a, b]) g.updateNodeAttribute(k, 'conflicts', (v) => Number(v) + 1);
    }
  }
  // Positions in hundredths, as the server sends them (server/analysis/graph.ts).
  g.updateEachNodeAttributes((_key, attrs) => ({ ...attrs, x: Math.round(attrs.x * 100) / 100, y: Math.round(attrs.y * 100) / 100 }));
  return g;
}

/** The built client plus /api/graph (whole, or the server's own views of it); any other /api path 404s. */
export async function serve(dist: string, graph: ConcordanceGraph): Promise<{ base: string; bytes: number; server: Server }> {
  const whole = JSON.stringify(graph.export());
  const index = await readFile(path.join(dist, 'index.html'));
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/api/graph') {
        const view = url.searchParams.get('view');
        const limit = Number(url.searchParams.get('limit') ?? 5000);
        const id = url.searchParams.get('id') ?? '';
        const spec: ViewSpec | null =
          view === 'conflicts'
            ? { kind: 'conflicts', limit }
            : view === 'neighbourhood'
              ? { kind: 'neighbourhood', node: id, hops: Number(url.searchParams.get('hops') ?? 1), limit }
              : view === 'entity' || view === 'source'
                ? { kind: view, id, limit }
                : null;
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        // As /api/graph does: the overview, or a view placed where the server's layout puts it.
        const body = view === 'overview' ? overviewGraph(graph, limit) : spec ? placed(viewGraph(graph, spec), graph) : null;
        res.end(body ? JSON.stringify(body.export()) : whole);
      } else if (url.pathname.startsWith('/api/')) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not in the benchmark server","details":null}');
      } else if (url.pathname.startsWith('/assets/')) {
        const file = path.join(dist, path.normalize(url.pathname));
        const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
        res.writeHead(200, { 'Content-Type': type }).end(await readFile(file).catch(() => ''));
      } else res.writeHead(200, { 'Content-Type': 'text/html' }).end(index);
    })();
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bytes: Buffer.byteLength(whole), server };
}
