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

/**
 * The vocabulary a person and a shelter's eligibility share (PRODUCT.md sections 3, 5 and 13), defined here
 * once: the case, the screening catalog and the reports take these lists from this library.
 */
export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Forms of exploitation (COIP art. 91), in the order of PRODUCT.md section 13. */
export const EXPLOITATION_FORMS = ['organ_removal', 'sexual_exploitation', 'labour_exploitation', 'servile_marriage',
  'illegal_adoption', 'begging', 'forced_recruitment', 'other'] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

export const AGENCY_KINDS = ['ministry', 'secretariat', 'ngo', 'judicial', 'oversight', 'other'] as const;
