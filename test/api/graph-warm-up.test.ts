// X-Graph over real HTTP while a large store warms up (server/api/routes/graph.ts): the server makes
// the first views, then builds the whole graph in the background; every answer until the whole graph
// is really built says `building` (answers made during the warm-up, before the background build had
// begun, said `ready`). A small store says `ready` from the first answer. The store is generated and
// counted as large by a low `largeGraphNodes`, so the warm-up is real but short.
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/lib/corpus.js';
import { hasGraph } from '../../server/analysis/live-graph.js';
import { createApp } from '../../server/api/app.js';
import { graphRouteSettings } from '../../server/api/routes/graph.js';
import { writeCorpusFiles } from '../../server/store/create.js';
import { Repository } from '../../server/store/repository.js';

let dir: string;
const opened: { repo: Repository; server: Server }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'concordance-warm-up-'));
  await writeCorpusFiles(generateCorpus({ claims: 1000, seed: 3 }), dir);
}, 60_000);

afterAll(async () => {
  for (const { repo, server } of opened) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await repo.close();
  }
  await rm(dir, { recursive: true, force: true });
});

/**
 * A fresh server over the generated store. The app (and with it the warm-up, which begins on the
 * next turn of the event loop) is made as the first request arrives: that request is answered
 * before the warm-up has started anything, as for a visitor who was waiting while the server started.
 */
async function serve(largeGraphNodes?: number): Promise<{ repo: Repository; base: string }> {
  const repo = await Repository.open(dir);
  let app: Express | undefined;
  const server = createServer((req, res) => {
    app ??= createApp(repo, { largeGraphNodes });
    app(req, res);
  }).listen(0, '127.0.0.1');
  opened.push({ repo, server });
  await once(server, 'listening');
  return { repo, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('X-Graph while the server warms up', () => {
  it('says building, from the first answer, until the whole graph is built; then ready', async () => {
    const { repo, base } = await serve(100);
    const seen: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const res = await fetch(`${base}/api/graph?view=overview`);
      await res.arrayBuffer();
      const said = res.headers.get('X-Graph')!;
      seen.push(said);
      // Once built, the graph stays built (no write here): `ready` before it was built was the bug.
      if (said === 'ready') {
        expect(hasGraph(repo.snapshot.analysis), `answer ${i} said ready`).toBe(true);
        break;
      }
      expect(said).toBe('building');
    }
    expect(seen[0]).toBe('building');
    expect(seen.at(-1)).toBe('ready');
  });

  it('makes the whole graph wait for the build, then answers it ready', async () => {
    const { repo, base } = await serve(100);
    const res = await fetch(`${base}/api/graph`);
    const graph = (await res.json()) as { nodes: unknown[] };
    expect(res.headers.get('X-Graph')).toBe('ready');
    expect(hasGraph(repo.snapshot.analysis)).toBe(true);
    expect(graph.nodes.length).toBe(repo.snapshot.analysis.graph.order);
  });

  it('says ready at once for a store small enough to be drawn whole', async () => {
    const { repo, base } = await serve();
    const res = await fetch(`${base}/api/graph?view=overview`);
    expect(res.headers.get('X-Graph')).toBe('ready');
    // Nothing was built for it: a small store's graph is built when first asked for.
    expect(hasGraph(repo.snapshot.analysis)).toBe(false);
  });

  it('refuses a threshold that is not a count of nodes', () => {
    expect(graphRouteSettings({}).largeGraphNodes).toBe(20_000);
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => graphRouteSettings({ largeGraphNodes: bad })).toThrow(/largeGraphNodes/);
  });
});
