// `npm start` / `npm run serve`: serves the API and the built client from one process on PORT (default 3000).
// Local mode (the default): loopback only, no accounts. Team mode (AUTH=on, or any HOST that is
// not loopback): every request names its user (npm run user:add); see README "Security and team mode".
import { createApp } from '../api/app.js';
import { compileWriteSchemasInTurns } from '../core/schemas.js';
import { isLoopbackHost, parseAllowedHosts } from '../api/gate/hosts.js';
import { StoreProblemError } from '../store/repository.js';
import { openConfiguredStore } from '../store/pg/select.js';
import { UserDirectory, usersFileOf } from '../store/users.js';

const port = Number(process.env.PORT ?? 3000);
// Loopback by default: a research notebook should not be reachable from the network unless asked (HOST=0.0.0.0).
const host = process.env.HOST ?? '127.0.0.1';
const auth = process.env.AUTH;
if (auth !== undefined && auth !== 'on' && auth !== 'off') refuse(`AUTH must be "on" or "off", not ${JSON.stringify(auth)}`);
if (auth === 'off' && !isLoopbackHost(host))
  refuse(
    `AUTH=off is allowed on loopback only: HOST=${host} makes the server reachable from the network, where every request must name its user`,
  );
const teamMode = auth === 'on' || !isLoopbackHost(host);
try {
  parseAllowedHosts(process.env.ALLOWED_HOSTS);
} catch (err) {
  refuse((err as Error).message);
}

try {
  const repo = await openConfiguredStore(process.env);
  const users = teamMode ? new UserDirectory(usersFileOf()) : undefined;
  if (users && (await users.count()) === 0) {
    console.warn(`team mode, but ${users.file} has no users yet: add one with npm run user:add -- --name "Your name" --role admin`);
  }
  const app = createApp(repo, {
    allowedHosts: process.env.ALLOWED_HOSTS,
    ...(users ? { auth: { users, secureCookies: process.env.SECURE_COOKIES === 'on' } } : {}),
  });
  const server = app.listen(port, host, () => {
    const { analysis } = repo.snapshot;
    console.log(
      `Concordance: ${analysis.corpus.claims.length} claims from ${analysis.corpus.sources.length} sources, ${analysis.comparisons.filter((c) => c.verdict === 'conflicts').length} conflicts`,
    );
    console.log(teamMode ? `team mode: sign-in required (users in ${users!.file})` : 'local mode: no sign-in (loopback only)');
    console.log(`listening on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);
    // After listening, so the start is not longer: the first review then finds its validators compiled.
    compileWriteSchemasInTurns();
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  if (err instanceof StoreProblemError) refuse(err.message);
  if (process.env.DATABASE_URL) refuse((err as Error).message);
  throw err;
}

function refuse(message: string): never {
  console.error(`refusing to serve: ${message}`);
  process.exit(1);
}
