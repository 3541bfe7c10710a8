import { Workflow } from '@ruta/core';

/**
 * Who acts on a closure request (PRODUCT.md section 4: two people, two agencies):
 * - lead_agency: the case's lead agency (its focal points or committee members) requests;
 * - committee_of_another_agency: a committee member of an agency other than the requesting one decides.
 */
export type ClosureParty = 'lead_agency' | 'committee_of_another_agency';
export type ClosureStatus = 'new' | 'pending' | 'approved' | 'rejected';
export type ClosureAction = 'request' | 'approve' | 'reject';

/** The closure request's lifecycle as data: `status -> action -> {roles, to, endpoint}` (`new`: no request yet). */
export const CLOSURE_WORKFLOW: Workflow<ClosureStatus, ClosureAction, ClosureParty> = {
  new: {
    request: { roles: ['lead_agency'], to: 'pending', endpoint: 'POST /cases/:id/closure-requests' },
  },
  pending: {
    approve: { roles: ['committee_of_another_agency'], to: 'approved', endpoint: 'POST /closure-requests/:id/approve' },
    reject: { roles: ['committee_of_another_agency'], to: 'rejected', endpoint: 'POST /closure-requests/:id/reject' },
  },
  approved: {},
  rejected: {},
};

