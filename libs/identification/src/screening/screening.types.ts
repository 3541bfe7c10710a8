import type { ExploitationForm } from '@ruta/directory';

/**
 * Types of the indicator catalog and of the screening engine (PRODUCT.md section 5). The catalog, its
 * thresholds and its adult and child rules are data stored with the catalog version, so that the
 * committee can revise them without a release.
 */

export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The six dimensions of the ILO operational indicators of trafficking in human beings (2009). */
export const DIMENSIONS = [
  'deceptive_recruitment',
  'coercive_recruitment',
  'recruitment_abuse_of_vulnerability',
  'exploitation',
  'coercion_at_destination',
  'destination_abuse_of_vulnerability',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];


export interface BilingualText {
  es: string;
  en: string;
}

export interface Indicator {
  /** snake_case English, prefixed by its dimension (dr_, cr_, rv_, ex_, cd_, dv_); unique in a catalog. */
  code: string;
  dimension: Dimension;
  strength: { adult: Strength; child: Strength };
  exploitationForms: ExploitationForm[];
  label: BilingualText;
}

/**
 * One minimal combination of `yes` answers that makes a dimension positive. `mediumOrWeak` counts the
 * indicators left over by the other terms of the same combination. A stronger indicator may stand in
 * for a weaker one ("reach at least"), never the reverse.
 */
export interface DimensionThreshold {
  strong?: number;
  medium?: number;
  weak?: number;
  mediumOrWeak?: number;
}

/** All groups must be satisfied; a group is satisfied when any of its dimensions is positive. */
export type DimensionRule = Dimension[][];

export interface ScreeningRules {
  dimensionThresholds: DimensionThreshold[];
  adultRule: DimensionRule;
  childRule: DimensionRule;
  /** A minor positive on this dimension is flagged for immediate child protection, whatever the outcome. */
  childProtectionDimension: Dimension;
}

export interface IndicatorCatalog {
  version: string;
  /** Order in which the result lists the dimensions. */
  dimensions: Dimension[];
  rules: ScreeningRules;
  indicators: Indicator[];
}

export interface ScreeningAnswer {
  indicator: string;
  answer: Answer;
  note?: string;
}

export interface ScreeningInput {
  isMinor: boolean;
  answers: ScreeningAnswer[];
}

export const SCREENING_OUTCOMES = ['presumed_victim', 'possible_victim', 'no_indicators'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export interface CountedIndicator {
  indicator: string;
  /** The strength applied: the child strength for a minor, the adult strength otherwise. */
  strength: Strength;
}

export interface DimensionResult {
  dimension: Dimension;
  positive: boolean;
  /** The indicators of this dimension answered `yes`, in the order they were answered. */
  counted: CountedIndicator[];
  /** The indicators of this dimension answered `unknown`. */
  unknown: string[];
  /** Not positive now, but would be if every `unknown` answer were `yes` (unknown is not no). */
  couldBePositive: boolean;
  reason: BilingualText;
}

export interface ScreeningResult {
  outcome: ScreeningOutcome;
  catalogVersion: string;
  /** True when the child rule was applied (the person is a minor). */
  childRule: boolean;
  childProtectionImmediate: boolean;
  /** Every dimension of the catalog, in the catalog's order. */
  dimensions: DimensionResult[];
}
