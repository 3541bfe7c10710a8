import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pickLocale } from '../i18n/locale';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem-body';
import { ProblemException } from './problem.exception';
import { toProblem } from './to-problem';

/** The single place where errors become RFC 9457 problem details (PRODUCT.md section 13). */
/** Called for every refused access (401 with a token, 403, 404 on a record) before the answer goes out. */
export type RefusalRecorder = (req: Request, problem: ProblemException) => Promise<void>;

const NOT_REFUSALS = new Set(['route_not_found', 'test_clock_disabled']);

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  constructor(private readonly onRefusal?: RefusalRecorder) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const problem = toProblem(error);
    const refused = problem && !NOT_REFUSALS.has(problem.code)
      && (problem.status === 403 || problem.status === 404 || (problem.status === 401 && Boolean(req.headers.authorization)));
    if (refused && this.onRefusal) {
      try {
        await this.onRefusal(req, problem);
      } catch (err) {
        this.logger.error({ err: (err as Error).message }, 'could not audit a refused access');
      }
    }
    sendProblem(error, req, http.getResponse<Response>(), this.logger);
  }
}

/**
 * What the log keeps of an error: its kind, message, code and stack, never a failed query's parameters
 * or the database's detail line, which can carry personal data.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code ?? (error as { driverError?: { code?: unknown } }).driverError?.code;
  return { type: error.name, message: error.message.slice(0, 300), code: typeof code === 'string' ? code : undefined, stack: error.stack?.split('\n').slice(0, 8).join('\n') };
}

export function sendProblem(error: unknown, req: Request, res: Response, logger: Logger): void {
  let problem = toProblem(error);
  if (!problem) {
    logger.error({ err: safeError(error), requestId: req.id }, 'unhandled error');
    problem = new ProblemException(500, 'internal_error');
  } else if (problem.status >= 500) {
    logger.error({ err: safeError(error), requestId: req.id }, 'server error');
  }
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(problem.options.headers ?? {})) res.setHeader(name, value);
  res.status(problem.status);
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(JSON.stringify(problemBody(problem, pickLocale(req.headers['accept-language']), String(req.id ?? ''))));
}
