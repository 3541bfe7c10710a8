import { CreateAppRole1764000000000 } from './1764000000000-CreateAppRole';
import { CreateDirectory1764000001000 } from './1764000001000-CreateDirectory';
import { CreateUsersAndSessions1764000002000 } from './1764000002000-CreateUsersAndSessions';
import { CreateAuditLog1764000003000 } from './1764000003000-CreateAuditLog';
import { CreateTasksTimersOutbox1764000004000 } from './1764000004000-CreateTasksTimersOutbox';
import { CreateCases1764100000000 } from './1764100000000-CreateCases';
import { CreateReviewsReferralsPlacements1764200000000 } from './1764200000000-CreateReviewsReferralsPlacements';
import { CreateCareAndClosure1764300000000 } from './1764300000000-CreateCareAndClosure';
import { AddMinorConsentDetails1764400000000 } from './1764400000000-AddMinorConsentDetails';
import { AddVisaDecisionTask1764500000000 } from './1764500000000-AddVisaDecisionTask';
import { CreateFollowUp1764600000000 } from './1764600000000-CreateFollowUp';
import { SetAppRoleTimeouts1764700000000 } from './1764700000000-SetAppRoleTimeouts';
import { AddTaskQueueIndex1764800000000 } from './1764800000000-AddTaskQueueIndex';
import { AddSeparationOfDuties1764900000000 } from './1764900000000-AddSeparationOfDuties';
import { AddCaseRetention1764920000000 } from './1764920000000-AddCaseRetention';
import { KeepPseudonymizedCasesErased1764930000000 } from './1764930000000-KeepPseudonymizedCasesErased';
import { AddReferralListIndexes1764950000000 } from './1764950000000-AddReferralListIndexes';
import { CreateReportFacts1764960000000 } from './1764960000000-CreateReportFacts';
import { KeepShelterCountersByTrigger1764972000000 } from './1764972000000-KeepShelterCountersByTrigger';
import { CreateInstanceIdentity1764987000000 } from './1764987000000-CreateInstanceIdentity';
import { ProtectShelterCounters1764990000000 } from './1764990000000-ProtectShelterCounters';
import { KeepErasedCasesOutOfReach1764995000000 } from './1764995000000-KeepErasedCasesOutOfReach';
import { CancelReferralsWithTheirCase1765000000000 } from './1765000000000-CancelReferralsWithTheirCase';

/** Listed explicitly (not globbed) so that jest and the built app load the same classes. */
export const migrations = [
  CreateAppRole1764000000000,
  CreateDirectory1764000001000,
  CreateUsersAndSessions1764000002000,
  CreateAuditLog1764000003000,
  CreateTasksTimersOutbox1764000004000,
  CreateCases1764100000000,
  CreateReviewsReferralsPlacements1764200000000,
  CreateCareAndClosure1764300000000,
  AddMinorConsentDetails1764400000000,
  AddVisaDecisionTask1764500000000,
  CreateFollowUp1764600000000,
  SetAppRoleTimeouts1764700000000,
  AddTaskQueueIndex1764800000000,
  AddSeparationOfDuties1764900000000,
  AddCaseRetention1764920000000,
  KeepPseudonymizedCasesErased1764930000000,
  AddReferralListIndexes1764950000000,
  CreateReportFacts1764960000000,
  KeepShelterCountersByTrigger1764972000000,
  CreateInstanceIdentity1764987000000,
  ProtectShelterCounters1764990000000,
  KeepErasedCasesOutOfReach1764995000000,
  CancelReferralsWithTheirCase1765000000000,
];
