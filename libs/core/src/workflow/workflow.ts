/**
 * Workflows as data (STYLE.md; after OpenCRVS availableActions): for each record type, one map
 * `status -> action -> {roles, to, endpoint}`. `roles` names the parties who may take the action: user
 * roles or relations to the record (the case's lead agency, a referral's target, the visa officer who
 * claimed a request...). The service works out which parties the actor is in for this record; this one
 * function decides.
 */
export interface WorkflowRule<S extends string = string, P extends string = string> {
  /** The parties who may take the action from this status. */
  roles: readonly P[];
  /** The status it leads to (a list: one of these, depending on the input; 'previous': the status before closure). */
  to: S | readonly S[] | 'previous';
  /** Where it is taken: `POST /cases/:id/close`. */
  endpoint: string;
}

export type Workflow<S extends string, A extends string, P extends string> = {
  readonly [status in S]: { readonly [action in A]?: WorkflowRule<S, P> };
};

/** The module's problems: the action is not allowed from this status (409), or the actor is not one of its parties. */
export interface WorkflowRefusals {
  notAllowed(status: string, action: string): Error;
  notParty(status: string, action: string): Error;
}

export interface AvailableAction<A extends string = string, S extends string = string> {
  action: A;
  endpoint: string;
  to: S | readonly S[] | 'previous';
}

/** The rule for this action from this status, whoever asks; undefined when the action is not allowed from it. */
export function workflowRule<S extends string, A extends string, P extends string>(
  workflow: Workflow<S, A, P>, status: S, action: A,
): WorkflowRule<S, P> | undefined {
  const actions = Object.prototype.hasOwnProperty.call(workflow, status) ? workflow[status] : undefined;
  return actions && Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
}

/**
 * The one check: the rule for `action` from `status` when one of `parties` may take it; otherwise the
 * module's problem. An actor who is no party to this action from any status is refused as such first (so a
 * stranger learns nothing of the record's status); then an action not allowed from this status (409); then a
 * party the rule does not name for this status.
 */
export function requireAction<S extends string, A extends string, P extends string>(
  workflow: Workflow<S, A, P>, status: S, action: A, parties: Iterable<P>, refuse: WorkflowRefusals,
): WorkflowRule<S, P> {
  const mine = new Set(parties);
  const anywhere = (Object.keys(workflow) as S[]).some((s) => workflowRule(workflow, s, action)?.roles.some((r) => mine.has(r)));
  if (!anywhere) throw refuse.notParty(status, action);
  const rule = workflowRule(workflow, status, action);
  if (!rule) throw refuse.notAllowed(status, action);
  if (!rule.roles.some((r) => mine.has(r))) throw refuse.notParty(status, action);
  return rule;
}

/** Whether one of `parties` may take `action` from `status`. */
export function mayTake<S extends string, A extends string, P extends string>(
  workflow: Workflow<S, A, P>, status: S, action: A, parties: Iterable<P>,
): boolean {
  const rule = workflowRule(workflow, status, action);
  const mine = new Set(parties);
  return Boolean(rule && rule.roles.some((r) => mine.has(r)));
}

/** The actions one of `parties` may take now from `status`, in the map's order. */
export function availableActions<S extends string, A extends string, P extends string>(
  workflow: Workflow<S, A, P>, status: S, parties: Iterable<P>,
): AvailableAction<A, S>[] {
  const mine = new Set(parties);
  const actions = Object.prototype.hasOwnProperty.call(workflow, status) ? workflow[status] : {};
  return (Object.entries(actions) as [A, WorkflowRule<S, P>][])
    .filter(([, rule]) => rule.roles.some((r) => mine.has(r)))
    .map(([action, rule]) => ({ action, endpoint: rule.endpoint, to: rule.to }));
}

/** Whether `to` is one of the statuses the rule leads to. */
export function leadsTo<S extends string>(rule: WorkflowRule<S, string>, to: S): boolean {
  if (rule.to === 'previous') return true;
  return typeof rule.to === 'string' ? rule.to === to : (rule.to as readonly S[]).includes(to);
}

/** The rows of a map as text, one per (status, action), for a reviewed snapshot. */
export function workflowRows(workflow: Workflow<string, string, string>): string[] {
  return Object.entries(workflow).flatMap(([from, actions]) => Object.entries(actions).map(([action, rule]) => {
    const r = rule as WorkflowRule;
    const to = typeof r.to === 'string' ? r.to : r.to.join('|');
    return `${from} --${action} [${r.roles.join(', ')}] ${r.endpoint}--> ${to}`;
  }));
}

/** The statuses from which the map allows `action` (for a guarded `UPDATE ... WHERE status = ANY(...)`). */
export function statusesAllowing<S extends string, A extends string, P extends string>(workflow: Workflow<S, A, P>, action: A): S[] {
  return (Object.keys(workflow) as S[]).filter((s) => workflowRule(workflow, s, action) !== undefined);
}
