import { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationError, ValidationTypes, ValidatorOptions } from 'class-validator';
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
 * class-validator lets an absent property through when its only check is @ValidateNested (a nested
 * object or list of them): `{}` would then pass as an intake and fail deep in a service with a 500. A
 * property is required unless it is marked @IsOptional (or @ValidateIf), as the OpenAPI document says.
 */
export function missingRequired(object: unknown, parent = ''): ValidationError[] {
  if (object === null || typeof object !== 'object') return [];
  if (Array.isArray(object)) return object.flatMap((item, i) => missingRequired(item, `${parent}${parent ? '.' : ''}${i}`));
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(object.constructor, '', true, false);
  const byProperty = new Map<string, string[]>();
  for (const m of metadatas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m.type]);
  const out: ValidationError[] = [];
  for (const [property, types] of byProperty) {
    if (types.includes(ValidationTypes.CONDITIONAL_VALIDATION)) continue;
    const value = (object as Record<string, unknown>)[property];
    const path = parent ? `${parent}.${property}` : property;
    if (value === undefined) {
      // Value checks (@IsString…) and @IsDefined already report an absent value.
      if (types.includes(ValidationTypes.CUSTOM_VALIDATION) || types.includes(ValidationTypes.IS_DEFINED)) continue;
      out.push(Object.assign(new ValidationError(), { property: path, children: [], constraints: { isDefined: `${property} should not be undefined` } }));
    } else if (types.includes(ValidationTypes.NESTED_VALIDATION)) {
      out.push(...missingRequired(value, path));
    }
  }
  return out;
}

class RutaValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...missingRequired(object)];
  }
}

/**
 * Unknown fields are refused (no mass assignment) and wrong types answer 400 with every failing path.
 */
export function rutaValidationPipe(): ValidationPipe {
  return new RutaValidationPipe({
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
