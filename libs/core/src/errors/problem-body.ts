import { Locale, LocalizedText } from '../i18n/locale';
import { PROBLEM_MEMBERS, ProblemException } from './problem.exception';
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

const RESERVED: ReadonlySet<string> = new Set(PROBLEM_MEMBERS);

export function problemBody(problem: ProblemException, locale: Locale, requestId?: string): ProblemBody {
  const title = problemTitle(problem.code) ?? statusTitle(problem.status);
  // An extension never stands in for a member of the body (ProblemExtensions refuses one when it compiles).
  const extensions = Object.entries(problem.options.extensions ?? {}).filter(([name]) => !RESERVED.has(name));
  const body: ProblemBody = {
    ...Object.fromEntries(extensions),
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
