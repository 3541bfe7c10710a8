import { LocalizedText } from '../i18n/locale';

export interface ProblemFieldError {
  path: string;
  message: string;
}

/** The members of a problem details body that problem-body.ts writes itself (RFC 9457 and Ruta's own). */
export const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'requestId'] as const;

/**
 * Extra members safe to show the caller (never personal data). None may be named like a member the body
 * writes itself: a record's own status goes out as `recordStatus`, never as `status` (the HTTP status).
 */
export type ProblemExtensions = Record<string, unknown> & { [K in (typeof PROBLEM_MEMBERS)[number]]?: never };

export interface ProblemOptions {
  /** Human-readable detail in both languages; defaults to the code's title. */
  detail?: LocalizedText;
  errors?: ProblemFieldError[];
  extensions?: ProblemExtensions;
  headers?: Record<string, string>;
}

/**
 * The one exception every module throws for an expected refusal. The global filter turns it into
 * RFC 9457 problem details: type urn:ruta:problem:<code>, title, status, detail, code.
 */
export class ProblemException extends Error {
  constructor(readonly status: number, readonly code: string, readonly options: ProblemOptions = {}) {
    super(`${status} ${code}`);
    this.name = 'ProblemException';
  }

  static badRequest(code: string, options?: ProblemOptions) {
    return new ProblemException(400, code, options);
  }
  static unauthorized(code = 'unauthenticated', options?: ProblemOptions) {
    return new ProblemException(401, code, options);
  }
  static forbidden(code = 'forbidden', options?: ProblemOptions) {
    return new ProblemException(403, code, options);
  }
  static notFound(code = 'not_found', options?: ProblemOptions) {
    return new ProblemException(404, code, options);
  }
  static conflict(code: string, options?: ProblemOptions) {
    return new ProblemException(409, code, options);
  }
  static unprocessable(code: string, options?: ProblemOptions) {
    return new ProblemException(422, code, options);
  }
  static preconditionRequired(options?: ProblemOptions) {
    return new ProblemException(428, 'precondition_required', options);
  }
  static tooManyRequests(options?: ProblemOptions) {
    return new ProblemException(429, 'rate_limited', options);
  }
}
