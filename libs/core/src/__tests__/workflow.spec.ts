import { availableActions, mayTake, requireAction, Workflow, workflowRows } from '../workflow/workflow';

type S = 'open' | 'done';
const FLOW: Workflow<S, 'finish' | 'reopen', 'owner' | 'boss'> = {
  open: { finish: { roles: ['owner'], to: 'done', endpoint: 'POST /things/:id/finish' } },
  done: { reopen: { roles: ['boss'], to: 'open', endpoint: 'POST /things/:id/reopen' } },
};
const refuse = { notAllowed: () => new Error('409'), notParty: () => new Error('403') };

describe('requireAction (workflows as data)', () => {
  it('returns the rule when the action is allowed from the status and the actor is one of its parties', () => {
    expect(requireAction(FLOW, 'open', 'finish', ['owner'], refuse).to).toBe('done');
  });
  it('refuses an action not allowed from this status as not allowed', () => {
    expect(() => requireAction(FLOW, 'done', 'finish', ['owner'], refuse)).toThrow('409');
  });
  it('refuses an actor who is not one of the parties, whatever the status', () => {
    expect(() => requireAction(FLOW, 'open', 'finish', ['boss'], refuse)).toThrow('403');
    expect(() => requireAction(FLOW, 'done', 'finish', ['boss'], refuse)).toThrow('403');
    expect(() => requireAction(FLOW, 'open', 'finish', [], refuse)).toThrow('403');
  });
  it('does not take names of Object.prototype for actions or statuses', () => {
    expect(() => requireAction(FLOW, 'open', 'toString' as never, ['owner'], refuse)).toThrow();
    expect(mayTake(FLOW, 'constructor' as never, 'finish', ['owner'])).toBe(false);
  });
  it('lists the actions the parties may take now, in the map order', () => {
    expect(availableActions(FLOW, 'open', ['owner', 'boss'])).toEqual([{ action: 'finish', endpoint: 'POST /things/:id/finish', to: 'done' }]);
    expect(availableActions(FLOW, 'done', ['owner'])).toEqual([]);
  });
  it('writes the rows for a snapshot', () => {
    expect(workflowRows(FLOW)).toEqual(['open --finish [owner] POST /things/:id/finish--> done', 'done --reopen [boss] POST /things/:id/reopen--> open']);
  });
});
