// The durability promise on PostgreSQL: the real server on DATABASE_URL takes concurrent review
// writes (the workload of test/durability/crash.test.ts), is killed with SIGKILL at a seeded
// moment, restarted on the same database, and every write it acknowledged is there, the changelog
// and the claims tell the same story, and the restarted server writes on where the log left off.
// Replay one run with CRASH_SEED=<seed>.
import { afterAll, describe, expect, it } from 'vitest';
import type { Change, Claim } from '../../server/core/schema-types.js';
import { DEFAULT_DATA_DIR } from '../../server/store/layout.js';
import { PostgresBackend } from '../../server/store/pg/backend.js';
import { importFolder } from '../../server/store/pg/transfer.js';
import { expectAckedWritesDurable } from '../durability/store-checks.js';
import { fireWrites, planWrites, prng } from '../durability/workload.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from './database.js';

const WRITES = 200;
const LANES = 24;
const SCENARIOS = [
  { seed: 7001, window: [0, 3], when: 'very early' },
  { seed: 7919, window: [20, 200], when: 'in the middle' },
  { seed: 8663, window: [WRITES - 40, WRITES - 10], when: 'near the end' },
].filter((s) => !process.env.CRASH_SEED || String(s.seed) === process.env.CRASH_SEED);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => undefined);
});

/** The database as a server loads it: no problems; claims by id, and the changelog. */
async function loadClean(url: string): Promise<{ claims: Map<string, Claim>; changes: Change[] }> {
  const backend = await PostgresBackend.connect(url);
  try {
    const { corpus, problems } = await backend.load();
    expect(problems).toEqual([]);
    const { changes } = await backend.readChangelog();
    return { claims: new Map(corpus.claims.map((c) => [c.id, c])), changes };
  } finally {
    await backend.close();
  }
}

describe.concurrent('kill -9 during concurrent writes on PostgreSQL', () => {
  it.each(SCENARIOS)(
    'seed $seed, killed $when: every acknowledged write survives',
    async ({ seed, window: [from, to] }) => {
      const random = prng(seed);
      const killAt = from! + Math.floor(random() * (to! - from! + 1));
      const db: TestDatabase = await createTestDatabase();
      cleanups.push(() => db.drop());
      const backend = await PostgresBackend.connect(db.url);
      await importFolder(backend, DEFAULT_DATA_DIR).finally(() => backend.close());
      const { claims: original } = await loadClean(db.url);
      const ops = planWrites([...original.values()], WRITES, random);

      const start = async () => {
        const started: ServerProcess = await startServerProcess('', undefined, { env: { DATABASE_URL: db.url, CONCORDANCE_DATA: '' } });
        cleanups.unshift(() => started.kill9());
        return started;
      };
      let server = await start();
      let killed: Promise<void> | undefined;
      const kill = () => (killed ??= server.kill9());
      if (killAt === 0) void kill();
      const run = await fireWrites({ base: server.base, ops, lanes: LANES, onAck: (n) => n >= killAt && void kill() });
      await kill();
      console.log(
        `pg crash seed ${seed}: killed after ${killAt} acks; ${run.acked.length} acknowledged, ${run.unanswered} unanswered, ${run.retried} retried on 412 (replay: CRASH_SEED=${seed})`,
      );
      expect(run.refused).toEqual([]);

      server = await start();
      const { claims, changes } = await loadClean(db.url);
      expectAckedWritesDurable(original, claims, changes, run.acked);

      const target = run.acked.at(-1)?.claim.id ?? [...original.keys()][0]!;
      const version = claims.get(target)!.version ?? 1;
      const reply = await fetch(`${server.base}/api/claims/${target}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify({ action: 'accept' }),
      });
      expect(reply.status, await reply.clone().text()).toBe(200);
      const after = await loadClean(db.url);
      expect(after.changes.at(-1)).toMatchObject({ seq: changes.length + 1, claim: target, after: { version: version + 1 } });
      await server.stop();
    },
    180_000,
  ); // a safety net for a loaded machine, not a speed assertion
});
