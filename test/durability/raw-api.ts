// The real app in-process on 127.0.0.1, reached with requests whose path is sent byte for byte.
// The harness of test/api goes through `new URL`, which resolves "../" and "%2e%2e" on the client
// side, so a traversal attempt would never reach the server as written. Bodies can also be sent
// chunked (no Content-Length), as a client streaming an upload would.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { request, type Server } from 'node:http';
import { createApp, type AppOptions } from '../../server/api/app.js';
import { Repository } from '../../server/store/repository.js';
import { collectReply, type Reply } from '../api/harness.js';

export interface RawApi {
  repo: Repository;
  send(
    method: string,
    rawPath: string,
    init?: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean },
  ): Promise<Reply>;
  close(): Promise<void>;
}

export async function startRawApi(dataDir: string, options: AppOptions = {}): Promise<RawApi> {
  const repo = await Repository.open(dataDir);
  const server: Server = createApp(repo, { clientDir: path.join(dataDir, 'no-client'), ...options }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    repo,
    send: (method, rawPath, init = {}) => rawRequest(port, method, rawPath, init),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function rawRequest(
  port: number,
  method: string,
  rawPath: string,
  init: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers = { ...(body && !init.chunked ? { 'content-length': String(body.length) } : {}), ...init.headers };
    const req = request({ host: '127.0.0.1', port, method, path: rawPath, headers }, (res) => collectReply(res).then(resolve, reject));
    // A server that refuses an oversized body may close before it is all sent; the answer still counts.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? undefined : reject(err)));
    if (body && init.chunked) {
      for (let at = 0; at < body.length; at += 1 << 20) req.write(body.subarray(at, at + (1 << 20)));
      req.end();
    } else req.end(body);
  });
}
