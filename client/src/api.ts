// Typed access to the server's JSON API. The response types are the server views' own types
// (type-only imports: erased from the bundle), so a change of contract is a compile error here.
import type { SerializedGraph } from 'graphology-types';
import type { ClaimTrace } from '../../server/api/views/claims.js';
import type { ComparisonList } from '../../server/api/views/comparisons.js';
import type { EntityDetail } from '../../server/api/views/entities.js';
import type { SearchResults } from '../../server/api/views/search.js';
import type { SourceDetail } from '../../server/api/views/sources.js';

export type { ClaimTrace, ComparisonList, EntityDetail, SearchResults, SourceDetail };
export type { ReportItem, ReportClaim } from '../../server/core/report.js';
export type { TraceComparison, CitationStep, OtherClaim } from '../../server/api/views/claims.js';
export type { PropertyGroup, ValueView, RelationView } from '../../server/api/views/entities.js';
export type { ComparisonView } from '../../server/api/views/common.js';

/** An API error, with the server's `{ error, details }` when it sent one. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly details: unknown = null) {
    super(message);
    this.name = 'ApiError';
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'The server could not be reached.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body as { error?: unknown; details?: unknown } | null;
    throw new ApiError(res.status, typeof e?.error === 'string' ? e.error : `${res.status} ${res.statusText}`, e?.details ?? null);
  }
  return body as T;
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
  graph: () => getJson<SerializedGraph>('/api/graph'),
  source: (id: string) => cached<SourceDetail>(`/api/sources/${seg(id)}`),
  entity: (id: string) => cached<EntityDetail>(`/api/entities/${seg(id)}`),
  trace: (id: string) => cached<ClaimTrace>(`/api/claims/${seg(id)}/trace`),
  conflicts: () => cached<ComparisonList>('/api/conflicts'),
  agreements: () => cached<ComparisonList>('/api/agreements'),
  search: (q: string, signal?: AbortSignal) => getJson<SearchResults>(`/api/search?q=${seg(q)}&limit=8`, signal),
};

/** The id part of a node key: `claim:wp-7` → `wp-7`. */
export function idOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}
