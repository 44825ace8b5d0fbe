// The trust worker's thread (see trust-worker.ts): a mirror of the corpus kept step by step from the
// main thread's writes, and source trust learned over it on request, answered in parts so that the
// main thread takes the answer in small pieces between requests instead of in one long stop.
import { parentPort } from 'node:worker_threads';
import { groupsInCorpusOrder, learnTrust } from '../analysis/analyse.js';
import { groupKey } from '../core/grouping.js';
import { byId, type Corpus, type CorpusIndex } from '../core/model.js';
import type { Comparison } from '../core/types.js';
import type { Claim } from '../core/schema-types.js';
import { PART, type FromWorker, type ToWorker } from './trust-messages.js';

let records: Omit<Corpus, 'claims' | 'texts'> | undefined;
// A Map keeps insertion order, and replacing a key keeps its place: the corpus's order, as writes keep it
// (a changed claim stays where it was, new ones come last, removed ones leave).
const claims = new Map<string, Claim>();
const comparisons = new Map<string, Comparison>();

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (m: ToWorker) => {
  switch (m.kind) {
    case 'reset':
      records = m.records;
      claims.clear();
      comparisons.clear();
      return;
    case 'records': {
      const next: Record<string, unknown> = { ...records!, ...m.records };
      for (const [key, added] of Object.entries(m.appended ?? {}))
        next[key] = [...((next[key] as unknown[] | undefined) ?? []), ...(added as unknown[])];
      records = next as unknown as typeof records;
      return;
    }
    case 'claims':
      for (const id of m.remove) claims.delete(id);
      for (const c of m.upsert) claims.set(c.id, c);
      return;
    case 'comparisons':
      for (const id of m.remove) comparisons.delete(id);
      for (const c of m.add) comparisons.set(c.id, c);
      return;
    case 'learn':
      learn(m.serial, m.base);
  }
});

/** The last answer sent: the next may be sent as changes to it. */
let answered: { serial: number; likely: ReadonlySet<string>; sets: ReadonlyMap<string, string> } | undefined;

function learn(serial: number, base: number | undefined): void {
  const started = performance.now();
  try {
    const index: CorpusIndex = {
      source: byId(records!.sources),
      entity: byId(records!.entities),
      property: byId(records!.properties),
      claim: claims,
    };
    const members = new Map<string, string[]>();
    for (const c of claims.values()) {
      if (c.status === 'rejected') continue;
      const key = groupKey(c);
      const ids = members.get(key);
      if (ids) ids.push(c.id);
      else members.set(key, [c.id]);
    }
    const groups = groupsInCorpusOrder(claims.values(), (key) => members.get(key) ?? []);
    const likely = learnTrust(records!, groups, index, [...comparisons.values()]);
    // Likely claims and sets barely move between two answers (trust moves every verdict, so those go
    // whole): sent as changes to the last answer when the main thread holds it, not as a million entries.
    const changes = base !== undefined && answered?.serial === base ? answered : undefined;
    post({
      kind: 'summary',
      serial,
      method: likely.method,
      convergence: likely.convergence,
      trust: [...likely.trust],
      ...(changes ? { base } : {}),
    });
    const verdicts = [...likely.byGroup];
    for (let i = 0; i < verdicts.length; i += PART) post({ kind: 'verdicts', serial, entries: verdicts.slice(i, i + PART) });
    const ids: string[] = [];
    for (const id of likely.likelyClaims) if (!changes?.likely.has(id)) ids.push(id);
    const goneIds = changes ? [...changes.likely].filter((id) => !likely.likelyClaims.has(id)) : [];
    for (let i = 0; i === 0 || i < ids.length; i += PART * 10)
      post({ kind: 'likely', serial, ids: ids.slice(i, i + PART * 10), ...(i === 0 && goneIds.length > 0 ? { remove: goneIds } : {}) });
    // Which set each claim is in: the main thread's may be partial (an analysis whose trust was left to learn at start).
    const sets: [string, string][] = [];
    for (const [id, key] of likely.setOf) if (changes?.sets.get(id) !== key) sets.push([id, key]);
    const goneSets = changes ? [...changes.sets.keys()].filter((id) => !likely.setOf.has(id)) : [];
    for (let i = 0; i === 0 || i < sets.length; i += PART * 10)
      post({
        kind: 'sets',
        serial,
        entries: sets.slice(i, i + PART * 10),
        ...(i === 0 && goneSets.length > 0 ? { remove: goneSets } : {}),
      });
    answered = { serial, likely: likely.likelyClaims, sets: likely.setOf };
    post({ kind: 'done', serial, ms: performance.now() - started });
  } catch (err) {
    answered = undefined;
    post({ kind: 'failed', serial, message: (err as Error).message });
  }
}
