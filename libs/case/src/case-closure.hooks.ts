import { Injectable } from '@nestjs/common';
import { Actor, ProblemException, RequestMeta } from '@ruta/core';
import { TaskType } from '@ruta/tasks';
import { EntityManager } from 'typeorm';

/**
 * What a module does when a case closes (PRODUCT.md section 4), registered at start-up by the module that owns
 * the records, so that the closure module applies the rule without importing them:
 * - `refusal`: the problem that refuses the closure while the case may not be closed yet (the person is still
 *   placed), or null; asked when the closure is requested, when it is approved, and when the actions are listed;
 * - `closed`: the module's records at the moment the case closes (referrals not yet accepted are cancelled,
 *   accepted service referrals are completed), in the approving transaction;
 * - `continuing`: the task types whose work goes on after the closure (an undecided article 104 request is the
 *   person's right, not the case's); every other open task of the case ends with it.
 */
export interface CaseClosureHook {
  refusal?: (m: EntityManager, caseId: string) => Promise<ProblemException | null>;
  closed?: (m: EntityManager, caseId: string, actor: Actor, meta: RequestMeta) => Promise<void>;
  continuing?: readonly TaskType[];
}

@Injectable()
export class CaseClosureHooks {
  private readonly hooks = new Map<string, CaseClosureHook>();

  register(name: string, hook: CaseClosureHook): void {
    if (this.hooks.has(name)) throw new Error(`Case closure hook "${name}" already registered`);
    this.hooks.set(name, hook);
  }

  /** The first module's refusal of the closure now, or null (the actions a case lists leave out what it refuses). */
  async refusal(m: EntityManager, caseId: string): Promise<ProblemException | null> {
    for (const hook of this.hooks.values()) {
      const problem = hook.refusal ? await hook.refusal(m, caseId) : null;
      if (problem) return problem;
    }
    return null;
  }

  /** Throws the first module's refusal, if any. */
  async refuse(m: EntityManager, caseId: string): Promise<void> {
    const problem = await this.refusal(m, caseId);
    if (problem) throw problem;
  }

  async closed(m: EntityManager, caseId: string, actor: Actor, meta: RequestMeta): Promise<void> {
    for (const hook of this.hooks.values()) if (hook.closed) await hook.closed(m, caseId, actor, meta);
  }

  /** The task types that outlive the case's closure. */
  continuing(): TaskType[] {
    return [...this.hooks.values()].flatMap((h) => h.continuing ?? []);
  }
}
