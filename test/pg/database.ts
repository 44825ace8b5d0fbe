// A fresh PostgreSQL database per test file, on the server the developers' and CI machines run
// (127.0.0.1:5432, user postgres, trust auth; PG_TEST_ADMIN_URL to use another). No server is a
// failure naming how to get one, never a silent skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const ADMIN_URL = process.env.PG_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `no PostgreSQL server answers at ${ADMIN_URL} (${(err as Error).message}). The PostgreSQL tests need one: ` +
        'on Debian `apt-get install postgresql` then `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` ' +
        '(.ci/run does this), with trust auth for user postgres on 127.0.0.1; or point PG_TEST_ADMIN_URL at a server you may create databases on.',
      { cause: err },
    );
  }
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `concordance_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
