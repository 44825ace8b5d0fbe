// The real benchmark: accuracy on the population dev gold, against majority vote on the same run.
// A real check: it fails if a change makes the method worse. Data: shared/ sits beside the clone.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMethod, score, type Scored } from '../../server/truth/evaluate.js';
import { buildFactGraph } from '../../server/truth/graph.js';
import { resolveSettings } from '../../server/truth/settings.js';
import { readClaimTable, readGold } from '../../server/truth/table.js';

const DATA = path.resolve(import.meta.dirname, '../..', '../shared/datasets/population');

let truthfinder: Scored;
let vote: Scored;
let accu: Scored;

beforeAll(async () => {
  const table = await readClaimTable(path.join(DATA, 'population_claims.csv'));
  const gold = await readGold(path.join(DATA, 'population_truth_dev.csv'));
  const settings = resolveSettings();
  const graph = buildFactGraph(table.observations, settings.similarity);
  truthfinder = score(graph, table.texts, runMethod(graph, table.texts, 'truthfinder', settings), gold);
  vote = score(graph, table.texts, runMethod(graph, table.texts, 'vote', settings), gold);
  accu = score(graph, table.texts, runMethod(graph, table.texts, 'accu', settings), gold);
});

describe('population dev gold (154 items, 6 of them absent from the claims)', () => {
  it('reads all 49,955 claims and scores every gold item, absent ones as wrong', () => {
    expect(truthfinder.answers.size).toBe(42_832);
    expect(truthfinder.accuracy).toMatchObject({ total: 154, missing: 6 });
  });

  it('majority vote lands near the published baseline (0.69 with random tie-breaking)', () => {
    expect(vote.expectedWithRandomTies).toBeGreaterThan(0.67);
    expect(vote.expectedWithRandomTies).toBeLessThan(0.71);
  });

  it('truthfinder converges and clearly beats majority vote', () => {
    expect(truthfinder.output.convergence.converged).toBe(true);
    expect(truthfinder.accuracy.accuracy).toBeGreaterThanOrEqual(0.78);
    expect(truthfinder.accuracy.accuracy).toBeGreaterThan(vote.accuracy.accuracy + 0.05);
    expect(truthfinder.accuracy.accuracy).toBeGreaterThan(vote.expectedWithRandomTies + 0.09);
  });

  it('accu converges and beats majority vote with random ties', () => {
    expect(accu.output.convergence.converged).toBe(true);
    expect(accu.accuracy.accuracy).toBeGreaterThanOrEqual(0.74);
    expect(accu.accuracy.accuracy).toBeGreaterThan(vote.expectedWithRandomTies + 0.05);
  });

  // The target (about 0.87, and vote + 0.1). Not reached: truthfinder 0.79, accu 0.75, vote 0.72;
  // see bench/results/truth.md for why (ceiling 0.92, trust-weighting oracle 0.83). Kept as an
  // expected failure so the gap stays visible and a fix that closes it is noticed.
  it.fails('meets the target: at least 0.87 and more than vote + 0.1', ({ task }) => {
    // Read by test/run.mjs, which counts expected failures apart from passes.
    task.meta.expectedFailure = true;
    expect(truthfinder.accuracy.accuracy).toBeGreaterThanOrEqual(0.87);
    expect(truthfinder.accuracy.accuracy).toBeGreaterThan(vote.accuracy.accuracy + 0.1);
  });
});
