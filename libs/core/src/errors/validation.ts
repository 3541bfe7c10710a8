import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException, ProblemFieldError } from './problem.exception';

function flatten(errors: ValidationError[], parent = ''): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) out.push(...flatten(error.children, path));
  }
  return out;
}

/**
 * Unknown fields are refused (no mass assignment) and wrong types answer 400 with every failing path.
 */
export function rutaValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ProblemException.badRequest('validation_failed', {
      errors: flatten(errors),
      detail: {
        es: 'Uno o más campos no son válidos o no están permitidos',
        en: 'One or more fields are invalid or not allowed',
      },
    }),
  });
}
