// `npm run bench:truth`: every method on both public benchmarks in one run (population figures, book
// author lists), scored on each dev gold with 95 % Wilson intervals, Pasternack & Roth's protocol beside
// the all-items figure, a 2-fold split of each gold (settings chosen on one half, scored on the other),
// where the gains come from, and what copy detection found. Writes bench/results/truth.md.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sameValue, wilson } from '../server/truth/accuracy.js';
import { writeCsv } from '../server/truth/csv.js';
import { fnv1a } from '../server/common/hash.js';
import { defaultMethodFor, type MethodName } from '../server/truth/discover.js';
import { contestedGold, factText, peakRssMiB, runMethod, score, type MethodRun, type Scored } from '../server/truth/evaluate.js';
import { buildFactGraph, type FactGraph } from '../server/truth/graph.js';
import { ceilingLines } from './truth-ceiling.js';
import { resolveSettings, type TruthSettingsInput } from '../server/truth/settings.js';
import { readClaimTable, readGold, splitItemKey, type ValueType } from '../server/truth/table.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared/datasets');
const OUT = path.join(ROOT, 'bench', 'results', 'truth.md');
const METHODS: MethodName[] = ['vote', 'truthfinder', 'accu', 'accucopy'];

interface Dataset {
  name: string;
  claims: string;
  gold: string;
  /** Target on held-out data, and the gold subset it is stated on. */
  target: { value: number; on: 'all' | 'contested'; published: string };
  /** The dataset's own scorer, run on the written result as a cross-check of ours. */
  scorer?: string;
}

const DATASETS: Dataset[] = [
  {
    name: 'books',
    claims: path.join(SHARED, 'books/books_claims.csv'),
    gold: path.join(SHARED, 'books/books_truth_dev.csv'),
    target: { value: 0.9, on: 'all', published: 'AccuSim 0.89 (Dong et al. 2009, full 100-book gold)' },
    scorer: path.join(SHARED, 'books/score.mjs'),
  },
  {
    name: 'population',
    claims: path.join(SHARED, 'population/population_claims.csv'),
    gold: path.join(SHARED, 'population/population_truth_dev.csv'),
    target: { value: 0.87, on: 'contested', published: 'best unsupervised 0.861 (MistakeLCAm, Pasternack & Roth 2013)' },
  },
];

/** What the figures mean, per dataset: written by hand after reading the tables below, kept with the code that makes them. */
const NOTES: Record<string, string[]> = {
  books: [
    "Reading the lists is most of the gain: vote over the lists as parsed here is already 0.88, against about 0.70 for vote over lightly normalised strings (the dataset's README) and the published 0.71. The parser (server/core/persons.ts) and the table's register (server/truth/person-values.ts) were written while reading this dev gold's misses (run-together names, broken accents, first-author-only lists, affiliations); their rules are general (no store, book or author is named), but the 50 items are not untouched by that reading. The parser has not changed since commit 3d9eae0 and every figure here is from it; the 2-fold split below chooses the numeric settings (method, dampening, priorStrength, copyPrior) on one half and scores them on the other, but it cannot undo the parser's reading of both halves, so 0.960 is optimistic by an unknown margin. The test half of the gold (not in this copy) is the clean check.",
    'TruthFinder, Accu and AccuSim all win the items where stores listing the first author only outnumber the full list: a partial list supports the full one by its share of the persons (setSupport) and does not contradict it, and the stores that truncate lose trust on the books where full lists win. The remaining misses are listed above: a book whose gold list (seven authors) no store gives, and one where the full lists are outnumbered by shorter or longer ones.',
  ],
  population: [
    "Against the P&R target (0.87 = 123 of 141): the default reaches the published level of TruthFinder and the best unsupervised method (0.858, 121/141) but not 0.87. The misses above are the items that block it: mostly a value outnumbered by others, or a tie against a lone contributor whom nothing else corroborates. The bound from the previous analysis stands: a cheat that reads every source's accuracy off the gold reaches only 0.825 on all items, because most contributors (each IP address a source) make one edit and their trust cannot be learned. The next section counts the misses and moves each setting of the default: none reaches 123. Read by hand, the 20 misses split into 11 where the gold value is outnumbered (a minority no method here trusts over a majority), 5 ties between lone contributors whom nothing else corroborates (a coin toss at best), and 4 where one contributor with a long record beats two who agree; 13 of the 20 involve the most prolific contributor (25,820 edits, learned trust 0.52), which sides with the gold in 5 and against it in 8, so neither trusting nor discounting it gains two items without losing others.",
    "Copy detection converges here too now, but it loses accuracy (table below): the pairs it finds are real copying (a bot and the editors who take its figures: see the pairs below), and the gold follows the bot, so discounting the editors who agree with it hands contested items to the lone contributor against them. That is why numbers keep TruthFinder as their default and person lists, where stores copy each other's mistakes, use accucopy.",
  ],
};

const s2 = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
function figure(correct: number, total: number): string {
  const [lo, hi] = wilson(correct, total);
  return `${(correct / Math.max(1, total)).toFixed(3)} (${correct}/${total}; ${lo.toFixed(2)}–${hi.toFixed(2)})`;
}

/** Half 0 or 1 of a gold by a fixed hash of the item key: independent of row order and of the values. */
const halfOf = (item: string): number => fnv1a(item) & 1;

function rightOn(answers: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>, type: ValueType): number {
  let n = 0;
  for (const [item, value] of gold) if (answers.has(item) && sameValue(answers.get(item)!, value, type)) n++;
  return n;
}

/**
 * Candidate settings for the split: the value type's default method first (a tie keeps the earlier, so
 * the product's default wins unless another candidate does better on the training half), the other
 * methods' defaults, then a small grid per method.
 */
function candidates(type: ValueType): { label: string; method: MethodName; settings: TruthSettingsInput }[] {
  const first = defaultMethodFor(type);
  const methods = [first, ...METHODS.filter((m) => m !== 'vote' && m !== first)];
  const out: { label: string; method: MethodName; settings: TruthSettingsInput }[] = methods.map((method) => ({
    label: `${method} (defaults)`,
    method,
    settings: {},
  }));
  for (const dampening of [1.5, 3])
    out.push({ label: `truthfinder dampening ${dampening}`, method: 'truthfinder', settings: { truthfinder: { dampening } } });
  for (const priorStrength of [0.5, 2])
    out.push({ label: `accu priorStrength ${priorStrength}`, method: 'accu', settings: { accu: { priorStrength } } });
  for (const copyPrior of [0.05, 0.3])
    out.push({ label: `accucopy copyPrior ${copyPrior}`, method: 'accucopy', settings: { accu: { copyPrior } } });
  return out;
}

type Situation =
  | 'absent from the claims'
  | 'gold value stated by no source'
  | 'gold value has the most sources'
  | 'gold value tied for the most sources'
  | 'gold value outnumbered';

function situationOf(graph: FactGraph, texts: readonly string[], item: number | undefined, value: string, type: ValueType): Situation {
  if (item === undefined) return 'absent from the claims';
  let goldCount = -1;
  let best = 0;
  let bestTimes = 0;
  for (let f = graph.itemFactStart[item]!; f < graph.itemFactStart[item + 1]!; f++) {
    const n = graph.factSourceStart[f + 1]! - graph.factSourceStart[f]!;
    if (sameValue(factText(graph, texts, f), value, type)) goldCount = n;
    if (n > best) [best, bestTimes] = [n, 1];
    else if (n === best) bestTimes++;
  }
  if (goldCount < 0) return 'gold value stated by no source';
  if (goldCount < best) return 'gold value outnumbered';
  return bestTimes > 1 ? 'gold value tied for the most sources' : 'gold value has the most sources';
}

interface Context {
  graph: FactGraph;
  texts: string[];
  gold: Map<string, string>;
  contested: Map<string, string>;
  type: ValueType;
  index: Map<string, number>;
}

function breakdown(c: Context, runs: Scored[]): string[] {
  const groups = new Map<Situation, string[]>();
  for (const [item, value] of c.gold) {
    const key = situationOf(c.graph, c.texts, c.index.get(item), value, c.type);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const rows = [`| gold items | count | ${runs.map((r) => r.method).join(' | ')} |`, `|---|---|${runs.map(() => '---').join('|')}|`];
  for (const [situation, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const right = runs.map((r) => rightOn(r.answers, new Map(items.map((i) => [i, c.gold.get(i)!])), c.type));
    rows.push(`| ${situation} | ${items.length} | ${right.map((n) => `${n} right`).join(' | ')} |`);
  }
  return rows;
}

/** Settings chosen on one half of the gold, scored on the other, both ways; held-out totals with intervals. */
function split(c: Context): { lines: string[]; heldOut: { all: number; contested: number } } {
  const results = candidates(c.type).map((k) => ({
    ...k,
    answers: runMethod(c.graph, c.texts, k.method, resolveSettings(k.settings)).answers,
  }));
  const halves = [0, 1].map((h) => new Map([...c.gold].filter(([item]) => halfOf(item) === h)));
  const contestedHalves = halves.map((h) => new Map([...h].filter(([item]) => c.contested.has(item))));
  let heldOut = 0;
  let heldOutContested = 0;
  const picks: string[] = [];
  for (const test of [0, 1]) {
    const train = halves[1 - test]!;
    let best = results[0]!;
    for (const r of results) if (rightOn(r.answers, train, c.type) > rightOn(best.answers, train, c.type)) best = r;
    heldOut += rightOn(best.answers, halves[test]!, c.type);
    heldOutContested += rightOn(best.answers, contestedHalves[test]!, c.type);
    picks.push(
      `chosen on half ${'AB'[1 - test]} (${train.size} items): ${best.label}, ${rightOn(best.answers, train, c.type)}/${train.size} there, ${rightOn(best.answers, halves[test]!, c.type)}/${halves[test]!.size} on half ${'AB'[test]}`,
    );
  }
  const lines = [
    `${results.length} candidates (the default for the value type first, each method's defaults, a small grid). ${picks.join('; ')}.`,
    '',
    `**Held-out accuracy** (each half scored with settings chosen on the other): all gold items ${figure(heldOut, c.gold.size)}; contested items whose gold value some source states ${figure(heldOutContested, c.contested.size)}.`,
  ];
  return { lines, heldOut: { all: heldOut / c.gold.size, contested: heldOutContested / Math.max(1, c.contested.size) } };
}

/** The copy relations found by the default copy-detecting run, and how they move with the prior. */
function copyReport(c: Context, run: MethodRun): string[] {
  const deps = run.output.dependences ?? [];
  const likely = deps.filter((d) => d.probability >= 0.5).sort((a, b) => b.sameOnDisputed - a.sameOnDisputed);
  const lines = [
    `Pairs of sources sharing at least 3 items: ${deps.length.toLocaleString('en-US')}; judged likely dependent (posterior ≥ 0.5): ${likely.length.toLocaleString('en-US')}; rounds of re-judging: ${run.output.convergence.rounds ?? '-'}, converged ${run.output.convergence.converged}.`,
    '',
  ];
  if (likely.length > 0) {
    lines.push(
      '| source | source | posterior | shared items | disputed | same value on disputed | same likely-false value |',
      '|---|---|---|---|---|---|---|',
    );
    for (const d of likely.slice(0, 8)) {
      lines.push(
        `| ${c.graph.sources[d.a]} | ${c.graph.sources[d.b]} | ${d.probability.toFixed(3)} | ${d.shared} | ${d.disputed} | ${d.sameOnDisputed} | ${d.sameFalse} |`,
      );
    }
    lines.push('');
  }
  const rows = ['| copyPrior | accuracy (all) | P&R protocol | dependent pairs | iterations | converged |', '|---|---|---|---|---|---|'];
  for (const copyPrior of [0.05, 0.1, 0.2, 0.3]) {
    const r = runMethod(c.graph, c.texts, 'accucopy', resolveSettings({ accu: { copyPrior } }));
    const dependent = (r.output.dependences ?? []).filter((d) => d.probability >= 0.5).length;
    rows.push(
      `| ${copyPrior} | ${figure(rightOn(r.answers, c.gold, c.type), c.gold.size)} | ${figure(rightOn(r.answers, c.contested, c.type), c.contested.size)} | ${dependent} | ${r.output.convergence.iterations} | ${r.output.convergence.converged} |`,
    );
  }
  return [...lines, ...rows];
}

/** The dataset's own scorer on the default method's written answers: a check on our scoring. */
async function officialScore(d: Dataset, c: Context, run: MethodRun): Promise<string | undefined> {
  if (!d.scorer) return undefined;
  const file = path.join(os.tmpdir(), `truth-bench-${process.pid}-${d.name}.csv`);
  await writeCsv(
    file,
    ['ObjectID', 'PropertyID', 'PropertyValue'],
    c.graph.items.map((item) => [...splitItemKey(item), run.answers.get(item)!]),
  );
  return execFileSync(process.execPath, [d.scorer, file, d.gold], { encoding: 'utf8' }).trim();
}

/** Sources stating a value equal to `value` on item i (0 when none does). */
function sourcesFor(c: Context, i: number, value: string): number {
  for (let f = c.graph.itemFactStart[i]!; f < c.graph.itemFactStart[i + 1]!; f++) {
    if (sameValue(factText(c.graph, c.texts, f), value, c.type)) return c.graph.factSourceStart[f + 1]! - c.graph.factSourceStart[f]!;
  }
  return 0;
}

/** Every gold item the default method gets wrong: what blocks a higher figure. */
function misses(c: Context, run: MethodRun): string[] {
  const rows = ['| item | situation | chosen (sources) | gold (sources) | P&R item |', '|---|---|---|---|---|'];
  const cell = (text: string): string => text.replaceAll('|', '/').replaceAll('\u001f', ' / ');
  for (const [item, value] of c.gold) {
    const answer = run.answers.get(item);
    if (answer !== undefined && sameValue(answer, value, c.type)) continue;
    const i = c.index.get(item);
    const situation = situationOf(c.graph, c.texts, i, value, c.type);
    const chosen = i === undefined ? '-' : `${cell(answer!)} (${sourcesFor(c, i, answer!)})`;
    const gold = `${cell(value)} (${i === undefined ? 0 : sourcesFor(c, i, value)})`;
    rows.push(`| ${cell(item)} | ${situation} | ${chosen} | ${gold} | ${c.contested.has(item) ? 'yes' : 'no'} |`);
  }
  return rows;
}

async function bench(d: Dataset): Promise<{ lines: string[]; summary: string }> {
  const started = performance.now();
  const table = await readClaimTable(d.claims);
  const gold = await readGold(d.gold);
  const readMs = performance.now() - started;
  const types = [...table.valueTypes.values()];
  const type: ValueType = types.every((t) => t === 'persons') ? 'persons' : 'number';
  const settings = resolveSettings();
  const graphStart = performance.now();
  const graph = buildFactGraph(table.observations, settings.similarity);
  const graphMs = performance.now() - graphStart;
  const c: Context = {
    graph,
    texts: table.texts,
    gold,
    contested: contestedGold(graph, table.texts, gold, type),
    type,
    index: new Map(graph.items.map((item, i) => [item, i])),
  };
  const runs = METHODS.map((m) => runMethod(graph, table.texts, m, settings));
  const all = runs.map((r) => score(graph, table.texts, r, gold, type));
  const pr = runs.map((r) => score(graph, table.texts, r, c.contested, type));
  const chosen = defaultMethodFor(type);
  const reach = [...gold].filter(
    ([item]) =>
      situationOf(graph, table.texts, c.index.get(item), gold.get(item)!, type).startsWith('gold value') &&
      !situationOf(graph, table.texts, c.index.get(item), gold.get(item)!, type).includes('no source'),
  ).length;
  const official = await officialScore(d, c, runs[METHODS.indexOf(chosen)]!);
  const rows = [
    '| method | accuracy, all gold items (95 % CI) | random ties | contested, gold value stated (P&R) | random ties | time | iterations | converged |',
    '|---|---|---|---|---|---|---|---|',
  ];
  runs.forEach((r, i) => {
    const cv = r.output.convergence;
    const name = r.method === chosen ? `**${r.method}** (default for ${type === 'persons' ? 'person lists' : 'numbers'})` : r.method;
    rows.push(
      `| ${name} | ${figure(all[i]!.accuracy.correct, gold.size)} | ${all[i]!.expectedWithRandomTies.toFixed(3)} | ${figure(pr[i]!.accuracy.correct, c.contested.size)} | ${pr[i]!.expectedWithRandomTies.toFixed(3)} | ${s2(r.milliseconds)} | ${r.method === 'vote' ? 1 : cv.iterations} | ${r.method === 'vote' ? '-' : cv.converged} |`,
    );
  });
  const { lines: splitLines, heldOut } = split(c);
  const heldOutLine = splitLines.at(-1)!;
  const lines = [
    `## ${d.name}`,
    '',
    `${table.observations.length.toLocaleString('en-US')} claims read as ${type === 'persons' ? 'person lists' : 'numbers'}${table.skipped > 0 ? ` (${table.skipped} rows naming no one left out)` : ''}, ${graph.items.length.toLocaleString('en-US')} items, ${graph.sources.length.toLocaleString('en-US')} sources; dev gold ${gold.size} items, ${all[0]!.accuracy.missing} absent from the claims (counted wrong); ${c.contested.size} contested with the gold value stated (Pasternack & Roth's protocol). Ceiling (gold value stated by some source): ${figure(reach, gold.size)}.`,
    `Reading and parsing the CSV ${s2(readMs)}, compiling the fact graph ${s2(graphMs)}.`,
    '',
    ...rows,
    '',
    ...(official ? [`The dataset's own scorer on the default method's written answers: \`${official}\`.`, ''] : []),
    '### 2-fold split of the dev gold',
    '',
    ...splitLines,
    '',
    '### Where the gains come from',
    '',
    ...breakdown(c, all),
    '',
    `### Misses of the default method (${chosen})`,
    '',
    ...misses(c, runs[METHODS.indexOf(chosen)]!),
    '',
    ...(NOTES[d.name] ?? []),
    '',
    ...(heldOut[d.target.on] < d.target.value
      ? ['### Why the target is not reached', '', ...ceilingLines(c, runs, chosen, d.target.value)]
      : []),
    '### Copy detection (accucopy)',
    '',
    ...copyReport(c, runs[METHODS.indexOf('accucopy')]!),
    '',
  ];
  const target = d.target.on === 'all' ? 'all items' : 'the P&R protocol';
  return {
    lines,
    summary: `${d.name}: target ${d.target.value} on ${target} (published: ${d.target.published}). ${heldOutLine.replace('**Held-out accuracy** ', 'Held-out ')}`,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const load = os.loadavg()[0]!.toFixed(1);
  const sections: string[] = [];
  const summaries: string[] = [];
  for (const d of DATASETS) {
    const { lines, summary } = await bench(d);
    sections.push(...lines);
    summaries.push(`- ${summary}`);
  }
  const text = [
    '# Truth discovery benchmark: books (author lists) and population (figures)',
    '',
    `Run ${new Date().toISOString()} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}; load average ${load} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end (the machine is shared: times are noisy). Whole run ${s2(performance.now() - started)}, peak RSS ${peakRssMiB().toFixed(0)} MiB.`,
    'Accuracy figures carry a 95 % Wilson interval: on 50 or 154 items a few items are within noise. "Random ties" is the expected accuracy if exact ties were coin tosses (the vote baseline as the datasets define it). The method is picked by value type, never by file: person lists use accucopy, numbers truthfinder.',
    '',
    '## Against the targets (data no setting was chosen on)',
    '',
    ...summaries,
    '',
    ...sections,
  ].join('\n');
  await mkdir(path.dirname(OUT), { recursive: true });
  await writeFile(OUT, `${text}\n`);
  process.stdout.write(`${text}\n`);
  process.stderr.write(`wrote ${path.relative(ROOT, OUT)}\n`);
}

await main();
