import { BilingualText, DimensionThreshold } from './screening.types';

/** Number of `yes` (or, for "what if", `yes` + `unknown`) answers of one dimension, by applied strength. */
export interface StrengthTally {
  strong: number;
  medium: number;
  weak: number;
}

export interface DimensionExplanationInput {
  tally: StrengthTally;
  thresholds: DimensionThreshold[];
  /** The first threshold combination met, if any. */
  met: DimensionThreshold | undefined;
  unknownCount: number;
  couldBePositive: boolean;
}

const WORDS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
// "un" because every count here qualifies the masculine "indicador".
const WORDS_ES = ['cero', 'un', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'];

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function term(n: number, en: [string, string], es: [string, string]): BilingualText {
  return {
    en: `${WORDS_EN[n] ?? String(n)} ${plural(n, en[0], en[1])}`,
    es: `${WORDS_ES[n] ?? String(n)} ${plural(n, es[0], es[1])}`,
  };
}

/** A threshold combination in words, e.g. "one strong indicator plus one medium or weak indicator". */
function describeThreshold(threshold: DimensionThreshold): BilingualText {
  const terms: BilingualText[] = [];
  const strong = threshold.strong ?? 0;
  const medium = threshold.medium ?? 0;
  const weak = threshold.weak ?? 0;
  const mediumOrWeak = threshold.mediumOrWeak ?? 0;
  if (strong > 0) terms.push(term(strong, ['strong indicator', 'strong indicators'], ['indicador fuerte', 'indicadores fuertes']));
  if (medium > 0) terms.push(term(medium, ['medium indicator', 'medium indicators'], ['indicador medio', 'indicadores medios']));
  if (weak > 0) terms.push(term(weak, ['weak indicator', 'weak indicators'], ['indicador débil', 'indicadores débiles']));
  if (mediumOrWeak > 0) {
    terms.push(term(mediumOrWeak, ['medium or weak indicator', 'medium or weak indicators'],
      ['indicador medio o débil', 'indicadores medios o débiles']));
  }
  if (terms.length === 0) return { en: 'no minimum', es: 'sin mínimo' };
  return { en: terms.map((t) => t.en).join(' plus '), es: terms.map((t) => t.es).join(' más ') };
}

function describeTally(tally: StrengthTally): BilingualText {
  return {
    en: `${tally.strong} strong, ${tally.medium} medium, ${tally.weak} weak`,
    es: `${tally.strong} ${plural(tally.strong, 'fuerte', 'fuertes')}, ${tally.medium} ${plural(tally.medium, 'medio', 'medios')}, `
      + `${tally.weak} ${plural(tally.weak, 'débil', 'débiles')}`,
  };
}

function describeUnknown(count: number, positive: boolean, couldBePositive: boolean): BilingualText {
  if (count === 0) return { en: '', es: '' };
  const pending = {
    en: ` Pending: ${count} ${plural(count, 'answer', 'answers')} unknown`,
    es: ` ${plural(count, 'Pendiente', 'Pendientes')}: ${count} ${plural(count, 'respuesta', 'respuestas')} «no se sabe»`,
  };
  if (positive) return { en: `${pending.en}.`, es: `${pending.es}.` };
  if (couldBePositive) {
    return {
      en: `${pending.en}; if ${plural(count, 'it were', 'they were')} yes, the dimension would be positive (unknown is not no).`,
      es: `${pending.es}; si ${plural(count, 'fuera', 'fueran')} «sí», la dimensión sería positiva (no saber no equivale a «no»).`,
    };
  }
  return {
    en: `${pending.en}; even if ${plural(count, 'it were', 'they were')} yes, the dimension would not be positive.`,
    es: `${pending.es}; aun si ${plural(count, 'fuera', 'fueran')} «sí», la dimensión no sería positiva.`,
  };
}

/** Why a dimension is or is not positive (PRODUCT.md section 5: "the result is explained"). */
export function explainDimension(input: DimensionExplanationInput): BilingualText {
  const { tally, met, thresholds } = input;
  const counts = describeTally(tally);
  let head: BilingualText;
  if (met) {
    const threshold = describeThreshold(met);
    head = {
      en: `Positive: meets the threshold of ${threshold.en} (yes answers: ${counts.en}).`,
      es: `Positiva: cumple el umbral de ${threshold.es} (respuestas «sí»: ${counts.es}).`,
    };
  } else if (tally.strong + tally.medium + tally.weak === 0) {
    head = { en: 'Not positive: no indicator answered yes.', es: 'No positiva: ningún indicador respondido con «sí».' };
  } else if (tally.strong + tally.medium === 0) {
    head = {
      en: `Not positive: only weak indicators answered yes (${tally.weak}); weak indicators alone never make a dimension positive.`,
      es: `No positiva: solo hay indicadores débiles respondidos con «sí» (${tally.weak}); los indicadores débiles por sí solos `
        + 'nunca hacen positiva una dimensión.',
    };
  } else {
    const all = thresholds.map(describeThreshold);
    head = {
      en: `Not positive: the yes answers (${counts.en}) reach none of the thresholds: ${all.map((t) => t.en).join('; or ')}.`,
      es: `No positiva: las respuestas «sí» (${counts.es}) no alcanzan ningún umbral: ${all.map((t) => t.es).join('; o ')}.`,
    };
  }
  const unknown = describeUnknown(input.unknownCount, met !== undefined, input.couldBePositive);
  return { en: head.en + unknown.en, es: head.es + unknown.es };
}
