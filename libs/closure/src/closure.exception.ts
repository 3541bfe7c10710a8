import { registerProblemCodes } from '@ruta/core';

export enum ClosureErrorCode {
  NotFound = 'closure_request_not_found',
  SameAgency = 'closure_same_agency',
  NotClosable = 'case_not_closable',
  AlreadyPending = 'closure_already_requested',
  NotPending = 'closure_request_not_pending',
  Pseudonymized = 'case_pseudonymized',
}

registerProblemCodes({
  [ClosureErrorCode.NotFound]: { es: 'La solicitud de cierre no existe', en: 'The closure request does not exist' },
  [ClosureErrorCode.SameAgency]: {
    es: 'El cierre lo aprueba un miembro del comité de otra institución distinta a la que lo solicitó',
    en: 'A closure is approved by a committee member of an agency other than the one that requested it',
  },
  [ClosureErrorCode.NotClosable]: { es: 'El caso no puede cerrarse en su estado actual', en: 'The case cannot be closed in its current status' },
  [ClosureErrorCode.AlreadyPending]: { es: 'Ya hay una solicitud de cierre pendiente', en: 'A closure request is already pending' },
  [ClosureErrorCode.NotPending]: { es: 'La solicitud de cierre ya fue decidida', en: 'The closure request was already decided' },
  [ClosureErrorCode.Pseudonymized]: {
    es: 'El caso fue seudonimizado al vencer su plazo de conservación y no puede reabrirse; registre un caso nuevo',
    en: 'The case was pseudonymized when its retention period ended and cannot be reopened; register a new case',
  },
});
