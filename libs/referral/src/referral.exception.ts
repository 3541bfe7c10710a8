import { registerProblemCodes } from '@ruta/core';

export enum ReferralErrorCode {
  NotFound = 'referral_not_found',
  NotEligible = 'not_eligible',
  ConsentRequired = 'consent_required',
  ShelterAtCapacity = 'shelter_at_capacity',
  NotPending = 'referral_not_pending',
  TransitionNotAllowed = 'referral_transition_not_allowed',
  NotTarget = 'not_referral_target',
  NotAllowedToRefer = 'not_allowed_to_refer',
  CaseNotRecognized = 'case_not_recognized',
  ActivePlacement = 'active_placement',
  RiskAssessmentRequired = 'risk_assessment_required',
  PlacementNotFound = 'placement_not_found',
  UnknownService = 'unknown_service',
  OverrideNotAllowed = 'consent_override_not_allowed',
  DischargeCompletes = 'shelter_referral_completed_by_discharge',
  NotAllowedToCancel = 'not_allowed_to_cancel',
  AlreadyDischarged = 'placement_already_discharged',
}

registerProblemCodes({
  [ReferralErrorCode.AlreadyDischarged]: { es: 'La persona ya egresó', en: 'The person was already discharged' },
  [ReferralErrorCode.NotFound]: { es: 'La derivación no existe', en: 'The referral does not exist' },
  [ReferralErrorCode.NotEligible]: {
    es: 'La persona no cumple los criterios de la casa de acogida', en: 'The person does not meet the shelter\'s eligibility rules',
  },
  [ReferralErrorCode.ConsentRequired]: {
    es: 'Se requiere el consentimiento de la víctima para derivar, o una excepción justificada del comité',
    en: 'The victim\'s consent to referral is required, or a justified override by the committee',
  },
  [ReferralErrorCode.ShelterAtCapacity]: { es: 'La casa de acogida no tiene plazas libres', en: 'The shelter has no free places' },
  [ReferralErrorCode.NotPending]: { es: 'La derivación ya fue respondida', en: 'The referral was already answered' },
  [ReferralErrorCode.TransitionNotAllowed]: {
    es: 'Esta acción no está permitida en el estado actual de la derivación', en: 'This action is not allowed in the referral\'s current status',
  },
  [ReferralErrorCode.NotTarget]: { es: 'Solo quien recibe la derivación puede responderla', en: 'Only the referral\'s target may answer it' },
  [ReferralErrorCode.NotAllowedToRefer]: {
    es: 'Solo el comité, la institución líder o quien deriva desde su propia derivación aceptada pueden derivar',
    en: 'Only the committee, the lead agency or a target referring onward from its accepted referral may refer',
  },
  [ReferralErrorCode.CaseNotRecognized]: { es: 'El caso aún no ha sido reconocido', en: 'The case has not been recognized' },
  [ReferralErrorCode.ActivePlacement]: {
    es: 'La persona sigue acogida: registre primero el egreso', en: 'The person is still placed: record the discharge first',
  },
  [ReferralErrorCode.RiskAssessmentRequired]: {
    es: 'Este egreso requiere una evaluación de riesgos', en: 'This discharge requires a risk assessment',
  },
  [ReferralErrorCode.PlacementNotFound]: { es: 'El acogimiento no existe', en: 'The placement does not exist' },
  [ReferralErrorCode.UnknownService]: { es: 'El tipo de servicio no existe', en: 'The service type does not exist' },
  [ReferralErrorCode.OverrideNotAllowed]: {
    es: 'Solo un miembro del comité puede registrar una excepción al consentimiento',
    en: 'Only a committee member may record a consent override',
  },
  [ReferralErrorCode.NotAllowedToCancel]: {
    es: 'Solo la institución líder o el comité cancelan una derivación', en: 'Only the lead agency or the committee cancel a referral',
  },
  [ReferralErrorCode.DischargeCompletes]: {
    es: 'Una derivación a casa de acogida se completa con el egreso', en: 'A shelter referral is completed by the discharge',
  },
});
