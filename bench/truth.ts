// `npm run bench:truth`: both methods on the full population dataset, scored on the dev gold.
// Writes bench/results/truth.md and prints the same text.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sameValue } from '../server/truth/accuracy.js';
import { factText, peakRssMiB, runMethod, score, type Scored } from '../server/truth/evaluate.js';
import { buildFactGraph, type FactGraph } from '../server/truth/graph.js';
import { resolveSettings, type TruthFinderSettings, type TruthSettings } from '../server/truth/settings.js';
import { readClaimTable, readGold } from '../server/truth/table.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(ROOT, '../shared/datasets/population');
const OUT = path.join(ROOT, 'bench', 'results', 'truth.md');

const ms = (x: number): string => `${(x / 1000).toFixed(2)} s`;
const acc = (s: Scored): string => `${s.accuracy.accuracy.toFixed(3)} (${s.accuracy.correct}/${s.accuracy.total})`;

/** Share of gold items whose value some source states: no method that picks a stated value can beat it. */
function ceiling(graph: FactGraph, texts: readonly string[], gold: ReadonlyMap<string, string>): number {
  const index = new Map(graph.items.map((item, i) => [item, i]));
  let reachable = 0;
  for (const [item, value] of gold) {
    const i = index.get(item);
    if (i === undefined) continue;
    for (let f = graph.itemFactStart[i]!; f < graph.itemFactStart[i + 1]!; f++) {
      if (sameValue(factText(graph, texts, f), value)) {
        reachable++;
        break;
      }
    }
  }
  return reachable / gold.size;
}

function settingsTable(settings: TruthSettings): string[] {
  const rows = ['| setting | value |', '|---|---|'];
  for (const [section, values] of Object.entries(settings)) {
    for (const [name, value] of Object.entries(values as Record<string, number>)) rows.push(`| ${section}.${name} | ${value} |`);
  }
  return rows;
}

type Situation = 'absent from the claims' | 'gold value stated by no source' | 'gold value has the most sources' | 'gold value tied for the most sources' | 'gold value outnumbered';

/** Where each gold item stands before any method runs: how many sources back the gold value. */
function situationOf(graph: FactGraph, texts: readonly string[], item: number | undefined, value: string): Situation {
  if (item === undefined) return 'absent from the claims';
  let goldCount = -1;
  let best = 0;
  let bestTimes = 0;
  for (let f = graph.itemFactStart[item]!; f < graph.itemFactStart[item + 1]!; f++) {
    const n = graph.factSourceStart[f + 1]! - graph.factSourceStart[f]!;
    if (sameValue(factText(graph, texts, f), value)) goldCount = n;
    if (n > best) [best, bestTimes] = [n, 1];
    else if (n === best) bestTimes++;
  }
  if (goldCount < 0) return 'gold value stated by no source';
  if (goldCount < best) return 'gold value outnumbered';
  return bestTimes > 1 ? 'gold value tied for the most sources' : 'gold value has the most sources';
}

/** Accuracy of each method per situation: where the gains over vote come from, and what no method can fix. */
function breakdown(graph: FactGraph, texts: readonly string[], gold: ReadonlyMap<string, string>, runs: Scored[]): string[] {
  const index = new Map(graph.items.map((item, i) => [item, i]));
  const groups = new Map<Situation, string[]>();
  for (const [item, value] of gold) {
    const key = situationOf(graph, texts, index.get(item), value);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const rows = [`| gold items | count | ${runs.map((r) => r.method).join(' | ')} |`, `|---|---|${runs.map(() => '---').join('|')}|`];
  for (const [situation, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const right = runs.map((r) => items.filter((item) => r.answers.has(item) && sameValue(r.answers.get(item)!, gold.get(item)!)).length);
    rows.push(`| ${situation} | ${items.length} | ${right.map((n) => `${n} right`).join(' | ')} |`);
  }
  return rows;
}

/**
 * An upper bound for any method that weighs sources by their accuracy: a cheat that knows each
 * source's accuracy on the other gold items (leave-one-out, smoothed) and takes a log-odds vote.
 * Uses the gold, so it is analysis only; the methods never see the gold.
 */
function oracleTrustBound(graph: FactGraph, texts: readonly string[], gold: ReadonlyMap<string, string>): number {
  const index = new Map(graph.items.map((item, i) => [item, i]));
  const record = new Map<number, { right: number; total: number }>();
  const statements: { item: number; fact: number; source: number; right: boolean }[] = [];
  for (const [key, value] of gold) {
    const item = index.get(key);
    if (item === undefined) continue;
    for (let f = graph.itemFactStart[item]!; f < graph.itemFactStart[item + 1]!; f++) {
      const right = sameValue(factText(graph, texts, f), value);
      for (let j = graph.factSourceStart[f]!; j < graph.factSourceStart[f + 1]!; j++) {
        const source = graph.factSources[j]!;
        const r = record.get(source) ?? { right: 0, total: 0 };
        record.set(source, { right: r.right + (right ? 1 : 0), total: r.total + 1 });
        statements.push({ item, fact: f, source, right });
      }
    }
  }
  const scores = new Map<number, number>();
  for (const st of statements) {
    const r = record.get(st.source)!;
    const t = (r.right - (st.right ? 1 : 0) + 0.5) / (r.total - 1 + 1);
    scores.set(st.fact, (scores.get(st.fact) ?? 0) + Math.log(t / (1 - t)));
  }
  let correct = 0;
  for (const [key, value] of gold) {
    const item = index.get(key);
    if (item === undefined) continue;
    let best = -1;
    for (let f = graph.itemFactStart[item]!; f < graph.itemFactStart[item + 1]!; f++) if (best < 0 || scores.get(f)! > scores.get(best)!) best = f;
    if (sameValue(factText(graph, texts, best), value)) correct++;
  }
  return correct / gold.size;
}

const ABLATIONS: [string, Partial<TruthFinderSettings>][] = [
  ['defaults', {}],
  ['paper votes -ln(1 - t) instead of log-odds', { logOddsVotes: false }],
  ['no leave-one-out (a source vouches for itself)', { leaveOneOut: false }],
  ['no prior (priorStrength 0)', { priorStrength: 0 }],
  [
    'TruthFinder as published (t0 0.9, gamma 0.3, rho 0.5, base 0.5, undamped)',
    { logOddsVotes: false, leaveOneOut: false, priorStrength: 0, step: 1, initialTrust: 0.9, dampening: 0.3, maxTrust: 0.999999 },
  ],
];

/** Each departure from the paper switched off in turn: what it is worth on this data. */
function ablation(graph: FactGraph, texts: readonly string[], gold: ReadonlyMap<string, string>): string[] {
  const rows = ['| variant | accuracy | with random tie-breaking | iterations | converged |', '|---|---|---|---|---|'];
  for (const [label, truthfinder] of ABLATIONS) {
    const s = score(graph, texts, runMethod(graph, texts, 'truthfinder', resolveSettings({ truthfinder })), gold);
    const c = s.output.convergence;
    rows.push(`| ${label} | ${acc(s)} | ${s.expectedWithRandomTies.toFixed(3)} | ${c.iterations} | ${c.converged} |`);
  }
  return rows;
}

/** Accuracy over a small grid around the defaults: shows whether the result hangs on a knife-edge. */
function sensitivity(graph: FactGraph, texts: readonly string[], gold: ReadonlyMap<string, string>): string[] {
  const gammas = [1.5, 2, 3];
  const priors = [0.5, 1, 2];
  const rows = [`| dampening \\ priorStrength | ${priors.join(' | ')} |`, `|---|${priors.map(() => '---').join('|')}|`];
  for (const dampening of gammas) {
    const cells = priors.map((priorStrength) => {
      const settings = resolveSettings({ truthfinder: { dampening, priorStrength } });
      const s = score(graph, texts, runMethod(graph, texts, 'truthfinder', settings), gold);
      return `${s.accuracy.accuracy.toFixed(3)}${s.output.convergence.converged ? '' : ' (not converged)'}`;
    });
    rows.push(`| ${dampening} | ${cells.join(' | ')} |`);
  }
  return rows;
}

async function main(): Promise<void> {
  const started = performance.now();
  const table = await readClaimTable(path.join(DATA, 'population_claims.csv'));
  const gold = await readGold(path.join(DATA, 'population_truth_dev.csv'));
  const readMs = performance.now() - started;
  const settings = resolveSettings();
  const graphStart = performance.now();
  const graph = buildFactGraph(table.observations, settings.similarity);
  const graphMs = performance.now() - graphStart;
  const tf = score(graph, table.texts, runMethod(graph, table.texts, 'truthfinder', settings), gold);
  const vote = score(graph, table.texts, runMethod(graph, table.texts, 'vote', settings), gold);
  const totalMs = performance.now() - started;
  const peak = peakRssMiB();
  const c = tf.output.convergence;
  const bound = oracleTrustBound(graph, table.texts, gold);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';

  const lines = [
    '# Truth discovery benchmark: population',
    '',
    `Run ${new Date().toISOString()} on ${cpu} (${os.cpus().length} cores), Node ${process.version}, ${os.platform()} ${os.arch()}.`,
    `Data: \`../shared/datasets/population\`: ${table.observations.length.toLocaleString('en-US')} claims, ${graph.items.length.toLocaleString('en-US')} items, ${graph.sources.length.toLocaleString('en-US')} sources; dev gold ${gold.size} items, ${tf.accuracy.missing} of them absent from the claims (counted wrong).`,
    `Ceiling (gold value stated by some source): ${ceiling(graph, table.texts, gold).toFixed(3)}. Bound for source-trust weighting (a cheat that knows each source's accuracy on the other gold items): ${bound.toFixed(3)}.`,
    '',
    '| method | accuracy on dev gold | with random tie-breaking | time | iterations | final delta | converged |',
    '|---|---|---|---|---|---|---|',
    `| truthfinder | ${acc(tf)} | ${tf.expectedWithRandomTies.toFixed(3)} | ${ms(tf.milliseconds)} | ${c.iterations} | ${c.delta.toExponential(2)} | ${c.converged} |`,
    `| vote | ${acc(vote)} | ${vote.expectedWithRandomTies.toFixed(3)} | ${ms(vote.milliseconds)} | 1 | - | - |`,
    '',
    `Reading the CSV: ${ms(readMs)}; compiling the fact graph: ${ms(graphMs)}; everything above: ${ms(totalMs)}. Peak RSS: ${peak.toFixed(0)} MiB.`,
    'Exact ties are broken by a fixed hash of (item, value) for both methods; "with random tie-breaking" is the expected accuracy if those ties were coin tosses (the README\'s definition of the vote baseline).',
    '',
    '## Where the gains come from',
    '',
    ...breakdown(graph, table.texts, gold, [tf, vote]),
    '',
    `Against the issue's target (at least 0.85, and vote + 0.1): not met, ${tf.accuracy.accuracy.toFixed(3)} against vote's ${vote.accuracy.accuracy.toFixed(3)} (${vote.expectedWithRandomTies.toFixed(3)} with random ties).`,
    `Trust can only be learned where sources overlap, and most contributors here (every IP address is a source of its own) make one edit: even the cheat above, which reads each source's record off the gold itself, reaches ${bound.toFixed(3)}.`,
    'The gains are in ties and in outnumbered gold values, where a contributor whose values others corroborate beats unknown or uncorroborated ones. The losses among majority items come from the same rule: a prolific source whose values nobody else states (a bot filling thousands of infoboxes) earns little trust, so its agreement adds little.',
    '',
    '## Parameters (defaults)',
    '',
    ...settingsTable(resolveSettings()),
    '',
    '## Ablation: the departures from the paper',
    '',
    ...ablation(graph, table.texts, gold),
    '',
    '## Sensitivity (truthfinder accuracy, other settings at their defaults)',
    '',
    ...sensitivity(graph, table.texts, gold),
    '',
  ];
  const text = lines.join('\n');
  await mkdir(path.dirname(OUT), { recursive: true });
  await writeFile(OUT, text);
  process.stdout.write(text);
  process.stderr.write(`\nwrote ${path.relative(ROOT, OUT)}\n`);
}

await main();
