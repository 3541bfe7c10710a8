import { mayTake, workflowRows } from '@ruta/core';
import { CHECKIN_WORKFLOW } from '../checkin.workflow';

describe('follow-up check-in workflow (PRODUCT.md section 9)', () => {
  it('is the reviewed table (a change here is a change of the protocol)', () => {
    expect(workflowRows(CHECKIN_WORKFLOW)).toMatchSnapshot();
  });
  it('falls due once, by its timer; is recorded by its agency or the lead agency; is rescheduled only before it falls due', () => {
    expect(mayTake(CHECKIN_WORKFLOW, 'scheduled', 'fall_due', ['timer'])).toBe(true);
    expect(mayTake(CHECKIN_WORKFLOW, 'due', 'fall_due', ['timer'])).toBe(false);
    expect(mayTake(CHECKIN_WORKFLOW, 'due', 'record', ['assigned_agency'])).toBe(true);
    expect(mayTake(CHECKIN_WORKFLOW, 'done', 'record', ['lead_agency'])).toBe(false);
    expect(mayTake(CHECKIN_WORKFLOW, 'due', 'reschedule', ['lead_agency'])).toBe(false);
  });
});
