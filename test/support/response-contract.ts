import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/*
 * The response half of the contract (issue 10): every answer the end-to-end suite receives is checked
 * against what openapi.json declares for its operation and status. Only the tests install this.
 */

type Json = Record<string, unknown>;
export interface OpenApiDocument { paths: Record<string, Record<string, Json>>; components?: { schemas?: Record<string, Json> } }

export interface ContractResult {
  /** `METHOD /path/template`, or undefined when the request matches no operation (not checked). */
  operation?: string;
  status: number;
  violations: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const API_PREFIX = '/api/v1/';
const REF_PREFIX = '#/components/schemas/';

/** OpenAPI 3.0 schema -> JSON Schema (draft 7): `nullable`, `$ref` to the components, no OpenAPI-only keywords. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (['nullable', 'example', 'examples', 'xml', 'externalDocs', 'discriminator', 'readOnly', 'writeOnly', 'deprecated'].includes(key)) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
      out.$ref = `openapi#/definitions/${value.slice(REF_PREFIX.length)}`;
    } else if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  // The contract describes responses fully: a key it does not declare is a violation (unless the schema is open).
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (source.nullable === true) {
    if (out.allOf || out.$ref || out.oneOf || out.anyOf) {
      delete out.type;
      return { anyOf: [out, { type: 'null' }] };
    }
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

/** Compiled once per document: the operations by method and path template, and one validator per response. */
export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly routes: { method: string; template: string; pattern: RegExp; literal: number }[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', definitions: toJsonSchema(document.components?.schemas ?? {}) as Json });
    for (const [template, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        if (!item[method]) continue;
        const source = template.split(/\{[^}]+\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
        this.routes.push({ method, template, pattern: new RegExp(`^${source}$`), literal: template.replace(/\{[^}]+\}/g, '').length });
      }
    }
    // A literal segment wins over a parameter (`/cases/duplicates-check` before `/cases/{id}`).
    this.routes.sort((a, b) => b.literal - a.literal);
  }

  operationFor(method: string, path: string): string | undefined {
    const m = method.toLowerCase();
    const route = this.routes.find((r) => r.method === m && r.pattern.test(path));
    return route && `${m.toUpperCase()} ${route.template}`;
  }

  operations(): string[] {
    return this.routes.map((r) => `${r.method.toUpperCase()} ${r.template}`).sort();
  }

  /** Checks one answer. `body` is the raw bytes sent; JSON is parsed here. */
  check(method: string, path: string, status: number, contentType: string | undefined, body: Buffer): ContractResult {
    const operation = this.operationFor(method, path);
    if (!operation) return { status, violations: [] };
    const [m, template] = operation.split(' ');
    const responses = (this.document.paths[template][m.toLowerCase()].responses ?? {}) as Record<string, Json>;
    const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!declared) return { operation, status, violations: [`status ${status} is not declared`] };
    const content = declared.content as Record<string, { schema?: unknown }> | undefined;
    const type = contentType?.split(';')[0].trim().toLowerCase();
    if (!content) {
      return { operation, status, violations: body.length > 0 ? [`declares no body, got ${body.length} bytes of ${type}`] : [] };
    }
    if (!type || !content[type]) {
      const wildcard = Object.keys(content).find((k) => k.endsWith('/*') && type?.startsWith(k.slice(0, -1)));
      if (!wildcard) return { operation, status, violations: [`content type ${type ?? '(none)'} is not declared (${Object.keys(content).join(', ')})`] };
      return { operation, status, violations: [] };
    }
    if (!(type === 'application/json' || type.endsWith('+json'))) return { operation, status, violations: [] };
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return { operation, status, violations: ['body is not JSON'] };
    }
    const schema = content[type].schema;
    if (!schema) return { operation, status, violations: [] };
    const key = `${operation} ${status} ${type}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Json);
      this.compiled.set(key, validate);
    }
    if (validate(value)) return { operation, status, violations: [] };
    const violations = (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    return { operation, status, violations };
  }
}

const DATA = join(__dirname, '..', '..', '.data');
/** Where one jest worker of a run records the answers it checked. */
export const CONTRACT_FILE = (runId: string, worker: string) => join(DATA, `response-contract-${runId}-w${worker}.jsonl`);
/** Every worker's record of a run. */
export const contractFiles = (runId: string): string[] =>
  readdirSync(DATA).filter((f) => f.startsWith(`response-contract-${runId}-w`) && f.endsWith('.jsonl')).map((f) => join(DATA, f));

let loaded: ResponseContract | undefined;
export function committedContract(): ResponseContract {
  loaded ??= new ResponseContract(JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as OpenApiDocument);
  return loaded;
}

/**
 * Express middleware that records every answer under /api/v1 (HEAD and OPTIONS aside) with its violations,
 * one JSON line per response, in `file`.
 */
export function responseContractMiddleware(contract: ResponseContract, file: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const method = req.method.toUpperCase();
    const path = (req.originalUrl ?? req.url).split('?')[0];
    if (method === 'HEAD' || method === 'OPTIONS' || !path.startsWith(API_PREFIX)) return next();
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    (res as unknown as { write: unknown }).write = (...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    };
    (res as unknown as { end: unknown }).end = (...args: unknown[]) => {
      keep(args[0], args[1]);
      return end(...args);
    };
    res.on('finish', () => {
      const body = Buffer.concat(chunks);
      const result = contract.check(method, path, res.statusCode, res.getHeader('content-type') as string | undefined, body);
      if (!result.operation) return;
      const line: Json = { op: result.operation, status: res.statusCode, violations: result.violations };
      if (result.violations.length) line.body = body.toString('utf8').slice(0, 600);
      if (process.env.RUTA_CONTRACT_CAPTURE) {
        const type = String(res.getHeader('content-type') ?? '');
        line.type = type;
        if (type.includes('json')) line.sample = body.toString('utf8');
      }
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    });
    next();
  };
}
