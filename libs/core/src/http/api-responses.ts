import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-body';

/*
 * The response half of the contract (PRODUCT.md section 13, issue 10): shared shapes and decorators that
 * every controller uses to declare its answers, so the generated web client is typed by the truth.
 */

export class LocalizedTextDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

/** An agency as responses show it (requests name it by code). */
export class AgencyRefDto {
  @ApiProperty({ example: 'MIES' }) code: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
}

export class ProblemFieldErrorDto {
  @ApiProperty({ example: 'victim.dateOfBirth' }) path: string;
  @ApiProperty() message: string;
}

/** A shelter's eligibility rule the person does not meet (PRODUCT.md section 7), with what it compared. */
export class FailedRuleDto {
  @ApiProperty({ enum: ['active', 'sex', 'age', 'exploitation_form', 'accompanying_children'], example: 'age' }) rule: string;
  @ApiProperty({ type: LocalizedTextDto }) message: LocalizedTextDto;
  @ApiPropertyOptional({ type: [String], description: 'sex: the sexes the shelter admits' }) sexes?: string[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'age: the lowest age the shelter admits' }) minAge?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'age: the highest age the shelter admits' }) maxAge?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'age: the person\'s age today (null when not known)' }) age?: number | null;
  @ApiPropertyOptional({ type: [String], description: 'exploitation_form: the forms the shelter serves' }) exploitationForms?: string[];
}

class QuorumRequiredDto {
  @ApiProperty() members: number;
  @ApiProperty() agencies: number;
}

/**
 * RFC 9457 problem details as libs/core/src/errors/problem-body.ts writes them, with the extension
 * members some refusals add.
 */
export class ProblemDetails {
  @ApiProperty({ example: 'urn:ruta:problem:version_conflict' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 409 }) status: number;
  @ApiProperty() detail: string;
  @ApiProperty({ example: 'version_conflict', description: 'Stable snake_case code' }) code: string;
  @ApiProperty({ description: 'The server\'s request id (also in X-Request-Id)' }) requestId: string;
  @ApiPropertyOptional({ type: [ProblemFieldErrorDto], description: 'Which request fields were refused' }) errors?: ProblemFieldErrorDto[];
  @ApiPropertyOptional({ description: 'version_conflict: the record\'s current version' }) currentVersion?: number;
  @ApiPropertyOptional({ description: 'transition_not_allowed: the attempted action' }) action?: string;
  @ApiPropertyOptional({ description: 'A refusal for the state a record is in (transition_not_allowed, case_not_closable…): that record\'s own status (never `status`, which is the HTTP status)' }) recordStatus?: string;
  @ApiPropertyOptional({ description: 'quorum_not_met: members present' }) members?: number;
  @ApiPropertyOptional({ description: 'quorum_not_met: agencies present' }) agencies?: number;
  @ApiPropertyOptional({ type: QuorumRequiredDto, description: 'quorum_not_met: what the quorum needs' }) required?: QuorumRequiredDto;
  @ApiPropertyOptional({ description: 'same_agency: the agency that requested the closure' }) requestingAgency?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'unsupported_attachment: the detected content type' }) detected?: string | null;
  @ApiPropertyOptional({ description: 'capacity_below_occupancy: places occupied now' }) occupied?: number;
  @ApiPropertyOptional({ type: [FailedRuleDto], description: 'not_eligible: the shelter\'s rules the person does not meet' }) failedRules?: FailedRuleDto[];
  @ApiPropertyOptional({ format: 'uuid', description: 'shelter_at_capacity: the shelter' }) shelterId?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON, wrong types, a body where none is taken, NUL characters or too deep nesting',
  401: 'Not signed in, or the credentials are wrong',
  403: 'The caller\'s role may never use this route',
  404: 'No such record, or one the caller may not see',
  409: 'State conflict (a transition not allowed now, a stale version, a concurrent request)',
  413: 'Body too large',
  415: 'Unsupported content type',
  422: 'Well-formed but refused by a rule',
  428: 'If-Match is required',
  429: 'Too many attempts',
  503: 'Database or Redis unavailable',
};

/** The refusals every route can answer: body checks, sign-in, role, size, content type, an unavailable service. */
export const COMMON_PROBLEMS = [400, 401, 403, 413, 415, 503] as const;
/** The same for a public route (no sign-in, no role). */
export const PUBLIC_PROBLEMS = [400, 413, 415, 503] as const;

/** Declares problem-details answers (application/problem+json) for the given statuses. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...[...new Set(statuses)].sort().map((status) => ApiResponse({
      status,
      description: DESCRIPTIONS[status] ?? 'Problem details',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
    })),
  ) as MethodDecorator & ClassDecorator;
}

/** The common refusals plus the ones a route adds (404 for a record, 409, 422…). */
export function ApiRefusals(...extra: number[]): MethodDecorator & ClassDecorator {
  return ApiProblems(...COMMON_PROBLEMS, ...extra);
}

/** A list answer: `{items: [Item], nextCursor: string | null}`. */
export function pageSchema(item: Type<unknown>) {
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: { $ref: getSchemaPath(item) } },
      nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last' },
    },
  };
}

/** 200 with a page of `item`. */
export function ApiPageResponse(item: Type<unknown>, description?: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiExtraModels(item), ApiResponse({ status: 200, description: description ?? 'A page', schema: pageSchema(item) }));
}

/** The ETag header of versioned records. */
export const ETAG_HEADER = { ETag: { description: 'The record\'s version, `"<version>"`; send it back as If-Match', schema: { type: 'string' } } };
