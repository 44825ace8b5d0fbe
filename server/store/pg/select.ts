// Which store a process serves or a command reads: PostgreSQL when DATABASE_URL names one, else the
// graph-data folder (CONCORDANCE_DATA, or the bundled one): the zero-configuration default.
import type { Loaded } from '../backend.js';
import { loadStore } from '../load.js';
import { Repository } from '../repository.js';

export interface StoreChoice {
  DATABASE_URL?: string | undefined;
  CONCORDANCE_DATA?: string | undefined;
}

export function databaseUrlOf(env: StoreChoice): string | undefined {
  const url = env.DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, not ${JSON.stringify(url.split(':')[0])}…`);
  return url;
}

export async function openConfiguredStore(env: StoreChoice = process.env): Promise<Repository> {
  const url = databaseUrlOf(env);
  if (!url) return Repository.open(env.CONCORDANCE_DATA);
  if (env.CONCORDANCE_DATA)
    console.warn(`DATABASE_URL is set: serving the PostgreSQL store, not the folder CONCORDANCE_DATA=${env.CONCORDANCE_DATA}`);
  // Loaded only when asked for: the folder store's start does not pay for the driver.
  const { PostgresBackend } = await import('./backend.js');
  const backend = await PostgresBackend.connect(url);
  try {
    return await Repository.openBackend(backend);
  } catch (err) {
    await backend.close();
    throw err;
  }
}

/** The records of the configured store, for the commands that read it whole (validate, report, export): what they are and where they come from. */
export async function loadConfiguredCorpus(env: StoreChoice = process.env): Promise<Loaded & { description: string }> {
  const url = databaseUrlOf(env);
  if (!url) {
    const { corpus, problems } = await loadStore(env.CONCORDANCE_DATA);
    return { corpus, problems, description: 'graph-data' };
  }
  const { PostgresBackend } = await import('./backend.js');
  const backend = await PostgresBackend.connect(url);
  try {
    return { ...(await backend.load()), description: backend.description };
  } finally {
    await backend.close();
  }
}
