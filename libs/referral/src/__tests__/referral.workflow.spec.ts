import { mayTake, workflowRows } from '@ruta/core';
import { referralFrom, REFERRAL_WORKFLOW } from '../referral.workflow';

describe('referral workflow (PRODUCT.md section 7)', () => {
  it('is the reviewed table (a change here is a change of the protocol)', () => {
    expect(workflowRows(REFERRAL_WORKFLOW)).toMatchSnapshot();
  });
  it('lets the target accept a pending referral, and the lead agency or committee cancel an accepted one', () => {
    expect(mayTake(REFERRAL_WORKFLOW, 'pending', 'accept', ['target'])).toBe(true);
    expect(mayTake(REFERRAL_WORKFLOW, 'pending', 'accept', ['lead_agency', 'committee'])).toBe(false);
    expect(mayTake(REFERRAL_WORKFLOW, 'accepted', 'cancel', ['lead_agency'])).toBe(true);
    expect(mayTake(REFERRAL_WORKFLOW, 'accepted', 'cancel', ['target'])).toBe(false);
    expect(referralFrom('cancel')).toEqual(['pending', 'accepted']);
  });
});
