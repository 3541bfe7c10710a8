import { Injectable } from '@nestjs/common';
import { Actor } from '@ruta/core';
import { EntityManager } from 'typeorm';
import { CaseViewer } from './access/case-viewer';
import { CaseReads } from './case-reads';
import { CaseRow } from './case.repository';
import { casePartiesOf, caseActionsFor } from './case.workflow';

/** The record types whose workflows are maps (STYLE.md, "Workflows as data"). */
export type WorkflowName = 'case' | 'review' | 'referral' | 'visa_request' | 'closure_request' | 'checkin';

/** An action the signed-in user may take now on a case or one of its records: `endpoint` with `:id` = `recordId`. */
export interface AvailableCaseAction {
  workflow: WorkflowName;
  action: string;
  endpoint: string;
  recordId: string;
}

export type CaseActionsProvider = (m: EntityManager, row: CaseRow, actor: Actor, viewer: CaseViewer, reads: CaseReads) => Promise<AvailableCaseAction[]>;

/**
 * "The actions you may take now" (PRODUCT.md section 15): the case's own, from the case workflow, and those on
 * its records (referrals, visa requests, closure requests, check-ins, reviews), which the modules that own them
 * register here at start-up, each computed from its workflow map, so the case module lists them without
 * importing those modules and no rule is written twice.
 */
@Injectable()
export class CaseActionsRegistry {
  private readonly providers = new Map<string, CaseActionsProvider>();

  register(name: string, provider: CaseActionsProvider): void {
    if (this.providers.has(name)) throw new Error(`Case actions "${name}" already have a provider`);
    this.providers.set(name, provider);
  }

  /** @param reads the rows the case's parts were rendered from, when the same answer shows them (GET /cases/:id) */
  async available(m: EntityManager, row: CaseRow, actor: Actor, viewer: CaseViewer, reads = new CaseReads()): Promise<AvailableCaseAction[]> {
    // The case's own actions taken on the case itself (`/cases/:id/...`); those taken on a record are listed by its module.
    const own: AvailableCaseAction[] = caseActionsFor(row.status, casePartiesOf(row, viewer, actor))
      .filter((a) => a.endpoint.startsWith('POST /cases/:id/'))
      .map((a) => ({ workflow: 'case', action: a.action, endpoint: a.endpoint, recordId: row.id }));
    const out = [...own];
    for (const provider of this.providers.values()) out.push(...(await provider(m, row, actor, viewer, reads)));
    return out;
  }
}

/** The map's available actions on one record, in the shape the case lists them. */
export function onRecord(workflow: WorkflowName, recordId: string, actions: { action: string; endpoint: string }[]): AvailableCaseAction[] {
  return actions.map((a) => ({ workflow, action: a.action, endpoint: a.endpoint, recordId }));
}
