// Real HTTP against the real app: a temp copy of graph-data/, the app listening on an ephemeral
// port, and a small fetch wrapper. Every 200 JSON body can be checked against the OpenAPI document.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { request, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import { expect } from 'vitest';
import { createApp, type AppOptions } from '../../server/api/app.js';
import { openApiDocument } from '../../server/api/openapi.js';
import { writeFixtureStore } from './fixture-store.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { Repository } from '../../server/store/repository.js';

export interface Reply<T = any> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
  /** The bytes as received (still compressed when the server compressed them). */
  raw: Buffer;
}

export interface RunningApi {
  dataDir: string;
  /** http://127.0.0.1:<port>, for tests that make their own requests (streamed responses). */
  base: string;
  repo: Repository;
  get<T = any>(pathAndQuery: string, headers?: Record<string, string>): Promise<Reply<T>>;
  send<T = any>(
    method: string,
    pathAndQuery: string,
    init?: { headers?: Record<string, string>; body?: string | Buffer },
  ): Promise<Reply<T>>;
  close(): Promise<void>;
}

/** A private copy of graph-data/: tests never touch the store people are curating. */
export async function copyGraphData(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'concordance-api-'));
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

/** The app over a private copy of graph-data holding the hand-written fixture claims (fixture-store.ts). */
export async function startFixtureApi(): Promise<RunningApi> {
  const dir = await copyGraphData();
  await writeFixtureStore(dir);
  return startApi(dir);
}

/** Opens the store at `dataDir` and serves the app on an ephemeral port (no client bundle). */
export async function startApi(dataDir: string, options: AppOptions = {}): Promise<RunningApi> {
  const repo = await Repository.open(dataDir);
  const server: Server = createApp(repo, { clientDir: path.join(dataDir, 'no-client'), ...options }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    dataDir,
    base,
    repo,
    get: (pathAndQuery, headers = {}) => httpRequest('GET', base + pathAndQuery, headers),
    send: (method, pathAndQuery, init = {}) => httpRequest(method, base + pathAndQuery, init.headers ?? {}, init.body),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A plain node:http request. Not fetch(): fetch adds "Cache-Control: no-cache" to any request carrying
 * If-None-Match, which (rightly) stops the server from answering 304.
 */
function httpRequest(method: string, url: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, (res) => collectReply(res).then(resolve, reject))
      .on('error', reject)
      .end(body);
  });
}

/** The whole answer: JSON bodies parsed (unless still compressed), the raw bytes kept. */
export function collectReply(res: IncomingMessage): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = raw.toString('utf8');
      const json = /^application\/json/.test(res.headers['content-type'] ?? '') && !res.headers['content-encoding'];
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: json ? JSON.parse(text) : text || undefined, raw });
    });
    res.on('error', reject);
  });
}

const DOC_ID = 'https://concordance.local/openapi.json';
let responseValidator: Ajv2020 | undefined;

/** Asserts that `body` has the shape the OpenAPI document gives for component `schema`. */
export function expectShape(body: unknown, schema: string): void {
  if (!responseValidator) {
    responseValidator = new Ajv2020({ allErrors: true, strict: false });
    responseValidator.addSchema({ $id: DOC_ID, ...openApiDocument() });
  }
  const validate = responseValidator.getSchema(`${DOC_ID}#/components/schemas/${schema}`)!;
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `response does not match #/components/schemas/${schema}`).toEqual([]);
}

/** Asserts a JSON error reply: status, and a details entry at `at` when given. */
export function expectError(reply: Reply, status: number, at?: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expectShape(reply.body, 'Error');
  if (at) expect(reply.body.details.map((d: { at: string }) => d.at)).toContain(at);
}
