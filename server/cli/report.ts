// `npm run report [-- --json]`: the contradictions, grouped by entity and property, then the agreements
// (of graph-data, or of the PostgreSQL store DATABASE_URL names).
import { analyse } from '../analysis/analyse.js';
import { formatProblem } from '../core/model.js';
import { buildReport, formatReport } from '../analysis/report.js';
import { loadConfiguredCorpus } from '../store/pg/select.js';
import { printError, printLine } from './terminal.js';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--json');
if (unknown.length > 0) {
  printError(`report: unknown argument ${unknown.join(' ')}\nusage: npm run report [-- --json]`);
  process.exit(2);
}
const { corpus, problems, description } = await loadConfiguredCorpus();
if (problems.length > 0) {
  for (const p of problems) printError(formatProblem(p));
  printError(`\nreport: ${description} has ${problems.length} problem(s); run npm run validate`);
  process.exit(1);
}
const report = buildReport(analyse(corpus));
printLine(args.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
