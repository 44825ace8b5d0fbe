// `npm start` / `npm run serve`: serves the API and the built client from one process on PORT (default 3000).
import { createApp } from '../api/app.js';
import { Repository, StoreProblemError } from '../store/repository.js';

const port = Number(process.env.PORT ?? 3000);
// Loopback by default: a research notebook should not be reachable from the network unless asked (HOST=0.0.0.0).
const host = process.env.HOST ?? '127.0.0.1';
try {
  const repo = await Repository.open(process.env.CONCORDANCE_DATA);
  const server = createApp(repo).listen(port, host, () => {
    const { analysis } = repo.snapshot;
    console.log(`Concordance: ${analysis.corpus.claims.length} claims from ${analysis.corpus.sources.length} sources, ${analysis.comparisons.filter((c) => c.verdict === 'conflicts').length} conflicts`);
    console.log(`listening on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  if (err instanceof StoreProblemError) {
    console.error(`refusing to serve: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
