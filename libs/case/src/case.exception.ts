import { registerProblemCodes } from '@ruta/core';

export enum CaseErrorCode {
  NotFound = 'case_not_found',
  TransitionNotAllowed = 'transition_not_allowed',
  UnknownReference = 'unknown_reference',
  LinkNotAllowed = 'link_not_allowed',
  UnknownAgency = 'unknown_agency',
  NotCaseWriter = 'not_case_writer',
  NotLeadAgency = 'not_lead_agency',
}

registerProblemCodes({
  [CaseErrorCode.NotFound]: { es: 'El caso no existe', en: 'The case does not exist' },
  [CaseErrorCode.TransitionNotAllowed]: {
    es: 'Esta acción no está permitida en el estado actual del caso',
    en: 'This action is not allowed in the case\'s current status',
  },
  [CaseErrorCode.UnknownReference]: { es: 'Un código de referencia no existe', en: 'A reference code does not exist' },
  [CaseErrorCode.LinkNotAllowed]: { es: 'No se pueden vincular estos casos', en: 'These cases cannot be linked' },
  [CaseErrorCode.UnknownAgency]: { es: 'Una institución indicada no existe', en: 'An agency named does not exist' },
  [CaseErrorCode.NotCaseWriter]: {
    es: 'Solo la unidad que identificó el caso, el equipo de análisis o la institución líder pueden modificarlo',
    en: 'Only the identifying unit, the case-analysis team or the lead agency may change this case',
  },
  [CaseErrorCode.NotLeadAgency]: { es: 'Solo la institución líder del caso hace esto', en: 'Only the case\'s lead agency does this' },
});
