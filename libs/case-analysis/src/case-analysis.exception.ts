import { registerProblemCodes } from '@ruta/core';

export enum CaseAnalysisErrorCode {
  ReviewNotFound = 'review_not_found',
  QuorumNotMet = 'quorum_not_met',
  ReviewAlreadyDecided = 'review_already_decided',
  ReviewOpen = 'review_already_open',
  LeadAgencyRequired = 'lead_agency_required',
  PlanNotAllowed = 'plan_only_with_recognize',
  NoLeadAgency = 'no_lead_agency',
}

registerProblemCodes({
  [CaseAnalysisErrorCode.ReviewNotFound]: { es: 'La revisión no existe', en: 'The review does not exist' },
  [CaseAnalysisErrorCode.QuorumNotMet]: {
    es: 'No hay quórum: se requieren al menos 3 miembros del comité de 3 instituciones distintas',
    en: 'No quorum: at least 3 committee members from 3 different agencies are required',
  },
  [CaseAnalysisErrorCode.ReviewAlreadyDecided]: { es: 'La revisión ya fue decidida', en: 'The review was already decided' },
  [CaseAnalysisErrorCode.ReviewOpen]: { es: 'El caso ya tiene una revisión abierta', en: 'The case already has an open review' },
  [CaseAnalysisErrorCode.LeadAgencyRequired]: { es: 'El reconocimiento nombra una institución líder', en: 'A recognition names a lead agency' },
  [CaseAnalysisErrorCode.PlanNotAllowed]: {
    es: 'La institución líder y el plan solo acompañan a la decisión de reconocer',
    en: 'A lead agency and a plan go only with the decision to recognize',
  },
  [CaseAnalysisErrorCode.NoLeadAgency]: { es: 'El caso no tiene institución líder', en: 'The case has no lead agency' },
});
