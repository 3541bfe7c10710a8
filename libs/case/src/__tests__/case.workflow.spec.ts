import { allowedAction, CASE_WORKFLOW } from '../case.workflow';

describe('case status machine (PRODUCT.md section 4)', () => {
  it('is the reviewed table (a change here is a change of the protocol)', () => {
    const rows = Object.entries(CASE_WORKFLOW).flatMap(([from, actions]) =>
      actions.map((a) => `${from} --${a.action} [${a.roles.join(', ')}] ${a.endpoint}--> ${Array.isArray(a.to) ? a.to.join('|') : a.to}`));
    expect(rows).toMatchSnapshot();
  });

  it('allows only listed actions from each status', () => {
    expect(allowedAction('screening', 'submit_for_review')?.to).toBe('identified');
    expect(allowedAction('identified', 'submit_for_review')).toBeUndefined();
    expect(allowedAction('closed', 'reopen')?.to).toBe('previous');
    expect(allowedAction('under_review', 'close_screening')).toBeUndefined();
    expect(allowedAction('follow_up', 'create_follow_up_plan')).toBeUndefined();
  });

  it('names an endpoint and at least one actor for every action', () => {
    for (const actions of Object.values(CASE_WORKFLOW)) {
      for (const a of actions) {
        expect(a.endpoint).toMatch(/^(GET|POST|PATCH|PUT) \//);
        expect(a.roles.length).toBeGreaterThan(0);
      }
    }
  });
});
