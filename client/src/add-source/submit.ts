// POST /api/sources with Accept: application/x-ndjson: progress lines ({"progress": 0..1}) while the
// server extracts, then {"result": ...} or {"error", "status", "details"}. A refusal before the
// stream starts (400, 409, 413...) comes back as a plain JSON error instead; both end as ApiError.
import { ApiError, apiErrorOf, send, type Claim, type SourceInput } from '../api.js';
import { ndjsonLines } from '../ndjson.js';

export interface IngestSummary {
  source: { id: string; title: string; publisher: string };
  claims: Claim[];
  proposedEntities: { id: string; label: string }[];
  comparisons: { id: string; verdict: string }[];
  warnings: string[];
}

export async function submitSource(
  input: SourceInput,
  reviewer: string | null,
  onProgress: (share: number) => void,
): Promise<IngestSummary> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' };
  if (reviewer) headers['X-Reviewer'] = reviewer;
  const res = await send('/api/sources', { method: 'POST', headers, body: JSON.stringify(input) });
  if (!res.ok) throw await apiErrorOf(res);
  if (!res.headers.get('Content-Type')?.includes('application/x-ndjson') || !res.body) {
    // A server that ignores the Accept header answers with the summary as one JSON document.
    onProgress(1);
    return (await res.json()) as IngestSummary;
  }
  for await (const line of ndjsonLines(res.body)) {
    const msg = line as { progress?: unknown; result?: IngestSummary; error?: unknown; status?: unknown; details?: unknown };
    if (typeof msg.progress === 'number') onProgress(Math.min(1, Math.max(0, msg.progress)));
    else if (msg.result) {
      onProgress(1);
      return msg.result;
    } else if (msg.error !== undefined) {
      throw new ApiError(typeof msg.status === 'number' ? msg.status : 500, String(msg.error), msg.details ?? null);
    }
  }
  throw new ApiError(500, 'the server ended the upload without a result');
}

/**
 * Problems a 400 lists: `[{ at: "/title", message }]` → field name and message. A missing field is
 * reported at the root ("must have required property 'title'"): it belongs to that field.
 */
export function problemsOf(details: unknown): { field: string; message: string }[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter((d): d is { at?: unknown; message?: unknown } => typeof d === 'object' && d !== null)
    .map((d) => {
      const message = String(d.message ?? '');
      const at = String(d.at ?? '')
        .replace(/^\/(body\/)?/, '')
        .split('/')[0];
      const missing = /required property '([\w-]+)'/.exec(message)?.[1];
      return { field: at || missing || 'request', message: !at && missing ? 'is required' : message };
    });
}
