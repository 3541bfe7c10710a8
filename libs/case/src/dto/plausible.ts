import { isNationalityCode } from '@ruta/core';
import { buildMessage, isISO31661Alpha3, Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { normalizeDocumentNumber } from '../identity/normalize';

/**
 * Bounds of data that can be true (issue 9, finding 8). Fixed bounds live here and answer 400 from the
 * validation pipe; rules that depend on today or on another stored field are in CaseRecordMapper.checkDates.
 */
export const MAX_AGE = 120;
/** No one alive was born before this date. */
export const EARLIEST_BIRTH = '1900-01-01';
/**
 * Ruta records identifications under Ecuador's trafficking law and the Palermo Protocol (ratified in
 * 2002): a case identified, or a complaint filed, before 2000 is a typing error.
 */
export const EARLIEST_CASE_DATE = '2000-01-01';

/** A YYYY-MM-DD date not before `min` (both written the same way, so they compare as strings). */
export function NotBefore(min: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'notBefore',
    constraints: [min],
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value >= min,
      defaultMessage: buildMessage((each) => `${each}$property must not be before ${min}`, options),
    },
  }, options);
}

/** A nationality: a country's ISO 3166-1 alpha-3 code, or ICAO's XXA, XXB, XXC or XXX (PRODUCT.md section 4). */
export function IsNationality(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isNationality',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isNationalityCode(value, isISO31661Alpha3),
      defaultMessage: buildMessage((each) => `${each}$property must be an ISO 3166-1 alpha-3 code or XXA, XXB, XXC or XXX`, options),
    },
  }, options);
}

/** On `ages`: one age for each of `count` children. */
export function OneAgePerChild(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'oneAgePerChild',
    validator: {
      validate: (value: unknown, args) => Array.isArray(value) && (args?.object as { count?: unknown }).count === value.length,
      defaultMessage: buildMessage(() => '$property must list one age for each child (as many as count)', options),
    },
  }, options);
}

/** A text that is more than blanks. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be blank', ...options });
}

/**
 * A document number keeps at least one letter A-Z or digit once normalized: duplicate search compares
 * numbers by these alone, so a number of only punctuation (or only non-Latin letters) would match every other one.
 */
export function ComparableDocumentNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'comparableDocumentNumber',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && normalizeDocumentNumber(value).length > 0,
      defaultMessage: buildMessage(() => '$property must contain a letter A-Z or a digit', options),
    },
  }, options);
}

/** The same document twice in one victim's list (as duplicate search compares them) cannot be true. */
export function documentKey(d: unknown): unknown {
  const doc = d as { type?: unknown; number?: unknown; issuingCountry?: unknown } | null;
  if (!doc || typeof doc.number !== 'string') return Symbol('not comparable');
  return `${String(doc.type)}|${normalizeDocumentNumber(doc.number)}|${String(doc.issuingCountry)}`;
}

/** On `estimatedAge`: given only when the date of birth is not (the contract says one or the other). */
export function NotWithDateOfBirth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'notWithDateOfBirth',
    validator: {
      validate: (value: unknown, args) => value === null || value === undefined
        || ((args?.object as { dateOfBirth?: unknown }).dateOfBirth ?? null) === null,
      defaultMessage: buildMessage(() => 'give a date of birth or an estimated age, not both', options),
    },
  }, options);
}
