// The ceiling analysis of bench/truth.ts for a target not reached: which contested items the default
// method misses, whether any other method gets each of them right, and whether any single setting of
// the default method (one parameter moved at a time) would reach the target on the whole contested
// set — if none does, no setting chosen by the 2-fold split can reach it on held-out halves either.
import { sameValue } from '../server/truth/accuracy.js';
import type { MethodName } from '../server/truth/discover.js';
import { runMethod, type MethodRun } from '../server/truth/evaluate.js';
import type { FactGraph } from '../server/truth/graph.js';
import { resolveSettings, type TruthSettingsInput } from '../server/truth/settings.js';
import type { ValueType } from '../server/truth/table.js';

export interface CeilingContext {
  graph: FactGraph;
  texts: string[];
  contested: Map<string, string>;
  type: ValueType;
}

const right = (run: MethodRun, item: string, value: string, type: ValueType): boolean => {
  const answer = run.answers.get(item);
  return answer !== undefined && sameValue(answer, value, type);
};

/** One parameter of the default method moved at a time, both ways from its default. */
const SWEEP: { label: string; settings: TruthSettingsInput }[] = [
  ...[1.5, 3].map((dampening) => ({ label: `dampening ${dampening} (default 2)`, settings: { truthfinder: { dampening } } })),
  ...[0.5, 2].map((priorStrength) => ({
    label: `priorStrength ${priorStrength} (default 1)`,
    settings: { truthfinder: { priorStrength } },
  })),
  ...[0.25, 1].map((implicationWeight) => ({
    label: `implicationWeight ${implicationWeight} (default 0.5)`,
    settings: { truthfinder: { implicationWeight } },
  })),
  ...[0.3, 0.7].map((baseSimilarity) => ({
    label: `baseSimilarity ${baseSimilarity} (default 0.5)`,
    settings: { truthfinder: { baseSimilarity } },
  })),
  { label: 'step 1 (default 0.5)', settings: { truthfinder: { step: 1 } } },
];

export function ceilingLines(c: CeilingContext, runs: readonly MethodRun[], chosen: MethodName, target: number): string[] {
  const defaultRun = runs.find((r) => r.method === chosen)!;
  const others = runs.filter((r) => r.method !== chosen);
  const misses = [...c.contested].filter(([item, value]) => !right(defaultRun, item, value, c.type));
  const wonElsewhere = misses.filter(([item, value]) => others.some((r) => right(r, item, value, c.type)));
  const byMethod = others.map((r) => `${r.method} ${misses.filter(([item, value]) => right(r, item, value, c.type)).length}`);
  const need = Math.ceil(target * c.contested.size - 1e-9);
  const have = c.contested.size - misses.length;
  const lines = [
    `Contested items (P&R protocol) the default method misses: ${misses.length} of ${c.contested.size}; the target needs ${need} right, it has ${have}. ` +
      `${wonElsewhere.length} of the misses are won by some other method (${byMethod.join(', ')}), ${misses.length - wonElsewhere.length} by none: each other method that wins some of them loses more elsewhere (table above), and choosing a method per item would need the gold.`,
    '',
  ];
  if (c.type !== 'number' || chosen !== 'truthfinder') return lines;
  const rows = ['| setting of truthfinder | contested right (P&R) | reaches the target |', '|---|---|---|'];
  let best = 0;
  for (const k of SWEEP) {
    const run = runMethod(c.graph, c.texts, 'truthfinder', resolveSettings(k.settings));
    const n = [...c.contested].filter(([item, value]) => right(run, item, value, c.type)).length;
    best = Math.max(best, n);
    rows.push(`| ${k.label} | ${n}/${c.contested.size} | ${n >= need ? 'yes' : 'no'} |`);
  }
  lines.push(
    `One parameter of the default moved at a time, scored on the whole contested set (the most optimistic reading, with no held-out half): the best is ${best}/${c.contested.size}${best >= need ? '' : `, short of ${need}: no setting the split could choose reaches the target`}.`,
    '',
    ...rows,
    '',
  );
  return lines;
}
