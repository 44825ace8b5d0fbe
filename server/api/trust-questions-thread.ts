// The inside of the trust questions worker (see trust-questions.ts): holds the observations of one
// revision of the store, sent in parts, and answers copy detection and what-if questions over them,
// one at a time. Loaded in a worker thread only, never imported by the server.
import { parentPort } from 'node:worker_threads';
import { copyDependence, whatIfMoves } from '../analysis/source-trust.js';
import type { Observation } from '../truth/types.js';
import type { FromQuestions, ToQuestions } from './trust-questions-messages.js';

const port = parentPort;
if (!port) throw new Error('trust-questions-thread.ts runs in a worker thread (see trust-questions.ts)');
const send = (message: FromQuestions) => port.postMessage(message);

let revision: number | undefined;
let observations: Observation[] = [];

port.on('message', (m: ToQuestions) => {
  switch (m.kind) {
    case 'begin':
      revision = m.revision;
      observations = [];
      return;
    case 'observations':
      if (m.revision === revision) for (const o of m.part) observations.push(o);
      return;
    default:
      answer(m);
  }
});

function answer(m: Extract<ToQuestions, { job: number }>): void {
  const started = performance.now();
  try {
    // The main thread sends the observations before every question about a revision the thread does not hold.
    if (m.revision !== revision) throw new Error(`asked about revision ${m.revision}, holding ${revision ?? 'none'}`);
    if (m.kind === 'copies')
      send({ kind: 'copies', job: m.job, dependence: copyDependence(observations), ms: performance.now() - started });
    else
      send({
        kind: 'what-if',
        job: m.job,
        moves: whatIfMoves(observations, m.reviewer, m.source, m.proposed),
        ms: performance.now() - started,
      });
  } catch (err) {
    send({ kind: 'failed', job: m.job, message: err instanceof Error ? err.message : String(err) });
  }
}
