import { registerProblemCodes } from '@ruta/core';

export enum RegularizationErrorCode {
  NotApplicable = 'visa_not_applicable',
  AlreadyRequested = 'visa_already_requested',
}

registerProblemCodes({
  [RegularizationErrorCode.NotApplicable]: {
    es: 'La visa del artículo 104 es solo para víctimas reconocidas que no son ecuatorianas',
    en: 'The article 104 visa is only for recognized victims who are not Ecuadorian',
  },
  [RegularizationErrorCode.AlreadyRequested]: { es: 'Ya hay una solicitud de visa en curso', en: 'A visa request is already in progress' },
});
