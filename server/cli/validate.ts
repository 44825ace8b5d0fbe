// `npm run validate`: checks all of graph-data/ (or the PostgreSQL store DATABASE_URL names) and
// prints every problem with file and record id.
import { formatProblem } from '../core/model.js';
import { loadConfiguredCorpus } from '../store/pg/select.js';
import { printError, printLine } from './terminal.js';

const { corpus, problems, description } = await loadConfiguredCorpus();
for (const p of problems) printError(formatProblem(p));
const counts = `${corpus.sources.length} sources, ${corpus.entities.length} entities, ${corpus.properties.length} properties, ${corpus.claims.length} claims, ${corpus.judgements.length} judgements`;
if (problems.length > 0) {
  printError(`\n${problems.length} problem(s) in ${description} (${counts})`);
  process.exit(1);
}
printLine(`${description} is valid: ${counts}`);
