// Lists the routes an Express 5 app serves by walking its router stack (router 2.x: mounted
// routers keep their mount path in `rawPath`, routes in `route.path` and `route.methods`).
import type { Express } from 'express';

export interface RouteEntry {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

export function routesOf(app: Express): RouteEntry[] {
  const root = (app as unknown as { router: { stack: LayerLike[] } }).router;
  return walk(root.stack, '');
}

function walk(stack: readonly LayerLike[], prefix: string): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const layer of stack) {
    if (layer.route && typeof layer.route.path === 'string') {
      for (const [method, on] of Object.entries(layer.route.methods)) if (on) out.push({ method, path: prefix + layer.route.path });
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      out.push(...walk(layer.handle.stack, prefix + mount));
    }
  }
  return out;
}
