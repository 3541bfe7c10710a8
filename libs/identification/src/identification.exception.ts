import { registerProblemCodes } from '@ruta/core';

export enum IdentificationErrorCode {
  UnknownCatalogVersion = 'unknown_catalog_version',
  InvalidScreening = 'invalid_screening',
  NotOwnUnit = 'not_identifying_unit',
}

registerProblemCodes({
  [IdentificationErrorCode.UnknownCatalogVersion]: { es: 'La versión del catálogo de indicadores no existe', en: 'The indicator catalog version does not exist' },
  [IdentificationErrorCode.InvalidScreening]: { es: 'Las respuestas del tamizaje no son válidas', en: 'The screening answers are not valid' },
  [IdentificationErrorCode.NotOwnUnit]: {
    es: 'Solo los oficiales de la unidad que identificó el caso pueden hacer esto',
    en: 'Only officers of the unit that identified the case may do this',
  },
});
