import { mayTake, ProblemException, workflowRows, workflowRule } from '@ruta/core';
import { CASE_WORKFLOW, CaseAction, CaseParty, CaseWorkflowStatus, requireCaseAction } from '../case.workflow';
import { CASE_PARTIES_BY_HAND, CASE_STATUSES_BY_HAND, CASE_TABLE_BY_HAND } from './case-workflow.fixture';

const refuse = {
  notAllowed: (status: string, action: string) => ProblemException.conflict('transition_not_allowed', { extensions: { recordStatus: status, action } }),
  notParty: () => ProblemException.forbidden('not_a_party'),
};

describe('case status machine (PRODUCT.md section 4)', () => {
  it('is the reviewed table (a change here is a change of the protocol)', () => {
    expect(workflowRows(CASE_WORKFLOW)).toMatchSnapshot();
  });

  it('has the statuses of the table written by hand, no more, no fewer', () => {
    expect(Object.keys(CASE_WORKFLOW).sort()).toEqual([...CASE_STATUSES_BY_HAND].sort());
  });

  // Every status x every action x every party: allowed iff the hand-written table says so, to where it says.
  const actions = [...new Set([...CASE_TABLE_BY_HAND.map((r) => r.action), ...Object.values(CASE_WORKFLOW).flatMap((a) => Object.keys(a))])];
  const cells = CASE_STATUSES_BY_HAND.flatMap((status) => actions.flatMap((action) => CASE_PARTIES_BY_HAND.map((party) => [status, action, party] as const)));

  it.each(cells)('%s --%s--> by %s: as the table says', (status, action, party) => {
    const row = CASE_TABLE_BY_HAND.find((r) => r.from === status && r.action === action);
    const allowed = Boolean(row?.who.includes(party));
    expect(mayTake(CASE_WORKFLOW, status as CaseWorkflowStatus, action as CaseAction, [party as CaseParty])).toBe(allowed);
    if (allowed) {
      const to = workflowRule(CASE_WORKFLOW, status as CaseWorkflowStatus, action as CaseAction)!.to;
      expect(typeof to === 'string' ? [to] : [...to].sort()).toEqual([...row!.to].sort());
    }
  });

  it('refuses an action from a status that does not allow it with 409, and a party it does not name apart', () => {
    expect(() => requireCaseAction('identified', 'submit_for_review', ['officer'], refuse)).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => requireCaseAction('recognized', 'create_follow_up_plan', ['committee'], refuse)).toThrow(expect.objectContaining({ status: 403 }));
    expect(requireCaseAction('closed', 'reopen', ['committee'], refuse).to).toBe('previous');
  });
});
