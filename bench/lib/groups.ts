// One group = the claims of many sources about one subject and one property. Each kind of
// property gets the scopes real sources give it: totals and population restrictions for counts,
// points in time with bounding peaks and totals for series, places for dates.
import type { Claim, Entity, Judgement, Scope } from '../../server/core/model.js';
import type { ClaimEmitter } from './emit.js';
import type { Rng } from './prng.js';
import { randomDay, roundSig, statedDate, statedQuantity, statedRelation, statedText, type Stated } from './values.js';
import { commas, MOTIVES, RANKS, type PropertySpec } from './vocabulary.js';

/** Share of claims that state a value off the truth. */
export const CONFLICT_RATE = 0.12;

export interface GroupPools {
  persons: readonly Entity[];
  places: readonly Entity[];
  backers: readonly Entity[];
  label: (id: string) => string;
}

export interface GroupContext {
  rng: Rng;
  emitter: ClaimEmitter;
  pools: GroupPools;
  subject: Entity;
  spec: PropertySpec;
  /** Claims (other than breakdown parts) in the group. */
  size: number;
  /** Claims the corpus may still take, parts included. */
  budget: () => number;
  judge: (judgement: Omit<Judgement, 'id'>) => void;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function generateGroup(ctx: GroupContext): void {
  switch (ctx.spec.kind) {
    case 'count':
      return countGroup(ctx);
    case 'series':
      return seriesGroup(ctx);
    case 'date':
      return dateGroup(ctx);
    case 'relation':
      return relationGroup(ctx);
    case 'text':
      return textGroup(ctx);
  }
}

function logUniform(rng: Rng, [lo, hi]: [number, number]): number {
  return Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))));
}

function emitQuantity(ctx: GroupContext, stated: Stated, scope: Scope | undefined, scopeText: string): Claim {
  const unit = ctx.spec.property.unit ?? '';
  return ctx.emitter.emit(ctx.subject, ctx.spec.property.id, ctx.spec.verb, stated, ` ${unit}`, { scope, scopeText });
}

/** Totals, unscoped figures, and now and then a figure restricted to one year's population. */
function countGroup(ctx: GroupContext): void {
  const { rng, spec } = ctx;
  const truth = logUniform(rng, spec.scale!);
  const year = rng.int(1918, 1925);
  const subset = rng.chance(0.15)
    ? {
        truth: Math.max(1, Math.round(truth * (0.2 + rng.next() * 0.3))),
        scope: { aggregate: 'total', population: `${year} only` } as Scope,
      }
    : undefined;
  // Scope records are shared by the claims of a group that state the same scope (read-only data).
  const totalScope: Scope = { aggregate: 'total' };
  for (let i = 0; i < ctx.size; i++) {
    const inSubset = subset !== undefined && rng.chance(0.3);
    const conflicting = rng.chance(CONFLICT_RATE);
    const stated = statedQuantity(rng, inSubset ? subset.truth : truth, spec.property.unit!, conflicting);
    const scope: Scope | undefined = inSubset ? subset.scope : rng.chance(0.7) ? totalScope : undefined;
    const claim = emitQuantity(ctx, stated, scope, inSubset ? ` in ${year}` : scope ? ' in total' : '');
    const v = stated.value;
    // The claims still to come in this group are already promised: parts only fit in what is left.
    const room = ctx.budget() - (ctx.size - i - 1);
    if (spec.parts && !inSubset && v.type === 'quantity' && v.comparator === 'exact' && rng.chance(0.25))
      breakdown(ctx, claim, v.amount, room);
  }
}

/** The same source states the parts of its total; one breakdown in five does not add up. */
function breakdown(ctx: GroupContext, total: Claim, amount: number, room: number): void {
  const { rng } = ctx;
  const names = ctx.spec.parts!;
  if (amount < names.length * 2 || room < names.length) return;
  const shares = names.map(() => 0.2 + rng.next());
  const sum = shares.reduce((a, b) => a + b, 0);
  const amounts = shares.map((s) => Math.max(1, Math.floor((amount * s) / sum)));
  const target = rng.chance(0.2) ? amount + rng.int(1, Math.max(1, Math.round(amount * 0.05))) : amount;
  amounts[0]! += target - amounts.reduce((a, b) => a + b, 0);
  if (amounts[0]! < 1) return;
  const source = ctx.emitter.sourceOf(total);
  names.forEach((property, i) => {
    const n = amounts[i]!;
    const stated: Stated = {
      value: { type: 'quantity', comparator: 'exact', amount: n, unit: ctx.spec.property.unit! },
      wording: commas(n),
    };
    const sentence = `Of these, ${commas(n)} were ${property.replace(/-/g, ' ')}.`;
    ctx.emitter.emit(ctx.subject, property, '', stated, '', { source, partOf: total.id, scope: total.scope, sentence });
  });
}

/** Counts at moments (a series, never compared across moments), peaks and totals that bound them. */
function seriesGroup(ctx: GroupContext): void {
  const { rng, spec } = ctx;
  const moments = rng.int(1, 3);
  const firstYear = rng.int(1915, 1922);
  const points: { month: number; year: number; truth: number; scope: Scope; when: string }[] = [];
  let truth = logUniform(rng, spec.scale!);
  let month = firstYear * 12 + rng.int(0, 11);
  for (let i = 0; i < moments; i++) {
    const [y, m] = [Math.floor(month / 12), (month % 12) + 1];
    const when = `by ${MONTHS[m - 1]} ${y}`;
    points.push({
      year: y,
      month: m,
      truth,
      when,
      scope: { pointInTime: { value: `${y}-${String(m).padStart(2, '0')}`, precision: 'month' }, wording: when },
    });
    month += rng.int(3, 14);
    truth = Math.max(truth + 1, Math.round(truth * (1.1 + rng.next() * 0.6)));
  }
  const peak = roundSig(Math.max(...points.map((p) => p.truth)) * (1 + rng.next() * 0.1), 'up');
  const total = roundSig(peak * (1.2 + rng.next() * 0.4), 'up');
  const lastYear = points[points.length - 1]!.year + 1;
  const peakScope: Scope = { aggregate: 'peak' };
  const totalScope: Scope = {
    aggregate: 'total',
    period: { start: { value: String(firstYear), precision: 'year' }, end: { value: String(lastYear), precision: 'year' } },
  };
  for (let i = 0; i < ctx.size; i++) {
    const conflicting = rng.chance(CONFLICT_RATE);
    const roll = rng.next();
    if (roll < 0.7) {
      const p = rng.pick(points);
      emitQuantity(ctx, statedQuantity(rng, p.truth, spec.property.unit!, conflicting), p.scope, ` ${p.when}`);
    } else if (roll < 0.85) {
      emitQuantity(ctx, statedQuantity(rng, peak, spec.property.unit!, conflicting), peakScope, ' at the peak');
    } else {
      emitQuantity(
        ctx,
        statedQuantity(rng, total, spec.property.unit!, conflicting),
        totalScope,
        ` in all from ${firstYear} to ${lastYear}`,
      );
    }
  }
}

/** Dates at every precision; one group in ten happened in two places, each with its own date. */
function dateGroup(ctx: GroupContext): void {
  const { rng, spec, pools } = ctx;
  const places = rng.chance(0.1) ? [rng.pick(pools.places), rng.pick(pools.places)] : [];
  const scopes = places.map((place) => ({ scope: { place: place.id }, scopeText: ` in ${place.label}` }));
  const truths = [randomDay(rng, 1900, 1930), randomDay(rng, 1900, 1930)];
  for (let i = 0; i < ctx.size; i++) {
    const at = places.length > 0 ? rng.int(0, 1) : 0;
    const stated = statedDate(rng, truths[at]!, rng.chance(CONFLICT_RATE));
    const options = scopes[at] ?? {};
    ctx.emitter.emit(ctx.subject, spec.property.id, spec.verb, stated, '', options);
  }
}

/** Relations: a single-valued one conflicts on another object; a many-valued one on a denial. */
function relationGroup(ctx: GroupContext): void {
  const { rng, spec, pools } = ctx;
  const pool = spec.property.functional ? pools.persons : pools.backers;
  const truth = rng.pick(pool).id;
  for (let i = 0; i < ctx.size; i++) {
    const conflicting = rng.chance(CONFLICT_RATE) ? (spec.property.functional ? 'other' : 'denied') : false;
    const stated = statedRelation(truth, rng.pick(pool).id, pools.label, conflicting);
    const denied = stated.value.type === 'entity' && stated.value.negated;
    const label = pools.label(truth);
    const options = denied ? { sentence: `${ctx.subject.label} never ${spec.verb} ${label}, whatever was said later.` } : {};
    ctx.emitter.emit(ctx.subject, spec.property.id, spec.verb, stated, '', options);
  }
}

/** Texts: a rank (single-valued) or motives, which no rule compares: a person judges some of them. */
function textGroup(ctx: GroupContext): void {
  const { rng, spec } = ctx;
  const pool = spec.property.id === 'rank' ? RANKS : MOTIVES;
  const truth = rng.pick(pool);
  const claims: Claim[] = [];
  for (let i = 0; i < ctx.size; i++) {
    const stated = statedText(rng, truth, pool, rng.chance(spec.property.functional ? CONFLICT_RATE : 0.5));
    claims.push(ctx.emitter.emit(ctx.subject, spec.property.id, spec.verb, stated, ''));
  }
  if (spec.property.functional || !rng.chance(0.1)) return;
  const differing = claims.find(
    (c) =>
      c.value.type === 'text' && claims[0]!.value.type === 'text' && c.value.text.toLowerCase() !== claims[0]!.value.text.toLowerCase(),
  );
  if (!differing || claims[0]!.status === 'rejected' || differing.status === 'rejected') return;
  const verdict = rng.chance(0.5) ? 'conflicts' : 'agrees';
  const reason =
    verdict === 'conflicts' ? 'the two motives exclude each other in this context' : 'the second motive is a consequence of the first';
  ctx.judge({ a: claims[0]!.id, b: differing.id, verdict, reason });
}
