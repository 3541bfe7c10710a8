import type { Sex } from '@ruta/directory';

export const CASE_STATUSES = ['screening', 'identified', 'under_review', 'recognized', 'in_assistance', 'follow_up', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TRAFFICKING_STATUSES = ['possible_victim', 'presumed_victim', 'recognized_victim', 'not_a_victim'] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

export const CLOSURE_REASONS = ['follow_up_completed', 'not_recognized', 'no_indicators', 'duplicate', 'declined_assistance',
  'returned_abroad', 'lost_contact', 'deceased'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const DOCUMENT_TYPES = ['passport', 'national_id', 'other'] as const;
export const CAME_TO_ATTENTION = ['border_control', 'operation', 'complaint', 'self_referral', 'abroad_consulate', 'other'] as const;

export interface VictimInput {
  givenNames: string;
  familyNames: string;
  sex: Sex;
  genderIdentity?: string;
  dateOfBirth?: string;
  estimatedAge?: number;
  nationality: string[];
  documents: { type: (typeof DOCUMENT_TYPES)[number]; number: string; issuingCountry: string }[];
  languages: string[];
  contact?: { phone?: string; address?: string };
  accompanyingChildren?: { count: number; ages: number[] };
}

export interface IdentificationInput {
  date: string;
  province: string;
  canton?: string;
  place?: string;
  borderPoint?: string;
  cameToAttention: (typeof CAME_TO_ATTENTION)[number];
  circumstances: string;
  exploitationForms: string[];
  locatedAbroad: boolean;
}
