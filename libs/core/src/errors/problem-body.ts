import { Locale, LocalizedText } from '../i18n/locale';
import { ProblemException } from './problem.exception';
import { problemTitle, statusTitle } from './problem-messages';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

function pick(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.es;
}

export function problemBody(problem: ProblemException, locale: Locale, requestId?: string): ProblemBody {
  const title = problemTitle(problem.code) ?? statusTitle(problem.status);
  const body: ProblemBody = {
    ...(problem.options.extensions ?? {}),
    type: `urn:ruta:problem:${problem.code}`,
    title: pick(title, locale),
    status: problem.status,
    detail: pick(problem.options.detail ?? title, locale),
    code: problem.code,
  };
  if (problem.options.errors) body.errors = problem.options.errors;
  if (requestId) body.requestId = requestId;
  return body;
}
