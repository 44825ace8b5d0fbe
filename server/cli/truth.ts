// `npm run truth -- --claims <file.csv> [--truth <gold.csv>] [--method ...] [--values number|persons|text] [--out <result.csv>]`
// Picks one value per (ObjectID, PropertyID) from conflicting claims. The value type comes from the
// property's name (authors: person lists) or --values, and picks the default method. With --truth it
// prints the accuracy on all gold items and on the contested ones (Pasternack & Roth's protocol) next to
// majority vote's on the same run, the time and the peak memory.
// Bad input (missing file or column, malformed CSV, unknown option) exits 1 with one line on stderr.
import { parseArgs } from 'node:util';
import { TruthInputError, writeCsv } from '../truth/csv.js';
import { wilson } from '../truth/accuracy.js';
import { defaultMethodFor, isMethodName, METHOD_NAMES, type MethodName } from '../truth/discover.js';
import { contestedGold, peakRssMiB, runMethod, score, type MethodRun, type Scored } from '../truth/evaluate.js';
import { buildFactGraph } from '../truth/graph.js';
import { resolveSettings } from '../truth/settings.js';
import { readClaimTable, readGold, splitItemKey, VALUE_TYPES, type ValueType } from '../truth/table.js';
import { printError, printLine } from './terminal.js';

const USAGE = `usage: npm run truth -- --claims <file.csv> [--truth <gold.csv>] [--method ${METHOD_NAMES.join('|')}] [--values ${VALUE_TYPES.join('|')}] [--out <result.csv>]
  --claims  CSV with the columns ObjectID, PropertyID, PropertyValue, SourceID (others ignored)
  --truth   gold CSV (ObjectID, PropertyID, PropertyValue): print accuracy, with majority vote's beside it
  --method  truthfinder, accu, accucopy (Dong et al. 2009, with copy detection) or vote (majority);
            default by value type: truthfinder for numbers and text, accucopy for person lists
  --values  the value type of every property; default from the property's name (authors, editors,
            commanders...: person lists; anything else: numbers where numerals, text otherwise)
  --out     write ObjectID,PropertyID,PropertyValue,Confidence; without --out and --truth the CSV goes to stdout`;

interface Args {
  claims: string;
  truth?: string;
  method?: MethodName;
  values?: ValueType;
  out?: string;
}

function parse(argv: string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        claims: { type: 'string' },
        truth: { type: 'string' },
        method: { type: 'string' },
        values: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new TruthInputError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    printLine(USAGE);
    process.exit(0);
  }
  if (!values.claims) throw new TruthInputError(`--claims <file.csv> is required\n${USAGE}`);
  const method = values.method;
  if (method !== undefined && !isMethodName(method))
    throw new TruthInputError(`unknown method "${method}" (known: ${METHOD_NAMES.join(', ')})`);
  const type = values.values;
  if (type !== undefined && !(VALUE_TYPES as readonly string[]).includes(type))
    throw new TruthInputError(`unknown value type "${type}" (known: ${VALUE_TYPES.join(', ')})`);
  return {
    claims: values.claims,
    ...(method ? { method } : {}),
    ...(type ? { values: type as ValueType } : {}),
    ...(values.truth ? { truth: values.truth } : {}),
    ...(values.out ? { out: values.out } : {}),
  };
}

const OUT_HEADER = ['ObjectID', 'PropertyID', 'PropertyValue', 'Confidence'];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const status = (line: string): void => printError(`truth: ${line}`);

function resultRows(run: MethodRun, items: readonly string[]): Iterable<string[]> {
  return items.map((item, i) => {
    const [object, property] = splitItemKey(item);
    const f = run.chosen[i]!;
    return [object, property, run.answers.get(item)!, run.output.factConfidence[f]!.toFixed(4)];
  });
}

function interval(correct: number, total: number): string {
  const [lo, hi] = wilson(correct, total);
  return `95 % ${lo.toFixed(2)}-${hi.toFixed(2)}`;
}

function describe(s: Scored, contested: Scored | undefined): string {
  const a = s.accuracy;
  const missing = a.missing > 0 ? `, ${a.missing} gold items absent from the claims counted wrong` : '';
  const c = s.output.convergence;
  const iterations =
    s.method === 'vote' ? '' : `, ${c.iterations} iterations, final delta ${c.delta.toExponential(2)}, converged ${c.converged}`;
  const pr = contested
    ? `; contested gold items whose value some source states (Pasternack & Roth): ${contested.accuracy.accuracy.toFixed(4)} (${contested.accuracy.correct}/${contested.accuracy.total}, ${interval(contested.accuracy.correct, contested.accuracy.total)}), random ties ${contested.expectedWithRandomTies.toFixed(4)}`
    : '';
  return `${s.method.padEnd(11)} accuracy ${a.accuracy.toFixed(4)} (${a.correct}/${a.total}${missing}, ${interval(a.correct, a.total)}); with random tie-breaking ${s.expectedWithRandomTies.toFixed(4)}${pr}; ${seconds(s.milliseconds)}${iterations}`;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const started = performance.now();
  const table = await readClaimTable(args.claims, {
    ...(args.values ? { valueType: args.values } : {}),
    onProgress: (p) =>
      status(`read ${p.rows.toLocaleString('en-US')} rows (${((100 * p.bytes) / Math.max(1, p.totalBytes)).toFixed(0)} %)`),
  });
  const gold = args.truth ? await readGold(args.truth) : undefined;
  const settings = resolveSettings();
  const graph = buildFactGraph(table.observations, settings.similarity);
  status(
    `${table.observations.length.toLocaleString('en-US')} claims, ${graph.items.length.toLocaleString('en-US')} items, ${graph.sources.length.toLocaleString('en-US')} sources (${seconds(performance.now() - started)})`,
  );

  const types = [...table.valueTypes.values()];
  const type: ValueType = types.length > 0 && types.every((t) => t === 'persons') ? 'persons' : 'number';
  const method = args.method ?? defaultMethodFor(type);
  if (type === 'persons')
    status(`values read as person lists (${table.skipped.toLocaleString('en-US')} rows naming no one left out); method ${method}`);
  const run = runMethod(graph, table.texts, method, settings);
  const c = run.output.convergence;
  status(
    `${method}: ${c.iterations} iteration(s), final delta ${c.delta.toExponential(2)}, converged ${c.converged} (${seconds(run.milliseconds)})`,
  );
  if (args.out) {
    await writeCsv(args.out, OUT_HEADER, resultRows(run, graph.items));
    status(`wrote ${graph.items.length.toLocaleString('en-US')} rows to ${args.out}`);
  }
  if (gold) {
    const contested = contestedGold(graph, table.texts, gold, type);
    const runs = [run];
    if (method !== 'vote') runs.push(runMethod(graph, table.texts, 'vote', settings));
    for (const r of runs) printLine(describe(score(graph, table.texts, r, gold, type), score(graph, table.texts, r, contested, type)));
    printLine(`total time ${seconds(performance.now() - started)}, peak memory ${peakRssMiB().toFixed(0)} MiB (RSS)`);
  } else if (!args.out) {
    await writeCsv(undefined, OUT_HEADER, resultRows(run, graph.items));
  }
  status(`done in ${seconds(performance.now() - started)}, peak memory ${peakRssMiB().toFixed(0)} MiB`);
}

main().catch((error: unknown) => {
  if (error instanceof TruthInputError) printError(`truth: ${error.message}`);
  else printError(`truth: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
