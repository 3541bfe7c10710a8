import { mayTake, workflowRows } from '@ruta/core';
import { VISA_WORKFLOW } from '../visa.workflow';

describe('article 104 visa request workflow (PRODUCT.md section 8)', () => {
  it('is the reviewed table (a change here is a change of the protocol)', () => {
    expect(workflowRows(VISA_WORKFLOW)).toMatchSnapshot();
  });
  it('lets only the claimer decide, and MDI committee or the lead agency withdraw an open request', () => {
    expect(mayTake(VISA_WORKFLOW, 'under_review', 'grant', ['claimer'])).toBe(true);
    expect(mayTake(VISA_WORKFLOW, 'under_review', 'grant', ['visa_officer'])).toBe(false);
    expect(mayTake(VISA_WORKFLOW, 'requested', 'withdraw', ['lead_agency'])).toBe(true);
    expect(mayTake(VISA_WORKFLOW, 'granted', 'withdraw', ['mdi_committee'])).toBe(false);
  });
});
