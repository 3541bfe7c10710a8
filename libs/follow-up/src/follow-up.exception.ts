import { registerProblemCodes } from '@ruta/core';

export enum FollowUpErrorCode {
  NotFound = 'follow_up_plan_not_found',
  CheckinNotFound = 'checkin_not_found',
  AlreadyPlanned = 'follow_up_plan_exists',
  NotAssigned = 'checkin_not_assigned_to_you',
  AlreadyRecorded = 'checkin_already_recorded',
}

registerProblemCodes({
  [FollowUpErrorCode.NotFound]: { es: 'El caso no tiene plan de seguimiento', en: 'The case has no follow-up plan' },
  [FollowUpErrorCode.CheckinNotFound]: { es: 'El control de seguimiento no existe', en: 'The follow-up check-in does not exist' },
  [FollowUpErrorCode.AlreadyPlanned]: { es: 'El caso ya tiene un plan de seguimiento', en: 'The case already has a follow-up plan' },
  [FollowUpErrorCode.NotAssigned]: {
    es: 'El control está asignado a otra institución', en: 'The check-in is assigned to another agency',
  },
  [FollowUpErrorCode.AlreadyRecorded]: { es: 'El control ya fue registrado', en: 'The check-in was already recorded' },
});
