/** RFC 9457 problem details as the API sends them (PRODUCT.md section 13). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

/** Thrown by `unwrap` for an answer that is not a success, so that queries and mutations carry it. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem, readonly status: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The message the API gave for one field (`errors[].path`), or for a path below it. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`))?.message;
  }
}

/** Resolves an openapi-fetch answer to its data, or throws the problem it carries. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (error && typeof error === 'object' ? error : { title: response.statusText }) as Problem;
    throw new ProblemError(problem, response.status);
  }
  return data as T;
}

export function isProblem(err: unknown, code?: string): err is ProblemError {
  return err instanceof ProblemError && (code === undefined || err.problem.code === code);
}
