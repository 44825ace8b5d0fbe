// `npm run validate`: checks all of graph-data/ and prints every problem with file and record id.
import { formatProblem } from '../core/model.js';
import { loadStore } from '../store/load.js';

const { corpus, problems } = await loadStore(process.env.CONCORDANCE_DATA);
for (const p of problems) console.error(formatProblem(p));
const counts = `${corpus.sources.length} sources, ${corpus.entities.length} entities, ${corpus.properties.length} properties, ${corpus.claims.length} claims, ${corpus.judgements.length} judgements`;
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) in graph-data (${counts})`);
  process.exit(1);
}
console.log(`graph-data is valid: ${counts}`);
