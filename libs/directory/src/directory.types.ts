import { LocalizedText } from '@ruta/core';

export interface AgencyRef {
  code: string;
  name: LocalizedText;
}

export interface AgencyView extends AgencyRef {
  kind: string;
  active: boolean;
  /** Only an agency with a protection mandate may lead a case (PRODUCT.md section 2). */
  protectionMandate: boolean;
}

export interface ShelterView {
  id: string;
  code: string;
  name: string;
  operator: AgencyRef;
  capacity: number;
  occupied: number;
  free: number;
  pendingReferrals: number;
  active: boolean;
  version: number;
  eligibility: {
    sexes: string[];
    minAge: number | null;
    maxAge: number | null;
    exploitationForms: string[];
    accompanyingChildren: boolean;
  };
}

export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const EXPLOITATION_FORMS = ['organ_removal', 'sexual_exploitation', 'labour_exploitation', 'servile_marriage',
  'illegal_adoption', 'begging', 'forced_recruitment', 'other'] as const;
export const AGENCY_KINDS = ['ministry', 'secretariat', 'ngo', 'judicial', 'oversight', 'other'] as const;
