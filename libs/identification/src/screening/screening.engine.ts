import { ScreeningInputError, ScreeningInputFieldError } from './screening-input.error';
import { explainDimension, StrengthTally } from './screening.explanation';
import {
  Answer,
  ANSWERS,
  CountedIndicator,
  Dimension,
  DimensionResult,
  DimensionRule,
  DimensionThreshold,
  Indicator,
  IndicatorCatalog,
  ScreeningInput,
  ScreeningOutcome,
  ScreeningResult,
  Strength,
} from './screening.types';

/**
 * True when the tally meets the combination. A stronger indicator may stand in for a weaker one, so
 * `{strong: 1, mediumOrWeak: 1}` is met by strong + weak, strong + medium and strong + strong. With
 * nested eligibility (strong ⊂ medium-or-stronger ⊂ any) an assignment exists exactly when each
 * cumulative supply covers the cumulative demand.
 */
function meets(tally: StrengthTally, threshold: DimensionThreshold): boolean {
  const strong = threshold.strong ?? 0;
  const medium = threshold.medium ?? 0;
  const weak = threshold.weak ?? 0;
  const mediumOrWeak = threshold.mediumOrWeak ?? 0;
  return tally.strong >= strong
    && tally.strong + tally.medium >= strong + medium
    && tally.strong + tally.medium + tally.weak >= strong + medium + weak + mediumOrWeak;
}

/**
 * The first combination of the catalog's thresholds that the tally meets. Weak indicators alone never
 * make a dimension positive (PRODUCT.md section 5), whatever thresholds a catalog version holds.
 */
function firstMetThreshold(tally: StrengthTally, thresholds: DimensionThreshold[]): DimensionThreshold | undefined {
  if (tally.strong + tally.medium === 0) return undefined;
  return thresholds.find((threshold) => meets(tally, threshold));
}

function tally(strengths: Strength[]): StrengthTally {
  const result: StrengthTally = { strong: 0, medium: 0, weak: 0 };
  for (const strength of strengths) result[strength] += 1;
  return result;
}

/** A rule is met when every group has at least one positive dimension; an empty rule is never met. */
function ruleMet(rule: DimensionRule, positive: ReadonlySet<Dimension>): boolean {
  return rule.length > 0 && rule.every((group) => group.some((dimension) => positive.has(dimension)));
}

function validate(catalog: IndicatorCatalog, input: ScreeningInput): Map<string, Indicator> {
  const byCode = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator]));
  const firstSeen = new Map<string, number>();
  const errors: ScreeningInputFieldError[] = [];
  input.answers.forEach((answer, index) => {
    if (!byCode.has(answer.indicator)) {
      errors.push({
        path: `answers[${index}].indicator`,
        message: `unknown indicator "${answer.indicator}" in catalog ${catalog.version}`,
      });
    } else if (firstSeen.has(answer.indicator)) {
      errors.push({
        path: `answers[${index}].indicator`,
        message: `indicator "${answer.indicator}" is already answered at answers[${firstSeen.get(answer.indicator)}]`,
      });
    } else {
      firstSeen.set(answer.indicator, index);
    }
    if (!(ANSWERS as readonly string[]).includes(answer.answer)) {
      errors.push({ path: `answers[${index}].answer`, message: `answer must be one of ${ANSWERS.join(', ')}` });
    }
  });
  if (errors.length > 0) throw new ScreeningInputError(errors);
  return byCode;
}

/**
 * Screening on indicators (PRODUCT.md section 5). Per dimension, the `yes` answers (at the child
 * strength for a minor, the adult strength otherwise) are checked against the catalog version's
 * thresholds; the adult rule (recruitment, exploitation and means at destination) or, for a minor, the
 * child rule (recruitment and exploitation, no means) gives `presumed_victim`; a positive dimension, a
 * strong `yes` or a dimension that unknown answers could make positive gives `possible_victim`
 * ("unknown is not no"); anything else is `no_indicators`. A minor positive on the child-protection
 * dimension is flagged for immediate child protection whatever the outcome. Pure: no I/O.
 *
 * @throws ScreeningInputError when an answer names an indicator the catalog does not hold, answers an
 *   indicator twice or has an answer other than yes, no or unknown.
 */
export function evaluateScreening(catalog: IndicatorCatalog, input: ScreeningInput): ScreeningResult {
  const byCode = validate(catalog, input);
  const { rules } = catalog;
  const strengthOf = (indicator: Indicator): Strength => (input.isMinor ? indicator.strength.child : indicator.strength.adult);

  const answered = input.answers.map((answer) => ({ answer: answer.answer, indicator: byCode.get(answer.indicator) as Indicator }));
  const inDimension = (dimension: Dimension, kind: Answer): CountedIndicator[] => answered
    .filter((a) => a.answer === kind && a.indicator.dimension === dimension)
    .map((a) => ({ indicator: a.indicator.code, strength: strengthOf(a.indicator) }));

  const dimensions: DimensionResult[] = catalog.dimensions.map((dimension) => {
    const yes = inDimension(dimension, 'yes');
    const pending = inDimension(dimension, 'unknown');
    const yesTally = tally(yes.map((c) => c.strength));
    const met = firstMetThreshold(yesTally, rules.dimensionThresholds);
    const positive = met !== undefined;
    const couldBePositive = !positive && pending.length > 0
      && firstMetThreshold(tally([...yes, ...pending].map((c) => c.strength)), rules.dimensionThresholds) !== undefined;
    return {
      dimension,
      positive,
      counted: yes,
      unknown: pending.map((p) => p.indicator),
      couldBePositive,
      reason: explainDimension({
        tally: yesTally, thresholds: rules.dimensionThresholds, met, unknownCount: pending.length, couldBePositive,
      }),
    };
  });

  const positive = new Set(dimensions.filter((d) => d.positive).map((d) => d.dimension));
  let outcome: ScreeningOutcome;
  if (ruleMet(input.isMinor ? rules.childRule : rules.adultRule, positive)) {
    outcome = 'presumed_victim';
  } else if (
    positive.size > 0
    || dimensions.some((d) => d.couldBePositive || d.counted.some((c) => c.strength === 'strong'))
  ) {
    outcome = 'possible_victim';
  } else {
    outcome = 'no_indicators';
  }

  return {
    outcome,
    catalogVersion: catalog.version,
    childRule: input.isMinor,
    childProtectionImmediate: input.isMinor && positive.has(rules.childProtectionDimension),
    dimensions,
  };
}
