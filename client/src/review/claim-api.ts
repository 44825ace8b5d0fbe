// Reading a claim for review and writing a decision: GET /api/claims/:id for the record and its
// version, PATCH with If-Match (that version) and X-Reviewer. A 412 means someone else wrote first:
// it becomes a StaleClaim carrying the record as it now is (the server sends it in `details`).
import { ApiError, apiErrorOf, send, type Claim, type ClaimDetail, type ClaimPatch } from '../api.js';

/** Thrown on 412: `current` is the claim as the server now holds it. */
export class StaleClaim extends Error {
  constructor(
    readonly current: Claim,
    readonly etag: string,
  ) {
    super('someone else changed this claim');
    this.name = 'StaleClaim';
  }
}

/**
 * The If-Match value for a claim: the response's ETag when it is the claim's version ("3"), else
 * the version from the body. (The server's generic weak ETag on GET — W/"2ed-…" — is a hash of
 * the response, not a version the PATCH would accept.)
 */
export function etagFor(header: string | null, claim: Pick<Claim, 'version'>): string {
  if (header && /^(?:W\/)?"\d{1,9}"$/.test(header.trim())) return header.trim().replace(/^W\//, '');
  return `"${claim.version ?? 1}"`;
}

const seg = encodeURIComponent;

export async function fetchClaim(id: string): Promise<{ claim: ClaimDetail; etag: string }> {
  const res = await send(`/api/claims/${seg(id)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw await apiErrorOf(res);
  const claim = (await res.json()) as ClaimDetail;
  return { claim, etag: etagFor(res.headers.get('ETag'), claim) };
}

export async function patchClaim(
  id: string,
  etag: string,
  patch: ClaimPatch,
  reviewer: string | null,
): Promise<{ claim: Claim; etag: string }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', 'If-Match': etag };
  if (reviewer) headers['X-Reviewer'] = reviewer;
  const res = await send(`/api/claims/${seg(id)}`, { method: 'PATCH', headers, body: JSON.stringify(patch) });
  if (res.status === 412) {
    const err = await apiErrorOf(res);
    const current = err.details as Claim | null;
    if (current && typeof current === 'object' && typeof current.id === 'string')
      throw new StaleClaim(current, etagFor(res.headers.get('ETag'), current));
    throw err;
  }
  if (!res.ok) throw await apiErrorOf(res);
  const claim = (await res.json()) as Claim;
  return { claim, etag: etagFor(res.headers.get('ETag'), claim) };
}

export { ApiError };
