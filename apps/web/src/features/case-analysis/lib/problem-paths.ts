import { ProblemError } from '../../../lib/api/problem';

/**
 * The API's reasons for one part of the form: every `errors[].message` whose path is that part or
 * lies below it (`plan.referrals[0]` takes `plan.referrals[0].shelterId`).
 */
export function reasonsAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  const found = (error.problem.errors ?? [])
    .filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`))
    .map((e) => e.message);
  return found.length > 0 ? found.join(' · ') : undefined;
}

/** The quorum numbers a `quorum_not_met` refusal carries (they belong to the members part). */
export function quorumRefusal(error: unknown): { members: number; agencies: number; required: { members: number; agencies: number } } | null {
  if (!(error instanceof ProblemError) || error.problem.code !== 'quorum_not_met') return null;
  const p = error.problem as { members?: number; agencies?: number; required?: { members: number; agencies: number } };
  return { members: p.members ?? 0, agencies: p.agencies ?? 0, required: p.required ?? { members: 3, agencies: 3 } };
}
