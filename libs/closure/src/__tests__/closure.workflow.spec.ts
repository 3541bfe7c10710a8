import { mayTake, workflowRows } from '@ruta/core';
import { CLOSURE_WORKFLOW } from '../closure.workflow';

describe('closure request workflow (PRODUCT.md section 4: two people, two agencies)', () => {
  it('is the reviewed table (a change here is a change of the protocol)', () => {
    expect(workflowRows(CLOSURE_WORKFLOW)).toMatchSnapshot();
  });
  it('lets only a committee member of another agency decide, and only a pending request', () => {
    expect(mayTake(CLOSURE_WORKFLOW, 'pending', 'approve', ['committee_of_another_agency'])).toBe(true);
    expect(mayTake(CLOSURE_WORKFLOW, 'pending', 'approve', ['lead_agency'])).toBe(false);
    expect(mayTake(CLOSURE_WORKFLOW, 'approved', 'reject', ['committee_of_another_agency'])).toBe(false);
  });
});
