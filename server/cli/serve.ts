// `npm start` / `npm run serve`: serves the API and the built client from one process on PORT (default 3000).
import { createApp } from '../api/app.js';
import { Repository, StoreProblemError } from '../store/repository.js';

const port = Number(process.env.PORT ?? 3000);
try {
  const repo = await Repository.open(process.env.CONCORDANCE_DATA);
  const server = createApp(repo).listen(port, () => {
    const { analysis } = repo.snapshot;
    console.log(`Concordance: ${analysis.corpus.claims.length} claims from ${analysis.corpus.sources.length} sources, ${analysis.comparisons.filter((c) => c.verdict === 'conflicts').length} conflicts`);
    console.log(`listening on http://localhost:${port}`);
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
