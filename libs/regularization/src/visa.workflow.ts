import { Workflow } from '@ruta/core';

/**
 * Who acts on an article 104 visa request (PRODUCT.md section 8):
 * - mdi_committee: a committee member of MDI, the requesting ministry (files and withdraws);
 * - recognition: the committee deciding `recognize` with the visa in its protection plan (creates it);
 * - visa_officer: a visa officer of MREMH (claims it);
 * - claimer: the visa officer who claimed it (grants or denies);
 * - lead_agency: the case's lead agency (withdraws).
 */
export type VisaParty = 'mdi_committee' | 'recognition' | 'visa_officer' | 'claimer' | 'lead_agency';
export type VisaStatus = 'new' | 'requested' | 'under_review' | 'granted' | 'denied' | 'withdrawn';
export type VisaAction = 'file' | 'request_at_recognition' | 'claim' | 'grant' | 'deny' | 'withdraw';

const WITHDRAW = { roles: ['mdi_committee', 'lead_agency'], to: 'withdrawn', endpoint: 'POST /visa-requests/:id/withdraw' } as const;

/** The visa request's lifecycle as data: `status -> action -> {roles, to, endpoint}` (`new`: no request yet). */
export const VISA_WORKFLOW: Workflow<VisaStatus, VisaAction, VisaParty> = {
  new: {
    file: { roles: ['mdi_committee'], to: 'requested', endpoint: 'POST /cases/:id/visa-requests' },
    request_at_recognition: { roles: ['recognition'], to: 'requested', endpoint: 'POST /reviews/:id/decision' },
  },
  requested: {
    claim: { roles: ['visa_officer'], to: 'under_review', endpoint: 'POST /visa-requests/:id/claim' },
    withdraw: WITHDRAW,
  },
  under_review: {
    grant: { roles: ['claimer'], to: 'granted', endpoint: 'POST /visa-requests/:id/grant' },
    deny: { roles: ['claimer'], to: 'denied', endpoint: 'POST /visa-requests/:id/deny' },
    withdraw: WITHDRAW,
  },
  granted: {},
  denied: {},
  withdrawn: {},
};

