import { LocalizedText, registerProblemCodes } from '@ruta/core';

export enum RegularizationErrorCode {
  NotApplicable = 'visa_not_applicable',
  AlreadyRequested = 'visa_already_requested',
  NotFound = 'visa_request_not_found',
  TransitionNotAllowed = 'visa_transition_not_allowed',
  NotAllowedToFile = 'not_allowed_to_file_visa',
  NotAllowedToWithdraw = 'not_allowed_to_withdraw_visa',
  NotRecognized = 'visa_case_not_recognized',
  InvalidDates = 'visa_invalid_dates',
}

/** The detail of a visa_transition_not_allowed when the request is under review by another visa officer. */
export const CLAIMED_BY_ANOTHER: LocalizedText = {
  es: 'Otra persona de la Dirección de Visados tomó esta solicitud', en: 'Another visa officer claimed this request',
};

registerProblemCodes({
  [RegularizationErrorCode.NotApplicable]: {
    es: 'La visa del artículo 104 es solo para víctimas reconocidas que no son ecuatorianas',
    en: 'The article 104 visa is only for recognized victims who are not Ecuadorian',
  },
  [RegularizationErrorCode.NotFound]: { es: 'La solicitud de visa no existe', en: 'The visa request does not exist' },
  [RegularizationErrorCode.TransitionNotAllowed]: {
    es: 'Esta acción no está permitida en el estado actual de la solicitud', en: 'This action is not allowed in the request\'s current status',
  },
  [RegularizationErrorCode.NotAllowedToFile]: {
    es: 'Solo un miembro del comité del Ministerio del Interior presenta la solicitud', en: 'Only a committee member of the Ministry of the Interior files the request',
  },
  [RegularizationErrorCode.NotAllowedToWithdraw]: {
    es: 'Solo el Ministerio del Interior (comité) o la institución líder retiran la solicitud',
    en: 'Only the Ministry of the Interior (committee) or the lead agency withdraw the request',
  },
  [RegularizationErrorCode.NotRecognized]: { es: 'La víctima aún no ha sido reconocida', en: 'The victim has not been recognized' },
  [RegularizationErrorCode.InvalidDates]: { es: 'Las fechas de la visa no son válidas', en: 'The visa dates are not valid' },
  [RegularizationErrorCode.AlreadyRequested]: { es: 'Ya hay una solicitud de visa en curso', en: 'A visa request is already in progress' },
});
