// `npm run validate`: checks all of graph-data/ and prints every problem with file and record id.
import { formatProblem } from '../core/model.js';
import { loadStore } from '../store/load.js';
import { printError, printLine } from './terminal.js';

const { corpus, problems } = await loadStore(process.env.CONCORDANCE_DATA);
for (const p of problems) printError(formatProblem(p));
const counts = `${corpus.sources.length} sources, ${corpus.entities.length} entities, ${corpus.properties.length} properties, ${corpus.claims.length} claims, ${corpus.judgements.length} judgements`;
if (problems.length > 0) {
  printError(`\n${problems.length} problem(s) in graph-data (${counts})`);
  process.exit(1);
}
printLine(`graph-data is valid: ${counts}`);
