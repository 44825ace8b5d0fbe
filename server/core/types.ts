// The kernel's shared types: what comparing two claims produces (Verdict, Basis, Outcome, and the
// Comparison record reconciliation returns), what it reads of a claim (PreparedClaim) and with which
// settings. In one file that imports only types from the leaf modules, so the modules that make and
// read comparisons (compare, pairs, arithmetic, classes, reconcile) depend on it and not on each other.
import type { DateSettings } from './dates.js';
import type { Interval } from './interval.js';
import type { QuantitySettings } from './quantities.js';
import type { Claim, Scope } from './schema-types.js';

export type Verdict = 'agrees' | 'conflicts';
export type Basis =
  | 'equal' // the same value
  | 'compatible' // one value lies within the other's range, or the ranges overlap
  | 'disjoint' // the ranges do not meet
  | 'bound' // a total or peak is smaller than a count it must include
  | 'arithmetic' // stated parts against their stated total
  | 'relation' // same relation asserted, or asserted and denied
  | 'single-valued' // a property that has one value per subject and scope, given two values
  | 'curated'; // a person's judgement

export interface Outcome {
  verdict: Verdict;
  basis: Basis;
  reason: string;
  /** For quantities and dates: how far apart the two sides are (absolute, and relative to the bound crossed). */
  gap?: { absolute: number; relative?: number; unit?: string };
}

export interface CompareSettings {
  quantity: QuantitySettings;
  date: DateSettings;
}

/** A claim with what comparison needs computed once. */
export interface PreparedClaim {
  claim: Claim;
  /** Value as an interval (quantities: the unit's numbers; dates: day numbers). */
  interval?: Interval;
  /** Scope time span in day numbers. */
  time?: Interval;
  /** How the reason mentions this value: "'over 72,000'", "1,399 + 1,717 = 3,116", "25 October 1922". */
  mention: string;
  /** A text value normalised for comparison, filled on first use (once per claim, not once per pair). */
  normalisedText?: string;
  /**
   * "both name X", "both say X" or "both give X" (one of them, by the value's type), built at the
   * first agreement of identical mentions and shared by the next: in a group of k claims stating the
   * same value, one string instead of k(k-1)/2.
   */
  both?: string;
  /**
   * What the pair loop reads of every claim, copied into this one object shape: claims, values and
   * scopes come in many shapes, and reading the same field from many shapes is a slow generic lookup.
   */
  type: Claim['value']['type'];
  population: string | undefined;
  place: string | undefined;
  aggregate: Scope['aggregate'];
  /** No aggregate, point in time or period. */
  unscoped: boolean;
}

export interface Comparison extends Outcome {
  /** Stable id, derived from the claims compared. */
  id: string;
  a: string;
  b: string;
  /** Arithmetic checks: every part claim summed against the total `a`. */
  parts?: string[];
  /** subject|property of the group the pair came from. */
  group: string;
  /** Whether the two claims come from different sources or the same one (for value classes: all their members from one source). */
  scope: 'between' | 'within';
  /**
   * A value class (groups above the pairwise size only, see classes.ts): every claim of the group
   * stating a's value in a's scope, a and b its first two by id. The record stands for every pair
   * among them, so k identical claims make one record, not k(k−1)/2. Its id is `same-<a>`.
   */
  members?: string[];
  /**
   * Between value classes: how many claims each side stands for (the class record `same-<a>` or
   * `same-<b>` lists them). Absent when both sides are single claims.
   */
  counts?: { a: number; b: number };
  /**
   * The comparison rests on a claim nobody has reviewed (status `extracted`; for a class, a side
   * with no reviewed member): shown as pending and counted apart from the headline until reviewed.
   */
  pending?: true;
}

/** Claims by id: a Map, or the id table of the unique-ids path. */
export interface Lookup {
  get(id: string): Claim | undefined;
  has(id: string): boolean;
}
