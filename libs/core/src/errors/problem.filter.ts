import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pickLocale } from '../i18n/locale';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem-body';
import { ProblemException } from './problem.exception';
import { toProblem } from './to-problem';

/** The single place where errors become RFC 9457 problem details (PRODUCT.md section 13). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

export function sendProblem(error: unknown, req: Request, res: Response, logger: Logger): void {
  let problem = toProblem(error);
  if (!problem) {
    logger.error({ err: error, requestId: req.id }, 'unhandled error');
    problem = new ProblemException(500, 'internal_error');
  } else if (problem.status >= 500) {
    logger.error({ err: error, requestId: req.id }, 'server error');
  }
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(problem.options.headers ?? {})) res.setHeader(name, value);
  res.status(problem.status);
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(JSON.stringify(problemBody(problem, pickLocale(req.headers['accept-language']), String(req.id ?? ''))));
}
