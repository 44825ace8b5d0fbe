// The reviewer's name, set once and kept in localStorage: every write sends it as X-Reviewer, and
// the server's audit trail records it with each decision.
const KEY = 'concordance.reviewer';

/** The server's rule for X-Reviewer: 1 to 100 letters, digits, spaces or . _ @ ' - */
export const REVIEWER_PATTERN = /^[\p{L}\p{N} ._@'-]{1,100}$/u;

export function reviewerName(): string | null {
  try {
    const name = localStorage.getItem(KEY);
    return name && REVIEWER_PATTERN.test(name) ? name : null;
  } catch {
    return null;
  }
}

/** Stores a valid name and answers true; answers false (and stores nothing) for an invalid one. */
export function setReviewerName(name: string): boolean {
  const trimmed = name.trim();
  if (!REVIEWER_PATTERN.test(trimmed)) return false;
  try {
    localStorage.setItem(KEY, trimmed);
  } catch {
    // Private mode without storage: the name lasts for this page only.
  }
  memory = trimmed;
  return true;
}

let memory: string | null = null;

/** The name to send: the stored one, or the one given in this page when storage is unavailable. */
export function currentReviewer(): string | null {
  return reviewerName() ?? memory;
}
