// The likely worker's thread (see likely-worker.ts): judges the sets of the groups a write re-ran,
// with the trust it is given, by the very code the event loop runs (judgeGroups), and sends the
// answer back in parts. Loaded in a worker thread only, never imported by the server.
import { parentPort } from 'node:worker_threads';
import type { Claim } from '../core/schema-types.js';
import { judgeGroups } from './likely.js';
import { LIKELY_PART, type FromLikelyThread, type ToLikelyThread } from './likely-messages.js';

const port = parentPort;
if (!port) throw new Error('likely-thread.ts runs in a worker thread (see likely-worker.ts)');
const post = (message: FromLikelyThread) => port.postMessage(message);

/** The claims of the job being sent, by id. */
const claims = new Map<string, Claim>();
let job = 0;

port.on('message', (m: ToLikelyThread) => {
  if (m.job !== job) {
    job = m.job;
    claims.clear();
  }
  if (m.kind === 'claims') {
    for (const claim of m.claims) claims.set(claim.id, claim);
    return;
  }
  try {
    const labels = new Map(m.labels);
    const trust = new Map(m.trust);
    const index = { claim: claims, entity: { get: (id: string) => (labels.has(id) ? { label: labels.get(id)! } : undefined) } };
    const judged = judgeGroups(new Map(m.groups), m.affected, index as Parameters<typeof judgeGroups>[2], m.reviewer, (s) => trust.get(s));
    // A verdict's alternatives in parts: one item of 40,000 figures has 39,999 of them, and one message
    // of them took the main thread 0.7 s to read at load 20.
    for (const [group, verdicts] of judged.byGroup) {
      post({
        kind: 'verdicts',
        job,
        entries: [[group, verdicts.map((v) => ({ ...v, alternatives: v.alternatives.slice(0, LIKELY_PART) }))]],
      });
      verdicts.forEach((v, at) => {
        for (let i = LIKELY_PART; i < v.alternatives.length; i += LIKELY_PART)
          post({ kind: 'alternatives', job, group, at, alternatives: v.alternatives.slice(i, i + LIKELY_PART) });
      });
    }
    const sets = [...judged.setOf];
    for (let i = 0; i < sets.length; i += LIKELY_PART) post({ kind: 'sets', job, entries: sets.slice(i, i + LIKELY_PART) });
    post({ kind: 'done', job, likely: [...judged.likelyClaims] });
  } catch (err) {
    post({ kind: 'failed', job, message: (err as Error).message });
  } finally {
    claims.clear();
  }
});
