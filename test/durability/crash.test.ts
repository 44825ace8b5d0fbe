// Crash safety of the write path, end to end: the real server process over a copy of graph-data,
// 500 concurrent review writes, kill -9 at a seeded moment, restart, then prove that every write
// the server acknowledged survived, that nothing half-written remains, and that the changelog
// matches the claims on disk. Replay one run with CRASH_SEED=<seed> (each run logs its seed).
//
// Most runs keep the copy on tmpfs when there is one: kill -9 ends the process, not the machine, so
// the page cache survives and fsync adds nothing this test can observe, only disk waits. On tmpfs a
// commit is a sliver of each write (re-analysis dominates), so a kill at a random moment rarely
// lands inside one: some runs watch the store and kill a seeded few milliseconds after the next
// commit writes its temporaries or its journal, and one does so on the real disk, where the fsyncs
// stretch the commit. Each run logs the step its kill interrupted.
import { existsSync, watch } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStore } from '../../server/store/load.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { startServerProcess } from '../helpers/server-process.js';
import {
  expectAckedWritesDurable,
  expectEveryJsonParses,
  expectNoLeftovers,
  filesBelow,
  isLeftover,
  loadCleanStore,
} from './store-checks.js';
import { fireWrites, planWrites, prng } from './workload.js';

const WRITES = 500;
const LANES = 24;

/** Kill windows in acknowledged writes: very early (maybe before any write lands), middle, anywhere, near the end. */
interface Scenario {
  seed: number;
  /** Kill once this many writes are acknowledged: a seeded number in [from, to]... */
  window: [number, number];
  when: string;
  /** ...then, after a seeded delay in [lo, hi] ms: at once, or from when the next commit writes its temporaries, its journal, or its changelog line. */
  from: 'ack' | Step;
  delayMs: [number, number];
  store: 'tmpfs' | 'disk';
}

const SCENARIOS: Scenario[] = (
  [
    { seed: 1009, window: [0, 3], when: 'very early', from: 'ack', delayMs: [0, 12], store: 'tmpfs' },
    { seed: 5651, window: [10, 40], when: 'mid-commit on disk, journal written', from: 'journal', delayMs: [2, 4], store: 'disk' },
    {
      seed: 2477,
      window: [100, 250],
      when: 'in the middle, changelog appended, files not yet renamed',
      from: 'append',
      delayMs: [0, 0],
      store: 'tmpfs',
    },
    { seed: 3313, window: [0, WRITES - 1], when: 'anywhere', from: 'ack', delayMs: [0, 12], store: 'tmpfs' },
    {
      seed: 4021,
      window: [WRITES - 40, WRITES - 10],
      when: 'near the end, journal written',
      from: 'journal',
      delayMs: [0, 0],
      store: 'tmpfs',
    },
  ] satisfies Scenario[]
).filter((s) => !process.env.CRASH_SEED || String(s.seed) === process.env.CRASH_SEED);

type Step = 'temporary' | 'journal' | 'append';

const WATCHED: Record<Step, { folder: (dir: string) => string; wanted: (name: string) => boolean }> = {
  temporary: { folder: (dir) => path.join(dir, 'claims'), wanted: (name) => name.endsWith('.tmp') },
  journal: { folder: (dir) => dir, wanted: (name) => name === '.journal.json' },
  append: { folder: (dir) => dir, wanted: (name) => name === 'changelog.jsonl' },
};

/**
 * Calls `act` as soon as the next commit creates a temporary in claims/, writes its journal, or
 * appends its changelog line (from then on only a rollback can undo it), or after a few seconds
 * without one, so a run whose writes all ended still gets killed and checked. `act` runs inside the
 * watch callback itself: on tmpfs a journal lives well under a millisecond, and every event-loop
 * turn of delay lets the commit finish first.
 */
function onNextCommitStep(dir: string, step: Step, act: () => void): void {
  const folder = WATCHED[step].folder(dir);
  const { wanted } = WATCHED[step];
  const done = () => {
    watcher.close();
    clearTimeout(fallback);
    act();
  };
  // A file that still exists was just created; the event of one renamed or removed is the step ending.
  const watcher = watch(folder, (_event, name) => {
    if (name && wanted(String(name)) && existsSync(path.join(folder, String(name)))) done();
  });
  const fallback = setTimeout(done, 5_000);
}

/** Where the kill landed, read from what it left behind. */
function phaseOf(leftovers: string[]): string {
  if (leftovers.some((f) => f.endsWith('.journal.json'))) return 'committing (journal present: rolled back on restart)';
  if (leftovers.some((f) => f.endsWith('.tmp'))) return 'writing temporaries (no journal yet: swept on restart)';
  if (leftovers.length > 0) return 'removing backups (journal gone: committed)';
  return 'between transactions';
}

async function scratchCopy(store: Scenario['store']): Promise<string> {
  const base = store === 'tmpfs' && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = await mkdtemp(path.join(base, 'concordance-crash-'));
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

// Servers and copies to remove even when a run fails or times out half-way.
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((clean) => clean()));
});

// Concurrent: each run is mostly waiting on its own server, and the file stays within a minute.
describe.concurrent('kill -9 during concurrent writes', () => {
  it.each(SCENARIOS)(
    'seed $seed, killed $when: every acknowledged write survives, nothing half-written remains',
    async ({ seed, window, from: step, delayMs: [lo, hi], store }) => {
      const random = prng(seed);
      const [from, to] = window;
      const killAt = from + Math.floor(random() * (to - from + 1));
      const delayMs = lo + Math.floor(random() * (hi - lo + 1));
      const dir = await scratchCopy(store);
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const { corpus } = await loadStore(dir);
      const original = new Map(corpus.claims.map((c) => [c.id, c]));
      const ops = planWrites(corpus.claims, WRITES, random);

      const start = async () => {
        const started = await startServerProcess(dir);
        cleanups.push(() => started.kill9());
        return started;
      };
      let server = await start();
      let killed: Promise<void> | undefined;
      // kill9 sends SIGKILL synchronously; its promise is the process being gone.
      const killAfterDelay = (resolve: () => void) =>
        (delayMs === 0 ? server.kill9() : sleep(delayMs).then(() => server.kill9())).then(resolve);
      const kill = () =>
        (killed ??= new Promise<void>((resolve) => {
          if (step === 'ack') void killAfterDelay(resolve);
          else onNextCommitStep(dir, step, () => void killAfterDelay(resolve));
        }));
      if (killAt === 0) void kill();
      const run = await fireWrites({ base: server.base, ops, lanes: LANES, onAck: (n) => n >= killAt && kill() });
      await kill();
      const interrupted = (await filesBelow(dir)).filter(isLeftover);
      console.log(
        `crash seed ${seed} (${store}): killed after ${killAt} acks + ${delayMs} ms${step === 'ack' ? '' : ` from the next commit's ${step}`}, while ${phaseOf(interrupted)}; ${run.acked.length} acknowledged, ${run.unanswered} unanswered, ${run.retried} retried on 412 (replay: CRASH_SEED=${seed})`,
      );
      expect(run.refused).toEqual([]);

      server = await start();
      await expectNoLeftovers(dir);
      await expectEveryJsonParses(dir);
      const { claims, changes } = await loadCleanStore(dir);
      expectAckedWritesDurable(original, claims, changes, run.acked);

      // The restarted server goes on writing where the changelog left off.
      const target = run.acked.at(-1)?.claim.id ?? corpus.claims[0]!.id;
      const version = claims.get(target)!.version ?? 1;
      const reply = await fetch(`${server.base}/api/claims/${target}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify({ action: 'accept' }),
      });
      expect(reply.status).toBe(200);
      const after = await loadCleanStore(dir);
      expect(after.changes.at(-1)).toMatchObject({ seq: changes.length + 1, claim: target, after: { version: version + 1 } });
      await server.stop();
    },
    240_000,
  ); // a safety net for a loaded machine, not a speed assertion
});
