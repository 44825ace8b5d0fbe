// Typed access to the server's JSON API. The response types are the server views' own types
// (type-only imports: erased from the bundle), so a change of contract is a compile error here.
import type { SerializedGraph } from 'graphology-types';
import type { ClaimTrace } from '../../server/api/views/claims.js';
import type { ComparisonList } from '../../server/api/views/comparisons.js';
import type { EntityDetail } from '../../server/api/views/entities.js';
import type { SearchResults } from '../../server/api/views/search.js';
import type { Timeline } from '../../server/api/views/timeline.js';
import type { SourceDetail } from '../../server/api/views/sources.js';
import type { ValueReading } from '../../server/api/routes/read-value.js';
import { withSession } from './auth/session.js';

export type { ClaimTrace, ComparisonList, EntityDetail, SearchResults, SourceDetail, Timeline };
export type { ReportItem, ReportClaim } from '../../server/analysis/report.js';
export type { TraceComparison, CitationStep, OtherClaim } from '../../server/api/views/claims.js';
export type { PropertyGroup, ValueView, RelationView } from '../../server/api/views/entities.js';
export type { ComparisonView } from '../../server/api/views/common.js';
export type { ClaimDetail } from '../../server/api/views/claims.js';
export type { Claim, ClaimPatch, SourceInput, Value, QuantityValue, DateValue } from '../../server/core/schema-types.js';
export type { Trust, Likely } from './truth/types.js';

/** An API error, with the server's `{ error, details }` when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error a non-2xx reply stands for, with the server's `{ error, details }` when it sent one. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const e = body as { error?: unknown; details?: unknown } | null;
  return new ApiError(res.status, typeof e?.error === 'string' ? e.error : `${res.status} ${res.statusText}`, e?.details ?? null);
}

/** fetch() with the network failure turned into an ApiError (status 0); aborts pass through. */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    // Team mode: the CSRF token on writes, and the sign-in form on a 401 (client/src/auth/).
    return await withSession(path, init, (input, options) => fetch(input, options));
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'The server could not be reached.');
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await send(path, { headers: { Accept: 'application/json' }, signal });
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as T;
}

/** A graph reply: `data` is null when the server said 304 (unchanged since `etag`). */
export interface GraphReply {
  data: SerializedGraph | null;
  etag: string | null;
  /** The server's `X-Graph: building`: a large store's whole graph is still being built after start. */
  building: boolean;
}

/** GET /api/graph (or one of its views), conditional on the ETag of the copy already held. */
async function getGraph(query: string, etag: string | null = null): Promise<GraphReply> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (etag) headers['If-None-Match'] = etag;
  const res = await send(`/api/graph${query}`, { headers });
  const building = res.headers.get('X-Graph') === 'building';
  if (res.status === 304) return { data: null, etag, building };
  if (!res.ok) throw await apiErrorOf(res);
  return { data: (await res.json()) as SerializedGraph, etag: res.headers.get('ETag'), building };
}

const cache = new Map<string, Promise<unknown>>();

/** Detail views change only when the data does (one page load): fetch each once. */
function cached<T>(path: string): Promise<T> {
  let hit = cache.get(path) as Promise<T> | undefined;
  if (!hit) {
    hit = getJson<T>(path);
    hit.catch(() => cache.delete(path));
    cache.set(path, hit);
  }
  return hit;
}

const seg = encodeURIComponent;

export const api = {
  /** `query`: '' for the whole graph, or '?view=conflicts&limit=5000' and the like. */
  graph: getGraph,
  source: (id: string) => cached<SourceDetail>(`/api/sources/${seg(id)}`),
  entity: (id: string) => cached<EntityDetail>(`/api/entities/${seg(id)}`),
  trace: (id: string) => cached<ClaimTrace>(`/api/claims/${seg(id)}/trace`),
  conflicts: () => cached<ComparisonList>('/api/conflicts'),
  /** One page of the triage list: `query` is the filters, order and page ("?sort=gap&offset=0&limit=100"). */
  conflictsPage: (query: string) => cached<ComparisonList>(`/api/conflicts${query}`),
  agreements: () => cached<ComparisonList>('/api/agreements'),
  /** Counts only: the list envelope of one item, whose `count` is the whole. */
  agreementsCount: () => cached<ComparisonList>('/api/agreements?limit=1').then((l) => l.count),
  conflictsCount: () => cached<ComparisonList & { pending?: number }>('/api/conflicts?limit=1'),
  sources: () =>
    cached<{ count: number; items: { id: string; title: string; publisher: string; counts: { claims: number } }[] }>('/api/sources'),
  timeline: (query: string) => cached<Timeline>(`/api/timeline${query}`),
  search: (q: string, signal?: AbortSignal) => getJson<SearchResults>(`/api/search?q=${seg(q)}&limit=8`, signal),
  /** The value selected words state, read by the server's extraction readers (with the source's year for a bare day). */
  readValue: (text: string, source: string, at: number) =>
    getJson<ValueReading>(`/api/read-value?text=${seg(text)}&source=${seg(source)}&at=${at}`).then((r) => r.value),
  /** Forgets every cached detail view: called after a write, which changes what they say. */
  invalidate: () => cache.clear(),
};

/** The id part of a node key: `claim:wp-7` → `wp-7`. */
export function idOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}
