import { mayTake, workflowRows } from '@ruta/core';
import { ReferralErrorCode } from '../referral.exception';
import { ReferralAction, referralActionRefusal, referralFrom, REFERRAL_WORKFLOW } from '../referral.workflow';

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

  it('leaves out, by the referral\'s kind, what the status alone would allow (PRODUCT.md section 7)', () => {
    const actions: ReferralAction[] = ['accept', 'decline', 'cancel', 'complete', 'discharge'];
    const refusals = (shelterId: string | null, placed: boolean) =>
      Object.fromEntries(actions.map((a) => [a, referralActionRefusal(a, { shelterId, placed })]));
    // A service referral is completed by its target; it places no one, so there is nothing to discharge.
    expect(refusals(null, false)).toEqual({ accept: null, decline: null, cancel: null, complete: null, discharge: ReferralErrorCode.PlacementNotFound });
    // A shelter referral is completed by discharge, never directly; it may be cancelled while no one is placed.
    expect(refusals('s1', false)).toEqual({ accept: null, decline: null, cancel: null, complete: ReferralErrorCode.DischargeCompletes, discharge: null });
    expect(refusals('s1', true)).toEqual({ accept: null, decline: null, cancel: ReferralErrorCode.ActivePlacement, complete: ReferralErrorCode.DischargeCompletes, discharge: null });
  });
});
